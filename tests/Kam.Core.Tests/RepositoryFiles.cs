namespace Kam.Core.Tests;

/// <summary>Finds files of this repository (README, docs) from the test's output folder.</summary>
public static class RepositoryFiles
{
    /// <summary>Gets the repository root: the nearest parent folder holding Kam.Core.sln.</summary>
    public static string Root { get; } = Locate();

    /// <summary>Reads a file of the repository.</summary>
    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kam.Core.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Kam.Core.sln not found above " + AppContext.BaseDirectory);
    }
}
