using System.Text.Json.Nodes;
using Json.Schema;
using Kam.Core.Relationships;
using Kam.Core.Relationships.Activities;
using NodaTime;

namespace Kam.Core.Tests.Relationships;

/// <summary>The activity log, the contact standards with their rule file, compliance, the capacity check and the key-account list freeze.</summary>
public sealed class ContactStandardsTests
{
    private static readonly AccountId Acme = AccountId.Parse("ACME");
    private static readonly AccountId Beta = AccountId.Parse("BETA");
    private static readonly PersonId Zhang = PersonId.Parse("zhang");
    private static readonly PersonId Liu = PersonId.Parse("liu");
    private static readonly Dictionary<AccountId, LocalDate> Since = new() { [Acme] = new(2025, 6, 1), [Beta] = new(2026, 1, 10) };

    private static EvaluationResults Evaluate(string json) =>
        JsonSchema.FromText(RepositoryFiles.Read("docs/schemas/contact-standards.schema.json")).Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static Activity Act(int month, int day, ActivityKind kind, AccountId? account = null, params string[] contacts) =>
        new(new LocalDate(2026, month, day), account ?? Acme, Zhang, kind, contacts.Select(ContactId.Parse).ToArray());

    [Fact]
    public void The_defaults_are_the_documented_ones()
    {
        var d = ContactStandards.Default;
        Assert.Equal(["KA1", "KA2", "KA3", "KA4", "KA5", "KA6", "A+", "A"], d.Standards.Select(s => s.Grade));
        Assert.True(d.TryGet("KA6", out var ka6));
        Assert.Equal((2, PeriodKind.Quarter, 1, PeriodKind.Month), (ka6.Visits!.Value, ka6.VisitPeriod, ka6.Calls!.Value, ka6.CallPeriod));
        Assert.True(d.TryGet("A+", out var a));
        Assert.Equal((1, PeriodKind.Quarter, 1, PeriodKind.Month), (a.Visits!.Value, a.VisitPeriod, a.Calls!.Value, a.CallPeriod));
        Assert.Equal([12, 8, 6, 4, 3, 2], d.Standards.Take(6).Select(s => s.Visits!.Value));
        Assert.Equal((4m, 0.5m, 56m), (d.HoursPerVisit, d.HoursPerCall, d.CapacityHoursPerMonth));
        Assert.Equal(d.ToJson(), ContactStandards.FromJson("{}").ToJson());
        Assert.True(Evaluate(d.ToJson()).IsValid);
    }

