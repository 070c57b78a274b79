using System.Text.RegularExpressions;
using Kam.Core.Accounts.Targets;

namespace Kam.Core.Tests.Accounts;

/// <summary>The JSON examples of docs/accounts.md load, and its worked example's code gives the table's numbers.</summary>
public sealed partial class AccountsDocsTests
{
    private static string[] JsonBlocks() =>
        [.. JsonBlock().Matches(RepositoryFiles.Read("docs/accounts.md")).Select(m => m.Groups[1].Value)];

    [Fact]
    public void The_json_examples_load()
    {
        var blocks = JsonBlocks();
        Assert.Equal(3, blocks.Length);
        Assert.Equal(3, Kam.Core.Accounts.Organization.FromJson(blocks[0]).Units.Count);
        var plan = TargetPlan.FromJson(blocks[1]);
        Assert.Equal(3, plan.Targets.Count);
        var policy = AllocationPolicy.FromJson(blocks[2]);
        Assert.Equal(AllocationBasis.Tier, policy.Basis);
    }

    [Fact]
    public void The_worked_example_code_gives_the_table()
    {
        var allocator = new TargetAllocator(new AllocationPolicy(AllocationBasis.Equal, seasonality: [6, 7, 9, 8, 8, 9, 7, 7, 9, 9, 9, 12]));
        var result = allocator.Allocate(Money.Of(100_000m, "CNY"), FiscalCalendar.Calendar.Year(2026),
            [new AllocationFacts(AccountId.Parse("HQ-ACME")), new AllocationFacts(AccountId.Parse("ACME-SH")), new AllocationFacts(AccountId.Parse("BETA"))]);
        var doc = RepositoryFiles.Read("docs/accounts.md");
        var row = doc.Split('\n').Single(l => l.StartsWith("| ACME-SH |", StringComparison.Ordinal));
        var cells = row.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)[1..];
        var expected = Enumerable.Range(0, 12).Select(m => result.Amount(AccountId.Parse("ACME-SH"), result.Months[m]).Amount.ToString("N2", System.Globalization.CultureInfo.InvariantCulture))
            .Append(result.AccountTotal(AccountId.Parse("ACME-SH")).Amount.ToString("N2", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, cells);
        Assert.Contains("allocator.Allocate(Money.Of(100_000m, \"CNY\"), FiscalCalendar.Calendar.Year(2026),", doc, StringComparison.Ordinal);
    }

    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
