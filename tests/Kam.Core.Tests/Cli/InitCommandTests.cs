using System.Globalization;
using Kam.Cli.Features.Init;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Cli.Sample;

namespace Kam.Core.Tests.Cli;

public sealed class InitCommandTests
{
    private static readonly string[] InputFiles = ["accounts.csv", "events.csv", "deals.csv", "collections.csv", "people.csv", "transactions.csv", "invoices.csv", "payments.csv"];

    /// <summary>The example input files and the engines' default rule files.</summary>
    private static readonly string[] AllFiles = [.. InputFiles, .. InitTemplates.RuleFiles.Select(t => t.FileName)];

    [Fact]
    public void Init_writes_commented_example_files_that_the_commands_read_back()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "new");
        var (exit, output, error) = CliHarness.Run("init", folder);
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Equal(AllFiles.Order(StringComparer.Ordinal), Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(AllFiles.Length, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var accounts = File.ReadAllText(Path.Combine(folder, "accounts.csv"));
        Assert.StartsWith("# accounts.csv: one row per account", accounts, StringComparison.Ordinal);
        Assert.Contains("#   revenue (decimal >= 0, required): the year's revenue", accounts, StringComparison.Ordinal);
        Assert.Contains("#   alliance (yes/no, optional): Honeywell criterion", accounts, StringComparison.Ordinal);

        Assert.Equal(3, AccountsCsv.Read(Path.Combine(folder, "accounts.csv")).Count);
        Assert.Equal(2, EventsCsv.Read(Path.Combine(folder, "events.csv")).Count);
        var (deals, collections) = PayCsv.Read(Path.Combine(folder, "deals.csv"), Path.Combine(folder, "collections.csv"));
        Assert.Equal((2, 3), (deals.Count, collections.Count));
        Assert.Equal(3, TransactionsCsv.Read(Path.Combine(folder, "transactions.csv")).Count);
        var receivables = ReceivablesCsv.Read(Path.Combine(folder, "invoices.csv"), Path.Combine(folder, "payments.csv"));
        Assert.Equal((3, 2), (receivables.Invoices.Count, receivables.Payments.Count));
        Assert.Equal(0, CliHarness.Run("receivables", Path.Combine(folder, "invoices.csv"), Path.Combine(folder, "payments.csv")).Exit); // the examples agree
    }

    [Fact]
    public void Init_refuses_to_overwrite_anything_unless_forced()
    {
        using var temp = new TempFolder();
        var edited = temp.Write("events.csv", "my edits");
        var (exit, output, error) = CliHarness.Run("init", temp.Path);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains(edited, error, StringComparison.Ordinal);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.Equal("my edits", File.ReadAllText(edited));
        Assert.Single(Directory.GetFiles(temp.Path));

        Assert.Equal(0, CliHarness.Run("init", temp.Path, "--force").Exit);
        Assert.StartsWith("# events.csv", File.ReadAllText(edited), StringComparison.Ordinal);
        Assert.Equal(AllFiles.Length, Directory.GetFiles(temp.Path).Length);
    }

    [Fact]
    public void Init_into_a_file_is_an_input_error()
    {
        using var temp = new TempFolder();
        var file = temp.Write("plain.txt", "x");
        var (exit, _, error) = CliHarness.Run("init", file);
        Assert.Equal(2, exit);
        Assert.Contains("is a file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_writes_nothing_when_a_target_is_a_folder_and_says_which()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "p");
        Directory.CreateDirectory(Path.Combine(folder, "playbook.json"));
        foreach (var force in new[] { false, true })
        {
            var (exit, output, error) = CliHarness.Run(force ? ["init", folder, "--force"] : ["init", folder]);
            Assert.Equal(2, exit);
            Assert.Equal(string.Empty, output);
            Assert.Contains(Path.Combine(folder, "playbook.json") + ": is a folder, not a regular file; nothing was written.", error, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(folder));
            Assert.Single(Directory.GetFileSystemEntries(folder));
        }
    }

    [Fact]
    public void Init_lists_every_problem_at_once_and_never_replaces_a_link()
    {
        using var temp = new TempFolder();
        var edited = temp.Write("accounts.csv", "my edits");
        var link = temp.File("events.csv");
        File.CreateSymbolicLink(link, edited);
        var (exit, _, error) = CliHarness.Run("init", temp.Path, "--force");
        Assert.Equal(2, exit);
        Assert.Contains(link + ": is a symbolic link", error, StringComparison.Ordinal);
        Assert.Equal("my edits", File.ReadAllText(edited));
        Assert.Equal(edited, new FileInfo(link).LinkTarget);
        Assert.Equal(2, Directory.GetFileSystemEntries(temp.Path).Length);

        var (_, _, both) = CliHarness.Run("init", temp.Path);
        Assert.Contains(edited + ": already exists", both, StringComparison.Ordinal);
        Assert.Contains(link + ": is a symbolic link", both, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_under_a_parent_that_is_a_file_creates_nothing()
    {
        using var temp = new TempFolder();
        var file = temp.Write("plain.txt", "x");
        var (exit, output, error) = CliHarness.Run("init", Path.Combine(file, "sub", "deeper"));
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("is not a folder; nothing was written.", error, StringComparison.Ordinal);
        Assert.Single(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Init_under_an_unwritable_parent_is_a_clear_input_error()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix permissions");
        Assert.SkipWhen(Environment.UserName == "root", "root may write anywhere");
        using var temp = new TempFolder();
        var locked = Directory.CreateDirectory(temp.File("locked")).FullName;
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var (exit, output, error) = CliHarness.Run("init", Path.Combine(locked, "new"));
            Assert.Equal(2, exit);
            Assert.Equal(string.Empty, output);
            Assert.Contains("cannot create the folder: permission denied", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);

            var (into, _, intoError) = CliHarness.Run("init", locked);
            Assert.Equal(2, into);
            Assert.Contains("permission denied; nothing was written.", intoError, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFileSystemEntries(locked));
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void Init_with_an_empty_folder_name_is_a_clear_input_error()
    {
        var (exit, _, error) = CliHarness.Run("init", "");
        Assert.Equal(2, exit);
        Assert.Contains("needs a folder name", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_writes_the_engines_default_rule_files_after_the_input_files()
    {
        Assert.Contains(InitTemplates.RuleFiles, t => t.FileName == "playbook.json");
        Assert.Contains(InitTemplates.RuleFiles, t => t.FileName == "pay-plan.json");
        Assert.Contains(InitTemplates.RuleFiles, t => t.FileName == "tier-policy.json");
        Assert.Equal(InitTemplates.InputFiles.Count + InitTemplates.RuleFiles.Count, InitTemplates.All.Count);
    }
}

public sealed class SampleCsvTests
{
    [Fact]
    public void The_generated_sample_written_by_init_sample_reads_back_identically_through_the_commands_readers()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, CliHarness.Run("init", temp.Path, "--sample").Exit);
        var sample = SampleGenerator.Generate();

        Assert.Equal(sample.Accounts, AccountsCsv.Read(temp.File("accounts.csv")));
        var opportunities = EventsCsv.Read(temp.File("events.csv"));
        Assert.Equal(sample.Opportunities.Count, opportunities.Count);
        Assert.Equal(sample.Opportunities.SelectMany(o => o.Events), opportunities.SelectMany(o => o.Events));
        Assert.Equal(sample.Opportunities.Select(o => o with { Events = [] }), opportunities.Select(o => o with { Events = [] }));
        var (deals, collections) = PayCsv.Read(temp.File("deals.csv"), temp.File("collections.csv"));
        Assert.Equal(sample.Deals, deals);
        Assert.Equal(sample.Collections, collections);
        Assert.Equal(sample.Transactions, TransactionsCsv.Read(temp.File("transactions.csv")));
    }
}

public sealed class SampleReproducesDemoTests
{
    [Fact]
    public void Kam_tier_and_kam_pay_on_the_init_sample_files_give_the_demos_numbers()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, CliHarness.Run("init", temp.Path, "--sample").Exit);
        var demo = CliHarness.Run("demo").Out;

        // Tiering: the demo's scorecard tiers and key-account selection come from the written tier-policy.json.
        var tier = CliHarness.Run("tier", temp.File("accounts.csv"), "--policy", temp.File("tier-policy.json"), "--format", "csv");
        Assert.Equal(0, tier.Exit);
        var tiers = Lines(tier.Out, "#tiers");
        var selected = tiers.Single(l => l.StartsWith("key accounts,Key account,", StringComparison.Ordinal)).Split(',');
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Selected {selected[2]} accounts with contribution {decimal.Parse(selected[4], CultureInfo.InvariantCulture):N0}"), demo, StringComparison.Ordinal);
        foreach (var scorecardTier in tiers.Where(l => l.StartsWith("scorecard,", StringComparison.Ordinal)).Select(l => l.Split(',')))
        {
            Assert.Matches($"\\n{scorecardTier[1]} +{scorecardTier[2]} ", demo); // the demo's scorecard table: tier, accounts
        }

        // Pay: each salesperson's half-year total in the demo is the sum of kam pay's monthly statements with the written grades.
        var pay = CliHarness.Run("pay", temp.File("pay-plan.json"), temp.File("deals.csv"), temp.File("collections.csv"), "--people", temp.File("people.csv"), "--period", "FY2026-H1", "--format", "csv");
        Assert.Equal(0, pay.Exit);
        var totals = Lines(pay.Out, "#pay_totals").Skip(1).Select(l => l.Split(','))
            .Where(c => c[2] == "monthly")
            .GroupBy(c => c[0], c => decimal.Parse(c[^1], CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Sum());
        Assert.Equal(20, totals.Count);
        foreach (var (person, total) in totals)
        {
            var row = demo.Split('\n').Single(l => l.StartsWith(person + " ", StringComparison.Ordinal) && l.Contains('%', StringComparison.Ordinal));
            Assert.EndsWith(total.ToString("N2", CultureInfo.InvariantCulture), row.TrimEnd(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("bgnbd")]
    [InlineData("pareto")]
    [InlineData("sbg")]
    public void Every_ltv_model_converges_on_the_init_sample_purchases(string model)
    {
        using var temp = new TempFolder();
        Assert.Equal(0, CliHarness.Run("init", temp.Path, "--sample").Exit);
        var ltv = CliHarness.Run("ltv", temp.File("transactions.csv"), "--model", model, "--format", "json");

        Assert.Equal(0, ltv.Exit);
        Assert.DoesNotContain("did not converge", ltv.Err, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(ltv.Out);
        var fit = json.RootElement.GetProperty("fit").EnumerateArray().ToArray();
        Assert.NotEmpty(fit);
        Assert.All(fit, row => Assert.True(row.GetProperty("converged").GetBoolean()));
    }

    private static List<string> Lines(string csv, string table) =>
        csv.Split('\n').SkipWhile(l => l != table).Skip(1).TakeWhile(l => l.Length > 0 && !l.StartsWith('#')).ToList();
}

public sealed class CliDocsTests
{
    [Fact]
    public void Docs_list_every_column_of_every_input_file()
    {
        var docs = RepositoryFiles.Read("docs/cli.md");
        foreach (var schema in new[] { AccountsCsv.Schema, EventsCsv.Schema, PayCsv.Deals, PayCsv.Collections, PayCsv.People, TransactionsCsv.Schema, PlanActualsCsv.Schema, ReceivablesCsv.Invoices, ReceivablesCsv.Payments })
        {
            var section = docs[docs.IndexOf("### " + schema.FileName, StringComparison.Ordinal)..];
            foreach (var column in schema.Columns)
            {
                Assert.Contains($"| `{column.Name}` | {column.TypeName} | {(column.Required ? "yes" : "no")} |", section, StringComparison.Ordinal);
            }
        }
    }
}
