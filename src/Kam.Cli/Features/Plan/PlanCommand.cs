using System.CommandLine;
using Kam.Cli.Data;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Cli.Reporting;
using NodaTime;

namespace Kam.Cli.Features.Plan;

/// <summary>What <c>kam plan</c> hands to its engine handler.</summary>
/// <param name="Accounts">The accounts with their place in both hierarchies (the hierarchy columns of accounts.csv), validated cell by cell.</param>
/// <param name="Opportunities">The opportunities of events.csv with their events in time order, validated.</param>
/// <param name="Files">The JSON files: organization, targets, plans and the optional rule files (each exists).</param>
/// <param name="AsOf">The as-of day, or <see langword="null"/> for the day of the latest event.</param>
/// <param name="Format">The stdout format.</param>
/// <param name="ReportPath">The HTML report target, or <see langword="null"/>.</param>
/// <param name="Actuals">The actuals of the measures other than bookings (<c>--actuals</c>), validated cell by cell, or <see langword="null"/>.</param>
/// <param name="Period">The <c>--period</c> text (<c>FY2026-Q3</c>), parsed on the targets' fiscal calendar, or <see langword="null"/>.</param>
internal sealed record PlanRequest(
    IReadOnlyList<PlanAccountRecord> Accounts,
    IReadOnlyList<OpportunityRecord> Opportunities,
    PlanFiles Files,
    LocalDate? AsOf,
    OutputFormat Format,
    string? ReportPath,
    IReadOnlyList<PlanActualRecord>? Actuals = null,
    string? Period = null);

/// <summary>The JSON files of <c>kam plan</c>.</summary>
/// <param name="AccountsPath">accounts.csv (for messages).</param>
/// <param name="Organization">organization.json (<c>Organization.FromJson</c>).</param>
/// <param name="Targets">targets.json (<c>TargetPlan.FromJson</c>).</param>
/// <param name="Plans">plans.json: a JSON array of key-account plans, or one plan.</param>
/// <param name="Playbook">The playbook of the replay (<c>--playbook</c>), or <see langword="null"/> for the default.</param>
/// <param name="CheckPolicy">The plan-check thresholds (<c>--checks</c>), or <see langword="null"/> for the defaults.</param>
/// <param name="AttainmentPolicy">The attainment rules (<c>--attainment</c>), or <see langword="null"/> for the defaults.</param>
internal sealed record PlanFiles(string AccountsPath, string Organization, string Targets, string Plans, string? Playbook = null, string? CheckPolicy = null, string? AttainmentPolicy = null);

/// <summary>
/// <c>kam plan &lt;accounts.csv&gt; &lt;organization.json&gt; &lt;targets.json&gt; &lt;plans.json&gt; &lt;events.csv&gt;</c>:
/// attainment, forecast, gap and coverage per account and unit, and the plan checks.
/// </summary>
internal static class PlanCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The run's context.</param>
    /// <param name="handler">Runs the engines on the validated request and returns the exit code.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context, Func<PlanRequest, CliContext, int> handler)
    {
        var accounts = new Argument<string>("accounts.csv") { Description = "The accounts with their place in both hierarchies (columns level, parent_id, owner, unit, territory)." };
        var organization = new Argument<string>("organization.json") { Description = "Our organization: units (HQ → region → branch → office), people and territories." };
        var targets = new Argument<string>("targets.json") { Description = "The targets per account or unit, measure and period of one fiscal year." };
        var plans = new Argument<string>("plans.json") { Description = "The key-account plans: a JSON array of plans (or one plan)." };
        var events = new Argument<string>("events.csv") { Description = "The opportunity events (open pipeline; won opportunities are the bookings)." };
        var playbook = new Option<string?>("--playbook") { HelpName = "playbook.json", Description = "A playbook JSON file for the replay of events.csv; default: the built-in eight-stage playbook." };
        var checks = new Option<string?>("--checks") { HelpName = "plan-check-policy.json", Description = "The plan checks' thresholds; default: PlanCheckPolicy.Default (quarterly reviews, 15 days' grace, ...)." };
        var attainment = new Option<string?>("--attainment") { HelpName = "attainment-policy.json", Description = "The attainment rules (stage probabilities, run rate, forecast method); default: AttainmentPolicy.Default." };
        var actuals = new Option<string?>("--actuals") { HelpName = "actuals.csv", Description = "The actuals of the measures other than bookings (gross profit, service level, ...): columns account_id, measure, date, value, currency. Bookings come from events.csv." };
        var period = new Option<string?>("--period") { HelpName = "FY2026-Q3", Description = "Show only this period of the targets' fiscal year: FY2026, FY2026-Q3 or FY2026-M07; default the year and the as-of day's quarter." };
        var asOf = CommonOptions.Date("--as-of", "The day of the figures and checks; default: the day of the latest event. Must be in the targets' fiscal year.");
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var sheet = CommonOptions.Sheet();
        var command = new Command("plan", "Attainment, forecast, gap and coverage per account and unit against the targets, and the key-account plan checks.")
        {
            accounts, organization, targets, plans, events, actuals, period, playbook, checks, attainment, asOf, format, output, sheet,
        };
        CommonOptions.RequireWorkbookOut(command, format, output);
        CommonOptions.RequireWorkbookInput(command, sheet, accounts, events, actuals);
        command.SetAction(parse =>
        {
            var report = CommonOptions.CheckOut(
                parse.GetValue(output), parse.GetValue(accounts), parse.GetValue(organization), parse.GetValue(targets), parse.GetValue(plans), parse.GetValue(events),
                parse.GetValue(actuals), parse.GetValue(playbook), parse.GetValue(checks), parse.GetValue(attainment));
            var files = new PlanFiles(
                CommonOptions.InSheet(parse.GetValue(accounts), parse.GetValue(sheet))!,
                CommonOptions.RequireExistingFile("organization.json", parse.GetValue(organization))!,
                CommonOptions.RequireExistingFile("targets.json", parse.GetValue(targets))!,
                CommonOptions.RequireExistingFile("plans.json", parse.GetValue(plans))!,
                CommonOptions.RequireExistingFile("--playbook", parse.GetValue(playbook)),
                CommonOptions.RequireExistingFile("--checks", parse.GetValue(checks)),
                CommonOptions.RequireExistingFile("--attainment", parse.GetValue(attainment)));
            var day = CommonOptions.ParseDate("--as-of", parse.GetValue(asOf));
            var accountRows = context.WithProgress(_ => AccountHierarchyCsv.Read(files.AccountsPath));
            var opportunities = context.WithProgress(p => EventsCsv.Read(CommonOptions.InSheet(parse.GetValue(events), parse.GetValue(sheet))!, p));
            var actualRows = CommonOptions.InSheet(parse.GetValue(actuals), parse.GetValue(sheet)) is { } actualsPath ? context.WithProgress(_ => PlanActualsCsv.Read(actualsPath)) : null;
            return handler(new PlanRequest(accountRows, opportunities, files, day, CommonOptions.ParseFormat(parse.GetValue(format)), report, actualRows, parse.GetValue(period)), context);
        });
        return command;
    }
}
