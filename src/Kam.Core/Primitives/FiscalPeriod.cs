using System.Globalization;
using NodaTime;

namespace Kam.Core;

/// <summary>
/// A month, quarter, half or whole year of a fiscal calendar: its kind, the fiscal year it belongs to, its position
/// in that year, and the calendar months it covers.
/// </summary>
/// <remarks>
/// <para>
/// Get one from <see cref="FiscalCalendar.PeriodOf(LocalDate, PeriodKind)"/>. A period knows its own first month,
/// so <see cref="Interval"/>, <see cref="Next"/>, <see cref="Previous"/>, <see cref="Parent"/> and
/// <see cref="Children"/> need no calendar.
/// </para>
/// <para>
/// Equality compares kind, fiscal year, index and first month. Ordering is by first month, then by length
/// (a month sorts before the quarter starting with it). The text form is <c>FY2026</c>, <c>FY2026-H1</c>,
/// <c>FY2026-Q3</c> or <c>FY2026-M07</c>.
/// </para>
/// </remarks>
public readonly record struct FiscalPeriod : IComparable<FiscalPeriod>
{
    internal FiscalPeriod(PeriodKind kind, int fiscalYear, int index, YearMonth start)
    {
        Kind = kind;
        FiscalYear = fiscalYear;
        Index = index;
        Start = start;
    }

    /// <summary>Gets the length of the period.</summary>
    public PeriodKind Kind { get; }

    /// <summary>Gets the number of the fiscal year the period belongs to.</summary>
    public int FiscalYear { get; }

    /// <summary>Gets the 1-based position of the period within its fiscal year (1-12 for months, 1-4 for quarters, 1-2 for halves, 1 for the year).</summary>
    public int Index { get; }

    /// <summary>Gets the first calendar month of the period.</summary>
    public YearMonth Start { get; }

    /// <summary>Gets the last calendar month of the period.</summary>
    public YearMonth End => Start.PlusMonths(MonthCount - 1);

    /// <summary>Gets the number of calendar months in the period (1, 3, 6 or 12).</summary>
    public int MonthCount => (int)Kind;

    /// <summary>Gets the dates of the period, first and last day included.</summary>
    public DateInterval Interval => new(Start.OnDayOfMonth(1), End.OnDayOfMonth(End.ToDateInterval().End.Day));

    /// <summary>Gets the calendar months of the period, in order.</summary>
    public IReadOnlyList<YearMonth> Months
    {
        get
        {
            var start = Start;
            return Enumerable.Range(0, MonthCount).Select(start.PlusMonths).ToArray();
        }
    }

    /// <summary>Gets the period of the same kind that follows this one.</summary>
    public FiscalPeriod Next => Shift(1);

    /// <summary>Gets the period of the same kind that precedes this one.</summary>
    public FiscalPeriod Previous => Shift(-1);

    /// <summary>Tells whether one period sorts before another.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(FiscalPeriod left, FiscalPeriod right) => left.CompareTo(right) < 0;

    /// <summary>Tells whether one period sorts after another.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(FiscalPeriod left, FiscalPeriod right) => left.CompareTo(right) > 0;

    /// <summary>Tells whether one period sorts before or equal to another.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(FiscalPeriod left, FiscalPeriod right) => left.CompareTo(right) <= 0;

    /// <summary>Tells whether one period sorts after or equal to another.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(FiscalPeriod left, FiscalPeriod right) => left.CompareTo(right) >= 0;

    /// <summary>Tells whether a date falls within the period.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when the date is in the period.</returns>
    public bool Contains(LocalDate date) => Interval.Contains(date);

    /// <summary>Tells whether another period lies entirely within this one.</summary>
    /// <param name="other">The other period.</param>
    /// <returns><see langword="true"/> when every month of <paramref name="other"/> is a month of this period.</returns>
    public bool Contains(FiscalPeriod other) => other.Start.CompareTo(Start) >= 0 && other.End.CompareTo(End) <= 0;

    /// <summary>Gets the longer period of a given kind that contains this one (the quarter of a month, the year of a half).</summary>
    /// <param name="kind">The kind of the containing period; not shorter than this period's kind.</param>
    /// <returns>The containing period.</returns>
    /// <exception cref="KamValidationException"><paramref name="kind"/> is shorter than <see cref="Kind"/>.</exception>
    public FiscalPeriod Parent(PeriodKind kind)
    {
        if ((int)kind < (int)Kind)
        {
            throw new KamValidationException(nameof(kind), KamErrorCodes.OutOfRange, kind.ToString(), $"A {Kind} can only be contained in a period at least as long.");
        }

        var monthOfYear = ((Index - 1) * MonthCount) + 1;
        var parentIndex = ((monthOfYear - 1) / (int)kind) + 1;
        var parentStart = Start.PlusMonths(-((monthOfYear - 1) % (int)kind));
        return new FiscalPeriod(kind, FiscalYear, parentIndex, parentStart);
    }

    /// <summary>Gets the shorter periods of a given kind that make up this one (the months of a quarter), in order.</summary>
    /// <param name="kind">The kind of the parts; not longer than this period's kind.</param>
    /// <returns>The parts.</returns>
    /// <exception cref="KamValidationException"><paramref name="kind"/> is longer than <see cref="Kind"/>.</exception>
    public IReadOnlyList<FiscalPeriod> Children(PeriodKind kind)
    {
        if ((int)kind > (int)Kind)
        {
            throw new KamValidationException(nameof(kind), KamErrorCodes.OutOfRange, kind.ToString(), $"A {Kind} can only be split into periods at most as long.");
        }

        var count = MonthCount / (int)kind;
        var firstIndex = ((Index - 1) * count) + 1;
        var self = this;
        return Enumerable.Range(0, count)
            .Select(i => new FiscalPeriod(kind, self.FiscalYear, firstIndex + i, self.Start.PlusMonths(i * (int)kind)))
            .ToArray();
    }

    /// <inheritdoc />
    public int CompareTo(FiscalPeriod other)
    {
        var byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : ((int)Kind).CompareTo((int)other.Kind);
    }

    /// <summary>Returns the text form: <c>FY2026</c>, <c>FY2026-H1</c>, <c>FY2026-Q3</c> or <c>FY2026-M07</c>.</summary>
    /// <returns>The period's name.</returns>
    public override string ToString() => Kind switch
    {
        PeriodKind.Year => string.Create(CultureInfo.InvariantCulture, $"FY{FiscalYear}"),
        PeriodKind.Half => string.Create(CultureInfo.InvariantCulture, $"FY{FiscalYear}-H{Index}"),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"FY{FiscalYear}-Q{Index}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"FY{FiscalYear}-M{Index:00}"),
    };

    private FiscalPeriod Shift(int steps)
    {
        var perYear = 12 / MonthCount;
        var zeroBased = Index - 1 + steps;
        var yearShift = (int)Math.Floor(zeroBased / (double)perYear);
        var index = zeroBased - (yearShift * perYear) + 1;
        return new FiscalPeriod(Kind, FiscalYear + yearShift, index, Start.PlusMonths(steps * MonthCount));
    }
}
