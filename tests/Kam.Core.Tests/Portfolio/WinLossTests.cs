using Kam.Core.Portfolio;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Opportunities;
using static Kam.Core.Tests.Portfolio.WinLossScenario;

namespace Kam.Core.Tests.Portfolio;

/// <summary>The win/loss analysis: its figures on a known example, the structured close reasons and the refusals.</summary>
public sealed class WinLossTests
{
    private static readonly WinLossAnalyzer Analyzer = new(Currency.CNY);

    private static WinLossSummary Example() => Analyzer.Analyze(DocExample(), DocAccounts());

    [Fact]
    public void The_totals_count_rate_value_and_cycle_time()
    {
        var t = Example().Total;
        Assert.Equal((5L, 2L, 2L, 1L), (t.Closed, t.Won, t.Lost, t.Abandoned));
        Assert.Equal(0.4m, t.WinRate!.Value.Fraction);
        Assert.Equal(580_000m, t.WonValue.Amount);
        Assert.Equal(1_500_000m, t.LostValue.Amount);
        Assert.Equal(50_000m, t.AbandonedValue.Amount);
        Assert.Equal(2_130_000m, t.ClosedValue.Amount);
        Assert.Equal(Math.Round(580m / 2130m, 6), Math.Round(t.WinRateByValue!.Value.Fraction, 6));
        Assert.Equal(60d, t.MedianCycleDays);
        Assert.Equal(70d, t.MeanCycleDays);
    }

    [Fact]
    public void The_breakdowns_group_by_each_attribute()
    {
        var s = Example();
        Assert.Equal(["won-value", "won-relationship", "lost-price", "lost-competitor-offer", "abandoned-behind"], s.ByReason.Select(r => r.Key));
        Assert.Equal(["competitor-offer", "price", "qualification", "relationship", "value"], s.ByCause.Select(r => r.Key));
        Assert.Equal([("Rival Co", 2L), (null, 3L)], s.ByCompetitor.Select(r => (r.Key, r.Figures.Closed)));
        Assert.Equal(1_500_000m, s.ByCompetitor[0].Figures.LostValue.Amount);
        Assert.Equal([2, 5, 6, 7, 8], s.ByStage.Select(r => (int)r.Key!.Value));
        Assert.Equal([(Alice, 3L, 1L), (Bob, 2L, 1L)], s.ByOwner.Select(r => (r.Key, r.Figures.Closed, r.Figures.Won)));
        Assert.Equal([("small", 2L, 1L), ("medium", 2L, 1L), ("large", 1L, 0L)], s.BySizeBand.Select(r => (r.Key.Name, r.Figures.Closed, r.Figures.Won)));
        Assert.Equal(0m, s.BySizeBand[2].Figures.WinRate!.Value.Fraction);
        Assert.Equal([("government", 3L), ("mining", 1L), ("real estate", 1L)], s.ByIndustry.Select(r => (r.Key, r.Figures.Closed)));
    }

    [Fact]
    public void The_trend_compares_each_period_with_the_one_before()
    {
        var rows = Example().ByPeriod;
        Assert.Equal(["FY2026-Q1", "FY2026-Q2"], rows.Select(r => r.Period.ToString()));
        Assert.Equal((3L, 1L), (rows[0].Figures.Closed, rows[0].Figures.Won));
        Assert.Null(rows[0].WinRateChange);
        Assert.Equal(0.5m - (1m / 3m), rows[1].WinRateChange);
        Assert.Equal(-1L, rows[1].ClosedChange);
        Assert.Equal(420_000m, rows[1].WonValueChange.Amount);
    }

    [Fact]
    public void An_empty_set_has_absent_rates_not_zero()
    {
        var s = Analyzer.Analyze([], []);
        Assert.Equal(0L, s.Total.Closed);
        Assert.Null(s.Total.WinRate);
        Assert.Null(s.Total.WinRateByValue);
        Assert.Null(s.Total.MedianCycleDays);
        Assert.Null(s.Total.MeanCycleDays);
        Assert.Empty(s.ByPeriod);
        Assert.All(s.BySizeBand, r => Assert.Equal(0L, r.Figures.Closed));
    }

