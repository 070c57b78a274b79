using Kam.Core.Accounts;
using Kam.Core.Accounts.Targets;
using static Kam.Core.Tests.Accounts.AccountsSamples;

namespace Kam.Core.Tests.Accounts;

public sealed class TargetPlanTests
{
    private static readonly FiscalCalendar Calendar = FiscalCalendar.Calendar;

    private static FiscalPeriod Fy(string name) => Calendar.Parse(name);

    private static TargetMeasure[] Measures() => [TargetMeasure.Bookings(Currency.CNY), TargetMeasure.ShareOfWallet, TargetMeasure.Satisfaction];

    [Fact]
    public void A_valid_plan_keeps_its_targets_and_finds_them()
    {
        var plan = new TargetPlan(Calendar, 2026, Measures(),
        [
            new Target(TargetSubject.ForUnit(U("EAST")), "bookings", Fy("FY2026"), Money.Of(1_000_000m, "CNY")),
            new Target(TargetSubject.ForAccount(A("BETA")), "shareOfWallet", Fy("FY2026-Q2"), 0.3m),
            new Target(TargetSubject.ForAccount(A("BETA")), "satisfaction", Fy("FY2026-M03"), -20m),
        ]);
        Assert.Equal(Fy("FY2026"), plan.Year);
        Assert.Equal(1_000_000m, plan.Find(TargetSubject.ForUnit(U("EAST")), "bookings", Fy("FY2026"))!.Value);
        Assert.Equal(Currency.CNY, plan.Find(TargetSubject.ForUnit(U("EAST")), "bookings", Fy("FY2026"))!.Currency);
        Assert.Null(plan.Find(TargetSubject.ForUnit(U("EAST")), "bookings", Fy("FY2026-Q1")));
        Assert.Equal(TargetMeasureKind.Ratio, plan.Measure("shareOfWallet").Kind);
        Assert.Throws<KamValidationException>(() => plan.Measure("nps"));
    }

    [Fact]
    public void Every_problem_is_reported_with_path_and_value()
    {
        var other = new FiscalCalendar(4);
        Target[] targets =
        [
            new(TargetSubject.ForAccount(A("A1")), "bookings", Fy("FY2026"), Money.Of(100m, "USD")),
            new(TargetSubject.ForAccount(A("A1")), "bookings", Fy("FY2025-Q4"), Money.Of(100m, "CNY")),
            new(TargetSubject.ForAccount(A("A1")), "revenue", Fy("FY2026"), 1m),
            new(TargetSubject.ForAccount(A("A2")), "bookings", Fy("FY2026"), Money.Of(1m, "CNY")),
            new(TargetSubject.ForAccount(A("A2")), "bookings", Fy("FY2026"), Money.Of(2m, "CNY")),
            new(TargetSubject.ForAccount(A("A3")), "bookings", Fy("FY2026"), Money.Of(-5m, "CNY")),
            new(TargetSubject.ForAccount(A("A3")), "bookings", Fy("FY2026-Q1"), Money.Of(0.001m, "CNY")),
            new(TargetSubject.ForAccount(A("A3")), "shareOfWallet", Fy("FY2026"), Money.Of(1m, "CNY")),
            new(TargetSubject.ForAccount(A("A4")), "bookings", other.Parse("FY2026-Q1"), Money.Of(1m, "CNY")),
        ];
        var ex = Assert.Throws<KamValidationException>(() => new TargetPlan(Calendar, 2026, Measures(), targets));
        Assert.Contains(ex.Errors, e => e is { Path: "targets[0].value", Code: KamErrorCodes.CurrencyMismatch, AttemptedValue: "100 USD" });
        Assert.Contains(ex.Errors, e => e is { Path: "targets[1].period", Code: KamErrorCodes.OutOfRange, AttemptedValue: "FY2025-Q4" });
        Assert.Contains(ex.Errors, e => e is { Path: "targets[2].measure", Code: KamErrorCodes.Unknown, AttemptedValue: "revenue" });
        Assert.Contains(ex.Errors, e => e is { Path: "targets[4]", Code: KamErrorCodes.Duplicate });
        Assert.Contains(ex.Errors, e => e is { Path: "targets[5].value", Code: KamErrorCodes.OutOfRange, AttemptedValue: "-5 CNY" });
        Assert.Contains(ex.Errors, e => e is { Path: "targets[6].value", Code: KamErrorCodes.InvalidFormat, AttemptedValue: "0.001 CNY" });
        Assert.Contains(ex.Errors, e => e is { Path: "targets[7].value", Code: KamErrorCodes.CurrencyMismatch });
        Assert.Contains(ex.Errors, e => e is { Path: "targets[8].period", Code: KamErrorCodes.OutOfRange });
        Assert.Equal(8, ex.Errors.Count);
    }

