using System.Text.RegularExpressions;

namespace Kam.Core.Tests.Cli;

/// <summary>
/// The layout of src/Kam.Cli (docs/architecture.md): namespace = folder; the folders' dependencies form no cycle;
/// infrastructure never uses a feature; a feature uses another only when it composes them (Demo, Init); engines come
/// from the one composition root.
/// </summary>
public sealed partial class CliLayoutTests
{
    /// <summary>The infrastructure folders: they never depend on <c>Features/</c> or on the app at the root.</summary>
    private static readonly string[] Infrastructure = ["Hosting", "IO", "Data", "Reporting", "Terminal", "Sample"];

    /// <summary>The features that compose the others (that direction only). Tier and Pay read the receivables (their credit gate and collections).</summary>
    private static readonly string[] Composers = ["Features/Demo", "Features/Init", "Features/Plan", "Features/Import", "Features/Forecast", "Features/WinLoss", "Features/Portfolio", "Features/Review", "Features/Tier", "Features/Pay"];

    private static readonly string CliFolder = Path.Combine(RepositoryFiles.Root, "src", "Kam.Cli");

    private static readonly Lazy<SourceFile[]> Files = new(Load);

    [Fact]
    public void Every_namespace_is_its_folder()
    {
        var wrong = Files.Value
            .Where(f => f.Namespace != f.FolderNamespace)
            .Select(f => $"{f.RelativePath}: namespace {f.Namespace}, folder {f.FolderNamespace}")
            .ToArray();
        Assert.Empty(wrong);
    }

    [Fact]
    public void The_scan_sees_the_known_dependencies()
    {
        // A scan that found nothing would pass the other tests vacuously.
        var edges = Edges();
        Assert.Contains(("(root)", "Features/Tier"), edges.Keys);
        Assert.Contains(("Features/Demo", "Features/Pipeline"), edges.Keys);
        Assert.Contains(("Features/Tier", "Hosting"), edges.Keys);
        Assert.Contains(("IO", "Data"), edges.Keys);
    }

    [Fact]
    public void The_folder_dependency_graph_is_acyclic()
    {
        var edges = Edges();
        var graph = edges.Keys.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToArray());
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the path, 2 = done
        var path = new List<string>();
        string? cycle = null;

