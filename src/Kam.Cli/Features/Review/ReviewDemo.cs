using System.Globalization;
using Kam.Cli.Features.Shared;
using Kam.Cli.Reporting;
using Kam.Core.Portfolio.Review;

namespace Kam.Cli.Features.Review;

/// <summary>The account review part of <c>kam demo</c>: the riskiest account's review in a few lines, what <c>kam review</c> prints in full.</summary>
internal static class ReviewDemo
{
    /// <summary>Writes the part.</summary>
    /// <param name="demo">The demo's context.</param>
    /// <param name="result">The review of the account the default rules rank riskiest, or <see langword="null"/> when no risk rule fired.</param>
    /// <param name="accounts">The number of accounts reviewed.</param>
    public static void Write(DemoContext demo, ReviewResult? result, int accounts)
    {
        var output = demo.Output;
        demo.Heading("Account review — the riskiest account under the default rules (kam review)");
        if (result is null)
        {
            output.WriteLine(Invariant($"No risk rule fired for any of the {accounts} accounts."));
            return;
        }

        var r = result.Review;
        var who = r.Account.Value + (result.Page.Name is { } name ? " " + name : string.Empty);
        var tier = r.Tier is { } t ? "tier " + t.Tier : "no tier";
        output.WriteLine(Invariant($"{who} ({tier}, owner {r.Owner?.Value ?? "none"}), first of the {accounts} accounts ranked by risk score: {r.RiskScore:0.##} from {r.Risks.Count} rules; opportunity score {r.OpportunityScore:0.##}."));
        foreach (var f in r.Risks.Concat(r.Opportunities))
        {
            output.WriteLine(Invariant($"  {f.Rule.Code} [{(f.Rule.Kind == ReviewRuleKind.Risk ? f.Rule.Severity.ToString() : "Opportunity")}], at stake {ReviewFindings.AtStake(f, r)}: {string.Join("; ", f.Conditions)}"));
            output.WriteLine("    → " + f.Rule.Action);
        }

        output.WriteLine("Parts absent: " + (r.AbsentParts.Count == 0 ? "none" : string.Join("; ", r.AbsentParts.Select(p => ReviewPage.PartName(p) + " (" + result.Page.WhyAbsent(p) + ")"))) + ".");
        output.WriteLine(Invariant($"kam review {r.Account} DIR --out review.html writes this account's one-page review (A4 landscape)."));
        if (demo.Report is { } report)
        {
            var tables = ReviewViews.Tables(result);
            report.Add(new ReportSection("review", "Account review: the riskiest account", Invariant($"{who}: the rules that fired, with their reasons, value at stake and action (kam review {r.Account} --out review.html prints the one-page review)."))
                .Add(tables[0]).Add(tables[2]));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
