using Kam.Core.Accounts.Plans;
using NodaTime;
using static Kam.Core.Tests.Accounts.AccountsSamples;
using static Kam.Core.Tests.Accounts.PlanSamples;

namespace Kam.Core.Tests.Accounts;

/// <summary>Each fault of the plan check: the sample plans pass every check, and one change makes exactly the fault expected.</summary>
public sealed class PlanCheckerTests
{
    private static PlanFinding[] Findings(KeyAccountPlan changed, PlanCheckPolicy? policy = null, LocalDate? asOf = null) =>
        [.. Check(With(changed), policy, asOf).Findings];

    private static PlanFinding Single(KeyAccountPlan changed, PlanFindingKind kind, PlanCheckPolicy? policy = null, LocalDate? asOf = null)
    {
        var findings = Findings(changed, policy, asOf);
        Assert.True(findings.Length == 1, string.Join("\n", findings.Select(f => f.ToString())));
        Assert.Equal(kind, findings[0].Kind);
        Assert.Equal(changed.Account, findings[0].Account);
        return findings[0];
    }

    [Fact]
    public void The_sample_plans_pass_every_check()
    {
        var report = Check(Plans());
        Assert.True(report.Findings.Count == 0, string.Join("\n", report.Findings.Select(f => f.ToString())));
        Assert.Equal(AsOf, report.AsOf);
    }

    [Fact]
    public void A_group_whose_branch_has_no_plan_is_one_plan_for_all_levels()
    {
        var plans = Plans().Where(p => p.Account != A("ACME-SH")).ToArray();
        var finding = Assert.Single(Check(plans).Findings);
        Assert.Equal(PlanFindingKind.OnePlanForAllLevels, finding.Kind);
        Assert.Equal(A("HQ-ACME"), finding.Account);
        Assert.Equal("account", finding.Path);
        Assert.Contains("'ACME-SH' (Branch) has no plan of its own", Assert.Single(finding.Reasons), StringComparison.Ordinal);
        Assert.Empty(Check(plans).For(A("BETA")));
    }

    [Fact]
    public void A_branch_plan_with_the_group_plans_objectives_is_one_plan_for_all_levels()
    {
        PlanObjective[] same = [new("grow", "Grow bookings", [new ObjectiveTarget("bookings", Fy("FY2026"), Money.Of(400_000m, "CNY")), new ObjectiveTarget("bookings", Fy("FY2026-Q1"), Money.Of(90_000m, "CNY"))])];
        var plans = With(Plan("ACME-SH", objectives: same));
        var finding = Assert.Single(Check(plans).Findings);
        Assert.Equal((PlanFindingKind.OnePlanForAllLevels, "HQ-ACME"), (finding.Kind, finding.Account.Value));
        Assert.Contains("'ACME-SH' (Branch) has the same objectives and targets", finding.Reasons[0], StringComparison.Ordinal);

        // The same objectives with the branch's own figures are a plan of its own.
        PlanObjective[] own = [new("grow", "Grow bookings", [new ObjectiveTarget("bookings", Fy("FY2026"), Money.Of(350_000m, "CNY")), new ObjectiveTarget("bookings", Fy("FY2026-Q1"), Money.Of(80_000m, "CNY"))])];
        Assert.Empty(Check(With(Plan("ACME-SH", objectives: own))).Findings);
    }

    [Fact]
    public void Project_plans_without_an_operating_plan_are_flagged()
    {
        var finding = Single(Plan("BETA", operating: []), PlanFindingKind.ProjectsWithoutOperatingPlan);
        Assert.Equal("operatingPlan", finding.Path);
        Assert.Contains("'Plant 2 sensor roll-out'", finding.Reasons[0], StringComparison.Ordinal);
        Assert.Empty(Findings(Plan("BETA", operating: [], projects: [])));
    }

