using System.CommandLine;
using Kam.Cli.Data;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Cli.Reporting;
using Kam.Core;
using NodaTime;

namespace Kam.Cli.Features.Forecast;

/// <summary>What <c>kam forecast</c> hands to its engine handler.</summary>
/// <param name="Opportunities">The opportunities of events.csv with their events in time order, validated.</param>
/// <param name="AsOf">The day of the forecast, or <see langword="null"/> for the day of the latest event.</param>
/// <param name="Options">The checked option values.</param>
/// <param name="Files">The rule and hierarchy files (each exists), and the learned playbook's target.</param>
/// <param name="Calendar">The fiscal calendar.</param>
/// <param name="Format">The stdout format.</param>
/// <param name="ReportPath">The HTML report target, or <see langword="null"/>.</param>
/// <param name="Accounts">The accounts with their units (<c>--accounts</c>), or <see langword="null"/>.</param>
internal sealed record ForecastRequest(
    IReadOnlyList<OpportunityRecord> Opportunities,
    LocalDate? AsOf,
    ForecastOptions Options,
    ForecastFiles Files,
    FiscalCalendar Calendar,
    OutputFormat Format,
    string? ReportPath,
    IReadOnlyList<PlanAccountRecord>? Accounts = null);

/// <summary>The option values of <c>kam forecast</c>, as given (checked by the run: exit code 2 for a bad value).</summary>
/// <param name="Period">The <c>--period</c> text: a kind of period (<c>month</c>, <c>quarter</c>, <c>half</c>, <c>year</c>) or one period (<c>FY2026-Q4</c>).</param>
/// <param name="Periods">How many periods from the as-of day's the distribution shows.</param>
/// <param name="History">How many closed periods before the as-of day's the accuracy history measures.</param>
/// <param name="Target">The <c>--target</c> text (<c>5000000</c> or <c>5000000 CNY</c>), or <see langword="null"/>.</param>
/// <param name="Grain">The <c>--grain</c> text (an amount per cell of the grid), or <see langword="null"/> for 1/1000 of each period's total.</param>
/// <param name="Horizons">The <c>--horizons</c> text (<c>90,60,30</c>).</param>
/// <param name="Learn">Whether the distribution uses the learned probabilities instead of the playbook's.</param>
/// <param name="PriorStrength">The <c>--prior-strength</c> text, or <see langword="null"/> for 20.</param>
/// <param name="By">The subject of the accuracy scores: owner, account or unit.</param>
/// <param name="Top">How many opportunities per period the spread table names.</param>
internal sealed record ForecastOptions(
    string Period = "quarter",
    int Periods = 4,
    int History = 4,
    string? Target = null,
    string? Grain = null,
    string Horizons = "90,60,30",
    bool Learn = false,
    string? PriorStrength = null,
    ForecastBy By = ForecastBy.Owner,
    int Top = 5);

/// <summary>The files of <c>kam forecast</c> besides events.csv.</summary>
/// <param name="Events">events.csv (for messages).</param>
/// <param name="Playbook">The playbook (<c>--playbook</c>), or <see langword="null"/> for the default.</param>
/// <param name="Organization">organization.json (<c>--organization</c>), or <see langword="null"/>.</param>
/// <param name="AccountsPath">accounts.csv with the unit column (<c>--accounts</c>), or <see langword="null"/>.</param>
/// <param name="LearnOut">Where to write the playbook with the learned probabilities (<c>--learn-out</c>), or <see langword="null"/>.</param>
internal sealed record ForecastFiles(string Events, string? Playbook = null, string? Organization = null, string? AccountsPath = null, string? LearnOut = null);

/// <summary>The subject of the accuracy scores of <c>kam forecast</c> (<c>--by</c>).</summary>
internal enum ForecastBy
{
    /// <summary>Per salesperson (the default).</summary>
    Owner,

    /// <summary>Per account.</summary>
    Account,

    /// <summary>Per unit of our organization (needs <c>--organization</c> and <c>--accounts</c>).</summary>
    Unit,
}

