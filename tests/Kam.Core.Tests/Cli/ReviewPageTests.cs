using System.Text.RegularExpressions;
using Kam.Cli.Features.Review;
using Kam.Core.Accounts.Plans;
using Kam.Core.Portfolio;
using Kam.Core.Portfolio.Review;
using Kam.Core.Relationships;
using Kam.Core.Relationships.Activities;
using Kam.Core.Relationships.Health;
using Kam.Core.Stages.DealControl;
using Kam.Core.Tests.Portfolio;
using static Kam.Core.Tests.Portfolio.Review.ReviewSamples;
using static Kam.Core.Tests.Tiering.TieringSamples;

namespace Kam.Core.Tests.Cli;

/// <summary>
/// The one-page account review (<c>kam review --out review.html</c>) rendered from hand-built parts: with every part
/// present each panel shows its figures (computed by hand below); with most parts absent each panel says so in one
/// line; the print CSS asks for A4 landscape and keeps panels whole.
/// </summary>
public sealed class ReviewPageTests
{
    /// <summary>The worked example of docs/account-review.md with the three parts it leaves out (win/loss, plans, coverage) added for ACME, and a year of health.</summary>
    internal static AccountReviewSources Full()
    {
        var (tiering, changes) = Portfolio.Review.ReviewSamples.Tiering();
        var months = Enumerable.Range(0, 12).Select(m => new HealthPoint(AsOf.PlusMonths(m - 11), 70m - m + (m == 11 ? -4m : 0m), null, null, null, null, null, null, 1m, null)).ToArray();
        var health = new AccountHealth(Id("ACME"), months, -8m, [new HealthAlert(HealthAlertKind.FallingHealth, Id("ACME"), AsOf, null, "Health fell 8 points in 3 months.")]);
        var periods = new[]
        {
            new PeriodCompliance(ContactMeasure.Visits, AsOf.PlusMonths(-3), AsOf.PlusMonths(-2), 1, 1, ComplianceStatus.Met),
            new PeriodCompliance(ContactMeasure.Visits, AsOf.PlusMonths(-2), AsOf.PlusMonths(-1), 1, 0, ComplianceStatus.Missed),
            new PeriodCompliance(ContactMeasure.Visits, AsOf.PlusMonths(-1), AsOf, 1, 0, ComplianceStatus.Pending),
        };
        var compliance = new AccountCompliance(new AccountAssignment(Id("ACME"), Alice, "A"), periods, ComplianceStatus.Missed, AsOf.PlusDays(10), AsOf.PlusDays(-40), 40, 3, 1);
        var winLoss = new WinLossAnalyzer(Currency.CNY).Analyze(WinLossScenario.DocExample(), WinLossScenario.DocAccounts());
        return new AccountReviewSources(
            tiering: tiering,
            tierChanges: changes,
            attainment: [Attainment("ACME", 1_000_000m, 400_000m, 300_000m, 90_000m)],
            plans: new PlanCheckReport(AsOf, [new PlanFinding(PlanFindingKind.NoLeadTime, Id("ACME"), "$.plans[0]", ["The plan names no lead time."])]),
            pipeline: PipelineOf([("ACME", 2, 300_000m, 90_000m), ("BETA", 1, 200_000m, 120_000m)], ("ACME", PipelineAnomalyKind.StuckInStage)),
            winLoss: new Dictionary<AccountId, WinLossSummary> { [Id("ACME")] = winLoss },
            profitability: [Profit("ACME", 2_000_000m, 150_000m), Profit("BETA", 1_500_000m, 50_000m)],
            lifetimeValue: LifetimeOf(Customer("ACME", 0.3, 900_000), Customer("BETA", 0.9, 800_000), Customer("C3", 0.7, 100_000), Customer("C4", 0.6, 50_000), Customer("C5", 0.5, 10_000)),
            coverage: [new CoverageReport(Id("ACME"), null, AsOf, 0.4m, 5, 2, [new CoverageFinding(CoverageFindingKind.DecisionUncovered, "No contact covers the budget decision.", [])])],
            health: HealthOf(health, Health("BETA", 80m, 2m)),
            compliance: ComplianceOf(compliance, Contact("BETA", ComplianceStatus.Met, 3, 3)),
            receivables: ReceivablesOf(Owed("ACME", 120_000m, 50_000m, 100_000m, 20_000m), Owed("BETA", 10_000m, 0m, 50_000m), Owed("GAMMA", 5_000m, 5_000m, null)));
    }

    internal static string Page(AccountReviewSources sources, string account, ReviewPageInfo? info = null) =>
        ReviewPage.Render(new AccountReviewer(sources).Review(Id(account)), info ?? ReviewPageInfo.Plain("Acme <b>Corp</b>", AsOf, "CNY"));

