using Kam.Core.Accounts.Attainment;

namespace Kam.Core.Tests.Accounts;

/// <summary>The attainment section of docs/accounts.md: its policy file loads, and its worked example's numbers are the engine's.</summary>
public sealed class AttainmentDocsTests
{
    private static string Section()
    {
        var doc = RepositoryFiles.Read("docs/accounts.md");
        var start = doc.IndexOf("## Attainment, forecast and gap", StringComparison.Ordinal);
        return doc[start..doc.IndexOf("\n## ", start + 5, StringComparison.Ordinal)];
    }

    [Fact]
    public void The_policy_example_is_the_default_policy()
    {
        var section = Section();
        var start = section.IndexOf("```jsonc\n", StringComparison.Ordinal) + 9;
        var json = section[start..section.IndexOf("```", start, StringComparison.Ordinal)];
        Assert.Equal(AttainmentPolicy.Default.ToJson(), AttainmentPolicy.FromJson(json).ToJson());
    }

    [Fact]
    public void The_worked_example_s_table_and_note_are_the_engine_s()
    {
        var section = Section();
        var q1 = AttainmentSamples.Report().Account(AccountsSamples.A("ACME-SH"), "bookings", AttainmentSamples.Fy("FY2026-Q1"));
        Assert.Contains("| Forecast (actual + weighted) | 316,000.00 | 361,000.00 |", section, StringComparison.Ordinal);
        Assert.Contains("| Gap (target − forecast) | −66,000.00 (ahead) | 639,000.00 |", section, StringComparison.Ordinal);
        Assert.Equal("3.43× the remaining gap of 70,000 CNY", q1.CoverageNote);
        Assert.Contains($"q1.CoverageNote \"{q1.CoverageNote}\"", section, StringComparison.Ordinal);
    }
}
