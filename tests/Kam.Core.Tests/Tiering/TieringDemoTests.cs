using Kam.Cli.Demo;

namespace Kam.Core.Tests.Tiering;

public sealed class TieringDemoTests
{
    [Fact]
    public void Demo_prints_abc_scorecard_selection_and_explanations()
    {
        var output = new StringWriter();
        TieringDemo.Write(output);
        var text = output.ToString();
        Assert.Contains("Key-account selection", text, StringComparison.Ordinal);
        Assert.Contains("failed gate creditRisk", text, StringComparison.Ordinal); // CATHAY-AUTO: large, Honeywell-perfect, credit risk
        Assert.Contains("contribution -180000 not > 0 (C)", text, StringComparison.Ordinal); // ACME-STEEL: largest by revenue, loses money
        Assert.Contains("gate creditRisk failed → at most Developing (applied)", text, StringComparison.Ordinal);
    }
}
