namespace Kam.Core.Tiering.Pareto;

/// <summary>
/// Pareto/ABC tiering: ranks accounts by a value measure and cuts the ranking by cumulative share of value, by count,
/// or by share of accounts (see <see cref="ParetoPolicy"/>).
/// </summary>
/// <remarks>
/// <para>
/// The score of an account is its value. Cost: the exact two-pass path run on one machine — a
/// <see cref="ValueHistogram"/> of the values, then only the accounts of the buckets holding the cuts are sorted — so
/// no full sort; the first explanation asked for sorts the values once to report what was ranked before each account.
/// </para>
/// <para>
/// For portfolios spread over partitions: exactly, merge <see cref="ValueHistogram"/>s, plan, collect and resolve the
/// boundaries and call <see cref="AssignWithBoundaries"/> on each partition; approximately (one pass, relative error
/// α), merge <see cref="ValueSketch"/>es and call <see cref="AssignWithCutPoints"/>.
/// </para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class ParetoEngine : IParetoEngine
{
    private const string ShareBefore = "cumulative share of value before the account";
    private const string RankBefore = "accounts ranked before the account";
    private readonly ParetoPolicy _policy;

    /// <summary>Creates the engine with its policy.</summary>
    /// <param name="policy">The policy (immutable, so it is kept as given).</param>
    public ParetoEngine(ParetoPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
    }

    /// <inheritdoc />
    public ParetoPolicy Policy => _policy;

    /// <inheritdoc />
    /// <exception cref="KamValidationException">The measure is absent or has missing values, or the portfolio is empty.</exception>
    public TieringResult Assign(AccountMeasures portfolio)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        var policy = _policy;
        portfolio.RequireAccounts("Pareto policy");
        var column = portfolio.RequireColumn(policy.Measure);
        var values = column.RawValues;
        var ids = portfolio.RawIds;
        var n = values.Length;
        var byValue = policy.CutBasis == ParetoCutBasis.CumulativeValueShare;

        // The exact two-pass path run on one machine: histogram, plan, the few accounts of the planned buckets, boundaries.
        var histogram = ValueHistogram.Create(values);
        var total = histogram.PositiveTotal;
        var plan = histogram.PlanPareto(policy);
        var boundaries = plan.Resolve(plan.Collect(portfolio));
        var tier = TierByBoundaries(values, ids, boundaries, byValue, policy.Tiers.Count - 1, out _);
        var summary = TierCounting.Summarize(policy.Tiers, tier, column, policy.Measure);

        // What was ranked before each account, for explanations only: computed once, on the first explanation.
        var before = new Lazy<double[]>(() => RankedBefore(column, portfolio, byValue, total));
        return new TieringResult(policy.Tiers, ids, tier, values, i => Explain(policy, values[i], before.Value[i], tier[i], total, n), summary, RealizedFloors(tier, values, policy.Tiers.Count));
    }

    /// <summary>
    /// Tiers one partition of a larger portfolio against value cut points computed elsewhere (from merged
    /// <see cref="ValueSketch"/>es): an account with value at or above cut point <c>k</c> is in tier <c>k</c> or better.
    /// </summary>
    /// <param name="portfolio">The partition's accounts.</param>
    /// <param name="cutPoints">The value thresholds, from <see cref="ValueSketch.ParetoCutPoints"/>.</param>
    /// <returns>The partition's tiers; merge partition summaries with <see cref="PortfolioSummary.Merge"/>.</returns>
    /// <remarks>
    /// Accounts with equal values at a cut all fall on the same side (all at or above the threshold), unlike
    /// <see cref="Assign"/>, which breaks ties by identifier; this keeps the partitions independent.
    /// </remarks>
    /// <exception cref="KamValidationException">The cut points do not match the policy, or the measure is absent or incomplete.</exception>
    public TieringResult AssignWithCutPoints(AccountMeasures portfolio, IReadOnlyList<double> cutPoints)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        var policy = _policy;
        ArgumentNullException.ThrowIfNull(cutPoints);
        if (cutPoints.Count != policy.Tiers.Count - 1)
        {
            throw new KamValidationException("cutPoints", KamErrorCodes.OutOfRange, cutPoints.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Expected one cut point per tier boundary ({policy.Tiers.Count - 1}).");
        }

        var column = portfolio.RequireColumn(policy.Measure);
        var values = column.RawValues;
        var tier = new int[values.Length];
        var last = policy.Tiers.Count - 1;
        var partitionTotal = 0d;
        for (var i = 0; i < values.Length; i++)
        {
            partitionTotal += values[i] > 0d ? values[i] : 0d;
            var t = 0;
            while (t < last && !(values[i] >= cutPoints[t] && values[i] > 0d))
            {
                t++;
            }

            tier[i] = t;
        }

        var summary = TierCounting.Summarize(policy.Tiers, tier, column, policy.Measure);
        return new TieringResult(policy.Tiers, portfolio.RawIds, tier, values, i => ExplainCut(policy, values[i], tier[i], cutPoints, partitionTotal), summary);
    }

    /// <summary>
    /// Tiers one partition with the exact boundaries of the two-pass path (<see cref="ValueHistogram"/>,
    /// <see cref="ParetoCutPlan"/>): the result equals what <see cref="Assign"/> gives each of these accounts when run
    /// on the whole portfolio, identifier tie-breaks included.
    /// </summary>
    /// <param name="portfolio">The partition's accounts.</param>
    /// <param name="boundaries">The resolved boundaries, one per cut.</param>
    /// <returns>The partition's tiers; merge partition summaries with <see cref="PortfolioSummary.Merge"/>.</returns>
    /// <exception cref="KamValidationException">The boundaries do not match the policy, or the measure is absent or incomplete.</exception>
    public TieringResult AssignWithBoundaries(AccountMeasures portfolio, IReadOnlyList<ParetoBoundary> boundaries)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        var policy = _policy;
        ArgumentNullException.ThrowIfNull(boundaries);
        if (boundaries.Count != policy.Tiers.Count - 1)
        {
            throw new KamValidationException("boundaries", KamErrorCodes.OutOfRange, boundaries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Expected one boundary per tier boundary ({policy.Tiers.Count - 1}).");
        }

        var column = portfolio.RequireColumn(policy.Measure);
        var values = column.RawValues;
        var ids = portfolio.RawIds;
        var byValue = policy.CutBasis == ParetoCutBasis.CumulativeValueShare;
        var tier = TierByBoundaries(values, ids, boundaries, byValue, policy.Tiers.Count - 1, out var partitionTotal);
        var cutValues = new double[boundaries.Count];
        for (var c = 0; c < cutValues.Length; c++)
        {
            cutValues[c] = boundaries[c].Everyone ? double.Epsilon : boundaries[c].Value;
        }

        var summary = TierCounting.Summarize(policy.Tiers, tier, column, policy.Measure);
        return new TieringResult(policy.Tiers, ids, tier, values, i => ExplainCut(policy, values[i], tier[i], cutValues, partitionTotal), summary);
    }

    /// <inheritdoc />
    public ParetoRanking Rank(AccountMeasures portfolio)
    {
        var result = Assign(portfolio);
        var column = portfolio.RequireColumn(_policy.Measure);
        var values = column.RawValues;
        var order = column.DescendingOrder(portfolio);
        var total = 0d;
        foreach (var i in order)
        {
            total += Math.Max(0d, values[i]);
        }

        var share = new double[values.Length];
        var cumulativeShare = new double[values.Length];
        var cumulative = 0d;
        foreach (var i in order)
        {
            var positive = Math.Max(0d, values[i]);
            cumulative += positive;
            share[i] = total > 0 ? positive / total : 0d;
            cumulativeShare[i] = total > 0 ? cumulative / total : 0d;
        }

        return new ParetoRanking(result, order, share, cumulativeShare);
    }

    /// <summary>Places each account by the boundaries: inside cut t when it ranks before boundary t (value descending, id ascending).</summary>
    private static int[] TierByBoundaries(double[] values, AccountId[] ids, IReadOnlyList<ParetoBoundary> boundaries, bool byValue, int last, out double positiveTotal)
    {
        var tier = new int[values.Length];
        positiveTotal = 0d;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            positiveTotal += v > 0d ? v : 0d;
            if (byValue && v <= 0d)
            {
                tier[i] = last;
                continue;
            }

            var t = 0;
            while (t < last && !(boundaries[t].Everyone || v > boundaries[t].Value || (v == boundaries[t].Value && ids[i].CompareTo(boundaries[t].AccountId) < 0)))
            {
                t++;
            }

            tier[i] = t;
        }

        return tier;
    }

    private static double[] RankedBefore(MeasureColumn column, AccountMeasures portfolio, bool byValue, double total)
    {
        var values = column.RawValues;
        var order = column.DescendingOrder(portfolio);
        var before = new double[values.Length];
        var cumulative = 0d;
        for (var p = 0; p < order.Length; p++)
        {
            var i = order[p];
            before[i] = byValue ? (total > 0d ? cumulative / total : 0d) : p;
            cumulative += values[i] > 0d ? values[i] : 0d;
        }

        return before;
    }

    private static long[] CountLimits(ParetoPolicy policy, int n)
    {
        if (policy.CutBasis == ParetoCutBasis.TopCount)
        {
            var counts = new long[policy.CountCuts.Count];
            for (var c = 0; c < counts.Length; c++)
            {
                counts[c] = policy.CountCuts[c];
            }

            return counts;
        }

        var limits = new long[policy.ShareCuts.Count];
        for (var c = 0; c < limits.Length; c++)
        {
            limits[c] = (long)decimal.Ceiling(policy.ShareCuts[c].Fraction * n);
        }

        return limits;
    }

    private static double?[] RealizedFloors(int[] tier, double[] values, int tierCount)
    {
        var floors = new double?[tierCount];
        for (var i = 0; i < tier.Length; i++)
        {
            var t = tier[i];
            if (floors[t] is not { } f || values[i] < f)
            {
                floors[t] = values[i];
            }
        }

        return floors;
    }

    private static TierExplanation Explain(ParetoPolicy policy, double value, double before, int tier, double total, int n)
    {
        var share = total > 0d && value > 0d ? value / total : 0d;
        var contributions = new[] { new CriterionContribution(policy.Measure, value, share, 1d, share) };
        var checks = new List<ThresholdCheck>();
        var valueBasis = policy.CutBasis == ParetoCutBasis.CumulativeValueShare;
        if (valueBasis && value <= 0d)
        {
            checks.Add(new ThresholdCheck(policy.Measure, value, ">", 0d, false, policy.Tiers[^1].Name));
            return new TierExplanation(contributions, checks, []);
        }

        var cutCount = policy.Tiers.Count - 1;
        for (var c = 0; c < cutCount && c <= tier; c++)
        {
            double limit = policy.CutBasis switch
            {
                ParetoCutBasis.CumulativeValueShare => (double)policy.ShareCuts[c].Fraction,
                ParetoCutBasis.TopCount => policy.CountCuts[c],
                _ => (double)decimal.Ceiling(policy.ShareCuts[c].Fraction * n),
            };
            checks.Add(new ThresholdCheck(valueBasis ? ShareBefore : RankBefore, before, "<", limit, c == tier, policy.Tiers[c].Name));
        }

        return new TierExplanation(contributions, checks, []);
    }

    private static TierExplanation ExplainCut(ParetoPolicy policy, double value, int tier, IReadOnlyList<double> cutPoints, double partitionTotal)
    {
        var checks = new List<ThresholdCheck>();
        for (var c = 0; c < cutPoints.Count && c <= tier; c++)
        {
            checks.Add(new ThresholdCheck(policy.Measure, value, ">=", cutPoints[c], c == tier, policy.Tiers[c].Name));
        }

        var share = partitionTotal > 0d && value > 0d ? value / partitionTotal : 0d;
        return new TierExplanation([new CriterionContribution(policy.Measure, value, share, 1d, share)], checks, []);
    }
}
