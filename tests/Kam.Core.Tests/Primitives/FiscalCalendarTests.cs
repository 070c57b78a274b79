using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Kam.Core.Tests.Primitives;

public sealed class FiscalCalendarTests
{
    private static readonly FiscalCalendar April = new(4);

    [Fact]
    public void Calendar_year_periods()
    {
        var q = FiscalCalendar.Calendar.PeriodOf(new LocalDate(2026, 11, 23), PeriodKind.Quarter);
        Assert.Equal("FY2026-Q4", q.ToString());
        Assert.Equal(new DateInterval(new LocalDate(2026, 10, 1), new LocalDate(2026, 12, 31)), q.Interval);
        Assert.Equal("FY2027-Q1", q.Next.ToString());
        Assert.Equal("FY2026-H2", q.Parent(PeriodKind.Half).ToString());
    }

    [Fact]
    public void April_start_named_by_end_year()
    {
        var date = new LocalDate(2026, 11, 23);
        Assert.Equal(2027, April.FiscalYearOf(date));
        var month = April.PeriodOf(date, PeriodKind.Month);
        Assert.Equal("FY2027-M08", month.ToString());
        Assert.Equal(new YearMonth(2026, 11), month.Start);
        Assert.Equal("FY2027-Q3", April.PeriodOf(date, PeriodKind.Quarter).ToString());
        Assert.Equal(new LocalDate(2027, 3, 31), April.Year(2027).Interval.End);
        Assert.Equal(2026, new FiscalCalendar(4, FiscalYearNaming.StartYear).FiscalYearOf(date));
        Assert.Equal("FY2027-M01", April.PeriodOf(new LocalDate(2026, 4, 1), PeriodKind.Month).ToString());
        Assert.Equal("FY2026-M12", April.PeriodOf(new LocalDate(2026, 3, 31), PeriodKind.Month).ToString());
    }

    [Fact]
    public void Leap_february_ends_on_the_29th()
    {
        var feb = FiscalCalendar.Calendar.PeriodOf(new LocalDate(2028, 2, 10), PeriodKind.Month);
        Assert.Equal(new LocalDate(2028, 2, 29), feb.Interval.End);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void Bad_first_month_is_refused(int month)
    {
        var ex = Assert.Throws<KamValidationException>(() => new FiscalCalendar(month));
        Assert.Equal("firstMonth", ex.Errors[0].Path);
        Assert.Equal(KamErrorCodes.OutOfRange, ex.Errors[0].Code);
    }

    [Theory]
    [InlineData("FY2026")]
    [InlineData("FY2026-H2")]
    [InlineData("FY2026-Q3")]
    [InlineData("FY2026-M07")]
    public void Names_round_trip(string name) => Assert.Equal(name, April.Parse(name).ToString());

    [Theory]
    [InlineData("2026")]
    [InlineData("FY2026-Q5")]
    [InlineData("FY2026-M13")]
    [InlineData("FY2026-X1")]
    [InlineData("FY2026-")]
    public void Bad_names_are_refused(string name) => Assert.Throws<KamValidationException>(() => April.Parse(name));

    [Fact]
    public void Periods_overlapping_an_interval()
    {
        var periods = April.PeriodsOverlapping(new DateInterval(new LocalDate(2026, 2, 15), new LocalDate(2026, 7, 1)), PeriodKind.Quarter);
        Assert.Equal(["FY2026-Q4", "FY2027-Q1", "FY2027-Q2"], periods.Select(p => p.ToString()));
    }

    private static Gen<(int FirstMonth, LocalDate Date, PeriodKind Kind)> Cases { get; } =
        from first in Gen.Choose(1, 12)
        from days in Gen.Choose(0, 20_000)
        from kind in Gen.Elements(PeriodKind.Month, PeriodKind.Quarter, PeriodKind.Half, PeriodKind.Year)
        select (first, new LocalDate(2000, 1, 1).PlusDays(days), kind);

    [Property]
    public Property The_period_of_a_date_contains_it_and_its_neighbours_tile_time() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var calendar = new FiscalCalendar(c.FirstMonth);
            var period = calendar.PeriodOf(c.Date, c.Kind);
            return period.Contains(c.Date)
                   && period.Next.Interval.Start == period.Interval.End.PlusDays(1)
                   && period.Previous.Next == period
                   && period.Parent(PeriodKind.Year).Contains(period)
                   && period.Parent(PeriodKind.Year) == calendar.PeriodOf(c.Date, PeriodKind.Year)
                   && period.Children(PeriodKind.Month).Count == (int)c.Kind
                   && period.Children(PeriodKind.Month).All(m => period.Contains(m) && calendar.PeriodOf(m.Start.OnDayOfMonth(1), PeriodKind.Month) == m)
                   && calendar.Parse(period.ToString()) == period;
        });
}
