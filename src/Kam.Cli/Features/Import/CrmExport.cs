using System.Globalization;
using System.Text;
using Kam.Cli.Data;
using Kam.Cli.Features.Pipeline;
using Kam.Cli.Features.Shared;
using Kam.Core;
using Kam.Core.Stages;
using Kam.Core.Stages.Opportunities;
using Kam.Core.Stages.Playbooks;
using NodaTime;
using NodaTime.Text;

namespace Kam.Cli.Features.Import;

/// <summary>
/// Generates CRM exports of opportunities in the CRMs' documented column layouts — Salesforce OpportunityHistory and
/// Opportunity, a Dynamics 365 stage history — with the mapping files that import them back (<c>kam init --sample</c>
/// and the round-trip tests).
/// </summary>
/// <remarks>
/// The CRM's stage at each moment is where the eight-stage engine puts the opportunity: a row is written whenever
/// the entered or the completed stage changes (the engine's replay, <see cref="OpportunityState"/>), and at the
/// outcome. The CRM has seventeen open stages: <c>Prospecting</c> (opened, before stage 1) and, for each stage, one
/// name for "entered" and one for "completed" (<c>3 Proposal</c>, <c>3 Proposal - done</c>). Procurement
/// observations and work that does not move the stage are not a CRM stage change and are not exported.
/// </remarks>
internal static class CrmExport
{
    /// <summary>The file names <c>kam init --sample</c> writes.</summary>
    public const string SalesforceHistoryFile = "salesforce-OpportunityHistory.csv";

    /// <summary>The Salesforce Opportunity export's file name.</summary>
    public const string SalesforceOpportunitiesFile = "salesforce-Opportunity.csv";

    /// <summary>The Salesforce mapping file's name.</summary>
    public const string SalesforceMappingFile = "salesforce-mapping.json";

    /// <summary>The Dynamics export's file name.</summary>
    public const string DynamicsFile = "dynamics-opportunity-stages.csv";

    /// <summary>The Dynamics mapping file's name.</summary>
    public const string DynamicsMappingFile = "dynamics-mapping.json";

    private const string Prospecting = "Prospecting";

    private static readonly string[] Names = ["Planning", "Discovery", "Proposal", "Demonstration", "Solution Design", "Evaluation", "Negotiation", "Signing"];

    private static readonly InstantPattern SalesforceTime = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFF'+0000'");

    /// <summary>Gets the CRM stage name of an engine position.</summary>
    /// <param name="stage">The entered stage, or <see langword="null"/> before stage 1.</param>
    /// <param name="completed">Whether the entered stage is completed.</param>
    /// <returns>The name.</returns>
    public static string StageName(SalesStage? stage, bool completed) =>
        stage is not { } s ? Prospecting : string.Create(CultureInfo.InvariantCulture, $"{s.Number()} {Names[s.Number() - 1]}{(completed ? " - done" : string.Empty)}");

    /// <summary>Gets the files <c>kam init --sample</c> writes: both exports of the opportunities, the mapping files and the mapping schema.</summary>
    /// <param name="opportunities">The opportunities.</param>
    /// <param name="playbook">The playbook they follow.</param>
    /// <returns>The files.</returns>
    public static IReadOnlyList<InitTemplate> Files(IReadOnlyList<OpportunityRecord> opportunities, Playbook playbook)
    {
        var moves = opportunities.Select(o => (o, Moves(o, playbook))).ToArray();
        return
        [
            new(SalesforceHistoryFile, SalesforceHistory(moves, playbook)),
            new(SalesforceOpportunitiesFile, SalesforceOpportunities(moves)),
            new(SalesforceMappingFile, Mapping(CrmKind.Salesforce, opportunities.Count > 0 ? opportunities[0].Value.Currency : Currency.CNY, playbook)),
            new(DynamicsFile, Dynamics(moves)),
            new(DynamicsMappingFile, Mapping(CrmKind.Dynamics, opportunities.Count > 0 ? opportunities[0].Value.Currency : Currency.CNY, playbook)),
            new(CrmMapping.SchemaFileName, MappingSchema()),
        ];
    }

