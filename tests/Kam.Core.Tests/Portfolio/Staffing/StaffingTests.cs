using System.Text.Json.Nodes;
using Json.Schema;
using Kam.Core.Accounts;
using Kam.Core.Portfolio;
using Kam.Core.Portfolio.Staffing;
using Kam.Core.Relationships.Activities;
using Kam.Core.Tests.Docs;

namespace Kam.Core.Tests.Portfolio.Staffing;

/// <summary>The staffing plan: loads from the contact standards, the hand-computed example, units, validation and the options file with its schema.</summary>
public sealed class StaffingTests
{
    private static readonly StaffingPeriod Quarter = new("Q1", Ratio.Zero);

    internal static AccountAssignment Account(string id, string grade, string manager = "li") => new(AccountId.Parse(id), PersonId.Parse(manager), grade);

    [Fact]
    public void The_loads_come_from_the_contact_standards()
    {
        var loads = GradeLoad.FromStandards(ContactStandards.Default).ToDictionary(l => l.Grade, l => l.HoursPerMonth);
        Assert.Equal(18m, loads["KA1"]);        // 12 visits a quarter × 4 h ÷ 3 + 4 calls × 0.5 h
        Assert.Equal(9m, loads["KA3"]);         // 6 ÷ 3 × 4 + 2 × 0.5
        Assert.Equal(3.1667m, loads["KA6"]);    // 2 ÷ 3 × 4 + 0.5
        Assert.Equal(1.8333m, loads["A"]);      // 1 ÷ 3 × 4 + 0.5
        var own = GradeLoad.FromStandards(new ContactStandards([new ContactStandard("X", visits: 1, visitPeriod: PeriodKind.Month)], hoursPerVisit: 2.5m));
        Assert.Equal(2.5m, Assert.Single(own).HoursPerMonth);
        Assert.Equal(loads.Keys, StaffingOptions.Default.Loads.Select(l => l.Grade));
    }

    [Fact]
    public void The_worked_example_is_computed_by_hand()
    {
        var plan = StaffingDocSample.Run();
        var q1 = plan.Total.Periods[0];
        var ka1 = q1.ByGrade[0];
        Assert.Equal(("KA1", 4L, 0.2m, 72m, 3.6m, 75.6m, 1.35m, 2L), (ka1.Grade, ka1.Accounts, ka1.ExpectedLost, ka1.BaseHours, ka1.ReplacementHours, ka1.Hours, ka1.NeededFte, ka1.ManagersNeeded));
        Assert.Equal(Money.Of(162_000m, "CNY"), ka1.Cost);   // 1.35 × 40,000 × 3
        var ka3 = q1.ByGrade[1];
        Assert.Equal((94.5m, 1.6875m, 2L), (ka3.Hours, ka3.NeededFte, ka3.ManagersNeeded));
        Assert.Equal(Money.Of(151_875m, "CNY"), ka3.Cost);
        var ka6 = q1.ByGrade[2];
        Assert.Equal((1m, 63.334m, 3.1667m, 66.5007m, 1.1875m), (ka6.ExpectedLost, ka6.BaseHours, ka6.ReplacementHours, ka6.Hours, ka6.NeededFte));
        Assert.Equal((236.6007m, 4.225m, 5L, 4L, 3.8m, 0.425m, 1L), (q1.Hours, q1.NeededFte, q1.ManagersNeeded, q1.Managers, q1.AvailableFte, q1.Gap, q1.ToHire));
        Assert.Equal(Money.Of(420_750m, "CNY"), q1.Cost);
        var q2 = plan.Total.Periods[1];
        Assert.Equal((90.72m, 113.4m, 79.8008m), (q2.ByGrade[0].Hours, q2.ByGrade[1].Hours, q2.ByGrade[2].Hours));
        Assert.Equal((283.9208m, 5.07m, 6L, 1.27m, 2L), (q2.Hours, q2.NeededFte, q2.ManagersNeeded, q2.Gap, q2.ToHire));
        Assert.Equal("KA1: 4 accounts × 18 h a month = 72 h", ka1.Reasons[0]);
        Assert.Equal("churn 5%: 0.2 accounts lost and replaced, a new account ×2 at first: + 3.6 h", ka1.Reasons[1]);
        Assert.Equal("cost 1.35 FTE × 40,000 CNY a month × 3 months = 162,000 CNY", ka1.Reasons[^1]);
        Assert.Contains("demand surge ×1.2: (72 + 3.6) × 1.2 = 90.72 h", q2.ByGrade[0].Reasons);
        Assert.Equal("236.6007 h a month ÷ 56 h a manager = 4.225 FTE → 5 managers", q1.Reasons[0]);
        Assert.Equal("4 managers there are, worth 3.8 FTE by quality: short by 0.425 FTE → hire 1", q1.Reasons[1]);
        Assert.Empty(plan.ByUnit);
    }

