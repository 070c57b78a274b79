using System.Globalization;
using System.Text;
using Kam.Cli.Reporting.Charts;
using Kam.Core.Portfolio.Receivables;
using Kam.Core.Portfolio.Review;
using Kam.Core.Tiering.Stability;
using NodaTime;

namespace Kam.Cli.Features.Review;

/// <summary>What the account review page shows beyond the review itself: the account's name, the day, the currency, the ageing buckets' labels and why parts are absent.</summary>
/// <param name="Name">The account's name (accounts.csv), or <see langword="null"/>.</param>
/// <param name="AsOf">The day of the review.</param>
/// <param name="Currency">The currency of the amounts (ISO 4217), or empty.</param>
/// <param name="BucketLabels">The labels of the past-due parts of the receivables ageing bar, one per bucket (<see cref="PastDueLabels"/>: <c>1-30</c>, <c>31-60</c>, <c>90+</c>).</param>
/// <param name="Why">Why each absent part is absent (<c>no invoices.csv</c>), by part; a part not in it is "not given".</param>
internal sealed record ReviewPageInfo(string? Name, LocalDate AsOf, string Currency, IReadOnlyList<string> BucketLabels, IReadOnlyDictionary<ReviewPart, string> Why)
{
    /// <summary>Creates the information with the default ageing buckets and no reasons for absent parts.</summary>
    /// <param name="name">The account's name, or <see langword="null"/>.</param>
    /// <param name="asOf">The day.</param>
    /// <param name="currency">The currency code.</param>
    /// <returns>The information.</returns>
    public static ReviewPageInfo Plain(string? name, LocalDate asOf, string currency) =>
        new(name, asOf, currency, PastDueLabels(ReceivablesPolicy.Default), new Dictionary<ReviewPart, string>());

    /// <summary>Gets the labels of the ageing bar's past-due parts under a policy: the first bucket less what is not yet due (<c>1-30</c>), then the other buckets (<c>31-60</c>, <c>90+</c>).</summary>
    /// <param name="policy">The receivables policy.</param>
    /// <returns>One label per bucket.</returns>
    public static IReadOnlyList<string> PastDueLabels(ReceivablesPolicy policy) =>
        [.. policy.Buckets.Select((b, k) => k == 0 ? (b.ToDays is { } to && to >= 1 ? "1-" + to.ToString(CultureInfo.InvariantCulture) : b.Label) : b.Label)];

    /// <summary>Gets why a part is absent.</summary>
    /// <param name="part">The part.</param>
    /// <returns>The reason, or "not given".</returns>
    public string WhyAbsent(ReviewPart part) => Why.TryGetValue(part, out var why) ? why : "not given";
}

