using System.Globalization;
using Kam.Core.Stages;
using Kam.Core.Stages.Forecasting;
using Kam.Core.Stages.Playbooks;
using NodaTime;

namespace Kam.Core.Tests.Stages;

/// <summary>The worked examples of docs/forecasting.md are what the library computes.</summary>
public sealed class ForecastingDocsTests
{
    private static readonly string Page = RepositoryFiles.Read("docs/forecasting.md");

    private static string Pct(double p) => (p * 100d).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    [Fact]
    public void The_distribution_example_is_computed()
    {
        ForecastItem[] items = [new(OpportunityId.Parse("A"), Money.Of(100m, "CNY"), 0.5m), new(OpportunityId.Parse("B"), Money.Of(200m, "CNY"), 0.25m)];
        var d = new BookingsForecaster(new DistributionPolicy(grain: 100m)).Distribution(items, Currency.CNY);
        for (var x = 0; x < d.Cells; x++)
        {
            Assert.Matches($@"\| {x * 100} \| [^|]+ \| {Regex(Pct(d.ProbabilityAt(x)))} \|", Page);
        }

        Assert.Contains($"P10 = {d.P10.Amount:0}, P50 = {d.P50.Amount:0}", Page, StringComparison.Ordinal);
        Assert.Contains($"P90 = {d.P90.Amount:0}", Page, StringComparison.Ordinal);
        Assert.Contains($"P(bookings ≥ 150) = {Pct(d.ProbabilityOfAtLeast(Money.Of(150m, "CNY")))}", Page, StringComparison.Ordinal);
        Assert.Contains($"B makes **{Pct(d.SpreadContributions[0].Share)}** of the spread", Page, StringComparison.Ordinal);
        Assert.Contains($"the standard deviation is {d.StandardDeviation:0}", Page, StringComparison.Ordinal);
        var grouped = new BookingsForecaster(new DistributionPolicy(grain: 100m)).Distribution(items.Select(i => new ForecastItem(i.Opportunity, i.Value, i.Probability, "T")).ToArray(), Currency.CNY);
        Assert.Contains($"a standard deviation of {grouped.StandardDeviation:0}", Page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_calibration_example_is_computed()
    {
        var history = WinHistory.Of(ForecastingTests.TwoClosed());
        var stage1 = history.WinRates()[0];
        Assert.Contains($"Wilson interval **{Pct(Math.Round(stage1.Low, 3))}–{Pct(Math.Round(stage1.High, 3))}**", Page, StringComparison.Ordinal);
        Assert.Contains($"**{history.Brier!.Value.ToString(CultureInfo.InvariantCulture)}**", Page, StringComparison.Ordinal);
        var table = history.Learn(Playbook.Default.Probabilities).ToTable();
        Assert.Contains($"3/22 = **{table.Values[0].ToString()}**", Page, StringComparison.Ordinal);
        Assert.Contains($"5/21 = **{table.Values[1].ToString()}**", Page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_accuracy_example_is_computed()
    {
        var q2 = FiscalCalendar.Calendar.PeriodOf(new LocalDate(2026, 5, 1), PeriodKind.Quarter);
        var record = new ForecastTracker(StagesOptions.Default, FiscalCalendar.Calendar, Currency.CNY).Replay(ForecastingTests.TrackScenario(), [q2]);
        foreach (var h in record.Horizons)
        {
            var row = record.Rows(h)[0];
            var error = row.Error.Amount.ToString("#,0", CultureInfo.InvariantCulture).Replace("-", "−", StringComparison.Ordinal);
            Assert.Matches($@"\| {h} days \| [^|]+ \| [^|]*{row.Forecast.Amount:0}[^|]* \| {row.Booked.Amount.ToString("#,0", CultureInfo.InvariantCulture)} \| {error} \| {Pct(row.AbsolutePercentageError!.Value)} \|", Page);
        }

        var slip = Assert.Single(record.Slippage());
        Assert.Contains($"one slip out, worth {slip.SlippedOutValue.Amount.ToString("#,0", CultureInfo.InvariantCulture)}", Page, StringComparison.Ordinal);
    }

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
