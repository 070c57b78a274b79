using System.Text.Json;
using Xunit;

namespace Kam.Core.Tests.Cli;

/// <summary><c>kam coverage</c> and <c>kam contact</c>: the sample end to end, every input's bad rows located, the report.</summary>
public sealed class PeopleCommandTests
{
    private const string ContactHeader = "date,contact_id,account_id,name,title,level,function,roles,decisions,veto,influence,attitude,style,reports_to,influences,committees,leaning_to,opportunities,left_on\n";

    // The worked example of docs/relationships.md on the sample's account C001 (owner S08): as of 31 March the score is 0.575.
    private const string Contacts = ContactHeader
        + "2026-01-05,chen,C001,Chen Jie,General manager,Decision,general management,DecisionMaker,Whether Signature,no,5,Neutral,Leader,,,Buying,,,\n"
        + "2026-01-05,li,C001,Li Wei,CFO,Decision,finance,DecisionMaker,Budget When,no,4,Skeptical,Checker,chen,,Buying,,,\n"
        + "2026-01-05,wang,C001,Wang Fang,Head of engineering,Management,technical,Designer Evaluator,,yes,4,Supporter,,chen,li,Evaluation,,,\n"
        + "2026-01-05,sun,C001,Sun Min,Process engineer,Operational,user,Initiator User,,no,2,Supporter,,wang,,,,,\n"
        + "2026-02-01,zhao,C001,Zhao Lei,Purchasing manager,Management,purchasing,Evaluator,Supplier,no,3,Opponent,,li,,Buying,Rival Corp,,\n"
        + "2026-02-01,zhou,C001,Zhou Tao,Quality engineer,Operational,technical,Evaluator,,yes,3,Neutral,,wang,,Evaluation,,,\n";

    private const string Relationships = "date,person,contact_id,strength,our_level\n"
        + "2026-01-10,S01,wang,4,Management\n2026-01-10,S05,sun,5,Operational\n2026-01-10,KAM-HEAD,chen,2,Decision\n"
        + "2026-02-15,S01,zhao,2,\n2026-03-01,S01,li,3,\n2026-03-01,S05,zhou,2,\n";

    private static TempFolder Sample()
    {
        var temp = new TempFolder();
        Assert.Equal(0, CliHarness.Run("init", temp.Path, "--sample").Exit);
        return temp;
    }

    private static string[] Coverage(TempFolder temp, params string[] more) =>
        ["coverage", temp.File("accounts.csv"), temp.File("organization.json"), temp.File("contacts.csv"), temp.File("relationships.csv"), .. more];

    private static string[] Contact(TempFolder temp, params string[] more) =>
        ["contact", temp.File("accounts.csv"), temp.File("organization.json"), temp.File("activities.csv"), .. more];

    [Fact]
    public void The_sample_files_reproduce_the_demo_people_part()
    {
        using var temp = Sample();
        var coverage = CliHarness.Run(Coverage(temp, "--events", temp.File("events.csv"), "--format", "json"));
        Assert.True(coverage.Exit == 0, coverage.Err);
        using var json = JsonDocument.Parse(coverage.Out);
        var rows = json.RootElement.GetProperty("coverage").EnumerateArray().ToArray();
        var accounts = rows.Where(r => r.GetProperty("opportunity").ValueKind == JsonValueKind.Null).ToArray();
        Assert.Equal(30, accounts.Length);
        Assert.Contains(rows, r => r.GetProperty("opportunity").ValueKind == JsonValueKind.String);

        var demo = CliHarness.Run("demo").Out;
        var part = demo[demo.IndexOf("== The people", StringComparison.Ordinal)..];
        var mean = accounts.Average(r => r.GetProperty("score").GetDecimal());
        Assert.Contains($"Coverage: mean score {mean.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)};", part, StringComparison.Ordinal);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("opportunity").ValueKind == JsonValueKind.Null).ToArray();
        var decisions = findings.Count(f => f.GetProperty("kind").GetString() == "DecisionUncovered");
        Assert.Contains($"DecisionUncovered {decisions}", part, StringComparison.Ordinal);

