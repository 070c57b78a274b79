using System.CommandLine;
using Kam.Cli.Data;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Cli.Reporting;
using Kam.Core;
using NodaTime;

namespace Kam.Cli.Features.People;

/// <summary>What <c>kam contact</c> hands to its engine handler.</summary>
/// <param name="Accounts">The accounts with their place in both hierarchies (accounts.csv).</param>
/// <param name="AccountColumns">Each account's grade and the day it exists from (columns grade, since, first_order of accounts.csv).</param>
/// <param name="Activities">The rows of activities.csv.</param>
/// <param name="Contacts">The rows of <c>--contacts</c>, or <see langword="null"/>.</param>
/// <param name="Promises">The rows of <c>--promises</c> (empty without it).</param>
/// <param name="Checks">The rows of <c>--checks</c> (empty without it).</param>
/// <param name="Files">The JSON files.</param>
/// <param name="AsOf">The as-of day, or <see langword="null"/> for the latest activity's.</param>
/// <param name="From">The first day assessed, or <see langword="null"/> for twelve months back from the as-of day's month.</param>
/// <param name="Format">The stdout format.</param>
/// <param name="ReportPath">The report (or workbook) target, or <see langword="null"/>.</param>
internal sealed record ContactRequest(
    IReadOnlyList<PlanAccountRecord> Accounts,
    IReadOnlyDictionary<AccountId, AccountPeopleColumns> AccountColumns,
    IReadOnlyList<ActivityRecord> Activities,
    IReadOnlyList<ContactRecord>? Contacts,
    IReadOnlyList<PromiseRecord> Promises,
    IReadOnlyList<CheckRecord> Checks,
    ContactFiles Files,
    LocalDate? AsOf,
    LocalDate? From,
    OutputFormat Format,
    string? ReportPath);

/// <summary>The JSON files of <c>kam contact</c>.</summary>
/// <param name="AccountsPath">accounts.csv (for messages).</param>
/// <param name="Organization">organization.json.</param>
/// <param name="Standards">The contact standards (<c>--standards</c>), or <see langword="null"/> for the defaults.</param>
/// <param name="HealthPolicy">The health rules (<c>--health-policy</c>), or <see langword="null"/> for the defaults.</param>
internal sealed record ContactFiles(string AccountsPath, string Organization, string? Standards, string? HealthPolicy);

/// <summary>
/// <c>kam contact &lt;accounts.csv&gt; &lt;organization.json&gt; &lt;activities.csv&gt;</c>: contact-standard compliance
/// per account and manager, the capacity check, relationship health with its trend and alerts.
/// </summary>
internal static class ContactCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The run's context.</param>
    /// <param name="handler">Runs the engines on the validated request and returns the exit code.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context, Func<ContactRequest, CliContext, int> handler)
    {
        var accounts = new Argument<string>("accounts.csv") { Description = "The accounts with their place in both hierarchies (owner = the manager), grade (the contact standard) and since." };
        var organization = new Argument<string>("organization.json") { Description = "Our organization: units, people and territories." };
        var activities = new Argument<string>("activities.csv") { Description = "The activity log: visits, calls, meetings, messages and executive visits." };
        var contacts = new Option<string?>("--contacts") { HelpName = "contacts.csv", Description = "The buying centers: activities' contacts are checked against them, and a decision maker's leaving raises an alert." };
        var promises = new Option<string?>("--promises") { HelpName = "promises.csv", Description = "Promises made, with due day and status (part of the health index)." };
        var checks = new Option<string?>("--checks") { HelpName = "checks.csv", Description = "Partnership-check scores by item, and satisfaction scores (item 'satisfaction')." };
        var standards = new Option<string?>("--standards") { HelpName = "contact-standards.json", Description = "The contact standards per grade and the hours; default: ContactStandards.Default." };
        var health = new Option<string?>("--health-policy") { HelpName = "health-policy.json", Description = "The health rules (check items, weights, alerts); default: HealthPolicy.Default." };
        var asOf = CommonOptions.Date("--as-of", "The day assessed; default: the day of the latest activity.");
        var from = CommonOptions.Date("--from", "The first day assessed; default: the first day of the month eleven months before the as-of day's (twelve months).");
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var sheet = CommonOptions.Sheet();
        var command = new Command("contact", "Contact-standard compliance per account and manager (met, short, overdue, next due), the capacity check per manager, and relationship health with trend and alerts.")
        {
            accounts, organization, activities, contacts, promises, checks, standards, health, asOf, from, format, output, sheet,
        };
        CommonOptions.RequireWorkbookOut(command, format, output);
        CommonOptions.RequireWorkbookInput(command, sheet, accounts, activities);
        command.SetAction(parse =>
        {
            var report = CommonOptions.CheckOut(
                parse.GetValue(output), parse.GetValue(accounts), parse.GetValue(organization), parse.GetValue(activities), parse.GetValue(contacts),
                parse.GetValue(promises), parse.GetValue(checks), parse.GetValue(standards), parse.GetValue(health));
            var s = parse.GetValue(sheet);
            var accountsPath = CommonOptions.InSheet(parse.GetValue(accounts), s)!;
            var files = new ContactFiles(
                accountsPath,
                CommonOptions.RequireExistingFile("organization.json", parse.GetValue(organization))!,
                CommonOptions.RequireExistingFile("--standards", parse.GetValue(standards)),
                CommonOptions.RequireExistingFile("--health-policy", parse.GetValue(health)));
            var day = CommonOptions.ParseDate("--as-of", parse.GetValue(asOf));
            var first = CommonOptions.ParseDate("--from", parse.GetValue(from));
            var accountRows = context.WithProgress(_ => AccountHierarchyCsv.Read(accountsPath));
            var columns = context.WithProgress(_ => ActivitiesCsv.ReadAccountColumns(accountsPath));
            var activityRows = context.WithProgress(_ => ActivitiesCsv.ReadActivities(CommonOptions.InSheet(parse.GetValue(activities), s)!));
            var contactRows = parse.GetValue(contacts) is { } c ? context.WithProgress(_ => ContactsCsv.ReadContacts(CommonOptions.InSheet(c, s)!)) : null;
            var promiseRows = parse.GetValue(promises) is { } p ? context.WithProgress(_ => ActivitiesCsv.ReadPromises(CommonOptions.InSheet(p, s)!)) : [];
            var checkRows = parse.GetValue(checks) is { } k ? context.WithProgress(_ => ActivitiesCsv.ReadChecks(CommonOptions.InSheet(k, s)!)) : [];
            return handler(
                new ContactRequest(accountRows, columns, activityRows, contactRows, promiseRows, checkRows, files, day, first, CommonOptions.ParseFormat(parse.GetValue(format)), report),
                context);
        });
        return command;
    }
}
