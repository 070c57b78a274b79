using System.CommandLine;
using System.Text.RegularExpressions;
using Kam.Cli;

namespace Kam.Core.Tests.Cli;

/// <summary>The command line's manners: help placeholders and defaults, usage errors, bare <c>kam</c>, the last-resort handler, no doubled periods.</summary>
public sealed class CommandLineTests
{
    private static readonly string[] Commands = ["demo", "tier", "pipeline", "pay", "ltv", "receivables", "review", "init"];

    [Fact]
    public void Bare_kam_prints_the_help_to_standard_output_and_succeeds()
    {
        var (exit, output, error) = CliHarness.Run();
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        foreach (var command in Commands)
        {
            Assert.Contains("  " + command, output, StringComparison.Ordinal);
        }

        Assert.Equal(CliHarness.Run("--help").Out, output);
    }

    [Fact]
    public void An_unknown_command_prints_one_error_and_a_hint_and_exits_1()
    {
        var (exit, output, error) = CliHarness.Run("bogus");
        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal(["kam: Unrecognized command or argument 'bogus'.", "Run 'kam --help' to see the commands."], Lines(error));
    }

    [Fact]
    public void A_usage_error_in_a_command_names_the_command_for_its_help()
    {
        var (exit, output, error) = CliHarness.Run("tier");
        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        var lines = Lines(error);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("kam: ", lines[0], StringComparison.Ordinal);
        Assert.Equal("Run 'kam tier --help' to see its arguments and options.", lines[1]);

        var unknown = CliHarness.Run("ltv", "t.csv", "--bogus");
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("--bogus", Lines(unknown.Err)[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("demo")]
    [InlineData("tier")]
    [InlineData("pipeline")]
    [InlineData("pay")]
    [InlineData("ltv")]
    [InlineData("receivables")]
    [InlineData("review")]
    [InlineData("init")]
    public void Help_names_each_value_and_states_each_default_once(string command)
    {
        var (exit, output, error) = CliHarness.Run(command.Length == 0 ? ["--help"] : [command, "--help"]);
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        foreach (var line in Lines(output))
        {
            var option = Regex.Match(line, "--(?<name>[a-z-]+) <(?<value>[^>]+)>");
            if (option.Success)
            {
                Assert.NotEqual(option.Groups["name"].Value, option.Groups["value"].Value);
            }

            Assert.True(Regex.Count(line, "default", RegexOptions.IgnoreCase) <= 1, $"A default is stated twice: {line}");
        }
    }

    [Fact]
    public void Help_placeholders_say_what_the_value_is()
    {
        var tier = CliHarness.Run("tier", "--help").Out;
        Assert.Contains("--out <report.html>", tier, StringComparison.Ordinal);
        Assert.Contains("--policy <policy.json>", tier, StringComparison.Ordinal);
        Assert.Contains("--as-of <yyyy-MM-dd>", tier, StringComparison.Ordinal);
        Assert.Contains("--playbook <playbook.json>", CliHarness.Run("pipeline", "--help").Out, StringComparison.Ordinal);
        var pay = CliHarness.Run("pay", "--help").Out;
        Assert.Contains("--people <people.csv>", pay, StringComparison.Ordinal);
        Assert.Contains("--fiscal-year-start <1..12>", pay, StringComparison.Ordinal);
        var ltv = CliHarness.Run("ltv", "--help").Out;
        Assert.Contains("--horizon <months>", ltv, StringComparison.Ordinal);
        Assert.Contains("[default: 12]", ltv, StringComparison.Ordinal);
        Assert.Contains(" init [<folder>] [options]", CliHarness.Run("init", "--help").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bug_is_one_line_with_exit_code_70_and_no_stack_trace()
    {
        var (exit, output, error) = RunThrowing(new InvalidOperationException("the widget broke"));
        Assert.Equal(KamApp.InternalError, exit);
        Assert.Equal(70, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal(
            ["kam: internal error: System.InvalidOperationException: the widget broke — this is a bug in kam; please report it with the command line"],
            Lines(error));
    }

    [Fact]
    public void KAM_DEBUG_1_adds_the_stack_trace_of_a_bug()
    {
        // Tests of one class run one after another: no other test here sees the variable.
        Environment.SetEnvironmentVariable("KAM_DEBUG", "1");
        try
        {
            var (exit, _, error) = RunThrowing(new InvalidOperationException("the widget broke"));
            Assert.Equal(70, exit);
            var lines = Lines(error);
            Assert.StartsWith("kam: internal error: System.InvalidOperationException: the widget broke", lines[0], StringComparison.Ordinal);
            Assert.Contains(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        }
        finally
        {
            Environment.SetEnvironmentVariable("KAM_DEBUG", null);
        }
    }

    [Fact]
    public void A_bug_while_building_the_command_line_is_caught_too()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = KamApp.Run([], output, error, false, _ => throw new FormatException("no root"));
        Assert.Equal(70, exit);
        Assert.Single(Lines(error.ToString()));
        Assert.Contains("System.FormatException: no root", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_problems_reaching_the_top_are_input_errors_not_bugs()
    {
        var io = RunThrowing(new IOException("No space left on device"));
        Assert.Equal(2, io.Exit);
        Assert.Equal(["kam: No space left on device"], Lines(io.Err));

        var denied = RunThrowing(new UnauthorizedAccessException("Access to the path '/x' is denied."));
        Assert.Equal(2, denied.Exit);
        Assert.Equal(["kam: Access to the path '/x' is denied."], Lines(denied.Err));

        var kam = RunThrowing(new KamValidationException("f.csv:2:3", KamErrorCodes.InvalidFormat, "x", "not a number."));
        Assert.Equal(2, kam.Exit);
    }

    [Fact]
    public void Results_printed_before_a_bug_are_not_published()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = KamApp.Run([], output, error, false, context =>
        {
            var root = new RootCommand();
            root.SetAction(int (ParseResult _) =>
            {
                context.Output.WriteLine("half a result");
                throw new ArgumentOutOfRangeException("index");
            });
            return root;
        });
        Assert.Equal(70, exit);
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public void No_message_of_the_error_paths_ends_in_a_doubled_period()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, CliHarness.Run("init", temp.Path).Exit);
        Directory.CreateDirectory(temp.File("sub"));
        File.WriteAllText(temp.File("deals.csv"), File.ReadAllText(temp.File("deals.csv")).Replace("22.5%", "150%", StringComparison.Ordinal));
        var accounts = temp.Write("bad-accounts.csv", File.ReadAllText(temp.File("accounts.csv")).Replace("\nA001,", "\nA\u0001,", StringComparison.Ordinal));
        Directory.CreateDirectory(temp.File("p"));
        Directory.CreateDirectory(temp.File("p/playbook.json"));
        var runs = new[]
        {
            new[] { "bogus" },
            ["tier"],
            ["tier", temp.File("accounts.csv"), "--out", temp.File("accounts.csv")],
            ["tier", temp.File("accounts.csv"), "--out", Path.Combine(temp.Path, "sub", "..", "accounts.csv")],
            ["tier", temp.File("accounts.csv"), "--out", ""],
            ["tier", temp.File("accounts.csv"), "--out", temp.Path],
            ["tier", temp.File("accounts.csv"), "--out", temp.File("missing/r.html")],
            ["tier", temp.File("accounts.csv"), "--as-of", "June"],
            ["tier", accounts],
            ["pipeline", temp.File("events.csv"), "--fiscal-year-start", "13"],
            ["pay", temp.File("pay-plan.json"), temp.File("deals.csv"), temp.File("collections.csv")],
            ["ltv", temp.File("transactions.csv"), "--horizon", "0"],
            ["ltv", temp.File("transactions.csv"), "--discount-rate", "ten"],
            ["demo", "--out", "/dev/null"],
            ["init", temp.File("p")],
            ["init", temp.Path],
            ["init", temp.File("accounts.csv")],
        };
        foreach (var args in runs)
        {
            var (exit, output, error) = CliHarness.Run(args);
            Assert.NotEqual(0, exit);
            foreach (var line in Lines(output + error))
            {
                // Paths may hold "..": take out every argument (and the temporary folder) before looking.
                var text = args.Where(a => a.Length > 0).Append(temp.Path).OrderByDescending(a => a.Length).Aggregate(line, (l, a) => l.Replace(a, "<arg>", StringComparison.Ordinal));
                Assert.False(text.Contains("..", StringComparison.Ordinal), $"kam {string.Join(' ', args)}: {line}");
            }
        }
    }

    private static (int Exit, string Out, string Err) RunThrowing(Exception exception)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = KamApp.Run(["go"], output, error, false, _ =>
        {
            var root = new RootCommand();
            var go = new Command("go");
            go.SetAction(int (ParseResult _) => throw exception);
            root.Subcommands.Add(go);
            return root;
        });
        return (exit, output.ToString(), error.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
