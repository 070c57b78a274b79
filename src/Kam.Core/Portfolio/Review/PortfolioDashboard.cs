namespace Kam.Core.Portfolio.Review;

/// <summary>
/// The portfolio dashboard: every account ranked by risk and by opportunity, each with the rules that fired and
/// their reasons, and how many accounts each rule flagged.
/// </summary>
/// <remarks>
/// <para>
/// Ranking: score (the sum of the fired rules' weights) descending, then value at stake descending, then account
/// identifier (ordinal) — a total order, so the same sources and rules give the same dashboard whatever the order of
/// the parts' rows. Only accounts with at least one fired rule of the kind are ranked.
/// </para>
/// <para>
/// Mergeable: dashboards of disjoint sets of accounts (one per unit, say), under the same rules, merge into the
/// dashboard of the union (<see cref="Merge"/>), as long as no rule reads a signal relative to the portfolio
/// (<c>clv.percentile</c> ranks within its own sources; merge such partitions only if the percentile was the
/// portfolio's). Immutable and safe to share between threads.
/// </para>
/// </remarks>
public sealed class PortfolioDashboard
{
    private readonly DashboardEntry[] _risks;
    private readonly DashboardEntry[] _opportunities;
    private readonly int[] _counts;

    internal PortfolioDashboard(ReviewRuleSet rules, int accounts, DashboardEntry[] risks, DashboardEntry[] opportunities, int[] counts, bool sorted = false)
    {
        Rules = rules;
        AccountCount = accounts;
        if (!sorted)
        {
            Array.Sort(risks, DashboardEntry.Compare);
            Array.Sort(opportunities, DashboardEntry.Compare);
        }

        _risks = risks;
        _opportunities = opportunities;
        _counts = counts;
        Risks = Array.AsReadOnly(risks);
        Opportunities = Array.AsReadOnly(opportunities);
        var byRule = new Dictionary<string, int>(counts.Length, StringComparer.Ordinal);
        for (var i = 0; i < counts.Length; i++)
        {
            byRule[rules.Rules[i].Code] = counts[i];
        }

        CountsByRule = byRule.AsReadOnly();
    }

    /// <summary>Gets the rules applied.</summary>
    public ReviewRuleSet Rules { get; }

    /// <summary>Gets the number of accounts reviewed.</summary>
    public int AccountCount { get; }

    /// <summary>Gets the accounts with at least one risk, ranked (highest risk first).</summary>
    public IReadOnlyList<DashboardEntry> Risks { get; }

    /// <summary>Gets the accounts with at least one opportunity, ranked (best opportunity first).</summary>
    public IReadOnlyList<DashboardEntry> Opportunities { get; }

    /// <summary>Gets how many accounts each rule fired for, by rule code, in rule-set order.</summary>
    public IReadOnlyDictionary<string, int> CountsByRule { get; }

    /// <summary>Gets the first <paramref name="count"/> accounts of the risk ranking.</summary>
    /// <param name="count">How many, at least 0; fewer are returned when fewer are ranked.</param>
    /// <returns>The top of the ranking.</returns>
    /// <exception cref="KamValidationException">The count is negative.</exception>
    public IReadOnlyList<DashboardEntry> TopRisks(int count) => Top(_risks, count);

    /// <summary>Gets the first <paramref name="count"/> accounts of the opportunity ranking.</summary>
    /// <param name="count">How many, at least 0; fewer are returned when fewer are ranked.</param>
    /// <returns>The top of the ranking.</returns>
    /// <exception cref="KamValidationException">The count is negative.</exception>
    public IReadOnlyList<DashboardEntry> TopOpportunities(int count) => Top(_opportunities, count);

    /// <summary>Merges the dashboard of another, disjoint set of accounts reviewed under the same rules.</summary>
    /// <param name="other">The other dashboard.</param>
    /// <returns>The dashboard of both sets of accounts.</returns>
    /// <exception cref="KamValidationException">The rules differ (<c>rules</c>, <see cref="KamErrorCodes.InvalidState"/>) or an account is ranked in both (<c>accounts['X']</c>, <see cref="KamErrorCodes.Duplicate"/>).</exception>
    public PortfolioDashboard Merge(PortfolioDashboard other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!ReferenceEquals(Rules, other.Rules) && !string.Equals(Rules.ToJson(), other.Rules.ToJson(), StringComparison.Ordinal))
        {
            throw new KamValidationException("rules", KamErrorCodes.InvalidState, null, "Only dashboards built with the same rules can be merged.");
        }

        var errors = new ValidationCollector();
        var risks = MergeSorted(_risks, other._risks, errors);
        var opportunities = MergeSorted(_opportunities, other._opportunities, errors);
        errors.ThrowIfAny();
        var counts = new int[_counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = _counts[i] + other._counts[i];
        }

        return new PortfolioDashboard(Rules, checked(AccountCount + other.AccountCount), risks, opportunities, counts, sorted: true);
    }

    private static System.Collections.ObjectModel.ReadOnlyCollection<DashboardEntry> Top(DashboardEntry[] ranking, int count)
    {
        if (count < 0)
        {
            throw new KamValidationException("count", KamErrorCodes.OutOfRange, count.ToString(System.Globalization.CultureInfo.InvariantCulture), "The count is at least 0.");
        }

        return Array.AsReadOnly(ranking[..Math.Min(count, ranking.Length)]);
    }

    private static DashboardEntry[] MergeSorted(DashboardEntry[] a, DashboardEntry[] b, ValidationCollector errors)
    {
        var seen = new HashSet<AccountId>(a.Length);
        foreach (var e in a)
        {
            seen.Add(e.Account);
        }

        foreach (var e in b)
        {
            if (seen.Contains(e.Account))
            {
                errors.Add($"accounts['{e.Account}']", KamErrorCodes.Duplicate, e.Account, "The account is in both dashboards: merge dashboards of disjoint sets of accounts.");
            }
        }

        var merged = new DashboardEntry[a.Length + b.Length];
        int i = 0, j = 0, k = 0;
        while (i < a.Length && j < b.Length)
        {
            merged[k++] = DashboardEntry.Compare(a[i], b[j]) <= 0 ? a[i++] : b[j++];
        }

        while (i < a.Length)
        {
            merged[k++] = a[i++];
        }

        while (j < b.Length)
        {
            merged[k++] = b[j++];
        }

        return merged;
    }
}