/// <summary>
/// <c>kam forecast &lt;events.csv&gt;</c>: the bookings of the coming periods as a distribution (P10/P50/P90, the
/// chance of a target), the stage probabilities against the closed opportunities, and the track record of past forecasts.
/// </summary>
internal static class ForecastCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The run's context.</param>
    /// <param name="handler">Runs the engines on the request and returns the exit code.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context, Func<ForecastRequest, CliContext, int> handler)
    {
        var events = new Argument<string>("events.csv") { Description = "The opportunity events file (see `kam init`); a row's expected_close is the estimate when it was recorded." };
        var playbook = new Option<string?>("--playbook") { HelpName = "playbook.json", Description = "A playbook JSON file (stage items, probabilities); default: the built-in eight-stage playbook." };
        var asOf = CommonOptions.Date("--as-of", "The day of the forecast; default: the day of the latest event.");
        var period = new Option<string>("--period") { HelpName = "quarter|FY2026-Q4", Description = "The periods: a kind (month, quarter, half, year) for --periods of them from the as-of day's, or one period (FY2026-Q4).", DefaultValueFactory = _ => "quarter" };
        var periods = new Option<int>("--periods") { HelpName = "N", Description = "How many periods the distribution shows, from the as-of day's (1 to 40).", DefaultValueFactory = _ => 4 };
        var history = new Option<int>("--history") { HelpName = "N", Description = "How many closed periods (the last that ended by the as-of day) the accuracy history measures (1 to 40).", DefaultValueFactory = _ => 4 };
        var target = new Option<string?>("--target") { HelpName = "AMOUNT", Description = "A bookings target per period (5000000, or 5000000 CNY): the chance of reaching it." };
        var grain = new Option<string?>("--grain") { HelpName = "AMOUNT", Description = "The money per cell of the distribution's grid; default: 1/1000 of each period's open value (grids above 4,000,000 cells are refused)." };
        var horizons = new Option<string>("--horizons") { HelpName = "90,60,30", Description = "The days before each period's end at which past forecasts are replayed.", DefaultValueFactory = _ => "90,60,30" };
        var learn = new Option<bool>("--learn") { Description = "Use the learned stage probabilities (history shrunk toward the playbook's) for the distribution instead of the playbook's." };
        var priorStrength = new Option<string?>("--prior-strength") { HelpName = "N", Description = "The strength of the playbook's probabilities in the learned ones, in closed opportunities (default 20)." };
        var learnOut = new Option<string?>("--learn-out") { HelpName = "learned-playbook.json", Description = "Write the playbook with the learned probabilities to this file (a rule file for --playbook)." };
        var by = new Option<string>("--by") { Description = "The accuracy scores per salesperson (owner), account or unit (needs --organization and --accounts).", DefaultValueFactory = _ => "owner" };
        by.AcceptOnlyFromAmong("owner", "account", "unit");
        var organization = new Option<string?>("--organization") { HelpName = "organization.json", Description = "Our organization (units), for --by unit." };
        var accounts = new Option<string?>("--accounts") { HelpName = "accounts.csv", Description = "The accounts with their unit (columns level, parent_id, owner, unit, territory), for --by unit." };
        var fiscalStart = CommonOptions.FiscalYearStart();
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var sheet = CommonOptions.Sheet();
        var command = new Command("forecast", "The bookings of the coming periods as a distribution (P10/P50/P90, chance of a target), the stage probabilities against history, and past forecasts' accuracy.")
        {
            events, playbook, asOf, period, periods, history, target, grain, horizons, learn, priorStrength, learnOut, by, organization, accounts, fiscalStart, format, output, sheet,
        };
        CommonOptions.RequireWorkbookOut(command, format, output);
        CommonOptions.RequireWorkbookInput(command, sheet, events, accounts);
        command.Validators.Add(result =>
        {
            var isUnit = result.GetResult(by)?.Tokens is { Count: > 0 } tokens && tokens[^1].Value == "unit";
            if (isUnit && (result.GetResult(organization) is null || result.GetResult(accounts) is null))
            {
                result.AddError("--by unit needs our organization and the accounts' units: give --organization organization.json and --accounts accounts.csv.");
            }
        });
        command.SetAction(parse =>
        {
            var eventsPath = CommonOptions.InSheet(parse.GetValue(events), parse.GetValue(sheet))!;
            var accountsPath = CommonOptions.InSheet(parse.GetValue(accounts), parse.GetValue(sheet));
            var report = CommonOptions.CheckOut(parse.GetValue(output), parse.GetValue(events), parse.GetValue(playbook), parse.GetValue(organization), parse.GetValue(accounts));
            var learned = Kam.Cli.IO.OutputTarget.Check("--learn-out", parse.GetValue(learnOut), [parse.GetValue(events), parse.GetValue(playbook), parse.GetValue(organization), parse.GetValue(accounts), report])?.Path;
            var files = new ForecastFiles(
                eventsPath,
                CommonOptions.RequireExistingFile("--playbook", parse.GetValue(playbook)),
                CommonOptions.RequireExistingFile("--organization", parse.GetValue(organization)),
                accountsPath,
                learned);
            var options = new ForecastOptions(
                parse.GetValue(period) ?? "quarter",
                parse.GetValue(periods),
                parse.GetValue(history),
                parse.GetValue(target),
                parse.GetValue(grain),
                parse.GetValue(horizons) ?? "90,60,30",
                parse.GetValue(learn),
                parse.GetValue(priorStrength),
                parse.GetValue(by) switch { "account" => ForecastBy.Account, "unit" => ForecastBy.Unit, _ => ForecastBy.Owner });
            var day = CommonOptions.ParseDate("--as-of", parse.GetValue(asOf));
            var opportunities = context.WithProgress(p => EventsCsv.Read(eventsPath, p));
            var accountRows = accountsPath is null ? null : context.WithProgress(_ => AccountHierarchyCsv.Read(accountsPath));
            return handler(
                new ForecastRequest(opportunities, day, options, files, new FiscalCalendar(parse.GetValue(fiscalStart)), CommonOptions.ParseFormat(parse.GetValue(format)), report, accountRows),
                context);
        });
        return command;
    }
}
