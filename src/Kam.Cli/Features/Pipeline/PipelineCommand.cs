using System.CommandLine;
using Kam.Cli.Data;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Cli.Reporting;
using Kam.Core;
using NodaTime;

namespace Kam.Cli.Features.Pipeline;

/// <summary>What <c>kam pipeline</c> hands to its engine handler.</summary>
/// <param name="Opportunities">The opportunities of events.csv with their events in time order, validated.</param>
/// <param name="PlaybookPath">The playbook JSON file (exists), or <see langword="null"/> for the default playbook.</param>
/// <param name="AsOf">The day the pipeline is viewed at; default the day of the latest event.</param>
/// <param name="ForecastPeriod">The forecast bucket (month, quarter, half or year).</param>
/// <param name="Calendar">The fiscal calendar of the forecast.</param>
/// <param name="Format">The stdout format.</param>
/// <param name="ReportPath">The HTML report target, or <see langword="null"/>.</param>
/// <param name="By">Whose open pipeline by stage is shown: each salesperson's (the default) or each account's.</param>
internal sealed record PipelineRequest(
    IReadOnlyList<OpportunityRecord> Opportunities,
    string? PlaybookPath,
    LocalDate AsOf,
    PeriodKind ForecastPeriod,
    FiscalCalendar Calendar,
    OutputFormat Format,
    string? ReportPath,
    PipelineBy By = PipelineBy.Owner);

/// <summary>The dimension of the per-subject pipeline table and chart of <c>kam pipeline</c> (<c>--by</c>).</summary>
internal enum PipelineBy
{
    /// <summary>Per salesperson: the <c>by_salesperson</c> table (the default).</summary>
    Owner,

    /// <summary>Per account: the <c>by_account</c> table.</summary>
    Account,
}

/// <summary><c>kam pipeline &lt;events.csv&gt; [--playbook playbook.json] [--by owner|account]</c>: stages, funnel, anomalies and forecast of the opportunities.</summary>
internal static class PipelineCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The run's context.</param>
    /// <param name="handler">Runs the Stages engine on the validated request and returns the exit code.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context, Func<PipelineRequest, CliContext, int> handler)
    {
        var events = new Argument<string>("events.csv") { Description = "The opportunity events file (see `kam init`)." };
        var playbook = new Option<string?>("--playbook") { HelpName = "playbook.json", Description = "A playbook JSON file (stage items, probabilities); default: the built-in eight-stage playbook." };
        var asOf = CommonOptions.Date("--as-of", "View the pipeline as of this day; default: the day of the latest event.");
        var period = new Option<string>("--period") { Description = "Forecast bucket: month, quarter, half or year.", DefaultValueFactory = _ => "quarter" };
        period.AcceptOnlyFromAmong("month", "quarter", "half", "year");
        var by = new Option<string>("--by") { Description = "The open pipeline by stage per salesperson (owner) or per account.", DefaultValueFactory = _ => "owner" };
        by.AcceptOnlyFromAmong("owner", "account");
        var fiscalStart = CommonOptions.FiscalYearStart();
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var sheet = CommonOptions.Sheet();
        var command = new Command("pipeline", "Read opportunity events: current and completed stage, funnel by stage and salesperson, anomalies, forecast.")
        {
            events, playbook, asOf, period, by, fiscalStart, format, output, sheet,
        };
        CommonOptions.RequireWorkbookOut(command, format, output);
        CommonOptions.RequireWorkbookInput(command, sheet, events);
        command.SetAction(parse =>
        {
            var report = CommonOptions.CheckOut(parse.GetValue(output), parse.GetValue(events), parse.GetValue(playbook));
            var playbookPath = CommonOptions.RequireExistingFile("--playbook", parse.GetValue(playbook));
            var day = CommonOptions.ParseDate("--as-of", parse.GetValue(asOf));
            var opportunities = context.WithProgress(p => EventsCsv.Read(CommonOptions.InSheet(parse.GetValue(events), parse.GetValue(sheet))!, p));

            var latest = opportunities.SelectMany(o => o.Events).Max(e => e.At).InUtc().Date;
            return handler(
                new PipelineRequest(opportunities, playbookPath, day ?? latest, ParsePeriod(parse.GetValue(period)), new FiscalCalendar(parse.GetValue(fiscalStart)), CommonOptions.ParseFormat(parse.GetValue(format)), report,
                    parse.GetValue(by) == "account" ? PipelineBy.Account : PipelineBy.Owner),
                context);
        });
        return command;
    }

    // The option accepts only the four words; without it, quarters.
    private static PeriodKind ParsePeriod(string? text) =>
        text is not null && CommonOptions.TryParsePeriodKind(text, out var kind) ? kind : PeriodKind.Quarter;
}
