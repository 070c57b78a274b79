using Kam.Core.Stages;

namespace Kam.Core.Portfolio;

/// <summary>
/// The win/loss analysis of a set of closed opportunities: the totals, the breakdowns by close reason, cause group,
/// winning competitor, stage reached, owner, size band and industry, and the trend by period. Summaries of separate
/// partitions <see cref="Merge"/> into the summary of their union.
/// </summary>
/// <remarks>
/// <para>
/// A summary is a monoid: <see cref="Empty"/> is the identity and <see cref="Merge"/> is associative and commutative,
/// exactly (counts are integers, values <see cref="decimal"/> sums, cycle times a histogram of whole days, so that
/// even the median of a union is exact). Every breakdown sums to <see cref="Total"/>: each closed opportunity is in
/// exactly one row of each (null keys hold those without the attribute).
/// </para>
/// <para>Immutable and thread-safe; equality is structural.</para>
/// </remarks>
public sealed class WinLossSummary : IEquatable<WinLossSummary>
{
    private readonly Dictionary<WinLossKey, WinLossTally> _cells;

    internal WinLossSummary(WinLossOptions options, FiscalCalendar calendar, Currency currency, Dictionary<WinLossKey, WinLossTally> cells)
    {
        Options = options;
        Calendar = calendar;
        Currency = currency;
        _cells = cells;
    }

    /// <summary>Gets the options the summary was made under.</summary>
    public WinLossOptions Options { get; }

    /// <summary>Gets the calendar that names the periods.</summary>
    public FiscalCalendar Calendar { get; }

    /// <summary>Gets the currency of every value.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the figures of every closed opportunity.</summary>
    public WinLossFigures Total => Figures(_cells.Values);

    /// <summary>Gets the breakdown by close reason code: the codes of the reason list that occur, in the list's order, then null (no code recorded).</summary>
    public IReadOnlyList<WinLossRow<string?>> ByReason => Rows(k => k.Reason, Comparer<string?>.Create((a, b) => ReasonOrder(a).CompareTo(ReasonOrder(b))));

    /// <summary>Gets the breakdown by cause group (a reason's cause, or its code when it has none), in ordinal order, then null (no code recorded).</summary>
    public IReadOnlyList<WinLossRow<string?>> ByCause => Rows(k => k.Reason is null ? null : Options.Reasons.Find(k.Reason)!.CauseGroup, NullsLast);

    /// <summary>Gets the breakdown by the competitor who won, in ordinal order, then null (won and abandoned opportunities, and losses without a named competitor).</summary>
    public IReadOnlyList<WinLossRow<string?>> ByCompetitor => Rows(k => k.Competitor, NullsLast);

    /// <summary>Gets the breakdown by the stage reached (the highest stage entered when the opportunity closed): null (before stage 1) first, then stages 1 to 8.</summary>
    public IReadOnlyList<WinLossRow<SalesStage?>> ByStage => Rows(k => k.Stage == 0 ? null : (SalesStage?)k.Stage, Comparer<SalesStage?>.Default);

    /// <summary>Gets the breakdown by owner (the salesperson who owned the opportunity when it closed), in identifier order.</summary>
    public IReadOnlyList<WinLossRow<PersonId>> ByOwner => Rows(k => k.Owner, Comparer<PersonId>.Default);

    /// <summary>Gets the breakdown by size band of the opportunity's value: every band of the options, in order, empty ones included.</summary>
    public IReadOnlyList<WinLossRow<SizeBand>> BySizeBand =>
        Options.SizeBands.Select((band, i) => new WinLossRow<SizeBand>(band, Figures(_cells.Where(c => c.Key.Band == i).Select(c => c.Value)))).ToArray();

    /// <summary>Gets the breakdown by the account's industry, in ordinal order, then null (industry not recorded).</summary>
    public IReadOnlyList<WinLossRow<string?>> ByIndustry => Rows(k => k.Industry, NullsLast);

    /// <summary>
    /// Gets the trend: every period from the first to the last in which opportunities closed (periods without any
    /// included, with empty figures), each with the change from the period before (the first period is compared with
    /// the empty period before it).
    /// </summary>
    public IReadOnlyList<WinLossPeriodRow> ByPeriod
    {
        get
        {
            if (_cells.Count == 0)
            {
                return [];
            }

            var byPeriod = _cells.GroupBy(c => c.Key.Period).ToDictionary(g => g.Key, g => Figures(g.Select(c => c.Value)));
            var first = byPeriod.Keys.Min();
            var last = byPeriod.Keys.Max();
            var empty = Figures([]);
            var rows = new List<WinLossPeriodRow>();
            var previous = empty;
            for (var p = first; p <= last; p = p.Next)
            {
                var figures = byPeriod.GetValueOrDefault(p) ?? empty;
                rows.Add(new WinLossPeriodRow(p, figures, previous));
                previous = figures;
            }

            return rows;
        }
    }

