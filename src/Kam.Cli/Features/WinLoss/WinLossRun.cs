using System.Globalization;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Cli.IO;
using Kam.Cli.Reporting;
using Kam.Core.Portfolio;
using Kam.Core.Stages.Playbooks;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Cli.Features.WinLoss;

/// <summary>Runs the win/loss analysis of <c>kam winloss</c> on validated input: the command's handler and its part of <c>kam demo</c>.</summary>
internal static class WinLossRun
{
    /// <summary>The file name of the close-reason list <c>kam init --sample</c> writes (the default list).</summary>
    public const string ReasonsFileName = "close-reasons.json";

    /// <summary>Handles <c>kam winloss</c>.</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="context">The run's context.</param>
    /// <returns>The exit code.</returns>
    public static int Handle(WinLossRequest request, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var files = request.Files;
        var playbook = files.Playbook is null ? Playbook.Default : RuleFile.Load(files.Playbook, "--playbook", Playbook.FromJson);
        var options = files.Options is { } optionsPath ? RuleFile.Load(optionsPath, "--options", WinLossOptions.FromJson)
            : files.Reasons is { } reasonsPath ? new WinLossOptions(RuleFile.Load(reasonsPath, "--reasons", CloseReasonCatalog.FromJson))
            : WinLossOptions.Default;
        var events = request.Opportunities.SelectMany(o => o.Events).ToArray();
        if (events.Length > 0 && request.AsOf is { } given)
        {
            var latest = events.Max(e => e.At).InUtc().Date;
            var file = events.Select(e => e.Source?.File).FirstOrDefault(f => f is not null) ?? "events.csv";
            foreach (var warning in AsOfWarnings.For(given, "--as-of", given != latest, latest, file))
            {
                context.Error.WriteLine(warning);
            }
        }

        var result = WinLossAnalysis.Run(request.Opportunities, playbook, request.Accounts, request.AsOf, request.Period, options, request.Calendar, context.Services.GetRequiredService<EngineFactory>());
        var tables = WinLossViews.Tables(result);
        return RunOutput.Publish(context, request.Format, tables, request.ReportPath, () =>
        {
            var report = new HtmlReport("kam winloss", string.Create(CultureInfo.InvariantCulture, $"{result.Summary.Total.Closed} closed of {result.Opportunities} opportunities as of {result.AsOf:yyyy-MM-dd}; amounts in {result.Currency}."));
            foreach (var section in WinLossViews.ReportSections(result, tables))
            {
                report.Add(section);
            }

            return report;
        },
        currency: result.Currency.Code);
    }

    /// <summary>Writes this engine's part of <c>kam demo</c>: the sample's win rate, its costliest reasons and competitors, and the last two quarters.</summary>
    /// <param name="demo">The demo's context.</param>
    public static void Demo(DemoContext demo)
    {
        ArgumentNullException.ThrowIfNull(demo);
        var accounts = Kam.Cli.Data.AccountColumns.From(demo.Sample.Accounts);
        var result = WinLossAnalysis.Run(demo.Sample.Opportunities, Playbook.Default, accounts, demo.Sample.AsOf, null, WinLossOptions.Default, demo.Calendar, demo.Services.GetRequiredService<EngineFactory>());
        WinLossDemo.Write(demo, result);
    }
}
