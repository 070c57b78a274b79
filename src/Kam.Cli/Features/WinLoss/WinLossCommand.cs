using System.CommandLine;
using Kam.Cli.Data;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Cli.Reporting;
using Kam.Core;
using NodaTime;

namespace Kam.Cli.Features.WinLoss;

/// <summary>What <c>kam winloss</c> hands to its engine handler.</summary>
/// <param name="Opportunities">The opportunities of events.csv with their events in time order, validated.</param>
/// <param name="Accounts">The accounts of <c>--accounts</c> (their industry), or <see langword="null"/>.</param>
/// <param name="AsOf">The last day whose closings count, or <see langword="null"/> for the day of the latest event.</param>
/// <param name="Period">The <c>--period</c> text (<c>month</c>, <c>quarter</c>, <c>half</c>, <c>year</c>), or <see langword="null"/> for the options' (default quarter).</param>
/// <param name="Files">The rule files (each exists).</param>
/// <param name="Calendar">The fiscal calendar.</param>
/// <param name="Format">The stdout format.</param>
/// <param name="ReportPath">The HTML report target, or <see langword="null"/>.</param>
internal sealed record WinLossRequest(
    IReadOnlyList<OpportunityRecord> Opportunities,
    AccountColumns? Accounts,
    LocalDate? AsOf,
    string? Period,
    WinLossFiles Files,
    FiscalCalendar Calendar,
    OutputFormat Format,
    string? ReportPath);

/// <summary>The files of <c>kam winloss</c> besides events.csv.</summary>
/// <param name="Events">events.csv (for messages).</param>
/// <param name="Playbook">The playbook (<c>--playbook</c>), or <see langword="null"/> for the default.</param>
/// <param name="Reasons">The close-reason list (<c>--reasons</c>), or <see langword="null"/>.</param>
/// <param name="Options">The win/loss options (<c>--options</c>: reasons, size bands, period, time zone), or <see langword="null"/>.</param>
internal sealed record WinLossFiles(string Events, string? Playbook = null, string? Reasons = null, string? Options = null);

/// <summary>
/// <c>kam winloss &lt;events.csv&gt;</c>: why opportunities are won, lost and abandoned — the closed ones counted and
/// valued by close reason, cause, winning competitor, stage reached, owner, size band, industry and period, with the trend.
/// </summary>
internal static class WinLossCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The run's context.</param>
    /// <param name="handler">Runs the engine on the request and returns the exit code.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context, Func<WinLossRequest, CliContext, int> handler)
    {
        var events = new Argument<string>("events.csv") { Description = "The opportunity events file (see `kam init`); the won, lost and abandoned rows carry reason_code and, for a loss, competitor." };
        var playbook = new Option<string?>("--playbook") { HelpName = "playbook.json", Description = "A playbook JSON file (the items events.csv names); default: the built-in eight-stage playbook." };
        var accounts = new Option<string?>("--accounts") { HelpName = "accounts.csv", Description = "The accounts (column industry), for the breakdown by industry; every account of events.csv must be in it." };
        var reasons = new Option<string?>("--reasons") { HelpName = "close-reasons.json", Description = "The close-reason list (codes, labels, outcomes, cause groups); default: the built-in list." };
        var options = new Option<string?>("--options") { HelpName = "winloss.json", Description = "The win/loss options: reason list, size bands, period, time zone (instead of --reasons)." };
        var asOf = CommonOptions.Date("--as-of", "The last day whose closings count; default: the day of the latest event.");
        var period = new Option<string?>("--period") { HelpName = "quarter", Description = "The periods of the trend: month, quarter, half or year; default: the options' (quarter)." };
        period.AcceptOnlyFromAmong("month", "quarter", "half", "year");
        var fiscalStart = CommonOptions.FiscalYearStart();
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var sheet = CommonOptions.Sheet();
        var command = new Command("winloss", "Why opportunities are won, lost and abandoned: win rates and values by reason, cause, competitor, stage reached, owner, size band, industry and period.")
        {
            events, playbook, accounts, reasons, options, asOf, period, fiscalStart, format, output, sheet,
        };
        CommonOptions.RequireWorkbookOut(command, format, output);
        CommonOptions.RequireWorkbookInput(command, sheet, events, accounts);
        command.Validators.Add(result =>
        {
            if (result.GetResult(reasons) is not null && result.GetResult(options) is not null)
            {
                result.AddError("--reasons and --options both give the reason list: give one (the options file holds its reasons under \"reasons\").");
            }
        });
        command.SetAction(parse =>
        {
            var eventsPath = CommonOptions.InSheet(parse.GetValue(events), parse.GetValue(sheet))!;
            var accountsPath = CommonOptions.InSheet(parse.GetValue(accounts), parse.GetValue(sheet));
            var report = CommonOptions.CheckOut(parse.GetValue(output), parse.GetValue(events), parse.GetValue(playbook), parse.GetValue(accounts), parse.GetValue(reasons), parse.GetValue(options));
            var files = new WinLossFiles(
                eventsPath,
                CommonOptions.RequireExistingFile("--playbook", parse.GetValue(playbook)),
                CommonOptions.RequireExistingFile("--reasons", parse.GetValue(reasons)),
                CommonOptions.RequireExistingFile("--options", parse.GetValue(options)));
            var day = CommonOptions.ParseDate("--as-of", parse.GetValue(asOf));
            var opportunities = context.WithProgress(p => EventsCsv.Read(eventsPath, p));
            var accountRows = accountsPath is null ? null : context.WithProgress(p => AccountsCsv.Read(accountsPath, p));
            return handler(
                new WinLossRequest(opportunities, accountRows, day, parse.GetValue(period), files, new FiscalCalendar(parse.GetValue(fiscalStart)), CommonOptions.ParseFormat(parse.GetValue(format)), report),
                context);
        });
        return command;
    }
}
