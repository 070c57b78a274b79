using Kam.Cli;
using SharpFuzz;

namespace Kam.Fuzz;

/// <summary>
/// The fuzzing harness: runs one <c>kam</c> command in-process on the bytes AFL++ gives it, written to the file the
/// target names, with the other files of the run taken from <c>kam init</c>'s examples.
/// </summary>
/// <remarks>
/// <para>
/// Exit codes 0, 1 and 2 are answers (a result, a usage error, a refused input); any other exit code or any exception
/// that escapes <c>kam</c> is a finding.
/// </para>
/// <para>
/// <c>Kam.Fuzz prepare FOLDER</c> writes the companion files (<c>FOLDER/companions</c>, kam init's examples) and the
/// seed corpus of every target (<c>FOLDER/seeds/TARGET</c>: the example and the head of kam init --sample's file);
/// <c>Kam.Fuzz TARGET FOLDER</c> runs under AFL++ (input on standard input); <c>Kam.Fuzz TARGET FOLDER --replay
/// FILE...</c> runs saved inputs and prints what each did. Instrumented code must not run before SharpFuzz has set up
/// its shared memory, so <c>prepare</c> and <c>--replay</c> run from an uninstrumented copy of the harness.
/// </para>
/// </remarks>
internal static class Program
{
    private static readonly Dictionary<string, Target> Targets = new(StringComparer.Ordinal)
    {
        ["accounts"] = new("accounts.csv", f => ["tier", f]),
        ["tier-policy"] = new("tier-policy.json", f => ["tier", "@accounts.csv", "--policy", f]),
        ["events"] = new("events.csv", f => ["pipeline", f]),
        ["playbook"] = new("playbook.json", f => ["pipeline", "@events.csv", "--playbook", f]),
        ["deals"] = new("deals.csv", f => ["pay", "@pay-plan.json", f, "@collections.csv", "--people", "@people.csv"]),
        ["collections"] = new("collections.csv", f => ["pay", "@pay-plan.json", "@deals.csv", f, "--people", "@people.csv"]),
        ["people"] = new("people.csv", f => ["pay", "@pay-plan.json", "@deals.csv", "@collections.csv", "--people", f]),
        ["pay-plan"] = new("pay-plan.json", f => ["pay", f, "@deals.csv", "@collections.csv", "--people", "@people.csv"]),
        ["transactions"] = new("transactions.csv", f => ["ltv", f]),
        ["invoices"] = new("invoices.csv", f => ["receivables", f, "@payments.csv"]),
        ["payments"] = new("payments.csv", f => ["receivables", "@invoices.csv", f]),
    };

    public static int Main(string[] args)
    {
        if (args is ["prepare", var folder])
        {
            return Prepare(folder);
        }

        if (args.Length < 2 || !Targets.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine($"usage: Kam.Fuzz prepare FOLDER | Kam.Fuzz <{string.Join('|', Targets.Keys)}> FOLDER [--replay FILE...]");
            return 2;
        }

        var companions = Path.Combine(Path.GetFullPath(args[1]), "companions");
        var work = Path.Combine(Path.GetFullPath(args[1]), "work", $"{args[0]}-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        try
        {
            var input = Path.Combine(work, target.FileName);
            var arguments = target.Arguments(input).Select(a => a.StartsWith('@') ? Path.Combine(companions, a[1..]) : a).ToArray();
            if (args.Length > 2 && args[2] == "--replay")
            {
                return Replay(args[3..], input, arguments);
            }

            Fuzzer.OutOfProcess.Run(stream =>
            {
                using (var file = File.Create(input))
                {
                    stream.CopyTo(file);
                }

                var exit = KamApp.Run(arguments, TextWriter.Null, TextWriter.Null);
                if (exit is not (0 or 1 or 2))
                {
                    throw new InvalidOperationException($"kam exited with {exit}: an internal error, not an answer.");
                }
            });
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Writes the companion files and every target's seeds: kam init's example and the head of kam init --sample's file.</summary>
    private static int Prepare(string folder)
    {
        var companions = Path.Combine(folder, "companions");
        var sample = Path.Combine(folder, "sample");
        foreach (var path in new[] { companions, sample, Path.Combine(folder, "seeds") })
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }

        if (KamApp.Run(["init", companions], TextWriter.Null, Console.Error) != 0 || KamApp.Run(["init", sample, "--sample"], TextWriter.Null, Console.Error) != 0)
        {
            Console.Error.WriteLine("kam init failed: cannot lay out the companion files and seeds.");
            return 2;
        }

        foreach (var (name, target) in Targets)
        {
            var seeds = Directory.CreateDirectory(Path.Combine(folder, "seeds", name)).FullName;
            File.Copy(Path.Combine(companions, target.FileName), Path.Combine(seeds, "example"));
            var lines = File.ReadAllLines(Path.Combine(sample, target.FileName));
            var head = target.FileName.EndsWith(".csv", StringComparison.Ordinal) ? lines.Where(l => !l.StartsWith('#')).Take(25) : lines;
            File.WriteAllText(Path.Combine(seeds, "sample"), string.Join('\n', head) + "\n");
        }

        return 0;
    }

    /// <summary>Replays saved inputs: one line each, and the stack trace once per distinct finding (exception type and throwing frame).</summary>
    private static int Replay(string[] files, string input, string[] arguments)
    {
        var findings = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var path in files.Order(StringComparer.Ordinal))
        {
            File.Copy(path, input, overwrite: true);
            try
            {
                var error = new StringWriter();
                var exit = KamApp.Run(arguments, TextWriter.Null, error);
                var first = error.ToString().Split('\n', 3);
                Console.WriteLine($"{Path.GetFileName(path)}: exit {exit}: {string.Join(" | ", first.Take(2)).Trim()}");
                if (exit is not (0 or 1 or 2))
                {
                    Count(findings, $"exit {exit}: {first[0].Trim()}", null);
                }
            }
#pragma warning disable CA1031 // A replay reports every exception, whatever its type.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                var frame = ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim() ?? "(no stack)";
                Console.WriteLine($"{Path.GetFileName(path)}: FINDING {ex.GetType().Name} {frame}");
                Count(findings, $"{ex.GetType().FullName}: {ex.Message} {frame}", ex.StackTrace);
            }
        }

        Console.WriteLine($"{files.Length} inputs replayed, {findings.Values.Sum()} findings, {findings.Count} distinct:");
        foreach (var (signature, count) in findings)
        {
            Console.WriteLine($"  {count} x {signature}");
        }

        return findings.Count == 0 ? 0 : 1;
    }

    private static void Count(Dictionary<string, int> findings, string signature, string? stack)
    {
        if (!findings.TryGetValue(signature, out var count) && stack is not null)
        {
            Console.WriteLine(stack);
        }

        findings[signature] = count + 1;
    }

    private sealed record Target(string FileName, Func<string, string[]> Arguments);
}
