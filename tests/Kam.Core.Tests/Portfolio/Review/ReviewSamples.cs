using Kam.Core.Accounts.Attainment;
using Kam.Core.Accounts.Targets;
using Kam.Core.Portfolio.Receivables;
using Kam.Core.Portfolio.Review;
using Kam.Core.Relationships.Activities;
using Kam.Core.Relationships.Health;
using Kam.Core.Stages.DealControl;
using Kam.Core.Tiering;
using Kam.Core.Tiering.Pareto;
using Kam.Core.Tiering.Stability;
using Kam.Core.Value.Economics;
using Kam.Core.Value.Models.LifetimeValue;
using NodaTime;
using static Kam.Core.Tests.Tiering.TieringSamples;

namespace Kam.Core.Tests.Portfolio.Review;

/// <summary>Hand-built part results for the account review: the engines' result types built directly, so each figure is known.</summary>
internal static class ReviewSamples
{
    public static readonly LocalDate AsOf = new(2026, 11, 30);
    public static readonly FiscalPeriod Year = FiscalCalendar.Calendar.Year(2026);
    public static readonly PersonId Alice = PersonId.Parse("alice");

    public static Money Cny(decimal amount) => new(amount, Currency.CNY);

    public static AccountHealth Health(string account, decimal index, decimal? trend) =>
        new(Id(account), [new HealthPoint(AsOf, index, null, null, null, null, null, null, 1m, null)], trend, []);

    public static HealthReport HealthOf(params AccountHealth[] accounts) => new(AsOf.PlusMonths(-12), AsOf, accounts, []);

    /// <summary>Receivables with the default buckets (0-30, 31-60, 61-90, 90+); <paramref name="over90"/> is in the last bucket, the rest of the overdue in 31-60.</summary>
    public static AccountReceivables Owed(string account, decimal open, decimal overdue, decimal? limit, decimal over90 = 0m) =>
        new(
            Id(account),
            Cny(open),
            Cny(open - overdue),
            Cny(overdue),
            [Cny(open - overdue), Cny(overdue - over90), Cny(0m), Cny(over90)],
            1,
            overdue > 0m ? 45 : 0,
            Cny(open),
            null,
            limit is { } l ? Cny(l) : null,
            [],
            false);

    public static ReceivablesReport ReceivablesOf(params AccountReceivables[] accounts) => new(ReceivablesPolicy.Default, Currency.CNY, AsOf, accounts);

    public static AccountCompliance Contact(string account, ComplianceStatus status, int required = 3, int credited = 1) =>
        new(new AccountAssignment(Id(account), Alice, "A"), [], status, null, AsOf.PlusDays(-40), 40, required, credited);

    public static ComplianceReport ComplianceOf(params AccountCompliance[] accounts) => new(AsOf.PlusMonths(-3), AsOf, accounts, []);

    public static CustomerValue Customer(string account, double pAlive, double clv) => new(account, pAlive, 1d, 1d, clv, clv);

    public static LifetimeValueReport LifetimeOf(params CustomerValue[] customers) => new(customers, customers.Length, customers.Sum(c => c.LifetimeValue));

    /// <summary>A pipeline summary with each account's open figures (one cell in stage 3) and the given anomalies.</summary>
    public static DealControlSummary PipelineOf((string Account, long Count, decimal Value, decimal Weighted)[] open, params (string Account, PipelineAnomalyKind Kind)[] anomalies)
    {
        var cells = new Dictionary<AccountKey, AccountCell>();
        foreach (var (account, count, value, weighted) in open)
        {
            cells[new AccountKey(Id(account), Year, 3)] = new AccountCell { Figures = new PipelineCell(count, value, weighted, 0m, 0m), First = OpportunityId.Parse("O-" + account) };
        }

        var list = anomalies.Select(a => new PipelineAnomaly(a.Kind, OpportunityId.Parse("O-" + a.Account), Alice, 120, Id(a.Account))).ToArray();
        return new DealControlSummary(Currency.CNY, AnomalyPolicy.Default, [], cells, new ClosedCounts(), list);
    }

    public static AttainmentLine Attainment(string account, decimal target, decimal actual, decimal open, decimal weighted)
    {
        var f = new LineFigures { Target = target, OwnTarget = target, Actual = actual, Open = open, Weighted = weighted, Forecast = actual + weighted, HasPipeline = open > 0m };
        return new AttainmentLine(TargetSubject.ForAccount(Id(account)), false, TargetMeasure.Bookings(Currency.CNY), Year, f);
    }

    public static AccountProfitability Profit(string account, decimal revenue, decimal costToServe) =>
        new(Id(account), new ProfitLines(Cny(revenue), Cny(0m), Cny(0m), Cny(revenue * 0.6m), Cny(costToServe), Cny(0m), Cny(0m)), [], 1, 1);

    /// <summary>Two tiering runs: ACME falls from A to B, BETA rises from B to A.</summary>
    public static (TieringResult After, TierChangeReport Changes) Tiering()
    {
        var engine = new ParetoEngine(ParetoPolicy.TopCount("revenue", Tiers("A", "B"), [1]));
        var before = engine.Assign(Revenue(("ACME", 10), ("BETA", 5)));
        var after = engine.Assign(Revenue(("ACME", 4), ("BETA", 8)));
        return (after, TierChangeReport.Compare(before, after));
    }

    /// <summary>
    /// The worked example of docs/account-review.md. ACME: health falling (−8), 50,000 overdue, one stalled opportunity,
    /// contact standard missed, credit limit used 1.2 times, the highest lifetime value with P(alive) 0.3, a plan gap
    /// covered 0.5 times, demoted from A to B. BETA: loyal (P(alive) 0.9, 80th percentile of lifetime value), health
    /// rising, promoted. GAMMA: only receivables. Win/loss, plans and coverage are absent.
    /// </summary>
    public static AccountReviewSources Example()
    {
        var (tiering, changes) = Tiering();
        return new AccountReviewSources(
            tiering: tiering,
            tierChanges: changes,
            attainment: [Attainment("ACME", 1_000_000m, 400_000m, 300_000m, 90_000m)],
            pipeline: PipelineOf([("ACME", 2, 300_000m, 90_000m), ("BETA", 1, 200_000m, 120_000m)], ("ACME", PipelineAnomalyKind.StuckInStage)),
            profitability: [Profit("ACME", 2_000_000m, 150_000m), Profit("BETA", 1_500_000m, 50_000m)],
            lifetimeValue: LifetimeOf(Customer("ACME", 0.3, 900_000), Customer("BETA", 0.9, 800_000), Customer("C3", 0.7, 100_000), Customer("C4", 0.6, 50_000), Customer("C5", 0.5, 10_000)),
            health: HealthOf(Health("ACME", 55m, -8m), Health("BETA", 80m, 2m)),
            compliance: ComplianceOf(Contact("ACME", ComplianceStatus.Missed), Contact("BETA", ComplianceStatus.Met, 3, 3)),
            receivables: ReceivablesOf(Owed("ACME", 120_000m, 50_000m, 100_000m, 20_000m), Owed("BETA", 10_000m, 0m, 50_000m), Owed("GAMMA", 5_000m, 5_000m, null)));
    }
}
