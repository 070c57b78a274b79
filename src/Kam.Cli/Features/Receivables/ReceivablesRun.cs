using System.Globalization;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Cli.IO;
using Kam.Cli.Reporting;
using Kam.Cli.Sample;
using Kam.Core.Portfolio.Receivables;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Cli.Features.Receivables;

/// <summary>Runs the receivables analysis of <c>kam receivables</c> on validated input: the command's handler and its part of <c>kam demo</c>.</summary>
internal static class ReceivablesRun
{
    /// <summary>Handles <c>kam receivables</c>.</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="context">The run's context.</param>
    /// <returns>The exit code.</returns>
    public static int Handle(ReceivablesRequest request, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var policy = request.Policy is null ? ReceivablesPolicy.Default : RuleFile.Load(request.Policy, "--policy", ReceivablesPolicy.FromJson);
        if (request.AsOf is { } given)
        {
            var file = request.Input.Invoices.Select(i => i.Source.Row?.File).FirstOrDefault(f => f is not null) ?? "invoices.csv";
            foreach (var warning in AsOfWarnings.For(given, "--as-of", true, ReceivablesAnalysis.Latest(request.Input), file))
            {
                context.Error.WriteLine(warning);
            }
        }

        var result = ReceivablesAnalysis.Run(request.Input, policy, request.AsOf, context.Services.GetRequiredService<EngineFactory>());
        var tables = ReceivablesViews.Tables(result, request.Top);
        return RunOutput.Publish(context, request.Format, tables, request.ReportPath, () =>
        {
            var report = new HtmlReport("kam receivables", string.Create(CultureInfo.InvariantCulture, $"{result.Invoices} invoices and {result.Payments} payments as of {result.Report.AsOf:yyyy-MM-dd}; amounts in {result.Report.Currency}."));
            foreach (var section in ReceivablesViews.ReportSections(result, tables, request.Top))
            {
                report.Add(section);
            }

            return report;
        },
        currency: result.Report.Currency.Code);
    }

    /// <summary>Writes this engine's part of <c>kam demo</c>: the sample's receivables as of its last day.</summary>
    /// <param name="demo">The demo's context.</param>
    public static void Demo(DemoContext demo)
    {
        ArgumentNullException.ThrowIfNull(demo);
        var input = SampleReceivables.Generate(demo.Sample);
        ReceivablesDemo.Write(demo, ReceivablesAnalysis.Run(input, ReceivablesPolicy.Default, demo.Sample.AsOf, demo.Services.GetRequiredService<EngineFactory>()));
    }
}