    [Fact]
    public void A_project_plan_without_lead_time_is_flagged()
    {
        var noStart = Single(Plan("BETA", projects: [new ProjectPlan("Tender", D(6, 30))]), PlanFindingKind.NoLeadTime);
        Assert.Equal("projects[0].start", noStart.Path);
        var late = Single(Plan("BETA", projects: [new ProjectPlan("Ok", D(6, 30), D(1, 5)), new ProjectPlan("Rush", D(6, 30), D(6, 20))]), PlanFindingKind.NoLeadTime);
        Assert.Equal("projects[1].start", late.Path);
        Assert.Contains("10 days before its due date 2026-06-30", late.Reasons[0], StringComparison.Ordinal);
        Assert.Empty(Findings(Plan("BETA", projects: [new ProjectPlan("Rush", D(6, 30), D(6, 20))]), new PlanCheckPolicy(minimumLeadTimeDays: 10)));
    }

    [Fact]
    public void A_plan_not_made_with_the_customer_is_flagged()
    {
        var finding = Single(Plan("BETA", coPlanned: false), PlanFindingKind.NotCoPlanned);
        Assert.Equal("coPlannedOn", finding.Path);
    }

    [Fact]
    public void A_last_review_without_the_customer_is_no_joint_review()
    {
        var finding = Single(Plan("BETA", reviews: Reviews(customer: false)), PlanFindingKind.NoJointReview);
        Assert.Equal("reviews[0].customerTookPart", finding.Path);
        Assert.Contains("FY2026-Q1 on 2026-04-08", finding.Reasons[0], StringComparison.Ordinal);

        // Before the quarter is over, its review is not the last period's.
        Assert.DoesNotContain(Findings(Plan("BETA", reviews: Reviews(customer: false)), asOf: D(3, 31)), f => f.Kind == PlanFindingKind.NoJointReview);
    }

    [Fact]
    public void A_plan_that_differentiates_nothing_is_flagged()
    {
        var empty = Single(Plan("BETA", differentiation: []), PlanFindingKind.NothingDifferentiated);
        Assert.Equal("differentiation", empty.Path);

        // What another account also gets differentiates nothing: both plans are flagged.
        var plans = Plans().Select(p => p.Account == A("BETA") || p.Account == A("ACME-HZ") ? Plan(p.Account.Value, differentiation: ["Free delivery"]) : p).ToArray();
        var findings = Check(plans).Findings;
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(PlanFindingKind.NothingDifferentiated, f.Kind));
        Assert.Contains("'Free delivery' is also in the plan of 'BETA'", findings.Single(f => f.Account == A("ACME-HZ")).Reasons[0], StringComparison.Ordinal);

