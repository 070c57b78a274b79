using System.Diagnostics;
using Kam.Cli.IO;

namespace Kam.Core.Tests.Cli;

/// <summary>
/// No file is ever lost: an <c>--out</c> that is an input of the run (however it is spelled), a folder, a link, a
/// device or an empty path is refused with exit code 2 before the command reads anything, and the input is unchanged.
/// </summary>
public sealed class OutputSafetyTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public OutputSafetyTests() => Assert.Equal(0, CliHarness.Run("init", _temp.Path).Exit);

    /// <summary>Every input of every engine command: the command line, and which of its arguments is the input.</summary>
    public static TheoryData<string, string[], string> Inputs() => new()
    {
        { "tier accounts", ["tier", "accounts.csv"], "accounts.csv" },
        { "tier policy", ["tier", "accounts.csv", "--policy", "tier-policy.json"], "tier-policy.json" },
        { "pipeline events", ["pipeline", "events.csv"], "events.csv" },
        { "pipeline playbook", ["pipeline", "events.csv", "--playbook", "playbook.json"], "playbook.json" },
        { "pay plan", ["pay", "pay-plan.json", "deals.csv", "collections.csv"], "pay-plan.json" },
        { "pay deals", ["pay", "pay-plan.json", "deals.csv", "collections.csv"], "deals.csv" },
        { "pay collections", ["pay", "pay-plan.json", "deals.csv", "collections.csv"], "collections.csv" },
        { "pay people", ["pay", "pay-plan.json", "deals.csv", "collections.csv", "--people", "people.csv"], "people.csv" },
        { "ltv transactions", ["ltv", "transactions.csv"], "transactions.csv" },
        { "receivables invoices", ["receivables", "invoices.csv", "payments.csv"], "invoices.csv" },
        { "receivables payments", ["receivables", "invoices.csv", "payments.csv"], "payments.csv" },
    };

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(Inputs))]
    public void An_out_that_is_an_input_by_the_same_name_is_refused_before_anything_runs(string label, string[] command, string input)
    {
        _ = label;
        AssertRefused(command, input, _temp.File(input), "is the input file");
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void An_out_that_is_an_input_through_dot_dot_is_refused(string label, string[] command, string input)
    {
        _ = label;
        Directory.CreateDirectory(_temp.File("sub"));
        AssertRefused(command, input, Path.Combine(_temp.Path, "sub", "..", input), "is the input file");
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void An_out_that_is_an_input_through_a_linked_folder_and_dot_dot_is_refused(string label, string[] command, string input)
    {
        // .NET removes "link/.." from the text (so the file written is the input), whatever folder the link points to.
        _ = label;
        var elsewhere = Directory.CreateDirectory(Path.Combine(_temp.Path, "a", "b")).FullName;
        var link = _temp.File("l");
        Directory.CreateSymbolicLink(link, elsewhere);
        AssertRefused(command, input, Path.Combine(link, "..", input), "is the input file");
        Assert.Empty(Directory.GetFileSystemEntries(elsewhere));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void An_out_that_is_an_input_by_a_relative_path_is_refused(string label, string[] command, string input)
    {
        _ = label;
        AssertRefused(command, input, Path.GetRelativePath(Environment.CurrentDirectory, _temp.File(input)), "is the input file");
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void An_out_that_is_a_symbolic_link_to_an_input_is_refused(string label, string[] command, string input)
    {
        _ = label;
        var link = _temp.File("link-" + input + ".html");
        File.CreateSymbolicLink(link, _temp.File(input));
        AssertRefused(command, input, link, "is the input file");
        Assert.Equal(_temp.File(input), new FileInfo(link).LinkTarget);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void An_input_given_through_a_linked_folder_is_still_recognised(string label, string[] command, string input)
    {
        _ = label;
        var linked = _temp.File("linked");
        Directory.CreateSymbolicLink(linked, _temp.Path);
        var args = command.Select((a, i) => i > 0 && a == input ? Path.Combine(linked, a) : a).ToArray();
        AssertRefused(args, input, _temp.File(input), "is the input file");
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void An_out_that_is_a_hard_link_to_an_input_is_refused(string label, string[] command, string input)
    {
        _ = label;
        Assert.SkipUnless(FileEntry.KnowsInodes, "hard links are recognised where the system reports inodes (Linux)");
        var link = _temp.File("hard-" + input + ".html");
        Exec("ln", _temp.File(input), link);
        AssertRefused(command, input, link, "is the input file");
    }

    [Theory]
    [InlineData("/dev/null")]
    [InlineData("/dev/full")]
    public void A_device_is_never_replaced(string device)
    {
        Assert.SkipUnless(File.Exists(device), $"{device} does not exist here");
        var (exit, _, error, request) = CliHarness.RunWithEngineCommands(Args(["tier", "accounts.csv"], device));
        Assert.Equal(2, exit);
        Assert.Null(request);
        Assert.Contains("is a device", error, StringComparison.Ordinal);
        Assert.Equal(FileEntryKind.Device, FileEntry.Of(device).Kind);

        var demo = CliHarness.Run("demo", "--out", device);
        Assert.Equal(2, demo.Exit);
        Assert.Equal(string.Empty, demo.Out);
        Assert.Contains(device, demo.Err, StringComparison.Ordinal);
        Assert.Equal(FileEntryKind.Device, FileEntry.Of(device).Kind);
    }

    [Fact]
    public void A_folder_is_never_replaced()
    {
        var folder = Directory.CreateDirectory(_temp.File("reports")).FullName;
        foreach (var target in new[] { folder, folder + Path.DirectorySeparatorChar, _temp.File("missing") + Path.DirectorySeparatorChar })
        {
            var (exit, _, error, request) = CliHarness.RunWithEngineCommands(Args(["ltv", "transactions.csv"], target));
            Assert.Equal(2, exit);
            Assert.Null(request);
            Assert.Contains("is a folder", error, StringComparison.Ordinal);
        }

        Assert.True(Directory.Exists(folder));
        Assert.Equal(2, CliHarness.Run("demo", "--out", folder).Exit);
        Assert.True(Directory.Exists(folder));
    }

    [Fact]
    public void A_symbolic_link_is_never_replaced_even_when_it_points_elsewhere_or_nowhere()
    {
        var elsewhere = _temp.Write("old-report.html", "old");
        var link = _temp.File("report.html");
        File.CreateSymbolicLink(link, elsewhere);
        var dangling = _temp.File("dangling.html");
        File.CreateSymbolicLink(dangling, _temp.File("nothing-here.html"));
        foreach (var target in new[] { link, dangling })
        {
            var (exit, _, error, request) = CliHarness.RunWithEngineCommands(Args(["pipeline", "events.csv"], target));
            Assert.Equal(2, exit);
            Assert.Null(request);
            Assert.Contains("is a symbolic link", error, StringComparison.Ordinal);
            Assert.Equal(FileEntryKind.SymbolicLink, FileEntry.Of(target).Kind);
        }

        Assert.Equal("old", File.ReadAllText(elsewhere));
        Assert.False(File.Exists(_temp.File("nothing-here.html")));
        Assert.Equal(2, CliHarness.Run("demo", "--out", link).Exit);
        Assert.Equal("old", File.ReadAllText(elsewhere));
    }

    [Fact]
    public void A_named_pipe_is_never_replaced()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "no named pipes in the file system on Windows");
        var fifo = _temp.File("pipe.html");
        Exec("mkfifo", fifo);
        var (exit, _, error, _) = CliHarness.RunWithEngineCommands(Args(["tier", "accounts.csv"], fifo));
        Assert.Equal(2, exit);
        Assert.Contains("is a pipe or socket", error, StringComparison.Ordinal);
        Assert.Equal(FileEntryKind.PipeOrSocket, FileEntry.Of(fifo).Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_out_is_a_clear_input_error(string empty)
    {
        foreach (var command in new[] { new[] { "tier", "accounts.csv" }, ["pipeline", "events.csv"], ["pay", "pay-plan.json", "deals.csv", "collections.csv"], ["ltv", "transactions.csv"] })
        {
            var (exit, output, error, request) = CliHarness.RunWithEngineCommands(Args(command, empty));
            Assert.Equal(2, exit);
            Assert.Null(request);
            Assert.Equal(string.Empty, output);
            Assert.Contains("--out: needs a file name", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }

        var demo = CliHarness.Run("demo", "--out", empty);
        Assert.Equal(2, demo.Exit);
        Assert.Contains("--out: needs a file name", demo.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_or_regular_report_file_is_still_written_and_replaced()
    {
        var report = _temp.File("report.html");
        var (exit, _, error) = CliHarness.Run(Args(["tier", "accounts.csv", "--policy", "tier-policy.json"], report));
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(report), StringComparison.OrdinalIgnoreCase);

        File.WriteAllText(report, "old");
        Assert.Equal(0, CliHarness.Run(Args(["pipeline", "events.csv"], report)).Exit);
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(report), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Directory.GetFiles(_temp.Path, ".*"));
    }

    [Fact]
    public void Atomic_files_refuse_what_is_not_a_regular_file_and_leave_nothing_behind()
    {
        var folder = Directory.CreateDirectory(_temp.File("folder")).FullName;
        var link = _temp.File("link.html");
        File.CreateSymbolicLink(link, _temp.File("accounts.csv"));
        var before = File.ReadAllText(_temp.File("accounts.csv"));

        Assert.Contains("is a folder", Assert.Throws<KamValidationException>(() => AtomicFile.WriteAllText(folder, "x")).Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("is a symbolic link", Assert.Throws<KamValidationException>(() => AtomicFile.WriteAllText(link, "x")).Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(_temp.File("accounts.csv")));
        Assert.Empty(Directory.GetFiles(_temp.Path, ".*"));
    }

    [Fact]
    public void Atomic_multi_file_writes_are_all_or_nothing_and_restore_what_they_replaced()
    {
        var kept = _temp.Write("kept.txt", "old");
        Directory.CreateDirectory(_temp.File("in-the-way"));
        var ex = Assert.Throws<KamValidationException>(() => AtomicFile.WriteAll([(kept, "new"), (_temp.File("fresh.txt"), "new"), (_temp.File("in-the-way"), "new")]));
        Assert.Contains("nothing was written", ex.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("old", File.ReadAllText(kept));
        Assert.False(File.Exists(_temp.File("fresh.txt")));
        Assert.Empty(Directory.GetFiles(_temp.Path, ".*"));

        AtomicFile.WriteAll([(kept, "new"), (_temp.File("fresh.txt"), "new")]);
        Assert.Equal("new", File.ReadAllText(kept));
        Assert.Equal("new", File.ReadAllText(_temp.File("fresh.txt")));
        Assert.Empty(Directory.GetFiles(_temp.Path, ".*"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_replaced_report_keeps_its_permissions()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var report = _temp.Write("report.html", "old");
        File.SetUnixFileMode(report, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        AtomicFile.WriteAllText(report, "new");
        Assert.Equal("new", File.ReadAllText(report));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(report));
    }

    private void AssertRefused(string[] command, string input, string output, string expected)
    {
        var path = _temp.File(input);
        var before = File.ReadAllBytes(path);
        var (exit, stdout, error, request) = CliHarness.RunWithEngineCommands(Args(command, output));
        Assert.Equal(2, exit);
        Assert.Null(request); // refused before the input was read and the engine ran
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("--out", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(FileEntryKind.RegularFile, FileEntry.Of(path).Kind);

        // The real command (engines wired) refuses it too, and leaves no temporary file.
        Assert.Equal(2, CliHarness.Run(Args(command, output)).Exit);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Empty(Directory.GetFiles(_temp.Path, ".*"));
    }

    /// <summary>The command line with its file arguments in the temporary folder, and <c>--out</c>.</summary>
    private string[] Args(string[] command, string output) =>
        [.. command.Select((a, i) => i > 0 && a.Contains('.', StringComparison.Ordinal) && !Path.IsPathRooted(a) ? _temp.File(a) : a), "--out", output];

    private static void Exec(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
