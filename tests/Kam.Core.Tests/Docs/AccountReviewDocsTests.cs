using System.Globalization;
using Kam.Core.Portfolio.Review;
using Kam.Core.Tests.Portfolio.Review;

namespace Kam.Core.Tests.Docs;

/// <summary>docs/account-review.md: the worked example is the compiled code and prints what the page says; the signal and default-rule tables are the library's.</summary>
public sealed class AccountReviewDocsTests
{
    private static readonly string Page = RepositoryFiles.Read("docs/account-review.md");

    [Fact]
    public void The_example_code_is_the_compiled_sample_and_prints_what_the_page_says()
    {
        var source = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, "tests/Kam.Core.Tests/Docs/AccountReviewSample.cs"));
        var start = Array.FindIndex(source, l => l.Trim() == "// <docs>");
        var end = Array.FindIndex(source, l => l.Trim() == "// </docs>");
        var compiled = string.Join('\n', source[(start + 1)..end].Select(l => l.Length >= 8 ? l[8..] : l.Trim()));
        var open = Page.IndexOf("```csharp\n", Page.IndexOf("## Worked example", StringComparison.Ordinal), StringComparison.Ordinal) + "```csharp\n".Length;
        var documented = Page[open..Page.IndexOf("\n```", open, StringComparison.Ordinal)];
        Assert.Equal(compiled, documented);

        var lines = AccountReviewSample.Run(ReviewSamples.Example());
        Assert.Equal(8, lines.Count);
        Assert.Contains($"`{lines[0]}`", Page, StringComparison.Ordinal);
        Assert.Contains($"`{lines[6]}`", Page, StringComparison.Ordinal);
        Assert.Contains($"`{lines[7]}`", Page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_signal_sources_example_is_the_compiled_sample_and_prints_what_the_page_says()
    {
        DocSnippets.AssertPageShowsSample("tests/Kam.Core.Tests/Docs/ReviewSignalsSample.cs", "docs/account-review.md", "The matrices, share of wallet and staffing as signals");
        var lines = ReviewSignalsSample.Run(ReviewSamples.HealthOf(ReviewSamples.Health("ACME", 50m, -8m), ReviewSamples.Health("BETA", 80m, 2m), ReviewSamples.Health("GAMMA", 60m, -1m)));
        Assert.Equal(["ACME 5: dog-falling, owner-overloaded", "BETA 3: owner-overloaded", "BETA 2: wallet-to-win", "ACME 2: wallet-to-win"], lines);
        foreach (var line in lines)
        {
            Assert.Contains($"`{line}`", Page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_signal_table_is_the_built_in_catalog()
    {
        foreach (var s in SignalCatalog.BuiltIn.Signals)
        {
            Assert.Contains($"| `{s.Name}` | {s.Unit} | {s.Part} | `{s.Field}` | {s.Description} |", Page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_default_rule_table_is_the_default_rule_set()
    {
        foreach (var r in ReviewRuleSet.Default.Rules)
        {
            var when = string.Join(" and ", r.Conditions.Select(c => $"`{c}`"));
            Assert.Contains($"| `{r.Code}` | {r.Kind} | {r.Severity} | {r.Weight.ToString(CultureInfo.InvariantCulture)} | {when} | `{r.ValueAtStake}` | {r.Action} |", Page, StringComparison.Ordinal);
        }
    }
}
