using System.Globalization;

namespace Kam.Core.Tiering.Selection;

/// <summary>
/// Chooses the key accounts: the accounts with the highest value that pass every gate, as many as the capacity
/// allows, and never one with a value of zero or less; reports who just missed and why.
/// </summary>
/// <remarks>
/// Each key account takes one unit of capacity, so taking the eligible accounts in order of value is optimal: no other
/// choice of at most <c>capacity</c> eligible accounts has a higher total value. Equal values are ordered by account
/// identifier. Immutable and thread-safe.
/// </remarks>
public sealed class KeyAccountSelectionEngine : IKeyAccountSelectionEngine
{
    private readonly SelectionPolicy _policy;

    /// <summary>Creates the engine with its policy.</summary>
    /// <param name="policy">The policy (immutable, so it is kept as given).</param>
    public KeyAccountSelectionEngine(SelectionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
    }

    /// <inheritdoc />
    public SelectionPolicy Policy => _policy;

    /// <inheritdoc />
    public TieringResult Assign(AccountMeasures portfolio) => Select(portfolio).Result;

    /// <summary>Selects the key accounts and reports the near misses.</summary>
    /// <param name="portfolio">The accounts with the value measure and every gate's measure.</param>
    /// <returns>The selection.</returns>
    /// <exception cref="KamValidationException">A measure is absent, the value measure is incomplete, or the portfolio is empty.</exception>
    public KeyAccountSelection Select(AccountMeasures portfolio)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        var policy = _policy;
        portfolio.RequireAccounts("selection policy");
        var valueColumn = portfolio.RequireColumn(policy.ValueMeasure);
        var gateColumns = new MeasureColumn[policy.Gates.Count];
        for (var g = 0; g < gateColumns.Length; g++)
        {
            gateColumns[g] = portfolio.Measure(policy.Gates[g].Measure);
        }

        var values = valueColumn.RawValues;
        var ids = portfolio.RawIds;
        var order = valueColumn.DescendingOrder(portfolio);
        var n = values.Length;
        var tier = new int[n];
        var rank = new int[n];
        var eligibleRank = new int[n];
        var capacity = policy.Capacity;
        var selected = 0;
        var selectedValue = 0d;
        var eligibleSeen = 0;
        for (var p = 0; p < n; p++)
        {
            var i = order[p];
            rank[i] = p + 1;
            tier[i] = 1;
            eligibleRank[i] = 0;
            if (!PassesGates(policy, gateColumns, i))
            {
                continue;
            }

            eligibleRank[i] = ++eligibleSeen;
            if (values[i] > 0d && selected < capacity)
            {
                tier[i] = 0;
                selected++;
                selectedValue += values[i];
            }
        }

        var nearMisses = new List<NearMiss>();
        for (var p = 0; p < n && nearMisses.Count < policy.NearMissCount; p++)
        {
            var i = order[p];
            if (tier[i] == 0)
            {
                continue;
            }

            var failed = FailedGates(policy, gateColumns, i);
            nearMisses.Add(new NearMiss(ids[i], values[i], rank[i], Reason(policy, failed, values[i], eligibleRank[i], capacity), failed));
        }

        var summary = TierCounting.Summarize(policy.Tiers, tier, valueColumn, policy.ValueMeasure);
        var result = new TieringResult(policy.Tiers, ids, tier, values, i => Explain(policy, gateColumns, values[i], eligibleRank[i], capacity, i), summary);
        return new KeyAccountSelection(result, capacity, selected, selectedValue, nearMisses);
    }

    // Whether an account passes every gate (a missing value fails), without listing the gates it fails: a million accounts.
    private static bool PassesGates(SelectionPolicy policy, MeasureColumn[] gateColumns, int i)
    {
        for (var g = 0; g < gateColumns.Length; g++)
        {
            if (gateColumns[g].ValueAt(i) is not { } v || !policy.Gates[g].Passes(v))
            {
                return false;
            }
        }

        return true;
    }

    private static List<string> FailedGates(SelectionPolicy policy, MeasureColumn[] gateColumns, int i)
    {
        List<string>? failed = null;
        for (var g = 0; g < gateColumns.Length; g++)
        {
            if (gateColumns[g].ValueAt(i) is not { } v || !policy.Gates[g].Passes(v))
            {
                (failed ??= []).Add(policy.Gates[g].Measure);
            }
        }

        return failed ?? [];
    }

    private static string Reason(SelectionPolicy policy, List<string> failed, double value, int eligibleRank, int capacity)
    {
        if (failed.Count > 0)
        {
            return "failed gate " + string.Join(", ", failed);
        }

        return value <= 0d
            ? string.Create(CultureInfo.InvariantCulture, $"{policy.ValueMeasure} {value:0.##} is not positive")
            : string.Create(CultureInfo.InvariantCulture, $"capacity: eligible rank {eligibleRank} > capacity {capacity}");
    }

    private static TierExplanation Explain(SelectionPolicy policy, MeasureColumn[] gateColumns, double value, int eligibleRank, int capacity, int i)
    {
        var gates = new List<GateCheck>(gateColumns.Length);
        var anyFailed = false;
        for (var g = 0; g < gateColumns.Length; g++)
        {
            var v = gateColumns[g].ValueAt(i);
            var passed = v is { } x && policy.Gates[g].Passes(x);
            anyFailed |= !passed;
            gates.Add(new GateCheck(policy.Gates[g].Measure, v, passed, policy.Tiers[1].Name, !passed));
        }

        var checks = new List<ThresholdCheck> { new(policy.ValueMeasure, value, ">", 0d, value > 0d, policy.Tiers[0].Name) };
        if (!anyFailed)
        {
            checks.Add(new ThresholdCheck("rank among eligible accounts", eligibleRank, "<=", capacity, eligibleRank <= capacity, policy.Tiers[0].Name));
        }

        return new TierExplanation([new CriterionContribution(policy.ValueMeasure, value, 1d, 1d, value)], checks, gates);
    }
}
