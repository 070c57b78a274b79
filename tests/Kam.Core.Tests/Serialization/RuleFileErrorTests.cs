using Kam.Core.Compensation;
using Kam.Core.Performance;
using Kam.Core.Stages;
using Kam.Core.Stages.Serialization;
using Kam.Core.Tests.Compensation;
using Kam.Core.Stages.Grading;
using Kam.Core.Tiering;
using Kam.Core.Tiering.Pareto;
using Kam.Core.Tiering.Program;
using Kam.Core.Tiering.Relationship;
using Kam.Core.Tiering.Rfm;
using Kam.Core.Tiering.Scorecard;
using Kam.Core.Tiering.Selection;
using Kam.Core.Tiering.Stability;
using Kam.Core.Value.Economics;
using Kam.Core.Value.Retention;
using NodaTime;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;
using static Kam.Core.Tests.Compensation.PaySamples;

namespace Kam.Core.Tests.Serialization;

/// <summary>Rule-file errors speak the file's own language: its member names, the value found, no internal type names.</summary>
public sealed class RuleFileErrorTests
{
    private static readonly string Plan = PayPlanJsonTests.SamplePlan;

    private static KamValidationError Refused(Func<string, object> read, string json, string path, string code, string value)
    {
        var ex = Assert.Throws<KamValidationException>(() => read(json));
        var error = Assert.Single(ex.Errors, e => e.Path == path);
        Assert.Equal(code, error.Code);
        Assert.Equal(value, error.AttemptedValue);
        Assert.Contains(value, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Dto", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Kam.Core.", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", ex.Message, StringComparison.Ordinal);
        return error;
    }

    private static string PlanWith(string find, string replace)
    {
        Assert.Contains(find, Plan, StringComparison.Ordinal);
        return Plan.Replace(find, replace, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"clawbackWindowMonths\": 6", "\"clawbackWindowMonths\": \"abc\"", "$.components[2].clawbackWindowMonths", "abc", "expected a whole number, found the string \"abc\"")]
    [InlineData("\"yearEndTrueUp\": true", "\"yearEndTrueUp\": 1", "$.components[2].yearEndTrueUp", "1", "expected true or false, found the number 1")]
    [InlineData("\"rate\": \"2%\"", "\"rate\": 2", "$.components[2].schedule.bands[0].rate", "2", "expected a percentage such as \"75%\", found the number 2")]
    [InlineData("\"monthly\": \"5000 CNY\"", "\"monthly\": 5000", "$.components[0].monthly", "5000", "expected an amount such as \"1234.50 CNY\", found the number 5000")]
    [InlineData("\"kind\": \"Allowance\"", "\"kind\": \"Perk\"", "$.components[4].kind", "Perk", "expected one of ")]
    [InlineData("\"effectiveFrom\": \"2026-01-01\"", "\"effectiveFrom\": [2026]", "$.effectiveFrom", "[2026]", "expected a date such as \"2026-01-02\", found an array")]
    public void A_wrong_json_type_says_what_was_expected_and_what_was_found(string find, string replace, string path, string value, string message)
    {
        var error = Refused(PayPlan.FromJson, PlanWith(find, replace), path, KamErrorCodes.JsonInvalid, value);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_where_an_array_belongs_is_named_as_such()
    {
        var json = PlanWith("\"bands\": [ { \"from\": 0, \"to\": 600000, \"rate\": \"2%\" }, { \"from\": 600000, \"rate\": \"4%\" } ]", "\"bands\": { \"from\": 0 }");
        var ex = Assert.Throws<KamValidationException>(() => PayPlan.FromJson(json));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("$.components[2].schedule.bands", error.Path);
        Assert.Contains("expected an array, found an object", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Dto", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Kam.Core.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_component_that_is_not_an_object_names_no_internal_type()
    {
        var json = PlanWith("{ \"kind\": \"Allowance\", \"name\": \"Phone allowance\", \"monthly\": \"200 CNY\" }", "\"phone\"");
        var error = Refused(PayPlan.FromJson, json, "$.components[4]", KamErrorCodes.JsonInvalid, "phone");
        Assert.Contains("expected an object, found the string \"phone\"", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string, string> WrongTypesInEveryReader => new()
    {
        { "tiers", """{ "pareto": 5 }""", "$.pareto", "5", "expected an object, found the number 5" },
        { "playbook", """{ "stages": { "stage": 1 } }""", "$.stages", "{ \"stage\": 1 }", "expected an array, found an object" },
        { "economics", """{ "volumeDiscounts": [ { "minimumRevenue": true, "rate": "1%" } ] }""", "$.volumeDiscounts[0].minimumRevenue", "true", "expected an amount such as \"1234.50 CNY\", found true" },
        { "retention", """{ "acquisitionToRetentionCostRatio": "five", "retentionImprovement": "5%" }""", "$.acquisitionToRetentionCostRatio", "five", "expected a number, found the string \"five\"" },
        { "scorecard", """{ "name": 1, "sections": [] }""", "$.name", "1", "expected a string, found the number 1" },
        { "anomaly", """{ "lowProbability": 0.5 }""", "$.lowProbability", "0.5", "expected a percentage such as \"75%\", found the number 0.5" },
        { "forecast", """{ "period": "Fortnight" }""", "$.period", "Fortnight", "expected one of " },
    };

    [Theory]
    [MemberData(nameof(WrongTypesInEveryReader))]
    public void Every_reader_words_a_wrong_json_type_in_the_files_terms(string reader, string json, string path, string value, string message)
    {
        Func<string, object> read = reader switch
        {
            "tiers" => TieringOptions.FromJson,
            "playbook" => Playbook.FromJson,
            "economics" => AccountEconomicsPolicy.FromJson,
            "retention" => RetentionPolicy.FromJson,
            "scorecard" => Scorecard.FromJson,
            "anomaly" => AnomalyPolicy.FromJson,
            _ => ForecastPolicy.FromJson,
        };
        var error = Refused(read, json, path, KamErrorCodes.JsonInvalid, value);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Streams_with_a_byte_order_mark_read_like_text()
    {
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes("""{ "highValue": 5e15 }""")).ToArray();
        using var stream = new MemoryStream(bytes);
        var ex = Assert.Throws<KamValidationException>(() => Kam.Core.Serialization.KamJson.Deserialize(stream, StagesPoliciesJsonContext.Shared.AnomalyPolicyDto));
        Assert.Equal("$.highValue", Assert.Single(ex.Errors).Path);
    }

    [Fact]
    public void Wrong_member_names_use_the_files_spelling_and_carry_the_value()
    {
        var pareto = """{ "pareto": { "measure": "revenue", "tiers": [ { "name": "A" }, { "name": "B" }, { "name": "C" } ], "shareCuts": [ "80%", "70%" ] } }""";
        Refused(TieringOptions.FromJson, pareto, "$.pareto.shareCuts[1]", KamErrorCodes.OutOfOrder, "70%");

        var unknown = PlanWith("\"name\": \"Base salary\",", "\"name\": \"Base salary\", \"salary\": 1,");
        Refused(PayPlan.FromJson, unknown, "$.components[0].salary", KamErrorCodes.JsonUnknownMember, "salary");

        var anomaly = """{ "maxDaysInStage": -3 }""";
        Refused(AnomalyPolicy.FromJson, anomaly, "$.maxDaysInStage", KamErrorCodes.OutOfRange, "-3");
    }

    [Theory]
    [InlineData("""{ "name": "a", "name": "b" }""", "$.name", "name")]
    [InlineData("""{ "components": [ { "kind": "BaseSalary", "monthly": "1 CNY", "monthly": "2 CNY" } ] }""", "$.components[0].monthly", "monthly")]
    public void Duplicate_members_are_refused_at_the_second_one(string json, string path, string name)
    {
        var error = Refused(PayPlan.FromJson, json, path, KamErrorCodes.Duplicate, name);
        Assert.Contains("more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_members_are_refused_in_every_rule_file()
    {
        Refused(TieringOptions.FromJson, """{ "pareto": null, "rfm": null, "pareto": null }""", "$.pareto", KamErrorCodes.Duplicate, "pareto");
        Refused(Playbook.FromJson, """{ "stages": [], "stages": [] }""", "$.stages", KamErrorCodes.Duplicate, "stages");
        Refused(AnomalyPolicy.FromJson, """{ "highValue": 1, "highValue": 2 }""", "$.highValue", KamErrorCodes.Duplicate, "highValue");
        Refused(Scorecard.FromJson, """{ "name": "x", "sections": [ { "id": "a", "id": "b" } ] }""", "$.sections[0].id", KamErrorCodes.Duplicate, "id");
    }

    [Theory]
    [InlineData("\"monthly\": \"5000 CNY\"", "\"monthly\": \"1000000000000001 CNY\"", "$.components[0].monthly", "1000000000000001 CNY")]
    [InlineData("\"to\": 600000", "\"to\": 2e15", "$.components[2].schedule.bands[0].to", "2e15")]
    [InlineData("\"target\": \"10000 CNY\"", "\"target\": \"-79228162514264337593543950335 CNY\"", "$.components[3].target", "-79228162514264337593543950335 CNY")]
    [InlineData("\"clawbackWindowMonths\": 6", "\"clawbackWindowMonths\": 1e400", "$.components[2].clawbackWindowMonths", "1e400")]
    public void Amounts_beyond_the_maximum_are_refused_where_they_are_read(string find, string replace, string path, string value)
    {
        var error = Refused(PayPlan.FromJson, PlanWith(find, replace), path, KamErrorCodes.OutOfRange, value);
        Assert.Contains("10^15", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_maximum_itself_is_accepted()
    {
        var plan = PayPlan.FromJson(PlanWith("\"monthly\": \"5000 CNY\"", "\"monthly\": \"1000000000000000 CNY\""));
        Assert.Equal(Money.MaxAmount, ((FixedPayComponent)plan.Components[0]).Monthly.Amount);
        Refused(AnomalyPolicy.FromJson, """{ "highValue": 1000000000000000.01 }""", "$.highValue", KamErrorCodes.OutOfRange, "1000000000000000.01");
    }

    [Fact]
    public void Dates_in_errors_are_iso_and_indices_zero_based()
    {
        var deal = Deal("D-1", new LocalDate(2026, 1, 10), 1_000m, (S1, 100m));
        var cash = new[] { new CashReceipt(deal.Id, new LocalDate(2026, 1, 2), Yuan(10m)) };
        var ex = Assert.Throws<KamValidationException>(() => Calculator.CalculateYear(CashPlan(), 2026, [Payee(S1)], [deal], cash));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("collections[0].receivedOn", error.Path);
        Assert.Equal("2026-01-02", error.AttemptedValue);
        Assert.DoesNotContain("January", ex.Message, StringComparison.Ordinal);
    }
}
