using System.Globalization;

namespace Kam.Core.Tests.Docs;

/// <summary>docs/staffing.md: its code block is the compiled <see cref="StaffingDocSample"/>, and its tables are what that code computes.</summary>
public sealed class StaffingDocsTests
{
    private static readonly string Page = RepositoryFiles.Read("docs/staffing.md");

    [Fact]
    public void The_page_code_is_the_compiled_sample()
    {
        var source = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, "tests/Kam.Core.Tests/Docs/StaffingDocSample.cs"));
        var start = Array.FindIndex(source, l => l.Trim() == "// <staffing>");
        var end = Array.FindIndex(source, l => l.Trim() == "// </staffing>");
        var page = Page.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var open = Array.FindIndex(page, l => l.StartsWith("```csharp", StringComparison.Ordinal));
        var close = Array.FindIndex(page, open + 1, l => l.StartsWith("```", StringComparison.Ordinal));
        Assert.Equal(ReadmeSampleTests.Dedent(source[(start + 1)..end]), ReadmeSampleTests.Dedent(page[(open + 1)..close]));
    }

    [Fact]
    public void The_tables_are_what_the_sample_computes()
    {
        var plan = StaffingDocSample.Run();
        foreach (var g in plan.Total.Periods[0].ByGrade)
        {
            Assert.Contains($"| {g.Grade} | {g.Accounts} | {N(g.BaseHours)} | {N(g.ExpectedLost)} | {N(g.ReplacementHours)} | {N(g.Hours)} | {N(g.NeededFte)} | {g.ManagersNeeded} | {N(g.Cost!.Value.Amount)} |", Page, StringComparison.Ordinal);
        }

        foreach (var p in plan.Total.Periods)
        {
            Assert.Contains($"| {p.Period.Name} | {N(p.Hours)} | {N(p.NeededFte)} | {p.ManagersNeeded} | {N(p.AvailableFte)} | {N(p.Gap)} | {p.ToHire} | {N(p.Cost!.Value.Amount)} |", Page, StringComparison.Ordinal);
        }

        var q1 = plan.Total.Periods[0];
        Assert.Contains($"`{q1.Reasons[0]}`", Page, StringComparison.Ordinal);
        Assert.Contains($"`{q1.ByGrade[0].Reasons[0]}`", Page, StringComparison.Ordinal);
        var steady = (plan.Total.Periods[0].ByGrade.Sum(g => g.BaseHours), Math.Round(plan.Total.Periods[0].ByGrade.Sum(g => g.BaseHours) / 56m, 4));
        Assert.Contains($"would need {N(steady.Item1)} h,\n{N(steady.Item2)} FTE", Page.Replace("\r", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void The_load_table_is_the_default_standards()
    {
        foreach (var load in Kam.Core.Portfolio.Staffing.StaffingOptions.Default.Loads.Where(l => l.Grade.StartsWith("KA", StringComparison.Ordinal)))
        {
            Assert.Matches($@"\| {load.Grade} \| \d+ \| \d+ \| {System.Text.RegularExpressions.Regex.Escape(N(load.HoursPerMonth))} \|", Page);
        }
    }

    private static string N(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);
}
