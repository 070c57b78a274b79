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
        Assert.Equal(0, Run("--version").Exit);
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
