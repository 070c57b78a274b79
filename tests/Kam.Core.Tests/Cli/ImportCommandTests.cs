using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Xunit;
using Json.Schema;
using Kam.Cli.Data;
using Kam.Cli.Features.Import;
using Kam.Cli.Features.Init;
using Kam.Cli.Features.Pipeline;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Cli.Sample;
using Kam.Core.Stages.Opportunities;
using Kam.Core.Stages.Playbooks;
using NodaTime;

namespace Kam.Core.Tests.Cli;

/// <summary><c>kam import</c>: CRM stage histories onto the eight stages, the round trip through both CRMs' layouts, and bad input.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private const string SalesforceHeader = "Id,OpportunityId,StageName,Amount,Probability,CloseDate,ForecastCategory,CreatedDate,CreatedById,CurrencyIsoCode,ExpectedRevenue,SystemModstamp,IsDeleted";
    private const string OpportunityFile = "Id,AccountId,OwnerId,Name\n006A,001A,0055g00000AbCdEAAZ,Plant automation\n006B,001B,0055g00000FgHiJAAZ,Line upgrade\n";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    // ---- the round trip: the sample's pipeline → a CRM export → kam import → kam pipeline gives the same pipeline

    [Fact]
    public void The_sample_exported_to_salesforce_and_dynamics_imports_back_to_the_same_pipeline_by_stage_outcomes_and_forecast()
    {
        Assert.Equal(0, CliHarness.Run("init", _temp.Path, "--sample").Exit);
        var salesforce = CliHarness.Run("import", "salesforce", _temp.File(CrmExport.SalesforceHistoryFile), "--opportunities", _temp.File(CrmExport.SalesforceOpportunitiesFile),
            "--mapping", _temp.File(CrmExport.SalesforceMappingFile), "--out", _temp.File("sf-events.csv"));
        Assert.Equal(0, salesforce.Exit);
        Assert.Equal(string.Empty, salesforce.Out);
        var dynamics = CliHarness.Run("import", "dynamics", _temp.File(CrmExport.DynamicsFile), "--mapping", _temp.File(CrmExport.DynamicsMappingFile), "--out", _temp.File("dy-events.csv"));
        Assert.Equal(0, dynamics.Exit);

        // The sample's skipped stages are reported, located at the CRM row, with the code kam pipeline uses.
        Assert.Contains("kam: warning: " + _temp.File(CrmExport.SalesforceHistoryFile) + ":", salesforce.Err, StringComparison.Ordinal);
        Assert.Contains(": skipped_stage: opportunity 'OP-", salesforce.Err, StringComparison.Ordinal);
        Assert.Contains("500 opportunities", dynamics.Err, StringComparison.Ordinal);

        var asOf = SampleGenerator.Generate().AsOf.ToString("yyyy-MM-dd", null);
        var original = Sections(CliHarness.Run("pipeline", _temp.File("events.csv"), "--as-of", asOf, "--format", "csv").Out);
        foreach (var imported in new[] { "sf-events.csv", "dy-events.csv" })
        {
            var run = CliHarness.Run("pipeline", _temp.File(imported), "--as-of", asOf, "--format", "csv");
            Assert.Equal(0, run.Exit);
            var sections = Sections(run.Out);
            Assert.Equal(original["by_stage"], sections["by_stage"]);
            Assert.Equal(original["by_funnel"], sections["by_funnel"]);
            Assert.Equal(original["by_salesperson"], sections["by_salesperson"]);
            Assert.Equal(original["forecast"], sections["forecast"]);
            Assert.Equal(original["conversion"], sections["conversion"]);

            // Each opportunity: status (open/won/lost/abandoned), value, close, stage, completed stage, probability, band, funnel, days in stage.
            Assert.Equal(Columns(original["opportunities"], 12), Columns(sections["opportunities"], 12));
        }

        var statuses = Columns(original["opportunities"], 4).Skip(1).Select(l => l.Split(',')[^1]).GroupBy(s => s, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.True(statuses["won"] > 0 && statuses["lost"] > 0 && statuses["abandoned"] > 0 && statuses["open"] > 0, string.Join(", ", statuses));
    }

    [Property(MaxTest = 8)]
    public void Any_generated_history_round_trips_through_both_crm_layouts(PositiveInt seed)
    {
        var sample = SampleGenerator.Generate(seed.Get, accountCount: 6, salespersonCount: 3, opportunityCount: 25);
        var playbook = Playbook.Default;
        using var temp = new TempFolder();
        foreach (var file in CrmExport.Files(sample.Opportunities, playbook))
        {
            temp.Write(file.FileName, file.Content);
        }

        var salesforce = CrmImport.Convert(
            CrmKind.Salesforce,
            ImportCommand.Join(SalesforceCsv.ReadHistory(temp.File(CrmExport.SalesforceHistoryFile)), SalesforceCsv.ReadOpportunities(temp.File(CrmExport.SalesforceOpportunitiesFile))),
            CrmMapping.Parse(File.ReadAllText(temp.File(CrmExport.SalesforceMappingFile)), playbook),
            playbook);
        var dynamics = CrmImport.Convert(CrmKind.Dynamics, DynamicsCsv.Read(temp.File(CrmExport.DynamicsFile)), CrmMapping.Parse(File.ReadAllText(temp.File(CrmExport.DynamicsMappingFile)), playbook), playbook);

        var until = PipelineRun.EndOf(sample.AsOf);
        var expected = PipelineReplay.Replay(playbook, sample.Opportunities, until).Select(View).ToArray();
        Assert.Equal(expected, PipelineReplay.Replay(playbook, salesforce.Opportunities, until).Select(View).ToArray());
        Assert.Equal(expected, PipelineReplay.Replay(playbook, dynamics.Opportunities, until).Select(View).ToArray());

        // events.csv as written reads back to the same opportunities.
        var read = EventsCsv.Read(new StringReader(salesforce.ToEventsCsv()), "events.csv");
        Assert.Equal(salesforce.Opportunities.SelectMany(o => o.Events), read.SelectMany(o => o.Events));
        Assert.Equal(salesforce.Opportunities.Select(o => o with { Events = [] }), read.Select(o => o with { Events = [] }));
    }

    private static string View(ReplayedOpportunity o) =>
        $"{o.Record.Id} {o.Record.Account} {o.Record.Owner} {o.State.Value} {o.State.ExpectedClose} {o.State.Status} {o.State.Stage} {o.State.CompletedStage} {o.State.Probability} {o.State.StageSince} {o.State.ClosedAt} {o.State.OpenedAt}";

    // ---- the worked example and the mapping file's schema

    [Fact]
    public void The_worked_example_maps_a_six_stage_crm_and_reports_the_regression_and_the_unsorted_rows()
    {
        var history = _temp.Write("OpportunityHistory.csv", SalesforceHeader + "\n"
            + "h1,006A,Prospecting,500000,10,2026-09-30,Pipeline,2026-03-02T09:30:00.000+0000,0055g00000AbCdEAAZ,CNY,50000,2026-03-02T09:30:00.000+0000,false\n"
            + "h3,006A,Demo & Design,520000,40,2026-09-30,Pipeline,2026-04-20T09:30:00.000+0000,0055g00000AbCdEAAZ,CNY,208000,2026-04-20T09:30:00.000+0000,false\n"
            + "h2,006A,Qualification,500000,20,2026-09-30,Pipeline,2026-03-20T09:30:00.000+0000,0055g00000AbCdEAAZ,CNY,100000,2026-03-20T09:30:00.000+0000,false\n"
            + "h4,006A,Proposal,520000,30,2026-10-31,Pipeline,2026-05-05T09:30:00.000+0000,0055g00000AbCdEAAZ,CNY,156000,2026-05-05T09:30:00.000+0000,false\n"
            + "h5,006B,Qualification,800000,20,2026-07-31,Pipeline,2026-02-01T08:00:00Z,0055g00000FgHiJAAZ,CNY,160000,2026-02-01T08:00:00Z,false\n"
            + "h6,006B,Closed Lost,800000,0,2026-07-31,Omitted,2026-03-01T08:00:00Z,0055g00000FgHiJAAZ,CNY,0,2026-03-01T08:00:00Z,false\n");
        var opportunities = _temp.Write("Opportunity.csv", OpportunityFile);
        var mapping = _temp.Write("mapping.json", RepositoryFiles.Read("docs/schemas/samples/crm-mapping.json"));

        var (exit, output, error) = CliHarness.Run("import", "salesforce", history, "--opportunities", opportunities, "--mapping", mapping);
        Assert.Equal(0, exit);
        Assert.Contains($"{history}:4:8: out_of_order: opportunity '006A':", error, StringComparison.Ordinal);
        Assert.Contains($"{history}:5:3: regression: opportunity '006A': moved back from stage 5 to 'Proposal' (stage 3)", error, StringComparison.Ordinal);
        Assert.Contains($"{history}:3:3: skipped_stage: opportunity '006A': stage 3 skipped at this row", error, StringComparison.Ordinal); // Demo & Design before Proposal
        Assert.Contains("reported: 1 out_of_order, 1 regression, 2 skipped_stage.", error, StringComparison.Ordinal); // and 006B starts at Qualification

        var read = EventsCsv.Read(new StringReader(output), "events.csv");
        Assert.Equal(["006A", "006B"], read.Select(o => o.Id.Value));
        var a = read[0];
        Assert.Equal(("001A", "S01", 520000m, new LocalDate(2026, 10, 31)), (a.Account.Value, a.Owner.Value, a.Value.Amount, a.ExpectedClose));
        var state = Opportunity.Replay(Playbook.Default, PipelineReplay.ToEvents(a)).State;
        Assert.Equal(Kam.Core.Stages.SalesStage.FormalSolutionDesign, state.Stage); // Demo & Design: stage 5; the move back to Proposal is not undone
        Assert.Equal(Kam.Core.Stages.SalesStage.SolutionDemonstration, state.CompletedStage);
        Assert.Equal([Kam.Core.Stages.SalesStage.PreliminaryProposal], state.StagesEverSkipped); // stage 4's milestones come with Demo & Design (the mapping lists them); stage 3 came after
        Assert.Equal(OpportunityEventKind.Lost, read[1].Events[^1].Kind);
        Assert.Equal("lost to a competitor", read[1].Events[^1].Reason);
        Assert.Equal("S02", read[1].Owner.Value);
    }

    [Fact]
    public void The_mapping_schema_ships_in_the_tool_and_in_docs_and_the_mapping_files_validate_against_it()
    {
        var shipped = CrmExport.MappingSchema();
        Assert.Equal(shipped, RuleFileSchemas.For("crm-mapping.json"));
        Assert.NotNull(shipped);
        Assert.Equal(shipped, RepositoryFiles.Read("docs/schemas/crm-mapping.schema.json"));
        var schema = JsonSchema.FromText(shipped);
        var sample = RepositoryFiles.Read("docs/schemas/samples/crm-mapping.json");
        foreach (var text in new[] { sample, CrmExport.Mapping(CrmKind.Salesforce, Currency.CNY, Playbook.Default), CrmExport.Mapping(CrmKind.Dynamics, Currency.EUR, Playbook.Default) })
        {
            var result = schema.Evaluate(JsonNode.Parse(text), new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, text);
            Assert.NotEmpty(CrmMapping.Parse(text, Playbook.Default).Stages);
        }

        Assert.False(schema.Evaluate(JsonNode.Parse("""{ "stages": [ { "name": "X", "stage": 9 } ] }"""), new EvaluationOptions()).IsValid);
        Assert.False(schema.Evaluate(JsonNode.Parse("""{ "stages": [ { "name": "X", "stage": 1, "outcome": "won" } ] }"""), new EvaluationOptions()).IsValid);
        Assert.False(schema.Evaluate(JsonNode.Parse("""{ "stages": [ { "name": "X", "stage": 1 } ], "colour": 1 }"""), new EvaluationOptions()).IsValid);

        // docs/cli.md explains the mapping file on this very example.
        Assert.Contains(sample.Replace("../crm-mapping.schema.json", "./crm-mapping.schema.json", StringComparison.Ordinal).TrimEnd(), RepositoryFiles.Read("docs/cli.md"), StringComparison.Ordinal);
    }

    // ---- bad input

    [Fact]
    public void An_unknown_stage_name_is_refused_at_its_cell_or_skipped_and_reported_when_the_mapping_says_so()
    {
        var history = _temp.Write("h.csv", SalesforceHeader + "\n"
            + "h1,006A,Prospecting,500000,10,2026-09-30,Pipeline,2026-03-02T09:30:00.000+0000,0055g00000AbCdEAAZ,CNY,50000,2026-03-02T09:30:00.000+0000,false\n"
            + "h2,006A,Id. Decision Makers,500000,10,2026-09-30,Pipeline,2026-03-09T09:30:00.000+0000,0055g00000AbCdEAAZ,CNY,50000,2026-03-09T09:30:00.000+0000,false\n");
        var opportunities = _temp.Write("o.csv", OpportunityFile);
        var mapping = _temp.Write("m.json", RepositoryFiles.Read("docs/schemas/samples/crm-mapping.json"));
        var refused = CliHarness.Run("import", "salesforce", history, "--opportunities", opportunities, "--mapping", mapping, "--out", _temp.File("events.csv"));
        Assert.Equal(2, refused.Exit);
        Assert.Contains($"{history}:3:3: opportunity '006A': the mapping file has no stage with this name", refused.Err, StringComparison.Ordinal);
        Assert.Contains("(unknown, value 'Id. Decision Makers')", refused.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.File("events.csv")));

        var skipping = _temp.Write("skip.json", RepositoryFiles.Read("docs/schemas/samples/crm-mapping.json").Replace("\"unknownStages\": \"refuse\"", "\"unknownStages\": \"skip\"", StringComparison.Ordinal));
        var skipped = CliHarness.Run("import", "salesforce", history, "--opportunities", opportunities, "--mapping", skipping);
        Assert.Equal(0, skipped.Exit);
        Assert.Contains($"kam: warning: {history}:3:3: unknown_stage: opportunity '006A': the mapping file has no stage 'Id. Decision Makers'", skipped.Err, StringComparison.Ordinal);
        Assert.Single(EventsCsv.Read(new StringReader(skipped.Out), "events.csv"));
    }

    [Theory]
    [InlineData("""{ "stages": [ { "name": "Prospecting", "stage": 9 } ] }""", "$.stages[0].stage", "out_of_range")]
    [InlineData("""{ "stages": [ { "name": "Prospecting", "stage": "Qualify" } ] }""", "$.stages[0].stage", "out_of_range")]
    [InlineData("""{ "stages": [ { "name": "Prospecting", "stage": 1, "milestones": ["s1.nope"] } ] }""", "$.stages[0].milestones[0]", "unknown")]
    [InlineData("""{ "stages": [ { "name": "Prospecting", "stage": 1, "milestones": ["s1.meeting-agreed"] } ] }""", "$.stages[0].milestones[0]", "invalid_state")]
    [InlineData("""{ "stages": [ { "name": "A", "stage": 1 }, { "name": "a", "stage": 2 } ] }""", "$.stages[1].name", "duplicate")]
    [InlineData("""{ "stages": [ { "name": "A" } ] }""", "$.stages[0]", "required")]
    [InlineData("""{ "stages": [ { "name": "A", "stage": 1 } ], "unknownStages": "ignore" }""", "$.unknownStages", "invalid_format")]
    [InlineData("""{ "stages": [ { "name": "A", "stage": 1 } ], "stagez": [] }""", "$.stagez", "json_unknown_member")]
    [InlineData("""{ "stages": [] }""", "$.stages", "empty")]
    [InlineData("""{ "crm": "dynamics", "stages": [ { "name": "A", "stage": 1 } ] }""", "$.crm", "invalid_state")]
    [InlineData("""{ "stages": [ { "name": "A", "stage": 1 } ], "owners": { "u1": "" } }""", "$.owners['u1']", "required")]
    public void A_mapping_file_that_is_wrong_is_refused_with_its_json_path(string json, string path, string code)
    {
        var history = _temp.Write("h.csv", SalesforceHeader + "\nh1,006A,A,1,10,2026-09-30,Pipeline,2026-03-02T09:30:00Z,u1,CNY,1,2026-03-02T09:30:00Z,false\n");
        var mapping = _temp.Write("m.json", json);
        var (exit, _, error) = CliHarness.Run("import", "salesforce", history, "--opportunities", _temp.Write("o.csv", OpportunityFile), "--mapping", mapping);
        Assert.Equal(2, exit);
        Assert.Contains($"{mapping}:{path}", error, StringComparison.Ordinal);
        Assert.Contains($"({code}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_move_back_is_refused_when_the_mapping_refuses_regressions_and_bad_cells_are_located()
    {
        var history = _temp.Write("h.csv", SalesforceHeader + "\n"
            + "h1,006A,Proposal,500000,10,2026-09-30,Pipeline,2026-03-02T09:30:00.000+0000,u1,CNY,50000,,false\n"
            + "h2,006A,Qualification,500000,10,2026-09-30,Pipeline,2026-03-09T09:30:00.000+0000,u1,CNY,50000,,false\n");
        var refuse = _temp.Write("m.json", RepositoryFiles.Read("docs/schemas/samples/crm-mapping.json").Replace("\"regressions\": \"report\"", "\"regressions\": \"refuse\"", StringComparison.Ordinal));
        var opportunities = _temp.Write("o.csv", OpportunityFile);
        var refused = CliHarness.Run("import", "salesforce", history, "--opportunities", opportunities, "--mapping", refuse);
        Assert.Equal(2, refused.Exit);
        Assert.Contains($"{history}:3:3: opportunity '006A' moved back from stage 3 to 'Qualification'", refused.Err, StringComparison.Ordinal);

        var bad = _temp.Write("bad.csv", SalesforceHeader + "\n"
            + "h1,006A,Proposal,lots,10,2026-09-31,Pipeline,02/03/2026 09:30,u1,CNY,50000,,false\n");
        var run = CliHarness.Run("import", "salesforce", bad, "--opportunities", opportunities, "--mapping", refuse);
        Assert.Equal(2, run.Exit);
        Assert.Contains($"{bad}:2:4:", run.Err, StringComparison.Ordinal); // Amount
        Assert.Contains($"{bad}:2:6:", run.Err, StringComparison.Ordinal); // CloseDate
        Assert.Contains($"{bad}:2:8:", run.Err, StringComparison.Ordinal); // CreatedDate
    }

    [Fact]
    public void An_export_without_accounts_an_empty_export_or_a_mismatched_mapping_is_refused()
    {
        var history = _temp.Write("h.csv", SalesforceHeader + "\nh1,006A,Proposal,1,10,2026-09-30,Pipeline,2026-03-02T09:30:00Z,u1,CNY,1,,false\n");
        var mapping = _temp.Write("m.json", RepositoryFiles.Read("docs/schemas/samples/crm-mapping.json"));
        var noAccount = CliHarness.Run("import", "salesforce", history, "--mapping", mapping);
        Assert.Equal(2, noAccount.Exit);
        Assert.Contains("give the Opportunity export with --opportunities", noAccount.Err, StringComparison.Ordinal);

        var unknown = CliHarness.Run("import", "salesforce", history, "--opportunities", _temp.Write("o.csv", "Id,AccountId\n006Z,001Z\n"), "--mapping", mapping);
        Assert.Equal(2, unknown.Exit);
        Assert.Contains($"{history}:2:2: the Opportunity export (--opportunities) has no opportunity with this Id", unknown.Err, StringComparison.Ordinal);

        var empty = CliHarness.Run("import", "salesforce", _temp.Write("empty.csv", SalesforceHeader + "\n"), "--opportunities", _temp.File("o.csv"), "--mapping", mapping);
        Assert.Equal(2, empty.Exit);
        Assert.DoesNotContain("internal error", empty.Err, StringComparison.Ordinal);

        var dynamics = CliHarness.Run("import", "dynamics", _temp.Write("d.csv", DynamicsHeader + "\n"), "--mapping", mapping);
        Assert.Equal(2, dynamics.Exit);
        Assert.Contains($"{mapping}:$.crm: this mapping file is for salesforce, not dynamics.", dynamics.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void An_export_that_is_not_utf8_is_refused_by_the_csv_readers_check()
    {
        var latin1 = Encoding.Latin1.GetBytes(SalesforceHeader + "\nh1,006A,Qualificação,1,10,2026-09-30,Pipeline,2026-03-02T09:30:00Z,u1,CNY,1,,false\n");
        var path = _temp.File("latin1.csv");
        File.WriteAllBytes(path, latin1);
        var (exit, output, error) = CliHarness.Run("import", "salesforce", path, "--opportunities", _temp.Write("o.csv", OpportunityFile), "--mapping", _temp.Write("m.json", RepositoryFiles.Read("docs/schemas/samples/crm-mapping.json")));
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"{path}:2", error, StringComparison.Ordinal);
        Assert.Contains("UTF-8", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workbook_with_merged_header_cells_is_refused_and_a_clean_one_is_read_with_excel_locations()
    {
        string[] header = ["opportunityid", "parentaccountid", "ownerid", "estimatedvalue", "estimatedclosedate", "stepname", "activestagestartedon", "statecode", "statuscode"];
        object?[][] rows =
        [
            header,
            ["D-1", "A001", "S01", 300000, new DateTime(2026, 9, 30), "1-Qualify", "2026-03-02T09:30:00Z", "Open", "In Progress"],
            ["D-1", "A001", "S01", 300000, new DateTime(2026, 9, 30), "3-Propose", "2026-04-02T09:30:00Z", "Open", "In Progress"],
            ["D-1", "A001", "S01", 300000, new DateTime(2026, 9, 30), "3-Propose", "2026-05-02T09:30:00Z", "Lost", "Canceled"],
            ["D-2", "A002", "S02", 100000, new DateTime(2026, 8, 31), "2-Develop", "2026-03-05T09:30:00Z", "Open", "In Progress"],
            ["D-2", "A002", "S02", 100000, new DateTime(2026, 8, 31), "Nowhere", "2026-03-07T09:30:00Z", "Open", "In Progress"],
        ];
        var mapping = _temp.Write("m.json", """
            { "crm": "dynamics", "currency": "EUR",
              "stages": [ { "name": "1-Qualify", "stage": 1 }, { "name": "2-Develop", "stage": 2 }, { "name": "3-Propose", "stage": 3 } ],
              "statusReasons": { "Canceled": "abandoned" } }
            """);
        var merged = TestWorkbook.Write(_temp.File("merged.xlsx"), new TestWorkbook.Sheet("Stages", rows, "A1:B1"));
        var refused = CliHarness.Run("import", "dynamics", merged, "--mapping", mapping);
        Assert.Equal(2, refused.Exit);
        Assert.Contains("merged", refused.Err, StringComparison.Ordinal);

        var book = TestWorkbook.Write(_temp.File("stages.xlsx"), new TestWorkbook.Sheet("Stages", rows));
        var unknown = CliHarness.Run("import", "dynamics", book, "--mapping", mapping);
        Assert.Equal(2, unknown.Exit);
        Assert.Contains($"{book}!Stages:6:F: opportunity 'D-2': the mapping file has no stage with this name", unknown.Err, StringComparison.Ordinal);

        var skipping = _temp.Write("skip.json", File.ReadAllText(mapping).Replace("\"currency\": \"EUR\",", "\"currency\": \"EUR\", \"unknownStages\": \"skip\",", StringComparison.Ordinal));
        var (exit, output, error) = CliHarness.Run("import", "dynamics", book, "--mapping", skipping);
        Assert.Equal(0, exit);
        Assert.Contains($"{book}!Stages:3:F: skipped_stage: opportunity 'D-1': stage 2 skipped at this row", error, StringComparison.Ordinal);
        var read = EventsCsv.Read(new StringReader(output), "events.csv");
        Assert.Equal(OpportunityEventKind.Abandoned, read[0].Events[^1].Kind);
        Assert.Equal("Canceled", read[0].Events[^1].Reason);
        Assert.Equal(("EUR", new LocalDate(2026, 9, 30)), (read[0].Value.Currency.Code, read[0].ExpectedClose));
    }

    [Fact]
    public void The_output_is_never_an_input()
    {
        var history = _temp.Write("h.csv", SalesforceHeader + "\nh1,006A,Proposal,1,10,2026-09-30,Pipeline,2026-03-02T09:30:00Z,u1,CNY,1,,false\n");
        var before = File.ReadAllText(history);
        var (exit, _, error) = CliHarness.Run("import", "salesforce", history, "--opportunities", _temp.Write("o.csv", OpportunityFile), "--mapping", _temp.Write("m.json", RepositoryFiles.Read("docs/schemas/samples/crm-mapping.json")), "--out", history);
        Assert.Equal(2, exit);
        Assert.Contains("kam never writes over its input", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(history));
    }

    private const string DynamicsHeader = "opportunityid,parentaccountid,ownerid,estimatedvalue,estimatedclosedate,stepname,activestagestartedon,statecode,statuscode";

    // The tables of a --format csv run, by name (each "#name" line starts one).
    private static Dictionary<string, string> Sections(string csv)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        string? name = null;
        var text = new StringBuilder();
        foreach (var line in csv.Split('\n'))
        {
            if (line.StartsWith('#'))
            {
                if (name is not null)
                {
                    result[name] = text.ToString();
                }

                name = line[1..].Trim();
                text.Clear();
            }
            else
            {
                text.Append(line).Append('\n');
            }
        }

        if (name is not null)
        {
            result[name] = text.ToString();
        }

        return result;
    }

    private static string[] Columns(string table, int count) =>
        [.. table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => string.Join(',', l.Split(',').Take(count)))];
}
