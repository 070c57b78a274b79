using System.Text;
using Kam.Cli.Reporting.Charts;
using Kam.Core.Portfolio.Review;

namespace Kam.Cli.Features.Review;

/// <summary>The last panel of the account review page: the risks and opportunities the rules found, each with its reasons, the value at stake and the action.</summary>
internal static class ReviewFindings
{
    /// <summary>Writes the panel.</summary>
    /// <param name="html">The page being written.</param>
    /// <param name="review">The review.</param>
    public static void Write(StringBuilder html, AccountReview review)
    {
        html.Append("<section class=\"panel findings\" id=\"findings\"><h2>Risks and actions</h2>\n");
        if (review.Risks.Count == 0 && review.Opportunities.Count == 0)
        {
            html.Append("<p class=\"note\">No rule fired for this account: no risk to act on and no opportunity flagged. A rule whose signals are absent cannot fire.</p>\n</section>\n");
            return;
        }

        html.Append("<table>\n<colgroup><col class=\"sev-col\"><col class=\"rule-col\"><col class=\"why-col\"><col class=\"stake-col\"><col></colgroup>\n<thead><tr><th></th><th>Rule</th><th>Why: the signals that met its conditions</th><th class=\"num\">At stake</th><th>Action</th></tr></thead>\n<tbody>\n");
        foreach (var finding in review.Risks.Concat(review.Opportunities))
        {
            var rule = finding.Rule;
            var badge = rule.Kind == ReviewRuleKind.Risk ? rule.Severity.ToString() : "Opportunity";
            html.Append("<tr><td><span class=\"sev sev-").Append(badge).Append("\">").Append(badge).Append("</span></td><td><span class=\"code\">")
                .Append(Svg.Escape(rule.Code)).Append("</span><br>").Append(Svg.Escape(rule.Title)).Append("</td><td class=\"why\">")
                .Append(string.Join("<br>", finding.Conditions.Select(c => Svg.Escape(c.ToString())))).Append("</td><td class=\"num\">")
                .Append(Svg.Escape(AtStake(finding, review))).Append("</td><td>").Append(Svg.Escape(rule.Action)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    /// <summary>Gets the value at stake as printed: the value in the signal's unit and the signal's name, or a dash.</summary>
    /// <param name="finding">The finding.</param>
    /// <param name="review">The review (for the signal's unit).</param>
    /// <returns>The text.</returns>
    public static string AtStake(RuleFinding finding, AccountReview review)
    {
        if (finding.ValueAtStake is not { } value || finding.Rule.ValueAtStake is not { } name)
        {
            return "–";
        }

        var unit = review.Signals.FirstOrDefault(s => s.Signal.Name == name)?.Signal.Unit ?? SignalUnit.Score;
        return Format(value, unit) + " (" + name + ")";
    }

    /// <summary>Formats a signal's value in its unit: money without decimals, ratios and probabilities as percentages, the rest as numbers.</summary>
    /// <param name="value">The value.</param>
    /// <param name="unit">The unit.</param>
    /// <returns>The text.</returns>
    public static string Format(double value, SignalUnit unit) => unit switch
    {
        SignalUnit.Money => ReviewPanel.Amount(value),
        SignalUnit.Ratio or SignalUnit.Probability => ReviewPanel.Percent(value),
        _ => ReviewPanel.Number(value),
    };
}
