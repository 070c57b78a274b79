using System.Globalization;
using Kam.Core.Accounts.Targets;
using Kam.Core.Portfolio.Review;
using Kam.Core.Relationships.Activities;
using Kam.Core.Stages.DealControl;
using static Kam.Cli.Features.Review.ReviewGraphics;
using static Kam.Cli.Features.Review.ReviewPanel;

namespace Kam.Cli.Features.Review;

/// <summary>
/// The part panels of the account review page. Each shows the part's figures for the account and a small graphic;
/// a panel whose parts are absent says so in one line, and a present part with nothing about the account says what
/// that means (no open opportunity, no target).
/// </summary>
internal static class ReviewPanels
{
    /// <summary>Plan attainment (a bullet bar: actual, forecast, target) and the plan check's faults.</summary>
    /// <param name="panel">The panel.</param>
    /// <param name="review">The review.</param>
    public static void Plan(ReviewPanel panel, AccountReview review)
    {
        if (IsAbsent(review, ReviewPart.Attainment))
        {
            panel.Absent(ReviewPart.Attainment);
        }
        else if (review.Attainment is not { } a)
        {
            panel.Note("No target for this account in the plan's period.");
        }
        else
        {
            string Value(decimal? v) => v is not { } x ? "–" : a.Measure.Kind switch
            {
                TargetMeasureKind.Money => Amount(x),
                TargetMeasureKind.Ratio => Percent(x),
                _ => Number(x),
            };

            panel.Note(a.Measure.Name + ", " + a.Period);
            if (a.Target is { } target)
            {
                panel.Graphic(
                    Bullet("Actual, forecast and target", (double)target, (double)(a.Actual ?? 0m), (double)(a.Forecast ?? a.Actual ?? 0m)),
                    ("actual", Blue), ("forecast", Sky), ("target", "#000"));
            }

            panel.Figure("Target", Value(a.Target))
                .Figure("Actual", Value(a.Actual) + (a.Attainment is { } r ? " (" + Percent(r.Fraction) + ")" : string.Empty))
                .Figure("Weighted pipeline", Value(a.WeightedPipeline))
                .Figure("Forecast", Value(a.Forecast))
                .Figure("Gap", Value(a.Gap), a.Gap > 0m ? "bad" : "good")
                .Figure("Coverage of the gap", a.Coverage is { } c ? Number(c.Fraction) + "×" : null, a.Coverage is { } low && low.Fraction < 3m ? "warn" : null);
            if (a.Coverage is null)
            {
                panel.Note("Coverage: " + a.CoverageNote + ".");
            }
        }

        if (IsAbsent(review, ReviewPart.Plans))
        {
            panel.Absent(ReviewPart.Plans);
        }
        else if (review.PlanFindings.Count == 0)
        {
            panel.Note("Plan check: no fault in the account's plan.");
        }
        else
        {
            panel.Note("Plan check: " + Count(review.PlanFindings.Count, "fault") + " in the account's plan.", "bad");
            foreach (var f in review.PlanFindings.Take(2))
            {
                panel.Note(f.Kind + ": " + string.Join("; ", f.Reasons));
            }

            if (review.PlanFindings.Count > 2)
            {
                panel.Note(Invariant($"… and {review.PlanFindings.Count - 2} more."));
            }
        }

        panel.End();
    }

    /// <summary>The open pipeline: value and weighted value, the stalled opportunities and the other anomalies.</summary>
    /// <param name="panel">The panel.</param>
    /// <param name="review">The review.</param>
    public static void Pipeline(ReviewPanel panel, AccountReview review)
    {
        if (IsAbsent(review, ReviewPart.Pipeline))
        {
            panel.Absent(ReviewPart.Pipeline).End();
            return;
        }

        if (review.Pipeline is { } p && p.Count > 0)
        {
            var weighted = (double)p.Weighted.Amount;
            panel.Graphic(
                Stacked("Open pipeline: weighted and the rest", [new("weighted", weighted, Blue), new("rest of open", (double)p.Value.Amount - weighted, Sky)], (double)p.Value.Amount),
                ("weighted", Blue), ("open", Sky));
            panel.Figure("Open", p.Count.ToString(CultureInfo.InvariantCulture))
                .Figure("Open value", Amount(p.Value.Amount))
                .Figure("Weighted", Amount(p.Weighted.Amount) + (p.Value.Amount > 0m ? " (" + Percent(p.Weighted.Amount / p.Value.Amount) + ")" : string.Empty))
                .Figure("Commit", Amount(p.Commit.Amount));
        }
        else
        {
            panel.Note("No open opportunity.");
        }

        var stalled = review.PipelineAnomalies.Where(x => x.Kind == PipelineAnomalyKind.StuckInStage).ToArray();
        panel.Figure("Stalled", stalled.Length.ToString(CultureInfo.InvariantCulture), stalled.Length > 0 ? "bad" : "good");
        if (stalled.Length > 0)
        {
            panel.Note("Stuck in their stage: " + string.Join(", ", stalled.Take(4).Select(x => x.Opportunity?.Value ?? "?")) + (stalled.Length > 4 ? ", …" : string.Empty) + ".");
        }

        var others = review.PipelineAnomalies.Where(x => x.Kind != PipelineAnomalyKind.StuckInStage).GroupBy(x => x.Kind).OrderBy(g => g.Key).ToArray();
        if (others.Length > 0)
        {
            panel.Note("Other anomalies: " + string.Join(", ", others.Select(g => g.Key + " " + g.Count().ToString(CultureInfo.InvariantCulture))) + ".", "warn-note");
        }

        panel.End();
    }

