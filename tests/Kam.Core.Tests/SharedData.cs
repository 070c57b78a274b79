namespace Kam.Core.Tests;

/// <summary>
/// Finds the reference data in <c>../shared/data/</c> beside the clone. The data is never copied into the
/// project; tests that need it are skipped with a clear reason where it is absent.
/// </summary>
public static class SharedData
{
    /// <summary>Gets the folder <c>shared/data</c>, or null when it is not beside the clone.</summary>
    public static string? Directory { get; } = Locate();

    /// <summary>Gets the path of a file under <c>shared/data</c>, or skips the calling test when it is absent.</summary>
    public static string RequireFile(string relativePath)
    {
        var path = Directory is null ? null : Path.Combine(Directory, relativePath);
        Assert.SkipWhen(path is null || !File.Exists(path), $"Reference data '{relativePath}' is not available: expected ../shared/data/ beside the repository clone (as CI has it).");
        return path!;
    }

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (System.IO.Directory.Exists(candidate) && dir.GetDirectories().Any(d => d.Name == "shared"))
            {
                return candidate;
            }
        }

        return null;
    }
}