        void Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node, []))
            {
                if (cycle is not null)
                {
                    break;
                }

                if (state.GetValueOrDefault(next) == 1)
                {
                    var from = path.IndexOf(next);
                    cycle = string.Join(" -> ", path.Skip(from).Append(next).Select(n => $"{n}{Because(edges, n, path)}"));
                }
                else if (state.GetValueOrDefault(next) == 0)
                {
                    Visit(next);
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(node) == 0)
            {
                Visit(node);
            }
        }

        Assert.Null(cycle);
    }

    [Fact]
    public void Infrastructure_never_uses_a_feature_or_the_app()
    {
        var wrong = Edges()
            .Where(e => Infrastructure.Contains(e.Key.From) && (e.Key.To.StartsWith("Features", StringComparison.Ordinal) || e.Key.To == "(root)"))
            .Select(e => $"{e.Key.From} -> {e.Key.To} ({string.Join(", ", e.Value)})")
            .ToArray();
        Assert.Empty(wrong);
    }

    [Fact]
    public void A_feature_uses_another_only_when_it_composes_them()
    {
        var wrong = Edges()
            .Where(e => e.Key.From.StartsWith("Features/", StringComparison.Ordinal) && e.Key.To.StartsWith("Features/", StringComparison.Ordinal))
            .Where(e => e.Key.To != "Features/Shared" && !Composers.Contains(e.Key.From))
            .Select(e => $"{e.Key.From} -> {e.Key.To} ({string.Join(", ", e.Value)})")
            .ToArray();
        Assert.Empty(wrong);
        Assert.DoesNotContain(Edges().Keys, e => e.From == "Features/Shared" && e.To.StartsWith("Features/", StringComparison.Ordinal));
    }

    [Fact]
    public void Engines_come_from_the_one_composition_root()
    {
        var built = Files.Value
            .Where(f => f.Layer != "Hosting")
            .SelectMany(f => EngineConstruction().Matches(f.Code).Select(m => $"{f.RelativePath}: {m.Value}"))
            .ToArray();
        Assert.Empty(built);
        var providers = Files.Value.Where(f => f.Code.Contains("BuildServiceProvider", StringComparison.Ordinal)).Select(f => f.RelativePath).ToArray();
        Assert.Equal([Path.Combine("Hosting", "CliServices.cs")], providers);
    }

    [Fact]
    public void Only_IO_touches_files()
    {
        var touching = Files.Value
            .Where(f => f.Layer != "IO")
            .SelectMany(f => FileSystemCall().Matches(f.Code).Select(m => $"{f.RelativePath}: {m.Value}"))
            .ToArray();
        Assert.Empty(touching);
        Assert.NotEmpty(Files.Value.Where(f => f.Layer == "IO").SelectMany(f => FileSystemCall().Matches(f.Code)));
    }

    [Fact]
    public void No_file_needs_a_type_alias()
    {
        var aliases = Files.Value
            .SelectMany(f => f.Usings.Where(u => u.Contains('=', StringComparison.Ordinal)).Select(u => $"{f.RelativePath}: {u}"))
            .ToArray();
        Assert.Empty(aliases);
    }

    /// <summary>Gets the dependencies between folders: a <c>using Kam.Cli.*</c> line or a reference to a type another folder declares.</summary>
    private static Dictionary<(string From, string To), SortedSet<string>> Edges()
    {
        var files = Files.Value;
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var type in file.DeclaredTypes)
            {
                owners[type] = file.Layer;
            }
        }

        var edges = new Dictionary<(string, string), SortedSet<string>>();
        void Add(string from, string to, string why)
        {
            if (from != to)
            {
                if (!edges.TryGetValue((from, to), out var reasons))
                {
                    edges[(from, to)] = reasons = new SortedSet<string>(StringComparer.Ordinal);
                }

                reasons.Add(why);
            }
        }

        foreach (var file in files)
        {
            foreach (var used in file.Usings.Where(u => u == "Kam.Cli" || u.StartsWith("Kam.Cli.", StringComparison.Ordinal)))
            {
                Add(file.Layer, LayerOf(used == "Kam.Cli" ? string.Empty : used["Kam.Cli.".Length..].Replace('.', '/')), $"{file.RelativePath}: using {used}");
            }

            foreach (Match word in Word().Matches(file.Code))
            {
                if (owners.TryGetValue(word.Value, out var owner))
                {
                    Add(file.Layer, owner, $"{file.RelativePath}: {word.Value}");
                }
            }
        }

        return edges;
    }

    private static string Because(Dictionary<(string From, string To), SortedSet<string>> edges, string node, List<string> path)
    {
        var at = path.IndexOf(node);
        var next = at >= 0 && at + 1 < path.Count ? path[at + 1] : null;
        return next is not null && edges.TryGetValue((node, next), out var why) ? $" [{why.First()}]" : string.Empty;
    }

    /// <summary>Gets a folder's layer: <c>Features/&lt;Command&gt;</c> for a feature, else the top folder (its subfolders belong to it).</summary>
    private static string LayerOf(string folder)
    {
        var parts = folder.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 0 ? "(root)"
            : parts[0] == "Features" && parts.Length > 1 ? $"Features/{parts[1]}"
            : parts[0];
    }

    private static SourceFile[] Load() =>
        Directory.EnumerateFiles(CliFolder, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(CliFolder, path))
            .Where(path => !path.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !path.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => SourceFile.Read(CliFolder, path))
            .ToArray();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex Word();

    /// <summary>Constructions of Kam.Core engines (and service providers) outside the composition root.</summary>
    [GeneratedRegex(@"\bnew\s+(\w+(Engine|Analyzer|Calculator|Summariser|Summarizer|Fitter|Economics)|ServiceCollection)\s*\(")]
    private static partial Regex EngineConstruction();

    /// <summary>Calls into the file system (<c>File.Exists(</c>, <c>Directory.CreateDirectory(</c>, <c>new FileStream(</c>); member access such as <c>row.File</c> is not one.</summary>
    [GeneratedRegex(@"(?<![\w.])(?:System\.IO\.)?(?:(?:File|Directory)\.[A-Z]\w*\s*\(|new\s+(?:FileStream|FileInfo|DirectoryInfo|StreamReader|StreamWriter)\s*\()")]
    private static partial Regex FileSystemCall();

    /// <summary>One source file of the CLI.</summary>
    private sealed partial record SourceFile(string RelativePath, string Layer, string FolderNamespace, string? Namespace, string[] Usings, string[] DeclaredTypes, string Code)
    {
        public static SourceFile Read(string root, string relativePath)
        {
            var text = File.ReadAllText(Path.Combine(root, relativePath));
            var folder = (Path.GetDirectoryName(relativePath) ?? string.Empty).Replace(Path.DirectorySeparatorChar, '/');
            var folderNamespace = folder.Length == 0 ? "Kam.Cli" : "Kam.Cli." + folder.Replace('/', '.');
            var code = StringLiteral().Replace(LineComment().Replace(text, string.Empty), "\"\"");
            return new SourceFile(
                relativePath,
                LayerOf(folder),
                folderNamespace,
                NamespaceLine().Match(text) is { Success: true } ns ? ns.Groups[1].Value : null,
                UsingLine().Matches(text).Select(m => m.Groups[1].Value.Trim()).ToArray(),
                TypeDeclaration().Matches(text).Select(m => m.Groups[1].Value).ToArray(),
                code);
        }

        [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
        private static partial Regex NamespaceLine();

        [GeneratedRegex(@"^using (?!static )([^;]+);", RegexOptions.Multiline)]
        private static partial Regex UsingLine();

        [GeneratedRegex(@"^\s*(?:internal|public)\s+(?:(?:sealed|static|readonly|abstract|partial)\s+)*(?:record struct|record|class|struct|enum|interface)\s+([A-Z]\w*)", RegexOptions.Multiline)]
        private static partial Regex TypeDeclaration();

        [GeneratedRegex(@"//.*")]
        private static partial Regex LineComment();

        [GeneratedRegex(@"""(?:[^""\\\n]|\\.)*""")]
        private static partial Regex StringLiteral();
    }
}