    /// <summary>Win/loss of the closed opportunities: won, lost and abandoned, the win rates and the cycle.</summary>
    /// <param name="panel">The panel.</param>
    /// <param name="review">The review.</param>
    public static void WinLoss(ReviewPanel panel, AccountReview review)
    {
        if (IsAbsent(review, ReviewPart.WinLoss))
        {
            panel.Absent(ReviewPart.WinLoss).End();
            return;
        }

        if (review.WinLoss is not { } w || w.Won + w.Lost + w.Abandoned == 0)
        {
            panel.Note("No closed opportunity.").End();
            return;
        }

        panel.Graphic(
            Stacked("Closed opportunities", [new("won", w.Won, Green), new("lost", w.Lost, Red), new("abandoned", w.Abandoned, Grey)], w.Won + w.Lost + w.Abandoned),
            ("won", Green), ("lost", Red), ("abandoned", Grey));
        panel.Figure("Won", Invariant($"{w.Won} ({Amount(w.WonValue.Amount)})"), "good")
            .Figure("Lost", Invariant($"{w.Lost} ({Amount(w.LostValue.Amount)})"), w.Lost > 0 ? "bad" : null)
            .Figure("Abandoned", w.Abandoned.ToString(CultureInfo.InvariantCulture))
            .Figure("Win rate", w.WinRate is { } r ? Percent(r.Fraction) : "–", w.WinRate is { } low && low.Fraction < 0.5m ? "warn" : null)
            .Figure("Win rate by value", w.WinRateByValue is { } v ? Percent(v.Fraction) : "–")
            .Figure("Median cycle", w.MedianCycleDays is { } d ? Number(d) + " days" : null)
            .End();
    }

    /// <summary>Profitability: a step chart from revenue to contribution, the margin, cost to serve and the ranks.</summary>
    /// <param name="panel">The panel.</param>
    /// <param name="review">The review.</param>
    public static void Profitability(ReviewPanel panel, AccountReview review)
    {
        if (IsAbsent(review, ReviewPart.Profitability))
        {
            panel.Absent(ReviewPart.Profitability).End();
            return;
        }

        if (review.Profitability is not { } p)
        {
            panel.Note("No revenue or cost recorded for this account.").End();
            return;
        }

        var t = p.Totals;
        double revenue = (double)t.Revenue.Amount, net = (double)t.NetRevenue.Amount, gross = (double)t.GrossMargin.Amount;
        double served = gross - (double)t.CostToServe.Amount, contribution = (double)t.Contribution.Amount;
        panel.Graphic(Steps("From revenue to contribution",
        [
            ("revenue", 0, revenue, Blue),
            ("discounts", revenue, net, Orange),
            ("cost of goods", net, gross, Grey),
            ("cost to serve", gross, served, Red),
            ("acquisition", served, contribution, "#CC79A7"),
            ("contribution", 0, contribution, contribution >= 0 ? Green : Red),
        ]));
        panel.Figure("Revenue", Amount(t.Revenue.Amount))
            .Figure("Cost to serve", Amount(t.CostToServe.Amount) + (t.Revenue.Amount > 0m ? " (" + Percent(t.CostToServe.Amount / t.Revenue.Amount) + ")" : string.Empty))
            .Figure("Contribution", Amount(t.Contribution.Amount) + (t.ContributionMargin is { } m ? " (" + Percent(m) + ")" : string.Empty), t.Contribution.Amount < 0m ? "bad" : "good")
            .Figure("Rank by contribution", Invariant($"{p.ContributionRank} (by revenue {p.RevenueRank})"), p.ContributionRank > p.RevenueRank ? "warn" : null)
            .End();
    }

