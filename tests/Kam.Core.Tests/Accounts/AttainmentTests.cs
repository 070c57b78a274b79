using Kam.Core.Accounts.Attainment;
using Kam.Core.Accounts.Targets;
using Kam.Core.Stages;
using Kam.Core.Stages.Playbooks;
using NodaTime;
using static Kam.Core.Tests.Accounts.AccountsSamples;
using static Kam.Core.Tests.Accounts.AttainmentSamples;

namespace Kam.Core.Tests.Accounts;

public sealed class AttainmentTests
{
    [Fact]
    public void Worked_example_one_account_s_first_quarter()
    {
        var q1 = Report().Account(A("ACME-SH"), "bookings", Fy("FY2026-Q1"));
        Assert.Equal(250_000m, q1.Target);
        Assert.Equal(180_000m, q1.Actual);                       // won 20 Jan and 10 Feb; the lost one and last year's win do not count
        Assert.Equal(136_000m, q1.WeightedPipeline);             // 200,000 × 50% (March) + 40,000 × 90% (overdue, counted in February)
        Assert.Equal(240_000m, q1.OpenPipeline);
        Assert.Equal(360_000m, q1.RunRate);                      // 180,000 × 90 days ÷ 45 elapsed
        Assert.Equal(316_000m, q1.Forecast);                     // 180,000 + 136,000
        Assert.Equal(-66_000m, q1.Gap);
        Assert.Equal(Ratio.FromFraction(0.72m), q1.Attainment);
        Assert.Equal(CoverageStatus.Computed, q1.CoverageStatus);
        Assert.Equal(240_000m / 70_000m, q1.Coverage!.Value.Fraction);
        Assert.Equal((1, 40_000m), (q1.OverdueCount, q1.OverdueValue));
        Assert.Equal(Currency.CNY, q1.Currency);
    }

    [Fact]
    public void Worked_example_one_account_s_year_other_measures_and_months()
    {
        var report = Report();
        var year = report.Account(A("ACME-SH"), "bookings", Fy("FY2026"));
        Assert.Equal((1_000_000m, 180_000m, 181_000m, 390_000m), (year.Target!.Value, year.Actual!.Value, year.WeightedPipeline, year.OpenPipeline));
        Assert.Equal((1_460_000m, 361_000m, 639_000m), (year.RunRate!.Value, year.Forecast!.Value, year.Gap!.Value));
        Assert.Equal(390_000m / 820_000m, year.Coverage!.Value.Fraction);

        var march = report.Account(A("ACME-SH"), "bookings", Fy("FY2026-M03"));
        Assert.Equal((0m, 100_000m, 100_000m, 0), (march.Actual!.Value, march.WeightedPipeline, march.Forecast!.Value, march.OverdueCount));
        Assert.Equal(CoverageStatus.NoTarget, march.CoverageStatus);
        Assert.Null(march.Gap);

        var profit = report.Account(A("ACME-SH"), "grossProfit", Fy("FY2026"));
        Assert.Equal((42_000m, 340_666.67m, 340_666.67m, -90_666.67m), (profit.Actual!.Value, profit.RunRate!.Value, profit.Forecast!.Value, profit.Gap!.Value));
        Assert.Equal(CoverageStatus.NoPipeline, profit.CoverageStatus);
        Assert.Equal(0m, profit.WeightedPipeline);

        var satisfaction = report.Account(A("ACME-SH"), "satisfaction", Fy("FY2026"));
        Assert.Equal((8.5m, 2, 8.5m, 0.5m), (satisfaction.Actual!.Value, satisfaction.Observations, satisfaction.Forecast!.Value, satisfaction.Gap!.Value));
        Assert.Equal(Currency.None, satisfaction.Currency);
        Assert.Null(report.Account(A("BETA"), "satisfaction", Fy("FY2026")).Actual);
    }

