using Kam.Cli.Reporting.Charts;

namespace Kam.Cli.Reporting;

/// <summary>
/// The standard sections of the kam report, each built from plain data so any engine's results can feed it:
/// tier distribution and value shares, the pipeline funnel by stage and by salesperson, the forecast by period,
/// anomalies, pay statements, retention/survival curves and the lifetime-value distribution.
/// </summary>
internal static class KamReportSections
{
    /// <summary>Tier distribution and value shares: a Pareto chart of value by account, and optionally accounts per tier and a detail table.</summary>
    public static ReportSection TierDistribution(ParetoChartData valueShares, BarChartData? accountsPerTier = null, ResultTable? detail = null)
    {
        var section = new ReportSection("tiers", "Tier distribution and value shares", "Accounts ranked by value; the line is the cumulative share of the total (ABC / 80-20 analysis).");
        section.Add(ParetoChart.Render(valueShares));
        if (accountsPerTier is not null)
        {
            section.Add(BarChart.Render(accountsPerTier));
        }

        return detail is null ? section : section.Add(detail);
    }

    /// <summary>The pipeline funnel by stage (a funnel) and by salesperson (opportunities per stage, stacked per salesperson).</summary>
    public static ReportSection PipelineFunnel(FunnelChartData byStage, BarChartData? bySalesperson = null, string subject = "salesperson")
    {
        var section = new ReportSection("pipeline", "Pipeline funnel", $"Open opportunities by sales stage entered (eight-stage model), and by {subject}.");
        section.Add(FunnelChart.Render(byStage));
        return bySalesperson is null ? section : section.Add(BarChart.Render(bySalesperson with { Stacked = true }));
    }

    /// <summary>The sales forecast by period (e.g. weighted and committed value per quarter).</summary>
    public static ReportSection Forecast(BarChartData byPeriod, ResultTable? detail = null)
    {
        var section = new ReportSection("forecast", "Forecast by period", "Expected signed value per period from the opportunities' stages and values.");
        section.Add(BarChart.Render(byPeriod));
        return detail is null ? section : section.Add(detail);
    }

    /// <summary>Anomalies of the pipeline as a table (stuck, skipped stages, out of step, concentration).</summary>
    public static ReportSection Anomalies(ResultTable anomalies) =>
        new ReportSection("anomalies", "Pipeline anomalies", anomalies.Rows.Count == 0 ? "No anomalies found." : "Projects that need attention, with the reason.")
            .Add(anomalies);

    /// <summary>Pay statements: one table of totals per salesperson, and optionally the pay lines.</summary>
    public static ReportSection PayStatements(ResultTable totals, ResultTable? lines = null)
    {
        var section = new ReportSection("pay", "Pay statements", "Pay per salesperson for the period, with the lines it is made of.").Add(totals);
        return lines is null ? section : section.Add(lines);
    }

    /// <summary>Retention or survival curves and the lifetime-value distribution.</summary>
    public static ReportSection CustomerValue(LineChartData? survival, HistogramData? lifetimeValues, ResultTable? detail = null)
    {
        var section = new ReportSection("value", "Retention and lifetime value", "Share of customers still active over time, and the distribution of customer lifetime value.");
        if (survival is not null)
        {
            section.Add(LineChart.Render(survival with { YAsPercent = true }));
        }

        if (lifetimeValues is not null)
        {
            section.Add(Histogram.Render(lifetimeValues));
        }

        return detail is null ? section : section.Add(detail);
    }
}
