using Kam.Cli.Demo;

namespace Kam.Core.Tests.Stages;

public sealed class StagesDemoTests
{
    [Fact]
    public void The_demo_prints_progress_pipeline_anomalies_and_forecast()
    {
        using var output = new StringWriter();
        StagesDemo.Write(output);
        var text = output.ToString();
        Assert.Contains("客户拜访与初步调研", text, StringComparison.Ordinal);
        Assert.Contains("skipped_stage", text, StringComparison.Ordinal);     // P-019 skipped stage 3
        Assert.Contains("behind_procurement", text, StringComparison.Ordinal); // P-008: the customer is ahead
        Assert.Contains("regression", text, StringComparison.Ordinal);        // P-027 reopened negotiation
        Assert.Contains("Closed: 3 (2 won)", text, StringComparison.Ordinal);
    }
}