    [Fact]
    public void Units_and_groups_roll_up_both_hierarchies()
    {
        var report = Report();
        var east = report.Unit(U("EAST"), "bookings", Fy("FY2026"));
        Assert.Equal((2_000_000m, 1_400_000m, 2_000_000m, 600_000m), (east.OwnTarget!.Value, east.AccountsTarget!.Value, east.Target!.Value, east.ReconciliationGap!.Value));
        Assert.Equal((300_000m, 181_000m, 481_000m, 1_519_000m), (east.Actual!.Value, east.WeightedPipeline, east.Forecast!.Value, east.Gap!.Value));

        var sh = report.Unit(U("SH"), "bookings", Fy("FY2026"));
        Assert.Null(sh.OwnTarget);
        Assert.Equal((1_400_000m, 280_000m), (sh.Target!.Value, sh.Actual!.Value));  // HQ-ACME and ACME-SH; ACME-HZ is Hangzhou's
        Assert.Equal(20_000m, report.Unit(U("HZ"), "bookings", Fy("FY2026")).Actual);
        Assert.Equal(0m, report.Unit(U("NORTH"), "bookings", Fy("FY2026")).Actual);
        Assert.Equal(300_000m, report.Unit(U("HQ"), "bookings", Fy("FY2026")).Actual);

        var group = report.AccountGroup(A("HQ-ACME"), "bookings", Fy("FY2026"));
        Assert.True(group.IncludesAccountsBelow);
        Assert.Equal((1_400_000m, 300_000m, 481_000m, 919_000m), (group.Target!.Value, group.Actual!.Value, group.Forecast!.Value, group.Gap!.Value));
        Assert.Equal(400_000m, group.OwnTarget);
        Assert.Equal(100_000m, report.Account(A("HQ-ACME"), "bookings", Fy("FY2026")).Actual);
        Assert.Equal(200_000m, report.AccountGroup(A("ACME-SH"), "bookings", Fy("FY2026")).Actual);   // with its outlet ACME-HZ
        Assert.Equal(report.Account(A("BETA"), "bookings", Fy("FY2026")).Actual, report.AccountGroup(A("BETA"), "bookings", Fy("FY2026")).Actual);

        Assert.Equal([U("HQ"), U("EAST"), U("SH"), U("SH-1"), U("HZ"), U("NORTH")], report.Units("bookings", Fy("FY2026")).Select(l => l.Subject.Unit!.Value));
        Assert.Equal(4, report.Accounts("bookings", Fy("FY2026-Q1")).Count());
        Assert.Equal(17, report.Periods.Count);
    }

    [Fact]
    public void The_policy_changes_the_run_rate_the_forecast_and_where_overdue_deals_count()
    {
        var byRunRate = Report(new AttainmentPolicy(forecast: ForecastMethod.RunRate)).Account(A("ACME-SH"), "bookings", Fy("FY2026-Q1"));
        Assert.Equal(360_000m, byRunRate.Forecast);

        // January is the only complete month: 120,000 × 3 months ÷ 1.
        var months = Report(new AttainmentPolicy(runRate: RunRateMethod.CompletedMonths)).Account(A("ACME-SH"), "bookings", Fy("FY2026-Q1"));
        Assert.Equal(360_000m, months.RunRate);
        Assert.Equal(120_000m * 12m, Report(new AttainmentPolicy(runRate: RunRateMethod.CompletedMonths)).Account(A("ACME-SH"), "bookings", Fy("FY2026")).RunRate);

        var leftOut = Report(new AttainmentPolicy(overdueInCurrentPeriod: false)).Account(A("ACME-SH"), "bookings", Fy("FY2026-Q1"));
        Assert.Equal((100_000m, 200_000m, 1, 40_000m), (leftOut.WeightedPipeline, leftOut.OpenPipeline, leftOut.OverdueCount, leftOut.OverdueValue));

        var rising = new WinProbabilityTable([.. new[] { 5m, 10m, 15m, 20m, 60m, 80m, 95m, 100m }.Select(Percentage.FromPercent)]);
        var custom = Report(new AttainmentPolicy(probabilities: rising)).Account(A("ACME-SH"), "bookings", Fy("FY2026-Q1"));
        Assert.Equal((200_000m * 0.6m) + (40_000m * 0.95m), custom.WeightedPipeline);
    }

