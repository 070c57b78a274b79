using System.CommandLine;
using System.Globalization;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Cli.IO;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Core;
using Kam.Core.Stages.Playbooks;

namespace Kam.Cli.Features.Import;

/// <summary>
/// <c>kam import salesforce|dynamics &lt;export&gt; --mapping mapping.json [--opportunities Opportunity.csv] [--playbook playbook.json] [--out events.csv]</c>:
/// turns a CRM's stage history into events.csv through a mapping file.
/// </summary>
/// <remarks>
/// events.csv goes to standard output, or to <c>--out</c> (written whole or not at all, never over an input). What
/// the import finds — stages skipped, moves back, rows sorted or left out — goes to standard error as
/// <c>kam: warning: </c> lines with the row's location, and does not change the exit code (0).
/// </remarks>
internal static class ImportCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The run's context.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var command = new Command("import", "Turn a CRM's opportunity stage history (Salesforce, Dynamics 365) into events.csv through a mapping file.");
        command.Subcommands.Add(Create(context, CrmKind.Salesforce));
        command.Subcommands.Add(Create(context, CrmKind.Dynamics));
        return command;
    }

    private static Command Create(CliContext context, CrmKind crm)
    {
        var salesforce = crm == CrmKind.Salesforce;
        var export = new Argument<string>(salesforce ? "OpportunityHistory.csv" : "opportunity-stages.csv")
        {
            Description = salesforce
                ? "The OpportunityHistory export (.csv or .xlsx): OpportunityId, StageName, Amount, CloseDate, CreatedDate, CreatedById, CurrencyIsoCode …"
                : "The opportunity stage history (.csv or .xlsx): opportunityid, parentaccountid, ownerid, estimatedvalue, estimatedclosedate, stepname, activestagestartedon, statecode …",
        };
        var mapping = new Option<string>("--mapping") { HelpName = "mapping.json", Description = "The mapping file: CRM stage names onto the eight stages (see `kam init --sample`).", Required = true };
        var opportunities = new Option<string?>("--opportunities") { HelpName = "Opportunity.csv", Description = "The Opportunity export (Id, AccountId, OwnerId): each opportunity's account and owner, which OpportunityHistory does not carry." };
        var playbook = new Option<string?>("--playbook") { HelpName = "playbook.json", Description = "The playbook whose items the stages imply; default: the built-in eight-stage playbook." };
        var output = new Option<string?>("--out", "-o") { HelpName = "events.csv", Description = "Write events.csv here (whole or not at all); default: standard output." };
        var sheet = CommonOptions.Sheet();
        var command = new Command(salesforce ? "salesforce" : "dynamics", salesforce
            ? "Import a Salesforce OpportunityHistory export (with the Opportunity export for the accounts)."
            : "Import a Dynamics 365 opportunity stage history (business process flow stages, statecode for won/lost).")
        {
            export, mapping,
        };
        if (salesforce)
        {
            command.Options.Add(opportunities);
        }

        command.Options.Add(playbook);
        command.Options.Add(output);
        command.Options.Add(sheet);
        CommonOptions.RequireWorkbookInput(command, sheet, export, opportunities);
        command.SetAction(parse =>
        {
            var exportPath = parse.GetValue(export)!;
            var mappingPath = parse.GetValue(mapping)!;
            var opportunitiesPath = salesforce ? parse.GetValue(opportunities) : null;
            var playbookPath = CommonOptions.RequireExistingFile("--playbook", parse.GetValue(playbook));
            var target = CommonOptions.CheckOut(parse.GetValue(output), exportPath, mappingPath, opportunitiesPath, playbookPath);
            InputFiles.RequireExisting("--mapping", mappingPath);
            InputFiles.RequireExisting("--opportunities", opportunitiesPath);
            var rules = playbookPath is null ? Playbook.Default : RuleFile.Load(playbookPath, "--playbook", Playbook.FromJson);
            var map = RuleFile.Load(mappingPath, "--mapping", json => CrmMapping.Parse(json, rules));
            if (map.Crm is { } named && named != crm)
            {
                throw new KamValidationException($"{mappingPath}:$.crm", KamErrorCodes.InvalidState, named.ToString().ToLowerInvariant(), $"this mapping file is for {named.ToString().ToLowerInvariant()}, not {crm.ToString().ToLowerInvariant()}.");
            }

            var sheetName = parse.GetValue(sheet);
            var rows = salesforce
                ? Join(SalesforceCsv.ReadHistory(CommonOptions.InSheet(exportPath, sheetName)!), opportunitiesPath is null ? null : SalesforceCsv.ReadOpportunities(CommonOptions.InSheet(opportunitiesPath, sheetName)!))
                : DynamicsCsv.Read(CommonOptions.InSheet(exportPath, sheetName)!);
            var result = CrmImport.Convert(crm, rows, map, rules);
            var text = result.ToEventsCsv();
            if (target is null)
            {
                context.Output.Write(text);
            }
            else
            {
                AtomicFile.WriteAllText(target, text);
            }

            foreach (var finding in result.Findings)
            {
                context.Error.WriteLine($"kam: warning: {finding}");
            }

            var events = result.Opportunities.Sum(o => o.Events.Count);
            var counts = string.Join(", ", result.Findings.GroupBy(f => f.Code, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}")));
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"kam: imported {result.Rows} rows of {exportPath}: {result.Opportunities.Count} opportunities, {events} events{(target is null ? string.Empty : " in " + target)}{(counts.Length == 0 ? string.Empty : "; reported: " + counts)}."));
            return ExitCodes.Ok;
        });
        return command;
    }

    // OpportunityHistory has no account (nor owner): take them from the Opportunity export, by opportunity id.
    internal static IReadOnlyList<CrmRow> Join(IReadOnlyList<CrmRow> history, IReadOnlyDictionary<string, (string Account, string? Owner, string Location)>? opportunities)
    {
        if (opportunities is null)
        {
            return history;
        }

        var errors = new List<KamValidationError>();
        var result = new CrmRow[history.Count];
        for (var i = 0; i < history.Count; i++)
        {
            var row = history[i];
            if (opportunities.TryGetValue(row.Opportunity, out var o))
            {
                result[i] = row with { Account = o.Account, Owner = o.Owner ?? row.Owner, AccountCell = o.Location };
            }
            else if (row.Account is null)
            {
                if (errors.Count < IO.Csv.CsvFile.MaxErrors && errors.All(e => e.AttemptedValue != row.Opportunity))
                {
                    errors.Add(new KamValidationError(row.Source.Location("OpportunityId"), KamErrorCodes.Unknown, row.Opportunity, "the Opportunity export (--opportunities) has no opportunity with this Id: its account is unknown."));
                }
            }
            else
            {
                result[i] = row;
            }
        }

        return errors.Count == 0 ? result : throw new KamValidationException(errors);
    }
}