    /// <summary>Writes the mapping file that reads these exports back.</summary>
    /// <param name="crm">The CRM.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="playbook">The playbook (its first stage-1 milestone marks an opportunity opened before stage 1).</param>
    /// <returns>The file's text.</returns>
    public static string Mapping(CrmKind crm, Currency currency, Playbook playbook)
    {
        var text = new StringBuilder();
        text.Append("{\n");
        text.Append("  \"$schema\": \"./").Append(CrmMapping.SchemaFileName).Append("\",\n");
        text.Append("  \"crm\": \"").Append(crm == CrmKind.Salesforce ? "salesforce" : "dynamics").Append("\",\n");
        text.Append("  \"currency\": \"").Append(currency.Code).Append("\",\n");
        text.Append("  \"unknownStages\": \"refuse\",\n");
        text.Append("  \"regressions\": \"report\",\n");
        text.Append("  \"stages\": [\n");
        var first = playbook.ItemsOf(SalesStage.AccountPlanning, StageItemKind.Milestone).First(i => i.Required).Key;
        var entries = new List<string> { $"    {{ \"name\": \"{Prospecting}\", \"stage\": 0, \"milestones\": [\"{first}\"] }}" };
        foreach (var stage in StageExtensions.AllSalesStages)
        {
            entries.Add(string.Create(CultureInfo.InvariantCulture, $"    {{ \"name\": \"{StageName(stage, false)}\", \"stage\": {stage.Number()} }}"));
            entries.Add(string.Create(CultureInfo.InvariantCulture, $"    {{ \"name\": \"{StageName(stage, true)}\", \"stage\": {stage.Number()}, \"completed\": true }}"));
        }

        if (crm == CrmKind.Salesforce)
        {
            entries.Add("    { \"name\": \"Closed Won\", \"outcome\": \"won\" }");
            entries.Add("    { \"name\": \"Closed Lost\", \"outcome\": \"lost\" }");
            entries.Add("    { \"name\": \"Closed Abandoned\", \"outcome\": \"abandoned\", \"reason\": \"given up\" }");
        }

        text.Append(string.Join(",\n", entries)).Append('\n');
        text.Append(crm == CrmKind.Dynamics ? "  ],\n  \"statusReasons\": { \"Out-Sold\": \"lost\", \"Canceled\": \"abandoned\" }\n" : "  ]\n");
        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>The CRM's view of one opportunity: each moment its CRM stage changed, and its outcome.</summary>
    /// <param name="record">The opportunity.</param>
    /// <param name="playbook">The playbook.</param>
    /// <returns>The moves, oldest first: when, the CRM stage name, the probability the engine gives then, and the outcome if the move closes it.</returns>
    public static IReadOnlyList<(Instant At, string Stage, Percentage Probability, OpportunityEventKind? Outcome, string? Reason)> Moves(OpportunityRecord record, Playbook playbook)
    {
        var moves = new List<(Instant, string, Percentage, OpportunityEventKind?, string?)>();
        var events = PipelineReplay.ToEvents(record).ToArray();
        var state = OpportunityState.Initial(playbook).Apply(events[0]);
        string? last = null;
        for (var i = 0; i < record.Events.Count; i++)
        {
            var row = record.Events[i];
            state = state.Apply(events[i + 1]);
            if (row.Kind is OpportunityEventKind.Won or OpportunityEventKind.Lost or OpportunityEventKind.Abandoned)
            {
                moves.Add((row.At, last ?? StageName(state.Stage, false), state.Probability, row.Kind, row.Reason));
                break;
            }

            var name = StageName(state.Stage, state.Stage is { } s && state.CompletedStage == s);
            if (name != last)
            {
                moves.Add((row.At, name, state.Probability, null, null));
                last = name;
            }
        }

        return moves;
    }

    private static string SalesforceHistory(IEnumerable<(OpportunityRecord Record, IReadOnlyList<(Instant At, string Stage, Percentage Probability, OpportunityEventKind? Outcome, string? Reason)> Moves)> moves, Playbook playbook)
    {
        var text = new StringBuilder("Id,OpportunityId,StageName,Amount,Probability,CloseDate,ForecastCategory,CreatedDate,CreatedById,CurrencyIsoCode,ExpectedRevenue,SystemModstamp,IsDeleted\n");
        var n = 0;
        foreach (var (record, history) in moves)
        {
            foreach (var move in history)
            {
                var (stage, probability, category) = move.Outcome switch
                {
                    OpportunityEventKind.Won => ("Closed Won", 100m, "Closed"),
                    OpportunityEventKind.Lost => ("Closed Lost", 0m, "Omitted"),
                    OpportunityEventKind.Abandoned => ("Closed Abandoned", 0m, "Omitted"),
                    _ => (move.Stage, Math.Round(move.Probability.Fraction * 100m), move.Probability.Fraction >= 0.75m ? "Commit" : move.Probability.Fraction >= 0.5m ? "BestCase" : "Pipeline"),
                };
                var at = SalesforceTime.Format(move.At);
                Row(text, string.Create(CultureInfo.InvariantCulture, $"008H{++n:00000000000000}"), record.Id.Value, stage, Number(record.Value.Amount), Number(probability),
                    LocalDatePattern.Iso.Format(record.ExpectedClose), category, at, record.Owner.Value, record.Value.Currency.Code,
                    Number(Math.Round(record.Value.Amount * probability / 100m, 2)), at, "false");
            }
        }

        _ = playbook;
        return text.ToString();
    }

    private static string SalesforceOpportunities(IEnumerable<(OpportunityRecord Record, IReadOnlyList<(Instant At, string Stage, Percentage Probability, OpportunityEventKind? Outcome, string? Reason)> Moves)> moves)
    {
        var text = new StringBuilder("Id,AccountId,OwnerId,Name,StageName,Amount,CloseDate,CurrencyIsoCode,IsClosed,IsWon\n");
        foreach (var (record, history) in moves)
        {
            var outcome = history.Count > 0 ? history[^1].Outcome : null;
            var stage = outcome switch
            {
                OpportunityEventKind.Won => "Closed Won",
                OpportunityEventKind.Lost => "Closed Lost",
                OpportunityEventKind.Abandoned => "Closed Abandoned",
                _ => history.Count > 0 ? history[^1].Stage : Prospecting,
            };
            Row(text, record.Id.Value, record.Account.Value, record.Owner.Value, $"{record.Account} opportunity {record.Id}", stage, Number(record.Value.Amount),
                LocalDatePattern.Iso.Format(record.ExpectedClose), record.Value.Currency.Code, outcome is null ? "false" : "true", outcome == OpportunityEventKind.Won ? "true" : "false");
        }

        return text.ToString();
    }

    private static string Dynamics(IEnumerable<(OpportunityRecord Record, IReadOnlyList<(Instant At, string Stage, Percentage Probability, OpportunityEventKind? Outcome, string? Reason)> Moves)> moves)
    {
        var text = new StringBuilder("opportunityid,name,parentaccountid,customerid,ownerid,estimatedvalue,estimatedclosedate,transactioncurrencyid,stepname,activestagestartedon,statecode,statuscode\n");
        foreach (var (record, history) in moves)
        {
            foreach (var move in history)
            {
                var (state, status) = move.Outcome switch
                {
                    OpportunityEventKind.Won => ("Won", "Won"),
                    OpportunityEventKind.Lost => ("Lost", "Out-Sold"),
                    OpportunityEventKind.Abandoned => ("Lost", "Canceled"),
                    _ => ("Open", "In Progress"),
                };
                Row(text, record.Id.Value, $"{record.Account} opportunity {record.Id}", record.Account.Value, record.Account.Value, record.Owner.Value, Number(record.Value.Amount),
                    LocalDatePattern.Iso.Format(record.ExpectedClose), record.Value.Currency.Code, move.Stage, InstantPattern.ExtendedIso.Format(move.At), state, status);
            }
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, params string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            var cell = cells[i];
            text.Append(cell.IndexOfAny([',', '"', '\n', '\r', '#']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell);
        }

        text.Append('\n');
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Gets the mapping file's JSON Schema as the tool ships it (docs/schemas/crm-mapping.schema.json; a test keeps them identical).</summary>
    /// <returns>The schema's text.</returns>
    internal static string MappingSchema()
    {
        using var stream = typeof(CrmExport).Assembly.GetManifestResourceStream("schemas/" + CrmMapping.SchemaFileName)
            ?? throw new InvalidOperationException("The mapping schema is not embedded in the tool.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
