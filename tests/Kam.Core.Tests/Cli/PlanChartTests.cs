using System.Text.RegularExpressions;
using Kam.Cli.Reporting.Charts;
using Xunit;

namespace Kam.Core.Tests.Cli;

/// <summary>The charts of <c>kam plan</c>'s report: bullet, gap waterfall and heat map.</summary>
public sealed class PlanChartTests
{
    [Fact]
    public void A_bullet_row_draws_forecast_actual_and_target_with_its_attainment()
    {
        var chart = BulletChart.Render(new BulletChartData("t", [new BulletRow("A", 100, 40, 80), new BulletRow("B", 50, 50, 50)]));
        Assert.Equal(2, Regex.Count(chart.Svg, "class=\"bullet-target\""));
        Assert.Contains(">40%</text>", chart.Svg, StringComparison.Ordinal);
        Assert.Contains(">100%</text>", chart.Svg, StringComparison.Ordinal);
        Assert.Contains("A: target 100, actual 40 (40%), forecast 80", chart.Svg, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => BulletChart.Render(new BulletChartData("t", [new BulletRow("A", double.NaN, 0, 0)])));
        Assert.Contains("no data", BulletChart.Render(new BulletChartData("t", [])).Svg, StringComparison.Ordinal);
    }

    [Fact]
    public void The_waterfall_ends_in_the_gap_or_the_lead()
    {
        var behind = WaterfallChart.Render(new WaterfallChartData("t", 100, 30, 50)).Svg;
        Assert.Contains("<title>gap: 20</title>", behind, StringComparison.Ordinal);
        var ahead = WaterfallChart.Render(new WaterfallChartData("t", 100, 60, 50)).Svg;
        Assert.Contains("<title>ahead of target: -10</title>", ahead, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Count(ahead, "class=\"bar waterfall-step\""));
    }

    [Fact]
    public void The_heat_map_colours_each_assessed_cell_and_refuses_a_cell_outside_the_grid()
    {
        var data = new HeatMapData("t", ["Sensors", "Drives"], ["HQ", "Plant"],
            [new HeatMapCell(0, 0, "Ours", 0, string.Empty), new HeatMapCell(1, 1, "WhiteSpace", 300, "300")], [0, 300], [0, 300]);
        var svg = HeatMap.Render(data).Svg;
        Assert.Equal(4, Regex.Count(svg, "class=\"heat-cell heat-none\"")); // every pair, then the assessed ones on top
        Assert.Contains("Drives &#215; Plant: WhiteSpace — 300", svg, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => HeatMap.Render(data with { Cells = [new HeatMapCell(2, 0, "Ours", 0, string.Empty)] }));
    }
}
