using System.CommandLine;
using System.Globalization;
using Kam.Cli.Features.Forecast;
using Kam.Cli.Features.Ltv;
using Kam.Cli.Features.Pay;
using Kam.Cli.Features.Pipeline;
using Kam.Cli.Features.People;
using Kam.Cli.Features.Plan;
using Kam.Cli.Features.Portfolio;
using Kam.Cli.Features.Receivables;
using Kam.Cli.Features.Review;
using Kam.Cli.Features.Shared;
using Kam.Cli.Features.Tier;
using Kam.Cli.Features.WinLoss;
using Kam.Cli.Hosting;
using Kam.Cli.IO;
using Kam.Cli.Sample;
using Kam.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Cli.Features.Demo;

/// <summary><c>kam demo</c>: runs every engine on the generated sample portfolio and prints the results as tables.</summary>
/// <remarks>
/// The demo runs the same code as the engine commands (<see cref="TierRun"/>, <see cref="PipelineRun"/>,
/// <see cref="PayRun"/>, <see cref="LtvRun"/>) on <see cref="SampleGenerator"/>'s data set, so what it shows is what
/// <c>kam tier</c>, <c>kam pipeline</c>, <c>kam pay</c> and <c>kam ltv</c> compute on the files <c>kam init --sample</c> writes.
/// </remarks>
internal static class DemoCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The run's context (its services resolve the engines, as an embedding application does).</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var report = CommonOptions.Out();
        var command = new Command("demo", "Run every engine on the embedded sample portfolio and print the results.") { report };
        command.SetAction(parse => Run(context.Output, context.Services, CommonOptions.CheckOut(parse.GetValue(report))));
        return command;
    }

    private static int Run(TextWriter output, IServiceProvider services, string? reportPath)
    {
        var calendar = services.GetRequiredService<FiscalCalendar>();
        var sample = SampleGenerator.Generate();
        var report = reportPath is null ? null : DemoReport.Create(sample);
        var demo = new DemoContext(sample, services, calendar, output, report);

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"kam demo — generated sample portfolio (seed {sample.Seed}), as of {sample.AsOf:yyyy-MM-dd} ({calendar.PeriodOf(sample.AsOf, PeriodKind.Quarter)}, {calendar}), amounts in {sample.Currency}"));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{sample.Accounts.Count} accounts, {sample.Salespeople.Count} salespeople, {sample.Opportunities.Count} opportunities, {sample.Deals.Count} deals, {sample.Collections.Count} collections, {sample.Transactions.Count} purchases over two years."));

        TierRun.Demo(demo);
        PipelineRun.Demo(demo);
        PayRun.Demo(demo);
        LtvRun.Demo(demo);
        PlanRun.Demo(demo);
        PeopleDemo.Write(demo);
        ForecastRun.Demo(demo);
        WinLossRun.Demo(demo);
        ReceivablesRun.Demo(demo);
        PortfolioRun.Demo(demo);
        ReviewRun.Demo(demo);

        if (reportPath is not null)
        {
            AtomicFile.WriteAllText(reportPath, report!.Render());
        }

        return ExitCodes.Ok;
    }
}
