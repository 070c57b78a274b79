using System.Globalization;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Cli.IO;
using Kam.Cli.Reporting;
using Kam.Core;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;

namespace Kam.Cli.Features.Pipeline;

/// <summary>Runs the engine of <c>kam pipeline</c> on validated input: the command's handler and its part of <c>kam demo</c>.</summary>
internal static class PipelineRun
{
    /// <summary>Gets the default rule files this engine adds to <c>kam init</c>: the default eight-stage playbook.</summary>
    public static IReadOnlyList<InitTemplate> RuleFiles => LazyRuleFiles.Value;

    // Rendered on first use: serializing the playbook costs startup time every other command would pay.
    private static readonly Lazy<InitTemplate[]> LazyRuleFiles = new(() => [new("playbook.json", PlaybookHeader + Playbook.Default.ToJson() + "\n")]);

    private const string PlaybookHeader = """
        // playbook.json: the eight-stage playbook of `kam pipeline --playbook` (see docs/stages.md and docs/cli.md),
        // written from Kam.Core's default playbook. For each sales stage: the win probability earned when the stage is
        // completed (rising stage by stage), its milestone items (the project has entered the stage when every
        // required one is done) and its success criteria (the stage is completed when every required one is met).
        // Rename items, add or remove them, make them optional, change the probabilities; keys must stay unique and
        // every stage needs a required success criterion. events.csv names items by their key.

        """;

    /// <summary>Handles <c>kam pipeline</c>.</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="context">The run's context.</param>
    /// <returns>The exit code.</returns>
    public static int Handle(PipelineRequest request, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var playbook = request.PlaybookPath is null ? Playbook.Default : ReadPlaybook(request.PlaybookPath);
        var currency = request.Opportunities.Count == 0 ? Currency.CNY : request.Opportunities[0].Value.Currency; // one per file (EventsCsv)
        var analyzer = context.Services.GetRequiredService<EngineFactory>().Pipeline(playbook, request.ForecastPeriod, request.Calendar, currency);
        var events = request.Opportunities.SelectMany(o => o.Events).ToArray();
        if (events.Length > 0)
        {
            var lastEvent = events.Max(e => e.At).InUtc().Date; // the default view day
            var latest = LocalDate.Max(lastEvent, request.Opportunities.Max(o => o.ExpectedClose)); // the file's latest date
            var file = events.Select(e => e.Source?.File).FirstOrDefault(f => f is not null) ?? "events.csv";
            foreach (var warning in AsOfWarnings.For(request.AsOf, "--as-of", request.AsOf != lastEvent, latest, file))
            {
                context.Error.WriteLine(warning);
            }
        }

        var until = EndOf(request.AsOf);
        var opportunities = PipelineReplay.Replay(playbook, request.Opportunities, until);
        PipelineViews views;
        try
        {
            views = PipelineViews.Build(analyzer, opportunities, until - Duration.Epsilon);
        }
        catch (KamValidationException ex)
        {
            throw RecordErrors.Locate(ex, RecordErrors.Opportunities(opportunities.Select(o => o.Record).ToArray()));
        }

        return RunOutput.Publish(context, request.Format, views.Tables(request.By), request.ReportPath, () =>
        {
            var report = new HtmlReport("kam pipeline", string.Create(CultureInfo.InvariantCulture, $"{opportunities.Count} opportunities as of {request.AsOf:yyyy-MM-dd}."));
            foreach (var section in views.ReportSections(request.By))
            {
                report.Add(section);
            }

            return report;
        },
        currency: opportunities.Count > 0 ? views.Summary.Currency.Code : null);
    }

    /// <summary>Writes this engine's part of <c>kam demo</c>: the sample's pipeline as of its last day.</summary>
    /// <param name="demo">The demo's context.</param>
    public static void Demo(DemoContext demo)
    {
        ArgumentNullException.ThrowIfNull(demo);
        var analyzer = demo.Services.GetRequiredService<IPipelineAnalyzer>();
        var until = EndOf(demo.Sample.AsOf);
        var opportunities = PipelineReplay.Replay(analyzer.Options.Playbook, demo.Sample.Opportunities, until);
        var views = PipelineViews.Build(analyzer, opportunities, until - Duration.Epsilon);
        PipelineDemo.Write(demo, views);
    }

    /// <summary>Gets the moment a view day ends (UTC): events before it are known on that day.</summary>
    /// <param name="day">The view day.</param>
    /// <returns>The start of the next day.</returns>
    internal static Instant EndOf(LocalDate day) => day.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();

    private static Playbook ReadPlaybook(string path) => RuleFile.Load(path, "--playbook", Playbook.FromJson);
}
