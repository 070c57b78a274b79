using System.Globalization;
using Kam.Cli.Reporting;
using Kam.Core.Tiering.Stability;

namespace Kam.Cli.Features.Review;

/// <summary>The tables of <c>kam review</c>: the account's summary, every signal with the field it comes from, and the rules that fired with their reasons and actions.</summary>
internal static class ReviewViews
{
    /// <summary>Gets every table, in output order.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The tables.</returns>
    public static IReadOnlyList<ResultTable> Tables(ReviewResult result) => [Summary(result), Signals(result), Findings(result)];

    /// <summary>Gets the summary: who the account is, its tier, the scores and the parts absent.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The table.</returns>
    public static ResultTable Summary(ReviewResult result)
    {
        var r = result.Review;
        var page = result.Page;
        var table = new ResultTable("summary", Invariant($"Account review of {r.Account} as of {page.AsOf:yyyy-MM-dd}{(page.Currency.Length > 0 ? " (" + page.Currency + ")" : string.Empty)}: scores are the sums of the fired rules' weights"),
            ResultColumn.Text("account"), ResultColumn.Text("name"), ResultColumn.Text("owner"), ResultColumn.Text("unit"), ResultColumn.Text("tier"), ResultColumn.Text("tier_change"),
            ResultColumn.Number("risk_score", "0.##"), ResultColumn.Number("risks"), ResultColumn.Number("opportunity_score", "0.##"), ResultColumn.Number("opportunities"),
            ResultColumn.Text("absent_parts"));
        var change = r.TierChange is { Kind: TierChangeKind.Promoted or TierChangeKind.Demoted } c ? $"{c.Kind} from {c.FromTier}" : string.Empty;
        table.Add(
            r.Account.Value, page.Name ?? string.Empty, r.Owner?.Value ?? string.Empty, r.Unit?.Value ?? string.Empty, r.Tier?.Tier ?? string.Empty, change,
            r.RiskScore, r.Risks.Count, r.OpportunityScore, r.Opportunities.Count,
            string.Join(' ', r.AbsentParts.Select(p => p.ToString())));
        return table;
    }

    /// <summary>Gets every signal of the catalog with the account's value (blank when absent), its unit and where it comes from.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The table.</returns>
    public static ResultTable Signals(ReviewResult result)
    {
        var table = new ResultTable("signals", "Signals: what the rules read, with the part and field each comes from (blank: absent)",
            ResultColumn.Text("signal"), ResultColumn.Number("value", "#,0.####"), ResultColumn.Text("unit"), ResultColumn.Text("part"), ResultColumn.Text("field"));
        foreach (var s in result.Review.Signals)
        {
            table.Add(s.Signal.Name, s.Value, s.Signal.Unit.ToString(), s.Signal.Part.ToString(), s.Signal.Field);
        }

        return table;
    }

    /// <summary>Gets the rules that fired, risks first: each with its reasons (the conditions and the actual values), the value at stake and the action.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The table.</returns>
    public static ResultTable Findings(ReviewResult result)
    {
        var r = result.Review;
        var table = new ResultTable("findings", "Risks and opportunities: the rules that fired, why, what is at stake and what to do",
            ResultColumn.Text("kind"), ResultColumn.Text("rule"), ResultColumn.Text("severity"), ResultColumn.Number("weight", "0.##"), ResultColumn.Text("title"),
            ResultColumn.Text("reasons"), ResultColumn.Text("at_stake_signal"), ResultColumn.Number("value_at_stake", "#,0.##"), ResultColumn.Text("action"));
        foreach (var f in r.Risks.Concat(r.Opportunities))
        {
            var rule = f.Rule;
            table.Add(rule.Kind.ToString(), rule.Code, rule.Severity.ToString(), rule.Weight, rule.Title, string.Join("; ", f.Conditions), rule.ValueAtStake ?? string.Empty, f.ValueAtStake, rule.Action);
        }

        return table;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