    [Fact]
    public void The_closing_events_carry_the_structured_reason_and_the_competitor()
    {
        var lost = Closed("L", "CITY", Alice, 10m, 1, 3, Lost("lost-price", "Rival Co"));
        Assert.Equal(("lost-price", "Rival Co", "free text"), (lost.CloseReasonCode, lost.WinningCompetitor, lost.CloseReason));
        var abandoned = Closed("A", "CITY", Alice, 10m, 0, 3, (at, by) => new OpportunityAbandoned(at, by, null, "abandoned-behind"));
        Assert.Equal(("abandoned-behind", (string?)null), (abandoned.CloseReasonCode, abandoned.CloseReason));
        var won = Closed("W", "CITY", Alice, 10m, 0, 3, (at, by) => new OpportunityWon(at, by));
        Assert.Null(won.CloseReasonCode);
    }

    [Theory]
    [InlineData("reasonCode", " ")]
    [InlineData("competitor", "")]
    public void A_blank_code_or_competitor_is_refused_by_the_stage_machine(string member, string blank)
    {
        var ex = Assert.Throws<KamValidationException>(() => Closed("L", "CITY", Alice, 10m, 0, 3, member == "reasonCode" ? Lost(blank) : Lost("lost-price", blank)));
        Assert.Equal($"events[1].{member}", ex.Errors[0].Path);
        var none = Assert.Throws<KamValidationException>(() => Closed("A", "CITY", Alice, 10m, 0, 3, (at, by) => new OpportunityAbandoned(at, by, null)));
        Assert.Equal("events[1].reason", none.Errors[0].Path);
    }

    [Fact]
    public void Bad_input_is_named_by_path_and_value()
    {
        var open = Opportunity(DocExample()[0]);
        OpportunityState[] states =
        [
            open,
            Closed("X1", "NOBODY", Alice, 10m, 0, 3, Won()),
            Closed("X2", "CITY", Alice, 10m, 0, 3, Lost("nope")),
            Closed("X3", "CITY", Alice, 10m, 0, 3, Lost("won-value")),
            Closed("X4", "CITY", Alice, 10m, 0, 3, Won(), currency: "USD"),
        ];
        var ex = Assert.Throws<KamValidationException>(() => Analyzer.Analyze(states, DocAccounts()));
        Assert.Equal(
            [("closed[0]", KamErrorCodes.InvalidState, "Open"), ("closed[1].account", KamErrorCodes.Unknown, "NOBODY"), ("closed[2].reasonCode", KamErrorCodes.Unknown, "nope"),
             ("closed[3].reasonCode", KamErrorCodes.InvalidState, "won-value"), ("closed[4].value", KamErrorCodes.CurrencyMismatch, "10 USD")],
            ex.Errors.Select(e => (e.Path, e.Code, e.AttemptedValue)));
        var twice = Assert.Throws<KamValidationException>(() => Analyzer.Analyze([], [.. DocAccounts(), DocAccounts()[0]]));
        Assert.Equal(("accounts[3].id", "CITY"), (twice.Errors[0].Path, twice.Errors[0].AttemptedValue));
    }

