using Kam.Cli.Reporting;
using Kam.Cli.Reporting.Charts;

namespace Kam.Cli.Features.Ltv;

/// <summary>The result tables and the report section of <c>kam ltv</c>.</summary>
internal static class LtvTables
{
    /// <summary>The fit table: one row per parameter of every fitted model.</summary>
    public static ResultTable Fit(LtvResult result)
    {
        var table = new ResultTable(
            "fit",
            $"Maximum-likelihood fit (time unit: {result.TimeUnit})",
            ResultColumn.Text("model"),
            ResultColumn.Text("parameter"),
            ResultColumn.Number("estimate", "0.####"),
            ResultColumn.Number("std_error", "0.####"),
            ResultColumn.Number("customers"),
            ResultColumn.Number("log_likelihood", "0.##"),
            ResultColumn.Number("iterations"),
            ResultColumn.Text("converged"));
        foreach (var fit in result.Fits)
        {
            foreach (var p in fit.Parameters)
            {
                table.Add(fit.Name, p.Name, p.Value, p.StandardError, fit.Customers, fit.Diagnostics.LogLikelihood, fit.Diagnostics.Iterations, fit.Diagnostics.Converged);
            }
        }

        return table;
    }

    /// <summary>The prediction table: one row per customer, highest lifetime value first (all rows, or the first <paramref name="top"/>).</summary>
    public static ResultTable Customers(LtvResult result, int? top = null)
    {
        var currency = result.Currency.Code;
        var table = new ResultTable(
            "customers",
            $"Customers as of {LtvAnalysis.Day(result.Input.CalibrationEnd)}, next {result.Input.HorizonMonths} months, discounted at {result.Input.AnnualDiscountRate} a year ({currency})"
                + (top is { } n && n < result.Customers.Count ? $", top {n} of {result.Customers.Count} by lifetime value" : string.Empty),
            ResultColumn.Text("customer"),
            ResultColumn.Text("first_purchase"),
            ResultColumn.Text("last_purchase"),
            ResultColumn.Number("purchases"),
            ResultColumn.Number("spend", "N0"),
            ResultColumn.Number("p_alive", "0.000"),
            ResultColumn.Number("expected_purchases", "0.00"),
            ResultColumn.Number("expected_spend", "N0"),
            ResultColumn.Number("lifetime_value", "N0"));
        foreach (var c in top is { } count ? result.Customers.Take(count) : result.Customers)
        {
            table.Add(c.Customer.Value, LtvAnalysis.Day(c.FirstPurchase), LtvAnalysis.Day(c.LastPurchase), c.Purchases, c.Spend, c.ProbabilityAlive, c.ExpectedPurchases, Money(c.ExpectedSpend), Money(c.LifetimeValue));
        }

        return table;
    }

    /// <summary>The totals of the customer base.</summary>
    public static ResultTable Totals(LtvResult result)
    {
        var table = new ResultTable(
            "totals",
            "Customer base",
            ResultColumn.Text("model"),
            ResultColumn.Number("customers"),
            ResultColumn.Number("expected_alive", "0.0"),
            ResultColumn.Number("expected_purchases", "N1"),
            ResultColumn.Number("expected_spend", "N0"),
            ResultColumn.Number("lifetime_value", "N0"),
            ResultColumn.Text("currency"));
        var customers = result.Customers;
        table.Add(
            LtvAnalysis.ModelName(result.Input.Model) + (result.Input.Model == LtvModel.Sbg ? string.Empty : " + Gamma-Gamma"),
            customers.Count,
            customers.Sum(c => c.ProbabilityAlive),
            customers.Sum(c => c.ExpectedPurchases),
            Money(customers.Sum(c => c.ExpectedSpend)),
            Money(customers.Sum(c => c.LifetimeValue)),
            result.Currency.Code);
        return table;
    }

    /// <summary>The report section: the survival curve, the lifetime-value histogram, the fit and the totals.</summary>
    public static ReportSection Section(LtvResult result)
    {
        var series = new List<LineSeries> { new(LtvAnalysis.ModelName(result.Input.Model) + " (model)", result.Survival.Select(p => p.Months).ToArray(), result.Survival.Select(p => p.Share).ToArray()) };
        if (result.Observed.Count > 1)
        {
            series.Add(new LineSeries("observed (quarterly cohorts)", result.Observed.Select(p => p.Months).ToArray(), result.Observed.Select(p => p.Share).ToArray()));
        }

        var survival = new LineChartData("Share of new customers expected still active", series, "months since the first purchase", "active");
        var values = new HistogramData(
            $"Lifetime value over the next {result.Input.HorizonMonths} months ({result.Currency.Code}, discounted)",
            result.Customers.Select(c => c.LifetimeValue).ToArray(),
            20,
            result.Currency.Code);
        return KamReportSections.CustomerValue(survival, values, Fit(result)).Add(Totals(result));
    }

    /// <summary>The warnings of a run: the fits that did not converge.</summary>
    public static IEnumerable<string> Warnings(LtvResult result) =>
        result.NotConverged.Select(f => $"kam: warning: the {f.Name} fit did not converge ({f.Diagnostics.Message}); its estimates are the best point found and the predictions rest on them.");

    // Amounts to the cent; a value beyond decimal's range (only from a degenerate fit) stays a double.
    private static object Money(double amount) => Math.Abs(amount) < 1e20 ? Math.Round((decimal)amount, 2) : amount;
}