    [Fact]
    public void No_gap_is_explained_instead_of_a_division_by_zero()
    {
        var plan = new TargetPlan(FiscalCalendar.Calendar, 2026, [TargetMeasure.Bookings(Currency.CNY)],
            [new Target(TargetSubject.ForAccount(A("BETA")), "bookings", Fy("FY2026"), Cny(50_000m)), new Target(TargetSubject.ForAccount(A("ACME-HZ")), "bookings", Fy("FY2026"), Cny(0m))]);
        var report = new AttainmentEngine().Evaluate(plan, Hierarchy(), AsOf,
            [new AttainmentOpportunity(A("BETA"), Cny(50_000m), AsOf, SalesStage.ContractSigned, OpportunityStatus.Won, AsOf)], []);
        var beta = report.Account(A("BETA"), "bookings", Fy("FY2026"));
        Assert.Equal(CoverageStatus.NoGap, beta.CoverageStatus);
        Assert.Null(beta.Coverage);
        Assert.StartsWith("no gap", beta.CoverageNote, StringComparison.Ordinal);
        var zero = report.Account(A("ACME-HZ"), "bookings", Fy("FY2026"));
        Assert.Equal((CoverageStatus.NoGap, (Ratio?)null), (zero.CoverageStatus, zero.Attainment));
    }