    [Fact]
    public void Churn_raises_the_staff_a_book_needs()
    {
        var accounts = Enumerable.Range(0, 40).Select(i => Account($"A{i}", "KA3")).ToArray();
        var planner = new StaffingPlanner();
        var none = planner.Plan(accounts, [new StaffingPeriod("Q", Ratio.Zero)], 6).Total.Periods[0];
        var churn = planner.Plan(accounts, [new StaffingPeriod("Q", Ratio.FromPercent(25m))], 6).Total.Periods[0];
        Assert.Equal((360m, 6.4286m, 7L), (none.Hours, none.NeededFte, none.ManagersNeeded));    // 40 × 9 h ÷ 56 h
        Assert.Equal((450m, 8.0357m, 9L, 3L), (churn.Hours, churn.NeededFte, churn.ManagersNeeded, churn.ToHire));  // + 10 replacements × 9 h
        Assert.Equal("6 managers there are, worth 6 FTE by quality: short by 2.0357 FTE → hire 3", churn.Reasons[1]);
        Assert.Null(churn.Cost);
    }

    [Fact]
    public void Units_roll_up_through_the_organization()
    {
        var org = new Organization(
            [new OrganizationUnit(UnitId.Parse("HQ"), "Head office", UnitLevel.HeadOffice), new OrganizationUnit(UnitId.Parse("N"), "North", UnitLevel.Branch, UnitId.Parse("HQ")), new OrganizationUnit(UnitId.Parse("S"), "South", UnitLevel.Branch, UnitId.Parse("HQ"))],
            [new Person(PersonId.Parse("li"), "Li", UnitId.Parse("N"), "Key-Account Manager"), new Person(PersonId.Parse("wang"), "Wang", UnitId.Parse("S"), "key-account manager"), new Person(PersonId.Parse("boss"), "Boss", UnitId.Parse("HQ"), "director")]);
        var managers = StaffingPlanner.ManagersOf(org, quality: new Dictionary<PersonId, decimal> { [PersonId.Parse("wang")] = 1.5m });
        Assert.Equal(["li", "wang"], managers.Select(m => m.Person.Value));
        var accounts = new[] { Account("a", "KA1", "li"), Account("b", "KA1", "wang"), Account("c", "KA3", "wang"), Account("d", "KA3", "boss") };
        var plan = new StaffingPlanner().Plan(accounts, [Quarter], managers, org);
        Assert.Equal(["HQ", "N", "S"], plan.ByUnit.Select(u => u.Unit!.Value.Value));
        Assert.Equal([(4L, 2L, 2.5m), (1L, 1L, 1m), (2L, 1L, 1.5m)], plan.ByUnit.Select(u => (u.Accounts, u.Managers, u.AvailableFte)));
        Assert.Equal(54m, plan.ByUnit[0].Periods[0].Hours);     // 2 × 18 + 2 × 9
        Assert.Equal(27m, plan.ByUnit[2].Periods[0].Hours);
        Assert.Equal(plan.ByUnit[0].Periods[0].Hours, plan.Total.Periods[0].Hours);
        var q = Assert.Throws<KamValidationException>(() => StaffingPlanner.ManagersOf(org, quality: new Dictionary<PersonId, decimal> { [PersonId.Parse("li")] = 0m }));
        Assert.Equal(("quality['li'].quality", "0"), (q.Errors[0].Path, q.Errors[0].AttemptedValue));
        var unknown = Assert.Throws<KamValidationException>(() => new StaffingPlanner().Plan([Account("a", "KA1", "ghost")], [Quarter], [new StaffingManager(PersonId.Parse("nobody"))], org));
        Assert.Equal([("accounts[0].manager", KamErrorCodes.Unknown, "ghost"), ("managers[0].person", KamErrorCodes.Unknown, "nobody")], unknown.Errors.Select(e => (e.Path, e.Code, e.AttemptedValue)));
    }

    [Fact]
    public void The_churn_rate_is_pooled_from_a_churn_analysis()
    {
        var (revenue, losses, accounts) = ChurnTests.DocExample();
        var history = new ChurnAnalyzer(CloseReasonCatalog.Default, FiscalCalendar.Calendar, PeriodKind.Half, Currency.CNY).Analyze(revenue, losses, accounts);
        Assert.Equal(Ratio.FromPercent(25m), StaffingPlanner.ChurnRate(history));     // 2 lost of 8
        Assert.Null(StaffingPlanner.ChurnRate([]));
    }

