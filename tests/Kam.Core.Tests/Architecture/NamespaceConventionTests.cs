using System.Text.RegularExpressions;

namespace Kam.Core.Tests.Architecture;

/// <summary>
/// Issue 15 point 4, namespace = folder: every <c>.cs</c> file under <c>src/Kam.Core</c> (bin and obj skipped)
/// declares the namespace <c>Kam.Core</c> followed by its folder path with <c>/</c> written as <c>.</c>
/// (<c>Value/Models/Numerics/SpecialFunctions.cs</c> → <c>Kam.Core.Value.Models.Numerics</c>), except the folders
/// listed in <see cref="RootNamespaceFolders"/>.
/// </summary>
public sealed partial class NamespaceConventionTests
{
    /// <summary>
    /// The only exceptions: folders whose files declare the root namespace <c>Kam.Core</c>. <c>Primitives</c> (money,
    /// ratios, identifiers, fiscal periods) and <c>Validation</c> (<c>KamValidationException</c>, its errors and codes)
    /// are the vocabulary every capability and every host uses; in the root namespace they are in scope in every
    /// <c>Kam.Core.*</c> namespace without a using directive, and a host needs only <c>using Kam.Core;</c>. A file in
    /// one of these folders must declare exactly <c>Kam.Core</c>, so an entry cannot outlive its reason unnoticed.
    /// </summary>
    private static readonly string[] RootNamespaceFolders = ["Primitives", "Validation"];

    [Fact]
    public void Every_library_file_declares_the_namespace_of_its_folder()
    {
        var wrong = LibraryFiles()
            .Select(file => (File: file, Declared: DeclaredNamespace(File.ReadAllText(Path.Combine(LibraryRoot, file))), Expected: ExpectedNamespace(file)))
            .Where(f => f.Declared != f.Expected)
            .Select(f => $"{f.File}: declares {f.Declared ?? "no namespace"}, expected {f.Expected}")
            .ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} file(s) outside the namespace of their folder:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void The_walk_sees_the_whole_library_and_every_exception_folder()
    {
        var files = LibraryFiles().ToList();
        Assert.True(files.Count > 100, $"only {files.Count} files found under {LibraryRoot}");
        Assert.Contains("Value/Models/Numerics/SpecialFunctions.cs", files);
        Assert.DoesNotContain(files, f => f.StartsWith("bin/", StringComparison.Ordinal) || f.StartsWith("obj/", StringComparison.Ordinal));
        foreach (var folder in RootNamespaceFolders)
        {
            Assert.Contains(files, f => f.StartsWith(folder + "/", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("RootFile.cs", "Kam.Core")]
    [InlineData("Value/Models/CustomerBaseModelFitter.cs", "Kam.Core.Value.Models")]
    [InlineData("Value/Models/Numerics/SpecialFunctions.cs", "Kam.Core.Value.Models.Numerics")]
    [InlineData("Primitives/Money.cs", "Kam.Core")]
    [InlineData("Validation/KamValidationException.cs", "Kam.Core")]
    [InlineData("Value/Primitives/Thing.cs", "Kam.Core.Value.Primitives")]
    public void The_expected_namespace_follows_the_folder(string file, string expected) => Assert.Equal(expected, ExpectedNamespace(file));

    [Theory]
    [InlineData("using System;\n\nnamespace Kam.Core.Value.Models.Data;\n\npublic sealed class X;", "Kam.Core.Value.Models.Data")]
    [InlineData("namespace Kam.Core\n{\n}", "Kam.Core")]
    [InlineData("/// <summary>namespace Kam.Core.Other; in a comment</summary>\nnamespace Kam.Core.Tiering;", "Kam.Core.Tiering")]
    [InlineData("[assembly: System.CLSCompliant(false)]", null)]
    public void The_declared_namespace_is_read_from_the_namespace_line(string text, string? expected) => Assert.Equal(expected, DeclaredNamespace(text));

    private static string LibraryRoot => Path.Combine(RepositoryFiles.Root, "src", "Kam.Core");

    /// <summary>Every <c>.cs</c> file under <c>src/Kam.Core</c>, relative to it with <c>/</c> separators, bin and obj skipped.</summary>
    private static IEnumerable<string> LibraryFiles() =>
        Directory.EnumerateFiles(LibraryRoot, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(LibraryRoot, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static string ExpectedNamespace(string file)
    {
        var folder = Path.GetDirectoryName(file)?.Replace('\\', '/') ?? string.Empty;
        return folder.Length == 0 || RootNamespaceFolders.Contains(folder, StringComparer.Ordinal)
            ? "Kam.Core"
            : "Kam.Core." + folder.Replace('/', '.');
    }

    private static string? DeclaredNamespace(string text)
    {
        var match = NamespaceLine().Match(text);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*(?:;|\r?$)", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}
