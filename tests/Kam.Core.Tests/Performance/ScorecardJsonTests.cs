using Kam.Core.Performance;

namespace Kam.Core.Tests.Performance;

public sealed class ScorecardJsonTests
{
    [Fact]
    public void The_default_scorecard_round_trips_and_scores_the_same()
    {
        var card = ScorecardDefaults.Salesperson(yearlyAttendance: true);
        var json = card.ToJson();
        var back = Scorecard.FromJson(json);
        Assert.Equal(json, back.ToJson());
        var input = AppraisalEngineTests.SampleInput(FiscalCalendar.Calendar.Parse("FY2026"));
        var engine = new AppraisalEngine();
        Assert.Equal(engine.Appraise(card, input).Score, engine.Appraise(back, input).Score);
    }

    [Fact]
    public void Errors_carry_json_paths()
    {
        const string json = """
            {
              "name": "card",
              "sections": [
                { "id": "kpi", "name": "KPI", "weight": "100%", "indicators": [
                  { "id": "a", "name": "A", "weight": "60%", "rule": { "kind": "RatioToTarget", "target": 0 } },
                  { "id": "b", "name": "B", "weight": "40%", "rule": { "kind": "Linear", "zeroAt": 1 } }
                ] }
              ]
            }
            """;
        var ex = Assert.Throws<KamValidationException>(() => Scorecard.FromJson(json));
        Assert.Contains(ex.Errors, e => e.Path == "$.sections[0].indicators[0].rule.target" && e.Code == KamErrorCodes.OutOfRange);
        Assert.Contains(ex.Errors, e => e.Path == "$.sections[0].indicators[1].rule.fullAt" && e.Code == KamErrorCodes.Required);
    }

    [Fact]
    public void A_weight_above_100_percent_is_refused_at_its_path()
    {
        const string json = """{ "name": "c", "sections": [ { "id": "k", "name": "K", "weight": "120%" } ] }""";
        var ex = Assert.Throws<KamValidationException>(() => Scorecard.FromJson(json));
        Assert.Equal(KamErrorCodes.OutOfRange, ex.Errors[0].Code);
        Assert.Contains("weight", ex.Errors[0].Path, StringComparison.Ordinal);
    }
}
