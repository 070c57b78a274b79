using System.CommandLine;
using Kam.Cli.Data;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Cli.Reporting;
using NodaTime;

namespace Kam.Cli.Features.People;

/// <summary>What <c>kam coverage</c> hands to its engine handler.</summary>
/// <param name="Accounts">The accounts with their place in both hierarchies (accounts.csv), validated cell by cell.</param>
/// <param name="Contacts">The rows of contacts.csv, each profile validated.</param>
/// <param name="Relationships">The rows of relationships.csv.</param>
/// <param name="Opportunities">The opportunities of <c>--events</c>, or <see langword="null"/>.</param>
/// <param name="Organization">organization.json (exists).</param>
/// <param name="Policy">The coverage rules (<c>--coverage-policy</c>), or <see langword="null"/> for the defaults.</param>
/// <param name="AsOf">The as-of day, or <see langword="null"/> for the latest day of the files.</param>
/// <param name="Format">The stdout format.</param>
/// <param name="ReportPath">The report (or workbook) target, or <see langword="null"/>.</param>
internal sealed record CoverageRequest(
    IReadOnlyList<PlanAccountRecord> Accounts,
    IReadOnlyList<ContactRecord> Contacts,
    IReadOnlyList<RelationshipRecord> Relationships,
    IReadOnlyList<OpportunityRecord>? Opportunities,
    string Organization,
    string? Policy,
    LocalDate? AsOf,
    OutputFormat Format,
    string? ReportPath);

/// <summary>
/// <c>kam coverage &lt;accounts.csv&gt; &lt;organization.json&gt; &lt;contacts.csv&gt; &lt;relationships.csv&gt;</c>:
/// each account's buying center as of a day and our coverage of it, with findings, reasons and score.
/// </summary>
internal static class CoverageCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The run's context.</param>
    /// <param name="handler">Runs the engines on the validated request and returns the exit code.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context, Func<CoverageRequest, CliContext, int> handler)
    {
        var accounts = new Argument<string>("accounts.csv") { Description = "The accounts with their place in both hierarchies (columns owner, unit…, as for kam plan)." };
        var organization = new Argument<string>("organization.json") { Description = "Our organization: units, people (the persons of relationships.csv) and territories." };
        var contacts = new Argument<string>("contacts.csv") { Description = "The customer's buying centers: one row per contact and day (dated profiles; left_on ends a contact)." };
        var relationships = new Argument<string>("relationships.csv") { Description = "Our relationships with the contacts: one row per change of strength (0 ends one)." };
        var events = new Option<string?>("--events") { HelpName = "events.csv", Description = "The opportunity events: each open opportunity is analyzed with its contacts (column opportunities of contacts.csv)." };
        var policy = new Option<string?>("--coverage-policy") { HelpName = "coverage-policy.json", Description = "The coverage rules (strength that covers, required levels, weights); default: CoveragePolicy.Default." };
        var asOf = CommonOptions.Date("--as-of", "The day of the map; default: the latest day of contacts.csv, relationships.csv and --events.");
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var sheet = CommonOptions.Sheet();
        var command = new Command("coverage", "The customer's buying centers (levels, roles, decisions, attitude, org chart) and our coverage of them: findings with reasons, and a score per account and opportunity.")
        {
            accounts, organization, contacts, relationships, events, policy, asOf, format, output, sheet,
        };
        CommonOptions.RequireWorkbookOut(command, format, output);
        CommonOptions.RequireWorkbookInput(command, sheet, accounts, contacts, relationships);
        command.SetAction(parse =>
        {
            var report = CommonOptions.CheckOut(
                parse.GetValue(output), parse.GetValue(accounts), parse.GetValue(organization), parse.GetValue(contacts), parse.GetValue(relationships),
                parse.GetValue(events), parse.GetValue(policy));
            var organizationFile = CommonOptions.RequireExistingFile("organization.json", parse.GetValue(organization))!;
            var policyFile = CommonOptions.RequireExistingFile("--coverage-policy", parse.GetValue(policy));
            var day = CommonOptions.ParseDate("--as-of", parse.GetValue(asOf));
            var s = parse.GetValue(sheet);
            var accountRows = context.WithProgress(_ => AccountHierarchyCsv.Read(CommonOptions.InSheet(parse.GetValue(accounts), s)!));
            var contactRows = context.WithProgress(_ => ContactsCsv.ReadContacts(CommonOptions.InSheet(parse.GetValue(contacts), s)!));
            var relationshipRows = context.WithProgress(_ => ContactsCsv.ReadRelationships(CommonOptions.InSheet(parse.GetValue(relationships), s)!));
            var opportunities = parse.GetValue(events) is { } e ? context.WithProgress(p => EventsCsv.Read(CommonOptions.InSheet(e, s)!, p)) : null;
            return handler(
                new CoverageRequest(accountRows, contactRows, relationshipRows, opportunities, organizationFile, policyFile, day, CommonOptions.ParseFormat(parse.GetValue(format)), report),
                context);
        });
        return command;
    }
}