    /// <summary>Gets the summary of no opportunities: the identity of <see cref="Merge"/>.</summary>
    /// <param name="options">The options; null for <see cref="WinLossOptions.Default"/>.</param>
    /// <param name="calendar">The calendar; null for calendar years.</param>
    /// <param name="currency">The currency of the values.</param>
    /// <returns>An empty summary.</returns>
    public static WinLossSummary Empty(Currency currency, WinLossOptions? options = null, FiscalCalendar? calendar = null) =>
        new(options ?? WinLossOptions.Default, calendar ?? FiscalCalendar.Calendar, currency, []);

    /// <summary>Combines this summary with the summary of a disjoint set of closed opportunities.</summary>
    /// <param name="other">The other summary.</param>
    /// <returns>The summary of both sets; neither input changes.</returns>
    /// <exception cref="CurrencyMismatchException">The summaries are in different currencies.</exception>
    /// <exception cref="KamValidationException">The summaries were made under different options or calendars, or a value total overflows.</exception>
    public WinLossSummary Merge(WinLossSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Currency != Currency)
        {
            throw new CurrencyMismatchException(Currency, other.Currency, "merge win/loss summaries");
        }

        if (!Options.SameRules(other.Options) || !Calendar.Equals(other.Calendar))
        {
            throw new KamValidationException("other.Options", KamErrorCodes.InvalidState, null, "Summaries made under different options or calendars cannot be merged.");
        }

        var cells = _cells.ToDictionary(c => c.Key, c => c.Value.Copy());
        foreach (var (key, tally) in other._cells)
        {
            if (cells.TryGetValue(key, out var mine))
            {
                mine.Add(tally);
            }
            else
            {
                cells[key] = tally.Copy();
            }
        }

        return new WinLossSummary(Options, Calendar, Currency, cells);
    }

    /// <inheritdoc />
    public bool Equals(WinLossSummary? other) =>
        other is not null && Currency == other.Currency && Options.SameRules(other.Options) && Calendar.Equals(other.Calendar)
        && _cells.Count == other._cells.Count && _cells.All(c => other._cells.TryGetValue(c.Key, out var o) && c.Value.Equals(o));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as WinLossSummary);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Currency, _cells.Count);

    private static readonly IComparer<string?> NullsLast = Comparer<string?>.Create((a, b) =>
        a is null ? (b is null ? 0 : 1) : b is null ? -1 : string.CompareOrdinal(a, b));

    private int ReasonOrder(string? code)
    {
        if (code is null)
        {
            return int.MaxValue;
        }

        var reasons = Options.Reasons.Reasons;
        for (var i = 0; i < reasons.Count; i++)
        {
            if (string.Equals(reasons[i].Code, code, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return int.MaxValue - 1;
    }

    private WinLossRow<TKey>[] Rows<TKey>(Func<WinLossKey, TKey> key, IComparer<TKey> order)
    {
        var groups = new List<(TKey Key, List<WinLossTally> Tallies)>();
        var index = new Dictionary<Boxed<TKey>, int>();
        foreach (var (cellKey, tally) in _cells)
        {
            var k = key(cellKey);
            if (!index.TryGetValue(new Boxed<TKey>(k), out var at))
            {
                at = groups.Count;
                index[new Boxed<TKey>(k)] = at;
                groups.Add((k, []));
            }

            groups[at].Tallies.Add(tally);
        }

        return groups.OrderBy(g => g.Key, order).Select(g => new WinLossRow<TKey>(g.Key, Figures(g.Tallies))).ToArray();
    }

    private WinLossFigures Figures(IEnumerable<WinLossTally> tallies)
    {
        var sum = new WinLossTally();
        foreach (var tally in tallies)
        {
            sum.Add(tally);
        }

        return new WinLossFigures(sum, Currency);
    }

    /// <summary>A dictionary key that allows null.</summary>
    private readonly record struct Boxed<T>(T Value);
}

/// <summary>The cell of a win/loss summary: every attribute the breakdowns group by.</summary>
internal readonly record struct WinLossKey(OpportunityStatus Outcome, string? Reason, string? Competitor, byte Stage, PersonId Owner, int Band, string? Industry, FiscalPeriod Period);
