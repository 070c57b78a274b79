using System.Globalization;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Cli.Reporting;

namespace Kam.Cli.Features.Ltv;

/// <summary>Runs the engine of <c>kam ltv</c> on validated input: the command's handler and its part of <c>kam demo</c>.</summary>
internal static class LtvRun
{
    /// <summary>Gets the default rule files this engine adds to <c>kam init</c>: none (the models are fitted, not configured).</summary>
    public static IReadOnlyList<InitTemplate> RuleFiles { get; } = [];

    /// <summary>Handles <c>kam ltv</c>.</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="context">The run's context.</param>
    /// <returns>The exit code.</returns>
    public static int Handle(LtvRequest request, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var latest = request.Transactions.Max(t => t.Date); // the default calibration end
        foreach (var warning in AsOfWarnings.For(request.CalibrationEnd, "--as-of", request.CalibrationEnd != latest, latest, request.Source))
        {
            context.Error.WriteLine(warning);
        }

        var input = new LtvInput(request.Source, request.Transactions, request.Model, request.CalibrationEnd, request.HorizonMonths, request.AnnualDiscountRate);
        var result = context.WithProgress(progress => LtvAnalysis.Run(input, LtvEngines.From(context.Services), progress));
        foreach (var warning in LtvTables.Warnings(result))
        {
            context.Error.WriteLine(warning);
        }

        return RunOutput.Publish(
            context,
            request.Format,
            [LtvTables.Fit(result), LtvTables.Customers(result), LtvTables.Totals(result)],
            request.ReportPath,
            () => new HtmlReport("kam ltv", $"{Path.GetFileName(request.Source)}, as of {LtvAnalysis.Day(request.CalibrationEnd)}").Add(LtvTables.Section(result)),
            currency: result.Currency.Code);
    }

    /// <summary>Writes this engine's part of <c>kam demo</c>: lifetime value of the sample's customers, account economics, retention economics.</summary>
    /// <param name="demo">The demo's context.</param>
    public static void Demo(DemoContext demo)
    {
        ArgumentNullException.ThrowIfNull(demo);
        var sample = demo.Sample;
        var engines = LtvEngines.From(demo.Services);
        var input = new LtvInput("sample transactions", sample.Transactions, LtvModel.BgNbd, sample.AsOf, 12, Kam.Core.Percentage.FromPercent(10m));
        var result = LtvAnalysis.Run(input, engines, progress: null);

        demo.Heading("Lifetime value: BG/NBD + Gamma-Gamma on two years of purchases (kam ltv)");
        demo.Output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{result.Customers.Count} customers, {sample.Transactions.Count} purchases, summarised in weeks as of {LtvAnalysis.Day(sample.AsOf)}; next 12 months discounted at 10% a year."));
        demo.Output.WriteLine("Value = expected spend (no margin); a customer without a repeat purchase gets the population's mean spend per purchase (Gamma-Gamma).");
        foreach (var warning in LtvTables.Warnings(result))
        {
            demo.Output.WriteLine(warning);
        }

        ResultWriter.Write(demo.Output, OutputFormat.Table, [LtvTables.Fit(result), LtvTables.Customers(result, top: 10)]);
        var customers = result.Customers;
        demo.Output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Customer base: {customers.Sum(c => c.ProbabilityAlive):0.0} of {customers.Count} expected still active, {customers.Sum(c => c.ExpectedPurchases):N0} purchases expected, lifetime value {customers.Sum(c => c.LifetimeValue):N0} {result.Currency}; the top 10 hold {customers.Take(10).Sum(c => c.LifetimeValue) / Math.Max(1e-9, customers.Sum(c => c.LifetimeValue)):0%}."));
        demo.Report?.Add(LtvTables.Section(result));

        LtvEconomicsDemo.Write(demo);
    }
}
