namespace Kam.Core.Tests.Cli;

public sealed class CliTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args) => CliHarness.Run(args);

    [Fact]
    public void Demo_runs_end_to_end_on_the_embedded_sample()
    {
        var (exit, output, error) = Run("demo");
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains("200 accounts, 20 salespeople, 500 opportunities", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_and_help_print_and_succeed()
    {
        var version = Run("--version");
        Assert.Equal(0, version.Exit);
        // The version comes from git tags (MinVer): a tag's version, a pre-release after it, or 0.1.0-local outside git.
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?\r?\n?$", version.Out);
        Assert.DoesNotMatch(@"^1\.0\.0\r?\n?$", version.Out); // the SDK's default: MinVer did not run
        var help = Run("--help");
        Assert.Equal(0, help.Exit);
        Assert.Contains("demo", help.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_command_goes_to_stderr_with_a_non_zero_exit_and_no_stack_trace()
    {
        var (exit, _, error) = Run("bogus");
        Assert.NotEqual(0, exit);
        Assert.Contains("bogus", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