    [Fact]
    public void Size_bands_must_follow_each_other_from_zero()
    {
        Assert.Equal("to", Assert.Throws<KamValidationException>(() => new SizeBand("x", 10m, 10m)).Errors[0].Path);
        var overlap = Assert.Throws<KamValidationException>(() => new WinLossOptions(sizeBands: [new("a", 0m, 100m), new("b", 50m, 200m)]));
        Assert.Equal(("sizeBands[1].from", KamErrorCodes.OutOfRange, "50"), (overlap.Errors[0].Path, overlap.Errors[0].Code, overlap.Errors[0].AttemptedValue));
        var gap = Assert.Throws<KamValidationException>(() => new WinLossOptions(sizeBands: [new("a", 0m, 100m), new("b", 150m)]));
        Assert.Equal("sizeBands[1].from", gap.Errors[0].Path);
        var order = Assert.Throws<KamValidationException>(() => new WinLossOptions(sizeBands: [new("a", 0m, 100m), new("b", 100m, 200m), new("c", 50m, 100m)]));
        Assert.Equal(("sizeBands[2].from", KamErrorCodes.OutOfOrder), (order.Errors[0].Path, order.Errors[0].Code));
        var open = Assert.Throws<KamValidationException>(() => new WinLossOptions(sizeBands: [new("a", 0m), new("b", 100m)]));
        Assert.Equal("sizeBands[1]", open.Errors[0].Path);
        var start = Assert.Throws<KamValidationException>(() => new WinLossOptions(sizeBands: [new("a", 5m)]));
        Assert.Equal("sizeBands[0].from", start.Errors[0].Path);
        Assert.Equal("sizeBands", Assert.Throws<KamValidationException>(() => new WinLossOptions(sizeBands: [])).Errors[0].Path);
    }

    [Fact]
    public void The_options_read_and_write_json()
    {
        var d = WinLossOptions.Default;
        Assert.Equal(d.ToJson(), WinLossOptions.FromJson("{}").ToJson());
        Assert.Equal(d.ToJson(), WinLossOptions.FromJson(d.ToJson()).ToJson());
        var o = WinLossOptions.FromJson("""{ "sizeBands": [ { "name": "all", "from": 0 } ], "period": "Half", "timeZone": "Asia/Shanghai" }""");
        Assert.Equal(("all", PeriodKind.Half, "Asia/Shanghai"), (o.SizeBands.Single().Name, o.Period, o.TimeZone.Id));
        var bad = Assert.Throws<KamValidationException>(() => WinLossOptions.FromJson("""{ "sizeBands": [ { "name": "a", "from": 0, "to": 10 }, { "name": "b", "from": 5 } ] }"""));
        Assert.Equal(("$.sizeBands[1].from", "5"), (bad.Errors[0].Path, bad.Errors[0].AttemptedValue));
        var code = Assert.Throws<KamValidationException>(() => WinLossOptions.FromJson("""{ "reasons": { "reasons": [ { "code": "a", "label": "A", "outcome": "Won" }, { "code": "a", "label": "B", "outcome": "Lost" } ] } }"""));
        Assert.Equal("$.reasons.reasons[1].code", code.Errors[0].Path);
        Assert.Equal("$.timeZone", Assert.Throws<KamValidationException>(() => WinLossOptions.FromJson("""{ "timeZone": "Mars/Base" }""")).Errors[0].Path);
    }

    [Fact]
    public void Merging_changes_neither_input()
    {
        var a = Analyzer.Analyze(DocExample()[..2], DocAccounts());
        var b = Analyzer.Analyze(DocExample()[2..], DocAccounts());
        var before = (a.Total.Closed, b.Total.Closed);
        var merged = a.Merge(b);
        Assert.Equal((2L, 3L), before);
        Assert.Equal(before, (a.Total.Closed, b.Total.Closed));
        Assert.Equal(Example(), merged);
        Assert.Throws<CurrencyMismatchException>(() => a.Merge(WinLossSummary.Empty(Currency.Parse("USD"))));
        Assert.Throws<KamValidationException>(() => a.Merge(WinLossSummary.Empty(Currency.CNY, new WinLossOptions(period: PeriodKind.Month))));
    }

    private static OpportunityState Opportunity(OpportunityState closed) =>
        Kam.Core.Stages.Opportunities.Opportunity.Replay(closed.Playbook, [new OpportunityOpened(Start, Alice, OpportunityId.Parse("OPEN"), AccountId.Parse("CITY"), Alice, Money.Of(1m, "CNY"), new NodaTime.LocalDate(2026, 6, 30))]).State;
}