    [Fact]
    public void Bad_input_is_refused_with_every_path_and_value_at_once()
    {
        var engine = new AttainmentEngine();
        AttainmentOpportunity[] opportunities =
        [
            new(A("ACME-SH"), Cny(1m), AsOf),
            new(A("NOPE"), Money.Of(10m, "USD"), AsOf),
            new(default, Cny(-5m), AsOf, (SalesStage)9, (OpportunityStatus)7),
            new(A("BETA"), Cny(5m), AsOf, status: OpportunityStatus.Won),
            new(A("BETA"), Cny(5m), AsOf, status: OpportunityStatus.Won, closedOn: new LocalDate(2026, 3, 1)),
        ];
        AttainmentActual[] actuals =
        [
            new(A("BETA"), "shareOfWallet", AsOf, 0.3m),
            new(A("BETA"), "bookings", AsOf, Cny(1m)),
            new(A("BETA"), "grossProfit", AsOf, Money.Of(1m, "USD")),
            new(A("BETA"), "satisfaction", AsOf, Cny(1m)),
            new(A("BETA"), "grossProfit", new LocalDate(2025, 12, 31), Cny(1m)),
            new(A("BETA"), "grossProfit", new LocalDate(2026, 2, 15), Cny(1m)),
        ];
        var ex = Assert.Throws<KamValidationException>(() => engine.Evaluate(Plan(), Hierarchy(), AsOf, opportunities, actuals));
        var found = ex.Errors.Select(e => (e.Path, e.Code)).ToArray();
        Assert.Equal(
        [
            ("opportunities[1].account", KamErrorCodes.Unknown), ("opportunities[1].value", KamErrorCodes.CurrencyMismatch),
            ("opportunities[2].account", KamErrorCodes.Required), ("opportunities[2].value", KamErrorCodes.OutOfRange),
            ("opportunities[2].status", KamErrorCodes.OutOfRange), ("opportunities[2].completedStage", KamErrorCodes.OutOfRange),
            ("opportunities[3].closedOn", KamErrorCodes.Required), ("opportunities[4].closedOn", KamErrorCodes.OutOfRange),
            ("actuals[0].measure", KamErrorCodes.Unknown), ("actuals[1].measure", KamErrorCodes.InvalidState),
            ("actuals[2].value", KamErrorCodes.CurrencyMismatch), ("actuals[3].value", KamErrorCodes.CurrencyMismatch),
            ("actuals[4].date", KamErrorCodes.OutOfRange), ("actuals[5].date", KamErrorCodes.OutOfRange),
        ], found);
        Assert.Equal("NOPE", ex.Errors[0].AttemptedValue?.ToString());
        Assert.Contains("10 USD", ex.Errors[1].AttemptedValue?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_arguments_and_unknown_plan_subjects_are_refused()
    {
        var engine = new AttainmentEngine();
        var ex = Assert.Throws<KamValidationException>(() => engine.Evaluate(Plan(), Hierarchy(), new LocalDate(2027, 1, 1), [], [], ["bookings", "shareOfWallet", "bookings"]));
        Assert.Equal([("asOf", KamErrorCodes.OutOfRange), ("measures[1]", KamErrorCodes.Unknown), ("measures[2]", KamErrorCodes.Duplicate)], ex.Errors.Select(e => (e.Path, e.Code)));

        var plan = new TargetPlan(FiscalCalendar.Calendar, 2026, [TargetMeasure.Bookings(Currency.CNY)],
            [new Target(TargetSubject.ForAccount(A("GHOST")), "bookings", Fy("FY2026"), Cny(1m)), new Target(TargetSubject.ForUnit(U("WEST")), "bookings", Fy("FY2026"), Cny(1m))]);
        var unknown = Assert.Throws<KamValidationException>(() => engine.Evaluate(plan, Hierarchy(), AsOf, [], []));
        Assert.Equal([("targets[0].account", "GHOST"), ("targets[1].unit", "WEST")], unknown.Errors.Select(e => (e.Path, e.AttemptedValue?.ToString())));

        var report = Report();
        Assert.Equal("account", Assert.Throws<KamValidationException>(() => report.Account(A("GHOST"), "bookings", Fy("FY2026"))).Errors[0].Path);
        var reading = Assert.Throws<KamValidationException>(() => report.Unit(U("EAST"), "nps", Fy("FY2027")));
        Assert.Equal(["measure", "period"], reading.Errors.Select(e => e.Path));
    }

    [Fact]
    public void A_sum_beyond_decimal_is_an_overflow_error_not_an_exception_escaping()
    {
        var huge = Money.Of(decimal.MaxValue / 2m, "CNY");
        AttainmentOpportunity[] opportunities = [.. Enumerable.Repeat(new AttainmentOpportunity(A("BETA"), huge, AsOf, status: OpportunityStatus.Won, closedOn: AsOf), 3)];
        var ex = Assert.Throws<KamValidationException>(() => new AttainmentEngine().Evaluate(Plan(), Hierarchy(), AsOf, opportunities, []));
        Assert.Equal((KamErrorCodes.Overflow, "opportunities[1].value"), (ex.Errors[0].Code, ex.Errors[0].Path));
    }

    [Fact]
    public void Nothing_passed_is_changed()
    {
        var opportunities = Opportunities();
        var copy = opportunities.ToArray();
        var plan = Plan();
        var planJson = plan.ToJson();
        _ = new AttainmentEngine().Evaluate(plan, Hierarchy(), AsOf, opportunities, Actuals());
        Assert.Equal(copy, opportunities);
        Assert.Equal(planJson, plan.ToJson());
    }

    [Fact]
    public void Tallies_merge_only_when_taken_against_the_same_plan_day_and_rules()
    {
        var engine = new AttainmentEngine();
        var plan = Plan();
        var hierarchy = Hierarchy();
        var a = engine.Tally(plan, hierarchy, AsOf, Opportunities(), []);
        Assert.Equal("other", Assert.Throws<KamValidationException>(() => a.Merge(engine.Tally(plan, hierarchy, AsOf.PlusDays(1), [], []))).Errors[0].Path);
        Assert.Equal("other", Assert.Throws<KamValidationException>(() => a.Merge(engine.Tally(Plan(), hierarchy, AsOf, [], []))).Errors[0].Path);
        var other = new AttainmentEngine(new AttainmentPolicy(forecast: ForecastMethod.RunRate));
        Assert.Equal("tally", Assert.Throws<KamValidationException>(() => other.Report(a)).Errors[0].Path);
        Assert.Equal(9, a.Merge(engine.Tally(plan, hierarchy, AsOf, [], Actuals())).OpportunityCount);
    }

    [Fact]
    public void The_policy_reads_and_writes_json_with_paths()
    {
        Assert.Equal(AttainmentPolicy.Default.ToJson(), AttainmentPolicy.FromJson("{}").ToJson());
        var policy = new AttainmentPolicy("sales", null, RunRateMethod.CompletedMonths, false, ForecastMethod.RunRate);
        var back = AttainmentPolicy.FromJson(policy.ToJson());
        Assert.Equal(policy.ToJson(), back.ToJson());
        Assert.Equal(("sales", RunRateMethod.CompletedMonths, false, ForecastMethod.RunRate), (back.BookingsMeasure, back.RunRate, back.OverdueInCurrentPeriod, back.Forecast));
        Assert.Contains("\"probabilities\"", policy.ToJson(), StringComparison.Ordinal);

        var ex = Assert.Throws<KamValidationException>(() => AttainmentPolicy.FromJson("""{ "bookingsMeasure": " ", "probabilities": ["10%", "20%", "20%", "30%", "50%", "75%", "90%", "100%"] }"""));
        Assert.Equal(["$.probabilities[2]", "$.bookingsMeasure"], ex.Errors.Select(e => e.Path));
        Assert.Equal("$.runRate", Assert.Throws<KamValidationException>(() => AttainmentPolicy.FromJson("""{ "runRate": "Weekly" }""")).Errors[0].Path);
    }
}