    [Fact]
    public void With_every_part_present_each_panel_shows_its_figures()
    {
        var html = Page(Full(), "ACME");
        KeepForInspection("review-full.html", html);

        foreach (var id in new[] { "plan", "pipeline", "winloss", "profitability", "lifetime-value", "relationship", "contact", "receivables", "findings" })
        {
            Assert.Matches($"<section class=\"panel[^\"]*\" id=\"{id}\">", html);
        }

        Assert.DoesNotContain("<p class=\"absent\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Parts absent", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Gap</dt><dd class=\"bad\">510,000</dd>", html, StringComparison.Ordinal); // 1,000,000 − 400,000 − 90,000
        Assert.Contains("<dt>Coverage of the gap</dt><dd class=\"warn\">0.5&#215;</dd>", html, StringComparison.Ordinal); // 300,000 ÷ 600,000
        Assert.Contains("<dt>Actual</dt><dd>400,000 (40%)</dd>", html, StringComparison.Ordinal);
        Assert.Contains("Plan check: 1 fault in the account&#39;s plan.", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Weighted</dt><dd>90,000 (30%)</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Stalled</dt><dd class=\"bad\">1</dd>", html, StringComparison.Ordinal);
        Assert.Contains("Stuck in their stage: O-ACME.", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Won</dt><dd class=\"good\">2 (580,000)</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Win rate</dt><dd class=\"warn\">40%</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Contribution</dt><dd class=\"good\">650,000 (32.5%)</dd>", html, StringComparison.Ordinal); // 2,000,000 − 1,200,000 − 150,000
        Assert.Contains("<dt>Cost to serve</dt><dd>150,000 (7.5%)</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>P(alive)</dt><dd class=\"bad\">30%</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Percentile among accounts</dt><dd>100%</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Health index</dt><dd>55 (2026-11)</dd>", html, StringComparison.Ordinal); // 70 − 11 − 4
        Assert.Contains("<dt>Trend</dt><dd class=\"bad\">-8</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Coverage of the buying center</dt><dd class=\"bad\">40%</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Contacts credited</dt><dd class=\"warn\">1 of 3</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Overdue</dt><dd class=\"bad\">50,000 (41.7%)</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Credit used</dt><dd class=\"bad\">120% of 100,000</dd>", html, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(html, "data-chart=\"sparkline\""));
        Assert.Equal(3, Regex.Count(html, "<rect x=\"[0-9.]+\" y=\"1\" width=\"12\"")); // a square per contact period
        Assert.Contains("Tier B</b> score", html, StringComparison.Ordinal);
        Assert.Contains("demoted from A", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_risks_read_with_their_reasons_value_at_stake_and_action()
    {
        var html = Page(Full(), "ACME");

        Assert.Contains("<span>Risk score</span><b>23</b><small>6 risks</small>", html, StringComparison.Ordinal);
        Assert.Contains("health.trend = -8 &lt; 0 (Health: AccountHealth.Trend)", html, StringComparison.Ordinal);
        Assert.Contains("2,000,000 (profit.revenue)", html, StringComparison.Ordinal);
        Assert.Contains("Hold an account review with the customer&#39;s sponsor this month", html, StringComparison.Ordinal);
        Assert.Equal(6, Regex.Count(html, "<span class=\"sev sev-(Critical|High|Medium|Low)\">"));
    }

    [Fact]
    public void With_most_parts_absent_each_panel_says_so_in_one_line()
    {
        var sources = new AccountReviewSources(receivables: ReceivablesOf(Owed("GAMMA", 5_000m, 5_000m, null)));
        var info = ReviewPageInfo.Plain(null, AsOf, "CNY") with { Why = new Dictionary<ReviewPart, string> { [ReviewPart.WinLoss] = "no events.csv" } };

        var html = Page(sources, "GAMMA", info);
        KeepForInspection("review-absent.html", html);

        Assert.Contains("<p class=\"absent\">Win/loss: absent (no events.csv).</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"absent\">Pipeline: absent (not given).</p>", html, StringComparison.Ordinal);
        Assert.Equal(9, Regex.Count(html, "<p class=\"absent\">")); // plan, plan check, pipeline, win/loss, profitability, lifetime value, health, coverage, contact
        Assert.Contains("<b>Parts absent:</b> Tiering (not given); Tier changes (not given);", html, StringComparison.Ordinal);
        Assert.Contains("No rule fired for this account", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Overdue</dt><dd class=\"bad\">5,000 (100%)</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Credit used</dt><dd>no limit</dd>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_print_css_asks_for_a4_landscape_and_keeps_panels_whole()
    {
        var html = Page(Full(), "ACME");

        Assert.Contains("@page { size: A4 landscape; margin: 10mm; }", html, StringComparison.Ordinal);
        Assert.Matches(@"\.panel \{[^}]*break-inside: avoid;", html);
        Assert.Contains("print-color-adjust: exact", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_page_escapes_names_and_gives_the_same_bytes_twice()
    {
        var html = Page(Full(), "ACME");

        Assert.Contains("<span class=\"name\">Acme &lt;b&gt;Corp&lt;/b&gt;</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Corp", html, StringComparison.Ordinal);
        Assert.Equal(html, Page(Full(), "ACME"));
    }

    // Set KAM_REPORT_SCREENSHOTS=/some/folder to keep the pages there, to print and look at them.
    private static void KeepForInspection(string name, string html)
    {
        var folder = Environment.GetEnvironmentVariable("KAM_REPORT_SCREENSHOTS");
        if (!string.IsNullOrEmpty(folder))
        {
            File.WriteAllText(Path.Combine(folder, name), html);
        }
    }
}