    [Fact]
    public void Every_problem_of_the_input_is_reported_with_its_path()
    {
        var planner = new StaffingPlanner();
        var ex = Assert.Throws<KamValidationException>(() => planner.Plan([Account("a", "KA1"), Account("a", "KA9"), null!], [], [new StaffingManager(PersonId.Parse("li")), new StaffingManager(PersonId.Parse("li"))]));
        Assert.Equal(
            [("periods", KamErrorCodes.Empty, (string?)null), ("accounts[1].account", KamErrorCodes.Duplicate, "a"), ("accounts[1].grade", KamErrorCodes.Unknown, "KA9"), ("accounts[2]", KamErrorCodes.Required, null), ("managers[1].person", KamErrorCodes.Duplicate, "li")],
            ex.Errors.Select(e => (e.Path, e.Code, e.AttemptedValue)));
        Assert.Equal("managers", Assert.Throws<KamValidationException>(() => planner.Plan([], [Quarter], -1)).Errors[0].Path);
        Assert.Equal("periods[1].name", Assert.Throws<KamValidationException>(() => planner.Plan([], [Quarter, Quarter], 0)).Errors[0].Path);
        var period = Assert.Throws<KamValidationException>(() => new StaffingPeriod(" ", Ratio.FromPercent(120m), 0m));
        Assert.Equal(["name", "churnRate", "surge"], period.Errors.Select(e => e.Path));
        Assert.Equal(["person", "quality"], Assert.Throws<KamValidationException>(() => new StaffingManager(default, -1m)).Errors.Select(e => e.Path));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-8)]
    [InlineData(745)]
    public void A_capacity_that_is_not_positive_or_too_large_is_refused(int hours)
    {
        var ex = Assert.Throws<KamValidationException>(() => new StaffingOptions(capacityHoursPerMonth: hours));
        Assert.Equal(("capacityHoursPerMonth", KamErrorCodes.OutOfRange, hours.ToString(System.Globalization.CultureInfo.InvariantCulture)), (ex.Errors[0].Path, ex.Errors[0].Code, ex.Errors[0].AttemptedValue));
    }

    [Fact]
    public void Options_are_valid_from_construction()
    {
        var ex = Assert.Throws<KamValidationException>(() => new StaffingOptions(
            [new GradeLoad("A", 1m, Money.Of(1m, "USD")), new GradeLoad("A", 2m), null!], newAccountFactor: 0.5m, costPerManagerMonth: Money.Of(-1m, "CNY"), period: (PeriodKind)5));
        Assert.Equal(
            [("loads[0].costPerManagerMonth", KamErrorCodes.CurrencyMismatch), ("loads[1].grade", KamErrorCodes.Duplicate), ("loads[2]", KamErrorCodes.Required), ("newAccountFactor", KamErrorCodes.OutOfRange), ("costPerManagerMonth", KamErrorCodes.OutOfRange), ("period", KamErrorCodes.OutOfRange)],
            ex.Errors.Select(e => (e.Path, e.Code)));
        Assert.Equal("loads", Assert.Throws<KamValidationException>(() => new StaffingOptions([])).Errors[0].Path);
        Assert.Equal(["grade", "hoursPerMonth", "costPerManagerMonth"], Assert.Throws<KamValidationException>(() => new GradeLoad("", -1m, new Money(1m, Currency.None))).Errors.Select(e => e.Path));
    }

    [Fact]
    public void Plans_of_other_options_or_periods_do_not_merge()
    {
        var a = StaffingPlan.Empty(StaffingOptions.Default, [Quarter]);
        Assert.Equal("other.options", Assert.Throws<KamValidationException>(() => a.Merge(StaffingPlan.Empty(new StaffingOptions(newAccountFactor: 3m), [Quarter]))).Errors[0].Path);
        Assert.Equal("other.periods", Assert.Throws<KamValidationException>(() => a.Merge(StaffingPlan.Empty(StaffingOptions.Default, [new StaffingPeriod("Q1", Ratio.FromPercent(1m))]))).Errors[0].Path);
        Assert.Equal(0L, a.Merge(a).Total.Periods[0].ManagersNeeded);
    }

    [Fact]
    public void The_options_file_round_trips_and_the_sample_validates()
    {
        var sample = RepositoryFiles.Read("docs/schemas/samples/staffing-options.json");
        var options = StaffingOptions.FromJson(sample);
        Assert.Equal(options.ToJson(), StaffingOptions.FromJson(options.ToJson()).ToJson());
        Assert.Equal(Money.Of(40_000m, "CNY"), options.Loads[0].CostPerManagerMonth);
        Assert.Equal(Money.Of(30_000m, "CNY"), options.CostPerManagerMonth);
        Assert.Equal(StaffingOptions.Default.ToJson(), StaffingOptions.FromJson("{}").ToJson());
        Assert.True(Evaluate(StaffingOptions.Default.ToJson()).IsValid);
        var results = Evaluate(sample);
        Assert.True(results.IsValid, string.Join("; ", results.Details.Where(x => x.HasErrors).SelectMany(x => x.Errors!.Select(e => $"{x.InstanceLocation}: {e.Value}"))));
    }

    [Theory]
    [InlineData("""{ "capacityHoursPerMonth": 0 }""", "$.capacityHoursPerMonth", "0", KamErrorCodes.OutOfRange)]
    [InlineData("""{ "capacityHoursPerMonth": -5 }""", "$.capacityHoursPerMonth", "-5", KamErrorCodes.OutOfRange)]
    [InlineData("""{ "loads": [ { "grade": "A", "hoursPerMonth": 1 }, { "grade": "B", "hoursPerMonth": -1 } ] }""", "$.loads[1].hoursPerMonth", "-1", KamErrorCodes.OutOfRange)]
    [InlineData("""{ "loads": [ { "grade": "A", "hoursPerMonth": 1 }, { "grade": "A", "hoursPerMonth": 2 } ] }""", "$.loads[1].grade", "A", KamErrorCodes.Duplicate)]
    [InlineData("""{ "loads": [ { "grade": "A" } ] }""", "$.loads[0].hoursPerMonth", null, KamErrorCodes.Required)]
    [InlineData("""{ "currency": "XXY", "costPerManagerMonth": 1 }""", "$.currency", "XXY", KamErrorCodes.Unknown)]
    [InlineData("""{ "costPerManagerMonth": 1 }""", "$.currency", null, KamErrorCodes.Required)]
    [InlineData("""{ "newAccountFactor": 11 }""", "$.newAccountFactor", "11", KamErrorCodes.OutOfRange)]
    public void A_bad_options_file_names_the_path_and_the_value(string json, string path, string? value, string code)
    {
        var ex = Assert.Throws<KamValidationException>(() => StaffingOptions.FromJson(json));
        Assert.Equal((path, value, code), (ex.Errors[0].Path, ex.Errors[0].AttemptedValue, ex.Errors[0].Code));
    }

    [Fact]
    public void A_duplicate_key_or_an_unknown_member_is_refused()
    {
        Assert.Throws<KamValidationException>(() => StaffingOptions.FromJson("""{ "newAccountFactor": 2, "newAccountFactor": 3 }"""));
        Assert.Equal("$.capacity", Assert.Throws<KamValidationException>(() => StaffingOptions.FromJson("""{ "capacity": 2 }""")).Errors[0].Path);
    }

    [Theory]
    [InlineData("""{ "capacityHoursPerMonth": 0 }""")]
    [InlineData("""{ "loads": [] }""")]
    [InlineData("""{ "loads": [ { "grade": "A" } ] }""")]
    [InlineData("""{ "newAccountFactor": 0.5 }""")]
    [InlineData("""{ "costPerManagerMonth": 1 }""")]
    [InlineData("""{ "period": "Week" }""")]
    [InlineData("""{ "capacity": 2 }""")]
    public void The_schema_refuses_what_the_reader_refuses(string json)
    {
        Assert.False(Evaluate(json).IsValid);
        Assert.Throws<KamValidationException>(() => StaffingOptions.FromJson(json));
    }

    [Fact]
    public void The_schema_names_the_members_the_reader_knows()
    {
        var node = JsonNode.Parse(RepositoryFiles.Read("docs/schemas/staffing-options.schema.json"))!;
        var options = StaffingOptions.FromJson(RepositoryFiles.Read("docs/schemas/samples/staffing-options.json"));
        var written = JsonNode.Parse(options.ToJson())!.AsObject();
        Assert.Equal(written.Select(p => p.Key).Append("$schema").Order(StringComparer.Ordinal), node["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(written["loads"]![0]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal), node["properties"]!["loads"]!["items"]!["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(Enum.GetNames<PeriodKind>(), node["properties"]!["period"]!["enum"]!.AsArray().Select(x => x!.GetValue<string>()));
    }

    private static EvaluationResults Evaluate(string json) =>
        JsonSchema.FromText(RepositoryFiles.Read("docs/schemas/staffing-options.schema.json")).Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });
}