        var contact = CliHarness.Run(Contact(temp, "--contacts", temp.File("contacts.csv"), "--promises", temp.File("promises.csv"), "--checks", temp.File("checks.csv"), "--format", "csv"));
        Assert.True(contact.Exit == 0, contact.Err);
        Assert.Contains("kam: warning: 170 accounts", contact.Err, StringComparison.Ordinal);
        var compliance = contact.Out.Split('\n').SkipWhile(l => !l.StartsWith("account,name,manager,grade,status", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.Length > 0).ToArray();
        Assert.Equal(30, compliance.Length);
        foreach (var status in new[] { "Met", "Pending", "Overdue" })
        {
            Assert.Contains($"{compliance.Count(l => l.Split(',')[4] == status)} {status.ToLowerInvariant()}", part, StringComparison.Ordinal);
        }

        Assert.Contains("manager,accounts,met,overdue,rate_pct", contact.Out, StringComparison.Ordinal);
        Assert.Contains("account,date,kind,subject,message", contact.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_with_events_gives_the_maps_evidence_for_the_stage_machine_per_open_opportunity()
    {
        using var temp = Sample();
        var run = CliHarness.Run(Coverage(temp, "--events", temp.File("events.csv"), "--format", "json"));
        Assert.True(run.Exit == 0, run.Err);
        using var json = JsonDocument.Parse(run.Out);
        var opportunities = json.RootElement.GetProperty("coverage").EnumerateArray().Count(r => r.GetProperty("opportunity").ValueKind == JsonValueKind.String);
        var rows = json.RootElement.GetProperty("stage_evidence").EnumerateArray().ToArray();
        Assert.Equal(opportunities, rows.Length);
        foreach (var row in rows)
        {
            // The anomaly is raised exactly for an opportunity at stage 4 or later without a covered decision-level contact.
            var flagged = row.GetProperty("anomaly").ValueKind == JsonValueKind.String;
            var late = row.GetProperty("stage").GetInt32() >= 4;
            var covered = row.GetProperty("decision_level_covered").GetBoolean();
            Assert.Equal(late && !covered, flagged);
            Assert.Equal(flagged ? "no_decision_coverage" : null, flagged ? row.GetProperty("anomaly").GetString() : null);
            // Every item that does not hold says why.
            var unmet = !row.GetProperty("organization_mapped").GetBoolean() || !row.GetProperty("decision_makers_influenced").GetBoolean();
            Assert.Equal(unmet, row.GetProperty("reasons").GetString()!.Length > 0);
        }

        Assert.Contains(rows, r => r.GetProperty("anomaly").ValueKind == JsonValueKind.String);
        Assert.Contains(rows, r => r.GetProperty("stage").GetInt32() >= 4 && r.GetProperty("decision_level_covered").GetBoolean());
        Assert.Contains(rows, r => r.GetProperty("organization_mapped").GetBoolean());
    }

    [Fact]
    public void Coverage_gives_the_worked_example_and_its_reasons()
    {
        using var temp = Sample();
        temp.Write("contacts.csv", Contacts);
        temp.Write("relationships.csv", Relationships);
        var (exit, output, error) = CliHarness.Run(Coverage(temp, "--as-of", "2026-03-31", "--format", "csv"));
        Assert.True(exit == 0, error);
        Assert.Contains("C001,", output, StringComparison.Ordinal);
        var line = output.Split('\n').First(l => l.StartsWith("C001,", StringComparison.Ordinal));
        Assert.Equal("0.575", line.Split(',')[6]);
        Assert.Contains("VetoHolderUncovered", output, StringComparison.Ordinal);
        Assert.Contains("leans to Rival Corp", output, StringComparison.Ordinal);

        var january = CliHarness.Run(Coverage(temp, "--as-of", "2026-01-31", "--format", "csv"));
        Assert.Contains(",0.5833", january.Out.Split('\n').First(l => l.StartsWith("C001,", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("contacts.csv", ContactHeader + "2026-01-05,boss,C002,Boss,,Decision,,,,no,5,,,,,,,,\n2026-01-05,x,C001,X,,Management,,,,no,3,,,boss,,,,,\n", "contacts.csv:3:14", "not of 'C001'")]
    [InlineData("contacts.csv", ContactHeader + "2026-01-05,a,C001,A,,Decision,,,,no,5,,,,,,,,\n2026-01-05,b,C001,B,,Management,,,,no,3,,,a,,,,,\n2026-02-01,a,C001,A,,Decision,,,,no,5,,,b,,,,,\n", "contacts.csv:4:14", "cycle")]
    [InlineData("contacts.csv", ContactHeader + "2026-01-05,a,C001,A,,Decision,,,,no,7,,,,,,,,\n", "contacts.csv:2:11", "out_of_range")]
    [InlineData("contacts.csv", ContactHeader + "2026-01-05,a,C001,A,,Decision,,Buyer,,no,5,,,,,,,,\n", "contacts.csv:2:8", "Buyer")]
    [InlineData("relationships.csv", "date,person,contact_id,strength\n2026-01-10,S01,chen,6\n", "relationships.csv:2:4", "strength")]
    [InlineData("relationships.csv", "date,person,contact_id,strength\n2026-01-10,S01,nobody,3\n", "relationships.csv:2:3", "nobody")]
    [InlineData("relationships.csv", "date,person,contact_id,strength\n2026-01-10,NOT-OURS,chen,3\n", "relationships.csv:2:2", "NOT-OURS")]
    public void Coverage_locates_each_bad_row(string file, string content, string location, string text)
    {
        using var temp = Sample();
        temp.Write("contacts.csv", Contacts);
        temp.Write("relationships.csv", Relationships);
        temp.Write(file, content);
        var (exit, _, error) = CliHarness.Run(Coverage(temp, "--as-of", "2026-03-31"));
        Assert.Equal(2, exit);
        Assert.Contains(temp.File(location), error, StringComparison.Ordinal);
        Assert.Contains(text, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("activities.csv", "date,kind,person,account_id,contacts\n2026-03-01,visit,S08,C001,nobody\n", "activities.csv:2:5", "nobody")]
    [InlineData("activities.csv", "date,kind,person,account_id,contacts\n1990-03-01,visit,S08,C001,\n", "activities.csv:2:1", "exists from")]
    [InlineData("activities.csv", "date,kind,person,account_id,contacts\n2026-03-01,lunch,S08,C001,\n", "activities.csv:2:2", "lunch")]
    [InlineData("promises.csv", "account_id,description,made,due,status\nC001,samples,2026-02-10,2026-01-10,kept\n", "promises.csv:2:4", "due")]
    [InlineData("promises.csv", "account_id,description,made,due,status\nNOPE,samples,2026-01-10,2026-02-10,kept\n", "promises.csv:2:1", "NOPE")]
    [InlineData("checks.csv", "account_id,date,item,score\nC001,2026-01-31,delivery,6\n", "checks.csv:2:4", "6")]
    [InlineData("checks.csv", "account_id,date,item,score\nC001,2026-01-31,nope,3\n", "checks.csv:2:4", "nope")]
    [InlineData("checks.csv", "account_id,date,item,score\nC001,2026-01-31,satisfaction,11\n", "checks.csv:2:4", "11")]
    public void Contact_locates_each_bad_row(string file, string content, string location, string text)
    {
        using var temp = Sample();
        temp.Write(file, content); // beside the sample's files (its contacts.csv names the contacts its activities.csv meets)
        string[] option = file switch { "promises.csv" => ["--promises", temp.File(file)], "checks.csv" => ["--checks", temp.File(file)], _ => [] };
        var (exit, _, error) = CliHarness.Run(Contact(temp, ["--contacts", temp.File("contacts.csv"), .. option, "--as-of", "2026-06-30"]));
        Assert.Equal(2, exit);
        Assert.Contains(temp.File(location), error, StringComparison.Ordinal);
        Assert.Contains(text, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_files_are_read_and_their_errors_located()
    {
        using var temp = Sample();
        temp.Write("standards.json", """{ "standards": [ { "grade": "KA1", "visits": 0 } ] }""");
        var zero = CliHarness.Run(Contact(temp, "--standards", temp.File("standards.json")));
        Assert.Equal(2, zero.Exit);
        Assert.Contains(temp.File("standards.json") + ":$.standards[0].visits", zero.Err, StringComparison.Ordinal);

        // A grade of accounts.csv without a standard in the file: located at the account's grade cell.
        temp.Write("standards.json", """{ "standards": [ { "grade": "KA1", "visits": 2 } ] }""");
        var grade = CliHarness.Run(Contact(temp, "--standards", temp.File("standards.json")));
        Assert.Equal(2, grade.Exit);
        Assert.Matches(@"accounts\.csv:\d+:27: account 'C\d+': No contact standard has this grade", grade.Err);
        Assert.Contains("grade", grade.Err, StringComparison.Ordinal);

        temp.Write("coverage.json", """{ "minStrength": 9 }""");
        var coverage = CliHarness.Run(Coverage(temp, "--coverage-policy", temp.File("coverage.json")));
        Assert.Equal(2, coverage.Exit);
        Assert.Contains(temp.File("coverage.json") + ":$.minStrength", coverage.Err, StringComparison.Ordinal);

        // The rule files kam init writes are read back, with their $schema reference.
        Assert.Equal(0, CliHarness.Run(Contact(temp, "--standards", temp.File("contact-standards.json"), "--health-policy", temp.File("health-policy.json"))).Exit);
        Assert.Equal(0, CliHarness.Run(Coverage(temp, "--coverage-policy", temp.File("coverage-policy.json"))).Exit);
    }

    [Fact]
    public void The_reports_draw_the_org_charts_the_heat_map_the_capacity_and_the_trend()
    {
        using var temp = Sample();
        var coverage = CliHarness.Run(Coverage(temp, "--out", temp.File("coverage.html")));
        Assert.True(coverage.Exit == 0, coverage.Err);
        var html = File.ReadAllText(temp.File("coverage.html"));
        Assert.Equal(6, (html.Split("data-chart=\"org\"").Length - 1) / 2); // the figure and the svg each carry it
        Assert.Contains("class=\"org-relationship\"", html, StringComparison.Ordinal);
        Assert.Contains("org-level-decision", html, StringComparison.Ordinal);

        var contact = CliHarness.Run(Contact(temp, "--checks", temp.File("checks.csv"), "--promises", temp.File("promises.csv"), "--out", temp.File("contact.html")));
        Assert.True(contact.Exit == 0, contact.Err);
        html = File.ReadAllText(temp.File("contact.html"));
        Assert.Contains("data-chart=\"heatmap\"", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"bar\"", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"line\"", html, StringComparison.Ordinal);

        // --out equal to an input is refused; the input is untouched.
        var before = File.ReadAllText(temp.File("activities.csv"));
        var same = CliHarness.Run(Contact(temp, "--out", temp.File("activities.csv")));
        Assert.Equal(2, same.Exit);
        Assert.Equal(before, File.ReadAllText(temp.File("activities.csv")));

        var book = CliHarness.Run(Contact(temp, "--format", "xlsx", "--out", temp.File("contact.xlsx")));
        Assert.True(book.Exit == 0, book.Err);
        Assert.True(File.Exists(temp.File("contact.xlsx")));
    }
}