    /// <summary>Lifetime value, its percentile among the accounts and P(alive) on a bar marked at 0.5 and 0.8 (the default rules' thresholds).</summary>
    /// <param name="panel">The panel.</param>
    /// <param name="review">The review.</param>
    public static void LifetimeValue(ReviewPanel panel, AccountReview review)
    {
        if (IsAbsent(review, ReviewPart.LifetimeValue))
        {
            panel.Absent(ReviewPart.LifetimeValue).End();
            return;
        }

        if (review.LifetimeValue is not { } c)
        {
            panel.Note("No purchase history to project a lifetime value from.").End();
            return;
        }

        var alive = c.ProbabilityAlive;
        var colour = alive >= 0.8 ? Green : alive >= 0.5 ? Orange : Red;
        panel.Graphic(Stacked("P(alive)", [new("P(alive)", alive, colour)], 1, [(0.5, "0.5"), (0.8, "0.8")]), ("P(alive); marks at 50% and 80%", colour));
        var percentile = review.Signal("clv.percentile");
        panel.Figure("P(alive)", Percent(alive), alive >= 0.8 ? "good" : alive >= 0.5 ? "warn" : "bad")
            .Figure("Lifetime value", Amount(c.LifetimeValue))
            .Figure("Percentile among accounts", percentile is { } q ? Percent(q) : null)
            .Figure("Expected purchases", Number(c.ExpectedTransactions))
            .Figure("Spend per purchase", Amount(c.ExpectedSpendPerTransaction))
            .End();
    }

    /// <summary>Relationship health (the index, its trend as a sparkline of the months, the alerts) and coverage of the buying center.</summary>
    /// <param name="panel">The panel.</param>
    /// <param name="review">The review.</param>
    public static void Relationship(ReviewPanel panel, AccountReview review)
    {
        if (IsAbsent(review, ReviewPart.Health))
        {
            panel.Absent(ReviewPart.Health);
        }
        else if (review.Health is not { Points.Count: > 0 } h)
        {
            panel.Note("No health index for this account.");
        }
        else
        {
            var last = h.Points[^1];
            if (h.Points.Count >= 2)
            {
                panel.Graphic(Sparkline("Health index by month", h.Points.Select(x => (double)x.Index).ToArray()), (Invariant($"health index {h.Points[0].Date:yyyy-MM} to {last.Date:yyyy-MM}"), Blue));
            }

            panel.Figure("Health index", Invariant($"{Number(last.Index)} ({last.Date:yyyy-MM})"))
                .Figure("Trend", h.Trend is { } t ? (t > 0 ? "+" : string.Empty) + Number(t) : "–", h.Trend < 0m ? "bad" : "good")
                .Figure("Health alerts", h.Alerts.Count.ToString(CultureInfo.InvariantCulture), h.Alerts.Count > 0 ? "bad" : null);
            foreach (var alert in h.Alerts.Take(2))
            {
                panel.Note(alert.Message);
            }
        }

        if (IsAbsent(review, ReviewPart.Coverage))
        {
            panel.Absent(ReviewPart.Coverage);
        }
        else if (review.Coverage is not { } c)
        {
            panel.Note("No buying center recorded for this account.");
        }
        else
        {
            panel.Figure("Coverage of the buying center", Percent(c.Score), c.Score < 0.5m ? "bad" : null)
                .Figure("Contacts covered", Invariant($"{c.CoveredContacts} of {c.Contacts}"));
            foreach (var finding in c.Findings.Take(2))
            {
                panel.Note(finding.Message);
            }

            if (c.Findings.Count > 2)
            {
                panel.Note(Invariant($"… and {c.Findings.Count - 2} more coverage gaps."));
            }
        }

        panel.End();
    }