    [Fact]
    public void Measures_and_targets_validate_themselves()
    {
        Assert.Equal("currency", Assert.Throws<KamValidationException>(() => new TargetMeasure("gp", TargetMeasureKind.Money)).Errors[0].Path);
        Assert.Equal("currency", Assert.Throws<KamValidationException>(() => new TargetMeasure("sow", TargetMeasureKind.Ratio, Currency.CNY)).Errors[0].Path);
        Assert.Equal("key", Assert.Throws<KamValidationException>(() => new TargetMeasure(" ", TargetMeasureKind.Score)).Errors[0].Path);
        Assert.Equal("key", Assert.Throws<KamValidationException>(() => new TargetPlan(Calendar, 2026, [TargetMeasure.ShareOfWallet, TargetMeasure.ShareOfWallet], [])).Errors[0].Path.Split('.')[1]);
        Assert.Equal("period", Assert.Throws<KamValidationException>(() => new Target(TargetSubject.ForUnit(U("X")), "bookings", Fy("FY2026-H1"), 1m)).Errors[0].Path);
        Assert.Equal("subject", Assert.Throws<KamValidationException>(() => new Target(default, "bookings", Fy("FY2026"), 1m)).Errors[0].Path);
        Assert.Equal("fiscalYear", Assert.Throws<KamValidationException>(() => new TargetPlan(Calendar, 0, [], [])).Errors[0].Path);
    }

    [Fact]
    public void Json_round_trips()
    {
        var plan = TargetPlan.FromJson(RepositoryFiles.Read("docs/schemas/samples/target-plan.json"));
        Assert.Equal(2026, plan.FiscalYear);
        Assert.Equal(8, plan.Targets.Count);
        Assert.Equal(Money.Of(30_000m, "CNY"), new Money(plan.Targets[4].Value, plan.Targets[4].Currency));
        Assert.Equal(Fy("FY2026-M01"), plan.Targets[4].Period);
        var again = TargetPlan.FromJson(plan.ToJson());
        Assert.Equal(plan.ToJson(), again.ToJson());

        var april = new TargetPlan(new FiscalCalendar(4, FiscalYearNaming.StartYear), 2026, Measures(),
            [new Target(TargetSubject.ForAccount(A("X")), "bookings", new FiscalCalendar(4, FiscalYearNaming.StartYear).Parse("FY2026-M01"), Money.Of(5m, "CNY"))]);
        var read = TargetPlan.FromJson(april.ToJson());
        Assert.Equal(new NodaTime.YearMonth(2026, 4), read.Targets[0].Period.Start);
        Assert.Equal(april.ToJson(), read.ToJson());
    }

    [Fact]
    public void Json_errors_name_the_file_path_and_value()
    {
        const string json = """
            { "fiscalYear": 2026,
              "measures": [ { "key": "bookings", "kind": "Money", "currency": "CNY" } ],
              "targets": [
                { "unit": "EAST", "measure": "bookings", "period": "FY2026", "value": 10 },
                { "account": "A1", "measure": "bookings", "period": "FY2026", "value": 10, "currency": "USD" },
                { "account": "A1", "measure": "bookings", "period": "FY2027-Q1", "value": 10 },
                { "account": "A2", "measure": "bookings", "period": "2026Q1", "value": 10 },
                { "account": "A3", "unit": "EAST", "measure": "bookings", "period": "FY2026", "value": 10 } ] }
            """;
        var ex = Assert.Throws<KamValidationException>(() => TargetPlan.FromJson(json));
        Assert.Contains(ex.Errors, e => e is { Path: "$.targets[1].value", Code: KamErrorCodes.CurrencyMismatch, AttemptedValue: "10 USD" });
        Assert.Contains(ex.Errors, e => e is { Path: "$.targets[2].period", Code: KamErrorCodes.OutOfRange, AttemptedValue: "FY2027-Q1" });
        Assert.Contains(ex.Errors, e => e is { Path: "$.targets[3].period", Code: KamErrorCodes.InvalidFormat, AttemptedValue: "2026Q1" });
        Assert.Contains(ex.Errors, e => e is { Path: "$.targets[4]", Code: KamErrorCodes.Required });

        var unknown = Assert.Throws<KamValidationException>(() => TargetPlan.FromJson("""{ "fiscalYear": 2026, "measures": [], "targets": [], "year": 1 }"""));
        Assert.Equal(KamErrorCodes.JsonUnknownMember, unknown.Errors[0].Code);
        var missing = Assert.Throws<KamValidationException>(() => TargetPlan.FromJson("""{ "measures": [], "targets": [] }"""));
        Assert.Equal("$.fiscalYear", missing.Errors[0].Path);
        var month = Assert.Throws<KamValidationException>(() => TargetPlan.FromJson("""{ "fiscalYearStartMonth": 13, "fiscalYear": 2026, "measures": [], "targets": [] }"""));
        Assert.Equal("$.fiscalYearStartMonth", month.Errors[0].Path);
    }
}
