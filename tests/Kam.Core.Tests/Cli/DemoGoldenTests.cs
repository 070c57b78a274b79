namespace Kam.Core.Tests.Cli;

/// <summary>
/// The golden test of <c>kam demo</c>'s standard output: tests/Kam.Core.Tests/Cli/Golden/demo.txt.
/// </summary>
/// <remarks>
/// When the demo's output changes on purpose (for example a new engine section), regenerate the golden file and
/// review the diff before committing:
/// <code>KAM_UPDATE_GOLDEN=1 dotnet test tests/Kam.Core.Tests --filter-class Kam.Core.Tests.Cli.DemoGoldenTests</code>
/// (the test then rewrites the file in the source tree and passes; run it again without the variable to check).
/// </remarks>
public sealed class DemoGoldenTests
{
    private static readonly string GoldenPath = Path.Combine(RepositoryFiles.Root, "tests", "Kam.Core.Tests", "Cli", "Golden", "demo.txt");

    [Fact]
    public void Demo_output_matches_the_golden_file()
    {
        var (exit, output, error) = CliHarness.Run("demo");
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        var actual = output.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("KAM_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(GoldenPath)!);
            File.WriteAllText(GoldenPath, actual);
        }

        Assert.True(File.Exists(GoldenPath), $"Golden file missing: {GoldenPath}. Create it with KAM_UPDATE_GOLDEN=1 (see the remarks of DemoGoldenTests).");
        Assert.Equal(File.ReadAllText(GoldenPath).ReplaceLineEndings("\n"), actual);
    }
}