    /// <summary>Contact compliance: the status against the grade's standard, the last contact and a square per period.</summary>
    /// <param name="panel">The panel.</param>
    /// <param name="review">The review.</param>
    public static void Contact(ReviewPanel panel, AccountReview review)
    {
        if (IsAbsent(review, ReviewPart.Compliance))
        {
            panel.Absent(ReviewPart.Compliance).End();
            return;
        }

        if (review.Compliance is not { } c)
        {
            panel.Note("No contact standard applies to this account.").End();
            return;
        }

        if (c.Periods.Count > 0)
        {
            panel.Graphic(
                Cells("Contact standard by period", c.Periods.Select(p => (Invariant($"{p.Start:yyyy-MM-dd} to {p.End:yyyy-MM-dd}: {p.Done} of {p.Required} ({p.Status})"), StatusColour(p.Status))).ToArray()),
                ("met", Green), ("pending", Grey), ("missed", Red), ("overdue", Orange));
        }

        panel.Figure("Status", c.Status.ToString(), c.Status is ComplianceStatus.Missed or ComplianceStatus.Overdue ? "bad" : c.Status == ComplianceStatus.Met ? "good" : null)
            .Figure("Grade, manager", c.Grade + ", " + c.Manager.Value)
            .Figure("Contacts credited", Invariant($"{c.Credited} of {c.Required}"), c.Credited < c.Required ? "warn" : null)
            .Figure("Last contact", c.LastContact is { } d ? Invariant($"{d:yyyy-MM-dd} ({c.DaysSinceLastContact} days ago)") : "none")
            .Figure("Next due", c.NextDue is { } n ? Invariant($"{n:yyyy-MM-dd}") : null)
            .End();
    }

    /// <summary>Receivables: an ageing bar (not due, then each bucket past due), the credit limit's use, DSO and the alerts.</summary>
    /// <param name="panel">The panel.</param>
    /// <param name="review">The review.</param>
    /// <param name="info">The page's information (the buckets' labels).</param>
    public static void Receivables(ReviewPanel panel, AccountReview review, ReviewPageInfo info)
    {
        if (IsAbsent(review, ReviewPart.Receivables))
        {
            panel.Absent(ReviewPart.Receivables).End();
            return;
        }

        if (review.Receivables is not { } r || (r.OpenBalance.Amount == 0m && r.CreditLimit is null))
        {
            panel.Note("Nothing owed.").End();
            return;
        }

        string[] colours = [Orange, Red, "#8f1d00", "#4d1000"];
        var parts = new List<BarPart> { new("not due", (double)r.NotDue.Amount, Green) };
        for (var k = 0; k < r.Buckets.Count; k++)
        {
            var label = (k < info.BucketLabels.Count ? info.BucketLabels[k] : "bucket " + (k + 1).ToString(CultureInfo.InvariantCulture)) + " days late";
            var value = (double)(k == 0 ? r.Buckets[0].Amount - r.NotDue.Amount : r.Buckets[k].Amount);
            parts.Add(new BarPart(label, value, colours[Math.Min(k, colours.Length - 1)]));
        }

        var limit = r.CreditLimit is { } l ? (double)l.Amount : double.NaN;
        panel.Graphic(
            Stacked("Ageing of the open balance", parts, (double)r.OpenBalance.Amount, r.CreditLimit is null ? null : [(limit, "credit limit")]),
            parts.Where(p => p.Value > 0).Select(p => (p.Label, p.Colour)).Concat(r.CreditLimit is null ? [] : [("credit limit", "#000")]));
        panel.Figure("Open balance", Amount(r.OpenBalance.Amount) + " (" + Count(r.OpenInvoices, "invoice") + ")")
            .Figure("Overdue", Amount(r.Overdue.Amount) + (r.OpenBalance.Amount > 0m ? " (" + Percent(r.Overdue.Amount / r.OpenBalance.Amount) + ")" : string.Empty), r.Overdue.Amount > 0m ? "bad" : "good")
            .Figure("Oldest past due", r.OldestDaysPastDue > 0 ? Invariant($"{r.OldestDaysPastDue} days") : null)
            .Figure("DSO", r.Dso is { } dso ? Number(decimal.Round(dso, 1)) + " days" : "–")
            .Figure("Credit used", r.UsedShare is { } u ? Invariant($"{Percent(u.Fraction)} of {Amount(r.CreditLimit!.Value.Amount)}") : "no limit", r.UsedShare is { } over && over.Fraction > 1m ? "bad" : null);
        if (r.Alerts.Count > 0)
        {
            panel.Note("Alerts: " + string.Join(", ", r.Alerts.Select(a => a.Kind.ToString()).Distinct(StringComparer.Ordinal)) + ".", "bad");
        }

        panel.End();
    }

    private static bool IsAbsent(AccountReview review, ReviewPart part) => review.AbsentParts.Contains(part);

    private static string StatusColour(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Met => Green,
        ComplianceStatus.Missed => Red,
        ComplianceStatus.Overdue => Orange,
        _ => Grey,
    };

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