/// <summary>
/// The one-page account review (<c>kam review ACCOUNT --out review.html</c>): a header with who the account is, its
/// tier and the parts absent, then a panel per part of the review (plan, pipeline, win/loss, profitability, lifetime
/// value, coverage and health, contact, receivables) and the risks and opportunities the rules found, with their
/// reasons, value at stake and actions.
/// </summary>
/// <remarks>
/// Laid out for an A4 landscape sheet (<c>@page { size: A4 landscape; margin: 10mm }</c>): a typical account fits on
/// one page; no panel is split across pages. The page loads nothing (inline CSS and SVG, no script) and reads no
/// clock: the same review gives the same bytes.
/// </remarks>
internal static class ReviewPage
{
    /// <summary>Renders the page.</summary>
    /// <param name="review">The review.</param>
    /// <param name="info">What the page shows beyond the review.</param>
    /// <returns>The HTML document.</returns>
    public static string Render(AccountReview review, ReviewPageInfo info)
    {
        var title = "Account review " + review.Account.Value + (info.Name is { Length: > 0 } n ? " " + n : string.Empty);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(Svg.Escape(title)).Append("</title>\n<style>\n")
            .Append(Css).Append("</style>\n</head>\n<body>\n<main class=\"review\">\n");
        Header(html, review, info);
        html.Append("<div class=\"panels\">\n");
        ReviewPanels.Plan(new ReviewPanel(html, info, "plan", "Plan attainment and gap"), review);
        ReviewPanels.Pipeline(new ReviewPanel(html, info, "pipeline", "Pipeline"), review);
        ReviewPanels.WinLoss(new ReviewPanel(html, info, "winloss", "Win / loss"), review);
        ReviewPanels.Profitability(new ReviewPanel(html, info, "profitability", "Profitability and cost to serve"), review);
        ReviewPanels.LifetimeValue(new ReviewPanel(html, info, "lifetime-value", "Lifetime value and P(alive)"), review);
        ReviewPanels.Relationship(new ReviewPanel(html, info, "relationship", "Coverage and relationship health"), review);
        ReviewPanels.Contact(new ReviewPanel(html, info, "contact", "Contact compliance"), review);
        ReviewPanels.Receivables(new ReviewPanel(html, info, "receivables", "Receivables"), review, info);
        html.Append("</div>\n");
        ReviewFindings.Write(html, review);
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Gets a part's name as the page prints it.</summary>
    /// <param name="part">The part.</param>
    /// <returns>The name.</returns>
    public static string PartName(ReviewPart part) => part switch
    {
        ReviewPart.Tiering => "Tiering",
        ReviewPart.TierChanges => "Tier changes",
        ReviewPart.Attainment => "Plan attainment",
        ReviewPart.Plans => "Plan check",
        ReviewPart.Pipeline => "Pipeline",
        ReviewPart.WinLoss => "Win/loss",
        ReviewPart.Profitability => "Profitability",
        ReviewPart.LifetimeValue => "Lifetime value",
        ReviewPart.Coverage => "Coverage",
        ReviewPart.Health => "Health",
        ReviewPart.Compliance => "Contact compliance",
        ReviewPart.Receivables => "Receivables",
        _ => part.ToString(),
    };

    private static void Header(StringBuilder html, AccountReview review, ReviewPageInfo info)
    {
        html.Append("<header>\n<div class=\"who\"><h1>").Append(Svg.Escape(review.Account.Value));
        if (info.Name is { Length: > 0 } name)
        {
            html.Append(" <span class=\"name\">").Append(Svg.Escape(name)).Append("</span>");
        }

        var meta = new List<string>();
        if (review.Owner is { } owner)
        {
            meta.Add("owner " + owner.Value);
        }

        if (review.Unit is { } unit)
        {
            meta.Add("unit " + unit.Value);
        }

        meta.Add(string.Create(CultureInfo.InvariantCulture, $"as of {info.AsOf:yyyy-MM-dd}"));
        if (info.Currency.Length > 0)
        {
            meta.Add("amounts in " + info.Currency);
        }

        html.Append("</h1><p class=\"meta\">").Append(Svg.Escape(string.Join(" · ", meta))).Append("</p></div>\n");
        Tier(html, review);
        html.Append("<div class=\"scores\">")
            .Append(Score("risk", "Risk score", review.RiskScore, review.Risks.Count == 1 ? "1 risk" : Count(review.Risks.Count, "risks")))
            .Append(Score("opportunity", "Opportunity score", review.OpportunityScore, review.Opportunities.Count == 1 ? "1 opportunity" : Count(review.Opportunities.Count, "opportunities")))
            .Append("</div>\n");
        if (review.AbsentParts.Count > 0)
        {
            html.Append("<p class=\"absent-parts\"><b>Parts absent:</b> ")
                .Append(Svg.Escape(string.Join("; ", review.AbsentParts.Select(p => PartName(p) + " (" + info.WhyAbsent(p) + ")"))))
                .Append(". Their panels say so; their rules cannot fire.</p>\n");
        }

        html.Append("</header>\n");
    }

    private static void Tier(StringBuilder html, AccountReview review)
    {
        html.Append("<div class=\"tier\">");
        if (review.Tier is { } tier)
        {
            html.Append("<p><b class=\"tier-name\">Tier ").Append(Svg.Escape(tier.Tier)).Append("</b>")
                .Append(string.Create(CultureInfo.InvariantCulture, $" score {tier.Score:0.###}"));
            if (review.TierChange is { } change && change.Kind is TierChangeKind.Promoted or TierChangeKind.Demoted)
            {
                var tone = change.Kind == TierChangeKind.Demoted ? "bad" : "good";
                html.Append(" <span class=\"").Append(tone).Append("\">").Append(change.Kind == TierChangeKind.Demoted ? "demoted" : "promoted")
                    .Append(" from ").Append(Svg.Escape(change.FromTier ?? "?")).Append("</span>");
            }

            html.Append("</p><p class=\"reasons\">").Append(Svg.Escape(tier.Explanation.ToString())).Append("</p>");
        }
        else
        {
            html.Append("<p><b class=\"tier-name\">No tier</b></p><p class=\"reasons\">")
                .Append(review.AbsentParts.Contains(ReviewPart.Tiering) ? "The tiering part is absent." : "The tiering run did not rate this account.").Append("</p>");
        }

        html.Append("</div>\n");
    }

    private static string Score(string cssClass, string label, double score, string count) =>
        string.Create(CultureInfo.InvariantCulture, $"<p class=\"score {cssClass}\"><span>{label}</span><b>{score:0.##}</b><small>{count}</small></p>");

    private static string Count(int n, string plural) => n.ToString(CultureInfo.InvariantCulture) + " " + plural;

    private const string Css = """
        @page { size: A4 landscape; margin: 10mm; }
        :root { color-scheme: light; --ink: #1d2430; --muted: #555f6d; --rule: #c9d0d9; --band: #f2f4f7; --bad: #b23a00; --warn: #8a5a00; --good: #00704f; }
        * { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        html, body { margin: 0; background: #fff; color: var(--ink); font: 9px/1.25 "DejaVu Sans", "Liberation Sans", Arial, "Noto Sans CJK SC", sans-serif; }
        main.review { width: 277mm; margin: 0 auto; }
        @media screen { main.review { margin: 10mm auto; } }
        header { display: grid; grid-template-columns: 1.1fr 1.6fr auto; gap: 2mm 4mm; align-items: start; border-bottom: 2px solid var(--ink); padding-bottom: 1.5mm; margin-bottom: 2mm; break-inside: avoid; }
        h1 { font-size: 17px; margin: 0; line-height: 1.2; }
        h1 .name { font-weight: 400; }
        header p { margin: 0; }
        .meta { color: var(--muted); margin-top: 1mm; }
        .tier-name { font-size: 12px; }
        .reasons { color: var(--muted); font-size: 8.5px; margin-top: 0.5mm; }
        .scores { display: flex; gap: 2mm; }
        .score { border: 1px solid var(--rule); border-radius: 1.5mm; padding: 0.6mm 2.5mm; text-align: center; min-width: 24mm; }
        .score span, .score small { display: block; color: var(--muted); font-size: 8px; }
        .score b { font-size: 16px; }
        .score.risk b { color: var(--bad); }
        .score.opportunity b { color: var(--good); }
        .absent-parts { grid-column: 1 / -1; color: var(--muted); font-size: 8.5px; }
        .panels { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 2mm; }
        .panel { border: 1px solid var(--rule); border-radius: 1.5mm; padding: 1.2mm 2.2mm 1.5mm; break-inside: avoid; page-break-inside: avoid; }
        .panel h2 { font-size: 10.5px; margin: 0 0 1mm; padding-bottom: 0.8mm; border-bottom: 1px solid var(--rule); }
        dl { display: grid; grid-template-columns: auto 1fr; gap: 0.3mm 2mm; margin: 0 0 1mm; }
        dl div { display: contents; }
        dt { color: var(--muted); }
        dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; white-space: nowrap; }
        .bad { color: var(--bad); }
        .warn { color: var(--warn); }
        .good { color: var(--good); }
        figure { margin: 1mm 0; }
        svg.mini { display: block; width: 100%; height: auto; }
        svg.mini text { font: 8.5px "DejaVu Sans", "Liberation Sans", Arial, sans-serif; fill: var(--ink); }
        figcaption { font-size: 8px; color: var(--muted); margin-top: 0.5mm; }
        .key { white-space: nowrap; margin-right: 1.5mm; }
        .key i { display: inline-block; width: 7px; height: 7px; margin-right: 1mm; vertical-align: -0.5px; border: 0.5px solid rgba(0, 0, 0, 0.25); }
        p.note, p.absent, p.warn-note { margin: 0.6mm 0 0; font-size: 8.5px; }
        p.note { color: var(--muted); }
        p.warn-note { color: var(--warn); }
        p.absent { color: var(--muted); font-style: italic; }
        .findings { margin-top: 2mm; }
        .findings table { width: 100%; border-collapse: collapse; font-size: 8px; table-layout: fixed; }
        .findings col.sev-col { width: 15mm; } .findings col.rule-col { width: 46mm; } .findings col.why-col { width: 104mm; } .findings col.stake-col { width: 30mm; }
        .findings th, .findings td { text-align: left; vertical-align: top; padding: 0.5mm 1.2mm; border-bottom: 1px solid var(--rule); }
        .findings th { background: var(--band); font-size: 8px; }
        .findings th.num { text-align: right; }
        .findings td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .findings tr { break-inside: avoid; }
        .sev { display: inline-block; padding: 0.2mm 1.2mm; border-radius: 1mm; color: #fff; font-size: 7.5px; font-weight: 700; white-space: nowrap; }
        .sev-Critical { background: #8f1d00; }
        .sev-High { background: #D55E00; }
        .sev-Medium { background: #b07800; }
        .sev-Low { background: #6b7482; }
        .sev-Opportunity { background: #00704f; }
        .code { font-weight: 700; white-space: nowrap; }
        .why { color: var(--muted); }
        @media print { main.review { width: auto; margin: 0; } }

        """;
}
