using Kam.Core.Portfolio.Review;

namespace Kam.Core.Tests.Docs;

/// <summary>The code of docs/account-review.md's worked example, compiled; <see cref="AccountReviewDocsTests"/> checks the page shows exactly this code and what it prints.</summary>
internal static class AccountReviewSample
{
    public static List<string> Run(AccountReviewSources sources)
    {
        // <docs>
        var reviewer = new AccountReviewer(sources); // ReviewRuleSet.Default
        var acme = reviewer.Review(AccountId.Parse("ACME"));
        var lines = new List<string>();
        foreach (var risk in acme.Risks)
        {
            lines.Add($"{risk.Rule.Code} [{risk.Rule.Severity}]: {string.Join("; ", risk.Conditions)}");
        }

        var dashboard = reviewer.Dashboard();
        foreach (var entry in dashboard.TopRisks(20).Concat(dashboard.TopOpportunities(20)))
        {
            lines.Add(entry.ToString());
        }
        // </docs>

        return lines;
    }
}