    [Fact]
    public void The_json_example_of_the_page_loads()
    {
        var blocks = System.Text.RegularExpressions.Regex.Matches(RepositoryFiles.Read("docs/relationships.md"), "```json\\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline);
        var standards = ContactStandards.FromJson(blocks[1].Groups[1].Value);
        Assert.Equal(["KA1", "KA6", "B"], standards.Standards.Select(s => s.Grade));
        Assert.Equal(5m, standards.HoursPerVisit);
    }

    [Fact]
    public void A_standard_with_zero_or_negative_frequency_is_refused_with_path_and_value()
    {
        var ex = Assert.Throws<KamValidationException>(() => new ContactStandard("KA1", 0, calls: -2));
        Assert.Equal([("visits", "0"), ("calls", "-2")], ex.Errors.Select(e => (e.Path, e.AttemptedValue)));
        Assert.All(ex.Errors, e => Assert.Equal(KamErrorCodes.OutOfRange, e.Code));
        Assert.Throws<KamValidationException>(() => new ContactStandard("KA1"));
        var dup = Assert.Throws<KamValidationException>(() => new ContactStandards([new("A", 1), new("A", 2)], hoursPerCall: 0m));
        Assert.Equal(["standards[1].grade", "hoursPerCall"], dup.Errors.Select(e => e.Path));
    }

    [Theory]
    [InlineData("""{ "standards": [ { "grade": "A", "visits": 1 }, { "grade": "B", "visits": 0 } ] }""", "$.standards[1].visits", "0")]
    [InlineData("""{ "standards": [ { "grade": "A", "calls": -1 } ] }""", "$.standards[0].calls", "-1")]
    [InlineData("""{ "hoursPerVisit": 0 }""", "$.hoursPerVisit", "0")]
    [InlineData("""{ "standards": [ { "grade": "A", "visits": 1, "visitPeriod": "Week" } ] }""", "$.standards[0].visitPeriod", "Week")]
    [InlineData("""{ "standard": [] }""", "$.standard", "standard")]
    public void A_bad_file_names_the_path_and_the_value(string json, string path, string value)
    {
        var ex = Assert.Throws<KamValidationException>(() => ContactStandards.FromJson(json));
        Assert.Equal(path, ex.Errors[0].Path);
        Assert.Equal(value, ex.Errors[0].AttemptedValue);
        Assert.False(Evaluate(json).IsValid);
    }

    [Fact]
    public void The_sample_file_loads_round_trips_and_validates_against_its_schema()
    {
        var text = RepositoryFiles.Read("docs/schemas/samples/contact-standards.json");
        var results = Evaluate(text);
        Assert.True(results.IsValid, string.Join("; ", results.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        var s = ContactStandards.FromJson(text);
        Assert.Equal(5m, s.HoursPerVisit);
        Assert.True(s.TryGet("B", out var b));
        Assert.Equal((null, 1, PeriodKind.Quarter), (b.Visits, b.Calls!.Value, b.CallPeriod));
        Assert.Equal(s.ToJson(), ContactStandards.FromJson(s.ToJson()).ToJson());
        Assert.True(Evaluate(s.ToJson()).IsValid);
    }

    [Fact]
    public void The_log_refuses_an_activity_before_the_account_existed_an_unknown_account_and_unknown_contacts()
    {
        var history = new BuyingCenterHistory(
        [
            new ContactJoined(new LocalDate(2025, 6, 1), ContactId.Parse("chen"), Acme, new ContactProfile("Chen Jie", DecisionLevel.Decision, ContactFunction.User)),
            new ContactJoined(new LocalDate(2026, 1, 10), ContactId.Parse("bo"), Beta, new ContactProfile("Bo", DecisionLevel.Operational, ContactFunction.User)),
            new ContactLeft(new LocalDate(2026, 2, 1), ContactId.Parse("chen")),
        ]);
        Activity[] activities =
        [
            Act(1, 5, ActivityKind.Visit, Beta),
            Act(1, 6, ActivityKind.Visit, AccountId.Parse("NOPE")),
            Act(1, 7, ActivityKind.Call, Acme, "bo"),
            Act(1, 8, ActivityKind.Call, Acme, "ghost"),
            Act(3, 1, ActivityKind.Call, Acme, "chen"),
            Act(1, 9, ActivityKind.Call, Acme, "chen"),
        ];
        var copy = activities.ToArray();
        var ex = Assert.Throws<KamValidationException>(() => new ActivityLog(activities, Since, history));
        Assert.Equal(
            [("activities[0].date", KamErrorCodes.OutOfRange, "2026-01-05"), ("activities[1].account", KamErrorCodes.Unknown, "NOPE"), ("activities[2].contacts[0]", KamErrorCodes.Unknown, "bo"),
             ("activities[3].contacts[0]", KamErrorCodes.Unknown, "ghost"), ("activities[4].contacts[0]", KamErrorCodes.InvalidState, "chen")],
            ex.Errors.Select(e => (e.Path, e.Code, e.AttemptedValue)));
        Assert.Equal(copy, activities);
        Assert.Single(new ActivityLog([activities[5]], Since, history).Activities);
    }

    [Fact]
    public void Compliance_counts_visits_and_calls_per_calendar_period_with_status_next_due_and_days_since_contact()
    {
        // KA6: 2 visits a quarter, 1 call a month. Assessed 1 January to 20 February 2026.
        var log = new ActivityLog([Act(1, 12, ActivityKind.Call), Act(1, 20, ActivityKind.Visit), Act(2, 3, ActivityKind.Message), Act(2, 10, ActivityKind.Call)], Since);
        var engine = new ContactComplianceEngine(ContactStandards.Default);
        var report = engine.Assess(log, [new AccountAssignment(Acme, Zhang, "KA6"), new AccountAssignment(Beta, Liu, "A")], new LocalDate(2026, 1, 1), new LocalDate(2026, 2, 20));
        var acme = report.Accounts[0];
        Assert.Equal(
            [(ContactMeasure.Visits, "2026-01-01", 2, 1, ComplianceStatus.Pending), (ContactMeasure.Calls, "2026-01-01", 1, 1, ComplianceStatus.Met), (ContactMeasure.Calls, "2026-02-01", 1, 1, ComplianceStatus.Met)],
            acme.Periods.Select(p => (p.Measure, p.Start.ToString("uuuu-MM-dd", null), p.Required, p.Done, p.Status)));
        // The quarter has 90 days: the second of its 2 visits is due by day 90, 31 March; February's call is made, so the next is March's, due by 31 March.
        Assert.Equal(ComplianceStatus.Pending, acme.Status);
        Assert.Equal(new LocalDate(2026, 3, 31), acme.NextDue);
        Assert.Equal((new LocalDate(2026, 2, 10), 10), (acme.LastContact!.Value, acme.DaysSinceLastContact!.Value));
        Assert.Equal(3m / 4m, acme.Rate);

        // Beta (grade A: a visit a quarter, a call a month, from 10 January) has had no contact: January's call is missed; February's is due by the 28th, so pending.
        var beta = report.Accounts[1];
        Assert.Equal([ComplianceStatus.Pending, ComplianceStatus.Missed, ComplianceStatus.Pending], beta.Periods.Select(p => p.Status));
        Assert.Null(beta.DaysSinceLastContact);
        Assert.Equal(0m, beta.Rate);
        Assert.Equal([(Liu, 1, 0, 0, 3), (Zhang, 1, 0, 0, 4)], report.Managers.Select(m => (m.Manager, m.Accounts, m.Met, m.Overdue, m.Required)));

        // As KA3 (6 visits a quarter, 2 calls a month), by 20 March: the second visit was due on day 30 (30 January): overdue.
        var ka3 = engine.Assess(log, [new AccountAssignment(Acme, Zhang, "KA3")], new LocalDate(2026, 1, 1), new LocalDate(2026, 3, 20)).Accounts[0];
        Assert.Equal(ComplianceStatus.Overdue, ka3.Status);
        Assert.Equal(new LocalDate(2026, 1, 30), ka3.NextDue);
    }

    [Fact]
    public void Compliance_refuses_unknown_accounts_grades_and_dates_out_of_order()
    {
        var log = new ActivityLog([], Since);
        var ex = Assert.Throws<KamValidationException>(() => new ContactComplianceEngine(ContactStandards.Default).Assess(log,
            [new AccountAssignment(AccountId.Parse("X"), Zhang, "KA1"), new AccountAssignment(Acme, Zhang, "Z"), new AccountAssignment(Acme, Zhang, "A")], new LocalDate(2026, 2, 1), new LocalDate(2026, 1, 1)));
        Assert.Equal(["asOf", "accounts[0].account", "accounts[1].grade", "accounts[2].account"], ex.Errors.Select(e => e.Path));
    }

    [Fact]
    public void The_capacity_check_flags_a_manager_whose_standards_need_more_hours_than_they_have()
    {
        // Zhang: 4 KA1 accounts (12 visits a quarter = 4 a month, 4 calls a month each): 16 visits × 4 h + 16 calls × 0.5 h = 72 h > 56 h.
        var accounts = Enumerable.Range(0, 4).Select(i => new AccountAssignment(AccountId.Parse($"K{i}"), Zhang, "KA1"))
            .Append(new AccountAssignment(Acme, Liu, "KA6")).ToArray();
        var engine = new ContactComplianceEngine(ContactStandards.Default);
        var loads = engine.Capacity(accounts);
        Assert.Equal([(Liu, 1, 2m / 3m, 1m, (2m / 3m * 4m) + 0.5m, 56m, false), (Zhang, 4, 16m, 16m, 72m, 56m, true)],
            loads.Select(l => (l.Manager, l.Accounts, l.VisitsPerMonth, l.CallsPerMonth, l.RequiredHours, l.CapacityHours, l.Overloaded)));
        Assert.False(engine.Capacity(accounts, new Dictionary<PersonId, decimal> { [Zhang] = 80m })[1].Overloaded);
        var ex = Assert.Throws<KamValidationException>(() => engine.Capacity(accounts, new Dictionary<PersonId, decimal> { [Zhang] = 0m }));
        Assert.Equal(("capacityHours['zhang']", "0"), (ex.Errors.Single().Path, ex.Errors.Single().AttemptedValue));
    }

    [Fact]
    public void The_key_account_list_is_frozen_on_the_threshold_and_changed_only_by_recorded_exceptions()
    {
        var spend = new Dictionary<AccountId, decimal> { [Acme] = 4200m, [Beta] = 2999.99m, [AccountId.Parse("GAMMA")] = 3000m };
        var list = new KeyAccountList(2026, spend);
        Assert.Equal([Acme, AccountId.Parse("GAMMA")], list.Frozen);
        var changed = list.With(new KeyAccountListChange(new LocalDate(2026, 7, 1), Beta, added: true, "Won the group's framework contract in June", Liu));
        Assert.Empty(list.Changes);
        Assert.False(changed.Contains(Beta, new LocalDate(2026, 6, 30)));
        Assert.True(changed.Contains(Beta, new LocalDate(2026, 7, 1)));
        Assert.Equal([Acme, Beta, AccountId.Parse("GAMMA")], changed.MembersOn(new LocalDate(2026, 12, 31)));
        Assert.Equal("Won the group's framework contract in June", changed.Changes.Single().Reason);

        var ex = Assert.Throws<KamValidationException>(() => new KeyAccountList(2026, spend, 3000m,
            [new KeyAccountListChange(new LocalDate(2027, 1, 2), Beta, true, "x"), new KeyAccountListChange(new LocalDate(2026, 3, 1), Acme, true, "y")]));
        Assert.Equal([("changes[0].date", "2027-01-02"), ("changes[1].date", "2026-03-01"), ("changes[1].account", "ACME")], ex.Errors.Select(e => (e.Path, e.AttemptedValue)));
        Assert.Throws<KamValidationException>(() => new KeyAccountListChange(new LocalDate(2026, 3, 1), Acme, false, " "));
        Assert.Equal(4200m, spend[Acme]);
    }
}
