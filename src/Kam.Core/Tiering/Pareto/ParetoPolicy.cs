using Kam.Core.Tiering.Serialization;

namespace Kam.Core.Tiering.Pareto;

/// <summary>
/// The rules of a Pareto/ABC analysis: which value measure ranks the accounts, the tiers, and where the cuts fall.
/// </summary>
/// <remarks>
/// <para>
/// The default (<see cref="Default"/>) follows the 80/20 rule (rule book: Pareto tiering): rank by revenue, A = the accounts that
/// make up the first 80% of value, B = the next 15%, C = the rest. Rank by gross profit or by contribution after cost to
/// serve instead by naming that measure: revenue alone is not enough (rule book: Pareto tiering).
/// </para>
/// <para>
/// Ranking is by value, highest first; equal values are ordered by account identifier (ordinal), so the outcome never
/// depends on input order. For <see cref="ParetoCutBasis.CumulativeValueShare"/> an account is placed by the share of
/// positive value ranked <em>before</em> it: the account that crosses a cut still belongs to the tier above the cut.
/// Accounts whose value is zero or negative are always in the last tier.
/// </para>
/// <para>Immutable and validated when created; load from JSON with <see cref="FromJson"/>.</para>
/// </remarks>
public sealed class ParetoPolicy
{
    /// <summary>Gets the default policy: revenue, A/B/C at 80% and 95% cumulative share of value.</summary>
    public static ParetoPolicy Default { get; } = new("revenue", TierSets.Abc(), [Percentage.FromPercent(80m), Percentage.FromPercent(95m)]);

    /// <summary>Gets the name of the value measure used for ranking (for example "revenue", "grossProfit", "contribution").</summary>
    public string Measure { get; }

    /// <summary>Gets how the cuts are read.</summary>
    public ParetoCutBasis CutBasis { get; }

    /// <summary>Gets the tiers, best first.</summary>
    public IReadOnlyList<TierDefinition> Tiers { get; }

    /// <summary>Gets the cuts for the share bases: one fewer than the tiers, strictly increasing, cumulative from the top.</summary>
    public IReadOnlyList<Percentage> ShareCuts { get; }

    /// <summary>Gets the cuts for <see cref="ParetoCutBasis.TopCount"/>: cumulative account counts, one fewer than the tiers, increasing.</summary>
    public IReadOnlyList<int> CountCuts { get; }

    /// <summary>Creates a policy that cuts by cumulative share (of value, or of accounts).</summary>
    /// <param name="measure">The value measure.</param>
    /// <param name="tiers">The tiers, best first (at least two; copied).</param>
    /// <param name="cuts">Cumulative shares, one fewer than the tiers, strictly increasing, each above 0% (copied).</param>
    /// <param name="basis">Either <see cref="ParetoCutBasis.CumulativeValueShare"/> or <see cref="ParetoCutBasis.TopShareOfAccounts"/>; for count cuts use <see cref="TopCount"/>.</param>
    /// <exception cref="KamValidationException">The policy is invalid; every problem is reported.</exception>
    public ParetoPolicy(string measure, IReadOnlyList<TierDefinition> tiers, IReadOnlyList<Percentage> cuts, ParetoCutBasis basis = ParetoCutBasis.CumulativeValueShare)
        : this(measure, basis, tiers, cuts, null, byCount: false)
    {
    }

    private ParetoPolicy(string measure, ParetoCutBasis basis, IReadOnlyList<TierDefinition> tiers, IReadOnlyList<Percentage>? shareCuts, IReadOnlyList<int>? countCuts, bool byCount)
    {
        var errors = new ValidationCollector();
        if (!byCount)
        {
            if (basis == ParetoCutBasis.TopCount)
            {
                errors.Add("cutBasis", KamErrorCodes.InvalidState, basis, "Use ParetoPolicy.TopCount for count-based cuts.");
            }

            ValidateCommon(errors, measure, tiers, shareCuts?.Count);
            if (shareCuts is not null)
            {
                for (var i = 0; i < shareCuts.Count; i++)
                {
                    if (shareCuts[i] == Percentage.Zero || (i > 0 && shareCuts[i] <= shareCuts[i - 1]))
                    {
                        errors.Add($"cuts[{i}]", KamErrorCodes.OutOfOrder, shareCuts[i], "Cuts must be above 0% and strictly increasing.");
                    }
                }
            }
        }
        else
        {
            ValidateCommon(errors, measure, tiers, countCuts?.Count);
            for (var i = 0; i < (countCuts?.Count ?? 0); i++)
            {
                if (countCuts![i] < 0)
                {
                    errors.Add($"cuts[{i}]", KamErrorCodes.OutOfRange, countCuts[i], "A count cannot be negative.");
                }
                else if (i > 0 && countCuts[i] < countCuts[i - 1])
                {
                    errors.Add($"cuts[{i}]", KamErrorCodes.OutOfOrder, countCuts[i], "Cumulative counts must not decrease.");
                }
            }
        }

        errors.ThrowIfAny();
        Measure = measure;
        CutBasis = basis;
        Tiers = Array.AsReadOnly(tiers.ToArray());
        ShareCuts = Array.AsReadOnly(shareCuts?.ToArray() ?? []);
        CountCuts = Array.AsReadOnly(countCuts?.ToArray() ?? []);
    }

    /// <summary>Creates a policy that cuts by count: the top N accounts, then the next up to M, and so on.</summary>
    /// <param name="measure">The value measure.</param>
    /// <param name="tiers">The tiers, best first (at least two; copied).</param>
    /// <param name="cumulativeCounts">Cumulative counts, one fewer than the tiers, not negative, not decreasing (copied).</param>
    /// <returns>The policy.</returns>
    /// <exception cref="KamValidationException">The policy is invalid; every problem is reported.</exception>
    public static ParetoPolicy TopCount(string measure, IReadOnlyList<TierDefinition> tiers, IReadOnlyList<int> cumulativeCounts) =>
        new(measure, ParetoCutBasis.TopCount, tiers, null, cumulativeCounts, byCount: true);

    /// <summary>Reads a policy from JSON (see docs/tiering.md for the format).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="KamValidationException">The JSON is malformed or the policy is invalid; paths are JSON paths.</exception>
    public static ParetoPolicy FromJson(string json) => TieringJson.ReadPareto(json);

    /// <summary>Writes the policy as JSON that <see cref="FromJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => TieringJson.Write(this);

    private static void ValidateCommon(ValidationCollector errors, string measure, IReadOnlyList<TierDefinition> tiers, int? cutCount)
    {
        errors.Required("measure", measure);
        TierDefinition.ValidateList(errors, "tiers", tiers, 2);
        if (cutCount is null)
        {
            errors.Required("cuts", (object?)null);
        }
        else if (tiers is not null && cutCount != tiers.Count - 1)
        {
            errors.Add("cuts", KamErrorCodes.OutOfRange, cutCount, $"There must be one cut fewer than tiers ({Math.Max(0, tiers.Count - 1)}).");
        }
    }
}
