using Kam.Cli.Demo;

namespace Kam.Core.Tests.Compensation;

public sealed class PayDemoTests
{
    [Fact]
    public void The_demo_prints_a_scorecard_and_two_statements()
    {
        using var output = new StringWriter();
        PayDemo.Write(output);
        var text = output.ToString();
        Assert.Contains("Attendance", text, StringComparison.Ordinal);
        Assert.Contains("Pay statement S-ZHANG FY2026-M03", text, StringComparison.Ordinal);
        Assert.Contains("Pay statement S-ZHANG FY2026 (YearEnd", text, StringComparison.Ordinal);
        Assert.Contains("Year total for S-ZHANG", text, StringComparison.Ordinal);
    }
}