        // One item of its own is enough.
        plans[3] = Plan("BETA", differentiation: ["Free delivery", "Customized firmware"]);
        Assert.Single(Check(plans).Findings);
    }

    [Fact]
    public void Targets_for_the_year_only_are_not_split_by_period()
    {
        PlanObjective[] yearOnly = [new("grow", "Grow bookings", [new ObjectiveTarget("bookings", Fy("FY2026")), new ObjectiveTarget("bookings", Fy("FY2026-Q1"))]), new("wallet", "Raise our share", [new ObjectiveTarget("shareOfWallet", Fy("FY2026"), 0.3m)])];
        var finding = Single(Plan("BETA", objectives: yearOnly), PlanFindingKind.TargetsNotSplitByPeriod);
        Assert.Equal("objectives[1].targets[0].period", finding.Path);
        Assert.Contains("'shareOfWallet' is targeted for FY2026 only", finding.Reasons[0], StringComparison.Ordinal);

        // The target plan's quarter target of the account splits a year reference.
        PlanObjective[] reference = [new("grow", "Grow bookings", [new ObjectiveTarget("bookings", Fy("FY2026"))])];
        Assert.Empty(Findings(Plan("BETA", objectives: reference, reviews: [new PlanReview(Fy("FY2026-Q1"), D(4, 8), true)])));

        var none = Single(Plan("BETA", objectives: [new PlanObjective("grow", "Grow")], reviews: [new PlanReview(Fy("FY2026-Q1"), D(4, 8), true)]), PlanFindingKind.TargetsNotSplitByPeriod);
        Assert.Equal("objectives", none.Path);
    }

    [Fact]
    public void An_action_without_an_owner_is_flagged()
    {
        var finding = Single(Plan("BETA", actions: [new PlanAction("Map the buying center", D(6, 1), "grow")]), PlanFindingKind.ActionWithoutOwner);
        Assert.Equal("actions[0].owner", finding.Path);
        Assert.Contains("'Map the buying center' has no owner", finding.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_open_action_past_its_due_date_is_overdue()
    {
        PlanAction[] actions = [new("Done on time", D(3, 1), "grow", P("zhang"), PlanActionStatus.Done), new("Send the offer", D(4, 1), "grow", P("zhang"), PlanActionStatus.InProgress)];
        var finding = Single(Plan("BETA", actions: actions), PlanFindingKind.ActionOverdue);
        Assert.Equal("actions[1].due", finding.Path);
        Assert.Contains("was due 2026-04-01 and is still InProgress as of 2026-04-20", finding.Reasons[0], StringComparison.Ordinal);
        Assert.Empty(Findings(Plan("BETA", actions: actions), new PlanCheckPolicy(actionGraceDays: 19)));
    }

    [Fact]
    public void A_quarter_without_a_review_after_the_grace_days_is_review_overdue()
    {
        var finding = Single(Plan("BETA", reviews: []), PlanFindingKind.ReviewOverdue);
        Assert.Equal("reviews", finding.Path);
        Assert.Contains("No review of FY2026-Q1; it was due by 2026-04-15", finding.Reasons[0], StringComparison.Ordinal);
        Assert.Empty(Findings(Plan("BETA", reviews: []), asOf: D(4, 15)));

        // Monthly reviews: January to March are each overdue (the other plans' quarter reviews cover March only).
        var monthly = Findings(Plan("BETA", reviews: []), new PlanCheckPolicy(PeriodKind.Month)).Where(f => f.Account == A("BETA")).ToArray();
        Assert.Equal(["FY2026-M01", "FY2026-M02", "FY2026-M03"], monthly.Select(f => f.Reasons[0].Split(' ')[3].TrimEnd(';')));
        Assert.All(monthly, f => Assert.Equal(PlanFindingKind.ReviewOverdue, f.Kind));

        // A half-year review covers its second quarter.
        Assert.Empty(Findings(Plan("BETA", reviews: []), new PlanCheckPolicy(PeriodKind.Half)));
    }

    [Fact]
    public void An_operating_plan_set_late_or_missing_after_its_due_day_is_flagged()
    {
        OperatingPlanEntry[] late = [.. Operating(2), new(Fy("FY2026-M03"), D(3, 18), ["Half-way through"]), new(Fy("FY2026-M04"), D(4, 2), ["On time"])];
        var finding = Single(Plan("BETA", operating: late), PlanFindingKind.OperatingPlanLate);
        Assert.Equal("operatingPlan[2].setOn", finding.Path);
        Assert.Contains("set on 2026-03-18, after day 5 of the month (2026-03-05)", finding.Reasons[0], StringComparison.Ordinal);

        var missing = Single(Plan("BETA", operating: Operating(3)), PlanFindingKind.OperatingPlanLate);
        Assert.Equal("operatingPlan", missing.Path);
        Assert.Contains("No operating plan for FY2026-M04; it was due by 2026-04-05", missing.Reasons[0], StringComparison.Ordinal);
        Assert.Empty(Findings(Plan("BETA", operating: Operating(3)), new PlanCheckPolicy(operatingPlanDueDay: 25)));
    }

    [Fact]
    public void Findings_come_in_plan_order_and_kind_order_and_nothing_passed_is_changed()
    {
        var bad = Plan("BETA", actions: [new PlanAction("No owner", D(1, 10), "grow")], differentiation: [], reviews: [], coPlanned: false);
        var plans = With(bad);
        var before = plans.Select(p => p.ToJson()).ToArray();
        var report = Check(plans);
        Assert.Equal(
            [PlanFindingKind.NotCoPlanned, PlanFindingKind.NothingDifferentiated, PlanFindingKind.ActionWithoutOwner, PlanFindingKind.ActionOverdue, PlanFindingKind.ReviewOverdue],
            report.For(A("BETA")).Select(f => f.Kind));
        Assert.Equal(before, plans.Select(p => p.ToJson()));
        Assert.Equal(["HQ-ACME", "ACME-SH", "ACME-HZ", "BETA"], plans.Select(p => p.Account.Value));
    }

    [Fact]
    public void Bad_input_is_refused_with_path_and_value()
    {
        var stranger = new KeyAccountPlan(A("NOPE"), FiscalCalendar.Calendar, 2026, Currency.CNY, Objectives(), reviews: Reviews());
        var otherYear = new KeyAccountPlan(A("BETA"), FiscalCalendar.Calendar, 2027, Currency.CNY, []);
        var people = Plan("ACME-HZ", actions: [new PlanAction("x", D(5, 1), "grow", P("ghost"))]);
        PlanObjective[] unknown = [new("grow", "g", [new ObjectiveTarget("bookings", Fy("FY2026")), new ObjectiveTarget("bookings", Fy("FY2026-Q1")), new ObjectiveTarget("nps", Fy("FY2026")), new ObjectiveTarget("bookings", Fy("FY2026-M02")), new ObjectiveTarget("shareOfWallet", Fy("FY2026"), Money.Of(1m, "CNY"))])];
        var missing = Plan("ACME-SH", objectives: unknown);
        var ex = Assert.Throws<KamValidationException>(() => Check([Plan("HQ-ACME"), missing, people, stranger, otherYear, Plan("HQ-ACME")]));
        Assert.Contains(ex.Errors, e => e is { Path: "plans[3].account", Code: KamErrorCodes.Unknown, AttemptedValue: "NOPE" });
        Assert.Contains(ex.Errors, e => e is { Path: "plans[4].fiscalYear", Code: KamErrorCodes.OutOfRange, AttemptedValue: "FY2027" });
        Assert.Contains(ex.Errors, e => e is { Path: "plans[5].account", Code: KamErrorCodes.Duplicate, AttemptedValue: "HQ-ACME" });
        Assert.Contains(ex.Errors, e => e is { Path: "plans[2].actions[0].owner", Code: KamErrorCodes.Unknown, AttemptedValue: "ghost" });
        Assert.Contains(ex.Errors, e => e is { Path: "plans[1].objectives[0].targets[2].measure", Code: KamErrorCodes.Unknown, AttemptedValue: "nps" });
        Assert.Contains(ex.Errors, e => e is { Path: "plans[1].objectives[0].targets[3]", Code: KamErrorCodes.Unknown, AttemptedValue: "bookings FY2026-M02" });
        Assert.Contains(ex.Errors, e => e is { Path: "plans[1].objectives[0].targets[4].value", Code: KamErrorCodes.CurrencyMismatch, AttemptedValue: "1 CNY" });
        Assert.Equal(7, ex.Errors.Count);
    }

    [Fact]
    public void A_referenced_target_in_another_currency_is_refused()
    {
        var ex = Assert.Throws<KamValidationException>(() => new PlanChecker(PlanCheckPolicy.Default).Check(Plans(), Hierarchy(), Targets(Currency.USD), AsOf));
        Assert.Contains(ex.Errors, e => e is { Path: "plans[0].objectives[0].targets[0].measure", Code: KamErrorCodes.CurrencyMismatch, AttemptedValue: "bookings (USD)" });
    }
}
