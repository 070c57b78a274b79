using System.Globalization;
using NodaTime;

namespace Kam.Core.Tiering.Rfm;

/// <summary>
/// RFM tiering: scores recency, frequency and monetary value by quantiles and names each account's segment from the
/// policy's segment map (see <see cref="RfmPolicy"/>). Works from per-account aggregates, or from a transaction log
/// through <see cref="Aggregate"/>.
/// </summary>
/// <remarks>
/// Cost: for each measure two linear passes find the exact quantile cuts (a radix histogram, then the few values of
/// the buckets holding the cuts); then one pass scores; no sort. Missing values are refused.
/// Immutable and thread-safe.
/// </remarks>
public sealed class RfmEngine : IRfmEngine
{
    private readonly RfmPolicy _policy;

    /// <summary>Creates the engine with its policy.</summary>
    /// <param name="policy">The policy (immutable, so it is kept as given).</param>
    public RfmEngine(RfmPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
    }

    /// <inheritdoc />
    public RfmPolicy Policy => _policy;

    /// <inheritdoc />
    public TieringResult Assign(AccountMeasures portfolio)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        var policy = _policy;
        portfolio.RequireAccounts("RFM policy");
        var (r, f, m) = Columns(portfolio, policy);
        var cuts = new RfmCutPoints(Cuts(r.RawValues, policy.Quantiles), Cuts(f.RawValues, policy.Quantiles), Cuts(m.RawValues, policy.Quantiles));
        return Score(portfolio, policy, cuts, r, f, m);
    }

    /// <summary>Scores one partition of a larger portfolio with cut points computed for the whole (see <see cref="RfmCutPoints.FromSketches"/>).</summary>
    /// <param name="portfolio">The partition's accounts.</param>
    /// <param name="cutPoints">The cut points of the whole portfolio.</param>
    /// <returns>The partition's tiers.</returns>
    /// <exception cref="KamValidationException">A measure is absent or incomplete, or the cut points do not fit the policy.</exception>
    public TieringResult Assign(AccountMeasures portfolio, RfmCutPoints cutPoints)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        var policy = _policy;
        ArgumentNullException.ThrowIfNull(cutPoints);
        if (cutPoints.Recency.Count != policy.Quantiles - 1 || cutPoints.Frequency.Count != policy.Quantiles - 1 || cutPoints.Monetary.Count != policy.Quantiles - 1)
        {
            throw new KamValidationException("cutPoints", KamErrorCodes.OutOfRange, null, $"Each measure needs {policy.Quantiles - 1} cut points.");
        }

        var (r, f, m) = Columns(portfolio, policy);
        return Score(portfolio, policy, cutPoints, r, f, m);
    }

    /// <summary>
    /// Turns a transaction log into per-account RFM measures as of a date: days since the last transaction, number of
    /// transactions, and their total amount, under the names the policy uses.
    /// </summary>
    /// <param name="transactions">The log, in any order.</param>
    /// <param name="asOf">The date recency is counted to; no transaction may be later.</param>
    /// <returns>The portfolio of every account in the log, ordered by identifier.</returns>
    /// <exception cref="KamValidationException">The log is empty, mixes currencies, or has a transaction after <paramref name="asOf"/>.</exception>
    public AccountMeasures Aggregate(IEnumerable<CustomerTransaction> transactions, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        var policy = _policy;
        var errors = new ValidationCollector();
        var totals = new SortedDictionary<AccountId, (LocalDate Last, long Count, decimal Sum)>();
        Currency? currency = null;
        var index = 0;
        foreach (var t in transactions)
        {
            var path = $"transactions[{index++}]";
            if (!errors.Required(path, t))
            {
                continue;
            }

            if (t.AccountId == default)
            {
                errors.Add($"{path}.accountId", KamErrorCodes.Required, null, "Every transaction needs an account.");
                continue;
            }

            if (t.Date > asOf)
            {
                errors.Add($"{path}.date", KamErrorCodes.OutOfOrder, t.Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), "A transaction cannot be later than the as-of date.");
            }

            currency ??= t.Amount.Currency;
            if (t.Amount.Currency != currency)
            {
                errors.Add($"{path}.amount", KamErrorCodes.CurrencyMismatch, t.Amount.Currency.Code, $"The log is in {currency.Value.Code}; one log cannot mix currencies.");
                continue;
            }

            totals.TryGetValue(t.AccountId, out var s);
            totals[t.AccountId] = (s.Count == 0 || t.Date > s.Last ? t.Date : s.Last, s.Count + 1, Overflow.Add(s.Sum, t.Amount.Amount, $"{path}.amount"));
        }

        if (index == 0)
        {
            errors.Add("transactions", KamErrorCodes.Empty, "0", "The transaction log is empty.");
        }

        errors.ThrowIfAny();
        var ids = new AccountId[totals.Count];
        var recency = new double[totals.Count];
        var frequency = new long[totals.Count];
        var monetary = new double[totals.Count];
        var i = 0;
        foreach (var (id, s) in totals)
        {
            ids[i] = id;
            recency[i] = Period.Between(s.Last, asOf, PeriodUnits.Days).Days;
            frequency[i] = s.Count;
            monetary[i] = (double)s.Sum;
            i++;
        }

        return AccountMeasures.Create(ids,
        [
            MeasureColumn.Numbers(policy.RecencyMeasure, recency),
            MeasureColumn.Counts(policy.FrequencyMeasure, frequency),
            MeasureColumn.Amounts(policy.MonetaryMeasure, currency!.Value, monetary),
        ]);
    }

    /// <summary>Cut k (k = 1 … q−1) is the ⌈k·n/q⌉-th lowest value (nearest rank), found without sorting.</summary>
    private static double[] Cuts(double[] values, int quantiles)
    {
        var ranks = new int[quantiles - 1];
        for (var k = 1; k < quantiles; k++)
        {
            ranks[k - 1] = Math.Max(0, (int)Math.Ceiling((double)k * values.Length / quantiles) - 1);
        }

        return RadixSelection.ValuesAtRanks(values, ranks);
    }

    private static (MeasureColumn R, MeasureColumn F, MeasureColumn M) Columns(AccountMeasures portfolio, RfmPolicy policy) =>
        (portfolio.RequireColumn(policy.RecencyMeasure),
         portfolio.RequireColumn(policy.FrequencyMeasure),
         portfolio.RequireColumn(policy.MonetaryMeasure));

    private static TieringResult Score(AccountMeasures portfolio, RfmPolicy policy, RfmCutPoints cuts, MeasureColumn rc, MeasureColumn fc, MeasureColumn mc)
    {
        var q = policy.Quantiles;
        var n = portfolio.Count;
        var lookup = SegmentLookup(policy);
        var rCuts = cuts.Recency.ToArray();
        var fCuts = cuts.Frequency.ToArray();
        var mCuts = cuts.Monetary.ToArray();
        var rv = rc.RawValues;
        var fv = fc.RawValues;
        var mv = mc.RawValues;
        var packed = new int[n];
        var tier = new int[n];
        var score = new double[n];
        for (var i = 0; i < n; i++)
        {
            var r = q - Above(rv[i], rCuts);
            var f = 1 + Above(fv[i], fCuts);
            var m = 1 + Above(mv[i], mCuts);
            packed[i] = (r << 16) | (f << 8) | m;
            score[i] = r + f + m;
            tier[i] = lookup[(((r - 1) * q) + (f - 1)) * q + (m - 1)];
        }

        var summary = TierCounting.Summarize(policy.Tiers, tier, mc, policy.MonetaryMeasure);
        return new TieringResult(policy.Tiers, portfolio.RawIds, tier, score, i => Explain(policy, packed[i], tier[i], rv[i], fv[i], mv[i]), summary);
    }

    private static int Above(double value, double[] cuts)
    {
        var count = 0;
        for (var k = 0; k < cuts.Length; k++)
        {
            count += value > cuts[k] ? 1 : 0;
        }

        return count;
    }

    private static int[] SegmentLookup(RfmPolicy policy)
    {
        var q = policy.Quantiles;
        var lookup = new int[q * q * q];
        for (var r = 1; r <= q; r++)
        {
            for (var f = 1; f <= q; f++)
            {
                for (var m = 1; m <= q; m++)
                {
                    var segment = policy.Segments.Count;
                    for (var s = 0; s < policy.Segments.Count; s++)
                    {
                        if (policy.Segments[s].Matches(r, f, m))
                        {
                            segment = s;
                            break;
                        }
                    }

                    lookup[(((r - 1) * q) + (f - 1)) * q + (m - 1)] = segment;
                }
            }
        }

        return lookup;
    }

    private static TierExplanation Explain(RfmPolicy policy, int packed, int tier, double rv, double fv, double mv)
    {
        int r = packed >> 16, f = (packed >> 8) & 0xFF, m = packed & 0xFF;
        double q = policy.Quantiles;
        var contributions = new[]
        {
            new CriterionContribution(policy.RecencyMeasure, rv, r / q, 1d, r),
            new CriterionContribution(policy.FrequencyMeasure, fv, f / q, 1d, f),
            new CriterionContribution(policy.MonetaryMeasure, mv, m / q, 1d, m),
        };
        var checks = new List<ThresholdCheck>();
        for (var s = 0; s < policy.Segments.Count && s <= tier; s++)
        {
            var seg = policy.Segments[s];
            var name = seg.Tier.Name;
            Range(checks, policy.RecencyMeasure, r, seg.RecencyMin, seg.RecencyMax, name);
            Range(checks, policy.FrequencyMeasure, f, seg.FrequencyMin, seg.FrequencyMax, name);
            Range(checks, policy.MonetaryMeasure, m, seg.MonetaryMin, seg.MonetaryMax, name);
        }

        return new TierExplanation(contributions, checks, []);
    }

    /// <summary>Records both bounds of one measure's score range in a segment, and whether each held.</summary>
    private static void Range(List<ThresholdCheck> checks, string measure, int score, int min, int max, string segment)
    {
        var quantity = measure + " score";
        checks.Add(new ThresholdCheck(quantity, score, ">=", min, score >= min, segment));
        checks.Add(new ThresholdCheck(quantity, score, "<=", max, score <= max, segment));
    }
}
