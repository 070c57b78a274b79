using System.Globalization;
using BenchmarkDotNet.Attributes;
using Kam.Cli.IO.Csv.Schemas;

namespace Kam.Core.Benchmarks.Cli;

/// <summary>
/// The CLI's CSV reader (issue 17): <c>kam tier</c>'s accounts.csv reader on 100,000 generated accounts (about 11 MB),
/// from a file (the path <c>kam</c> takes: the file's UTF-8 bytes, checked, then parsed) and from text (tests, the demo).
/// Every cell is typed and validated as for a real run. Scale by ten for the 1,000,000-account goal of docs/performance.md.
/// </summary>
[MemoryDiagnoser]
public class CsvReaderBenchmarks
{
    private const int Accounts = 100_000;
    private string _text = null!;
    private string _path = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var rows = new List<string[]>(Accounts);
        string[] industries = ["Steel", "Energy", "Shipbuilding", "Retail", "Chemicals", "Logistics"];
        string[] yesNo = ["yes", "no", string.Empty];
        for (var i = 0; i < Accounts; i++)
        {
            var revenue = Math.Round(Math.Exp(random.NextDouble() * 14), 2);
            var first = new DateOnly(2015, 1, 1).AddDays(random.Next(0, 3000));
            var last = first.AddDays(random.Next(0, 800));
            rows.Add(
            [
                $"A{i:0000000}", $"Account {i}", industries[random.Next(industries.Length)], "CNY",
                revenue.ToString(CultureInfo.InvariantCulture), Math.Round(revenue * 0.2, 2).ToString(CultureInfo.InvariantCulture),
                Math.Round(revenue * 0.05, 2).ToString(CultureInfo.InvariantCulture), random.Next(3) == 0 ? string.Empty : "1000",
                first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                random.Next(0, 60).ToString(CultureInfo.InvariantCulture), yesNo[random.Next(2)],
                random.Next(1, 6).ToString(CultureInfo.InvariantCulture), random.Next(1, 6).ToString(CultureInfo.InvariantCulture),
                random.Next(1, 6).ToString(CultureInfo.InvariantCulture),
                yesNo[random.Next(3)], yesNo[random.Next(3)], yesNo[random.Next(3)], yesNo[random.Next(3)], yesNo[random.Next(3)],
            ]);
        }

        _text = AccountsCsv.Schema.ToFile(rows);
        _path = Path.Combine(Path.GetTempPath(), $"kam-bench-accounts-{Environment.ProcessId}.csv");
        File.WriteAllText(_path, _text);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark(Baseline = true)]
    public int ReadFile() => AccountsCsv.Read(_path).Count;

    [Benchmark]
    public int ReadText() => AccountsCsv.Read(new StringReader(_text), "accounts.csv").Count;
}
