using System.Globalization;
using NodaTime;

namespace Kam.Core;

/// <summary>
/// Divides time into fiscal years that start on the first day of a chosen month, and those years into halves,
/// quarters and months (<see cref="FiscalPeriod"/>).
/// </summary>
/// <remarks>
/// Immutable and safe to share between threads. <see cref="Calendar"/> is the calendar-year default (fiscal year =
/// calendar year). All dates are ISO-calendar <see cref="LocalDate"/>s.
/// </remarks>
public sealed class FiscalCalendar : IEquatable<FiscalCalendar>
{
    /// <summary>Creates a fiscal calendar.</summary>
    /// <param name="firstMonth">The calendar month (1-12) in which each fiscal year starts.</param>
    /// <param name="naming">Which calendar year names a fiscal year that does not start in January.</param>
    /// <exception cref="KamValidationException"><paramref name="firstMonth"/> is not 1-12, or <paramref name="naming"/> is not defined.</exception>
    public FiscalCalendar(int firstMonth, FiscalYearNaming naming = FiscalYearNaming.EndYear)
    {
        var errors = new ValidationCollector();
        errors.InRange(nameof(firstMonth), firstMonth, 1, 12);
        if (!Enum.IsDefined(naming))
        {
            errors.Add(nameof(naming), KamErrorCodes.OutOfRange, naming, "Not a defined fiscal-year naming.");
        }

        errors.ThrowIfAny();
        FirstMonth = firstMonth;
        Naming = naming;
    }

    /// <summary>Gets the calendar-year fiscal calendar (January start).</summary>
    public static FiscalCalendar Calendar { get; } = new(1);

    /// <summary>Gets the calendar month (1-12) in which each fiscal year starts.</summary>
    public int FirstMonth { get; }

    /// <summary>Gets which calendar year names a fiscal year that does not start in January.</summary>
    public FiscalYearNaming Naming { get; }

    /// <summary>Gets the fiscal year number of a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The fiscal year number.</returns>
    public int FiscalYearOf(LocalDate date)
    {
        var startYear = date.Month >= FirstMonth ? date.Year : date.Year - 1;
        return FirstMonth == 1 || Naming == FiscalYearNaming.StartYear ? startYear : startYear + 1;
    }

    /// <summary>Gets the fiscal year with a given number.</summary>
    /// <param name="fiscalYear">The fiscal year number.</param>
    /// <returns>The whole-year period.</returns>
    public FiscalPeriod Year(int fiscalYear)
    {
        var startYear = FirstMonth == 1 || Naming == FiscalYearNaming.StartYear ? fiscalYear : fiscalYear - 1;
        return new FiscalPeriod(PeriodKind.Year, fiscalYear, 1, new YearMonth(startYear, FirstMonth));
    }

    /// <summary>Gets the period of a given kind that contains a date.</summary>
    /// <param name="date">The date.</param>
    /// <param name="kind">The kind of period.</param>
    /// <returns>The period containing <paramref name="date"/>.</returns>
    /// <exception cref="KamValidationException"><paramref name="kind"/> is not defined.</exception>
    public FiscalPeriod PeriodOf(LocalDate date, PeriodKind kind)
    {
        RequireKind(kind);
        var year = Year(FiscalYearOf(date));
        var monthOfYear = ((date.Month - FirstMonth + 12) % 12) + 1;
        var index = ((monthOfYear - 1) / (int)kind) + 1;
        return new FiscalPeriod(kind, year.FiscalYear, index, year.Start.PlusMonths((index - 1) * (int)kind));
    }

    /// <summary>Gets every period of a kind that overlaps an interval of dates, in order.</summary>
    /// <param name="interval">The dates.</param>
    /// <param name="kind">The kind of period.</param>
    /// <returns>The periods, first to last.</returns>
    public IReadOnlyList<FiscalPeriod> PeriodsOverlapping(DateInterval interval, PeriodKind kind)
    {
        ArgumentNullException.ThrowIfNull(interval);
        var result = new List<FiscalPeriod>();
        for (var period = PeriodOf(interval.Start, kind); period.Start.OnDayOfMonth(1) <= interval.End; period = period.Next)
        {
            result.Add(period);
        }

        return result;
    }

    /// <summary>Parses a period name of this calendar: <c>FY2026</c>, <c>FY2026-H1</c>, <c>FY2026-Q3</c> or <c>FY2026-M07</c>.</summary>
    /// <param name="text">The period name.</param>
    /// <returns>The period.</returns>
    /// <exception cref="KamValidationException">The text is not a period name, or its index is out of range.</exception>
    public FiscalPeriod Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('-');
        if (parts.Length is < 1 or > 2
            || !parts[0].StartsWith("FY", StringComparison.Ordinal)
            || !int.TryParse(parts[0].AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var fiscalYear)
            || fiscalYear is < 1 or > 9998)
        {
            throw BadName(text);
        }

        var year = Year(fiscalYear);
        if (parts.Length == 1)
        {
            return year;
        }

        var kind = parts[1].Length > 0 ? parts[1][0] switch
        {
            'H' => PeriodKind.Half,
            'Q' => PeriodKind.Quarter,
            'M' => PeriodKind.Month,
            _ => (PeriodKind?)null,
        } : null;
        if (kind is null
            || !int.TryParse(parts[1].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || index < 1 || index > 12 / (int)kind.Value)
        {
            throw BadName(text);
        }

        return year.Children(kind.Value)[index - 1];
    }

    /// <inheritdoc />
    public bool Equals(FiscalCalendar? other) =>
        other is not null && FirstMonth == other.FirstMonth && (FirstMonth == 1 || Naming == other.Naming);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FiscalCalendar);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(FirstMonth, FirstMonth == 1 ? FiscalYearNaming.EndYear : Naming);

    /// <summary>Describes the calendar, for example <c>fiscal year from month 4 (named by end year)</c>.</summary>
    /// <returns>A description.</returns>
    public override string ToString() =>
        FirstMonth == 1 ? "calendar year" : string.Create(CultureInfo.InvariantCulture, $"fiscal year from month {FirstMonth} (named by {(Naming == FiscalYearNaming.EndYear ? "end" : "start")} year)");

    private static void RequireKind(PeriodKind kind)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new KamValidationException(nameof(kind), KamErrorCodes.OutOfRange, kind.ToString(), "Not a defined period kind.");
        }
    }

    private static KamValidationException BadName(string text) =>
        new(nameof(FiscalPeriod), KamErrorCodes.InvalidFormat, text, "Expected a period name such as FY2026, FY2026-H1, FY2026-Q3 or FY2026-M07.");
}
