using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kam.Cli.IO.Csv;
using Kam.Cli.IO.Csv.Schemas;

namespace Kam.Core.Tests.Cli;

/// <summary>
/// The CSV reader's fast path (a short ASCII cell read from the parser's bytes, no string made) agrees with the string
/// path: a file and the same file with every cell wrapped in no-break spaces (which <see cref="string.Trim()"/>
/// removes, and which send every cell down the string path) give the same records, or the same errors in the same
/// order with the same locations, values and messages.
/// </summary>
public sealed class CsvFastPathTests
{
    private static readonly string[] Values =
    [
        string.Empty, "0", "1", "5", "6", "-1", "+5", "42", "2147483647", "2147483648", "-2147483649", "1.", ".5", "1.50", "-0", "0.000",
        "18600000", "-3720000", "1000000000000000", "1000000000000001", "999999999999999.99", "79228162514264337593543950335", "1e3", "1,5",
        "2026-02-28", "2024-02-29", "2026-02-29", "2026-13-01", "2026-1-01", "1900-01-01", "1899-12-31", "2199-12-31", "2200-01-01",
        "2026-03-31T09:30:00Z", "2026-03-31T17:30:00+08:00", "2026-03-31T17:30:00-00:00", "2026-03-31T17:30:00+00:00", "2026-03-31T17:30:00.5Z",
        "2026-03-31T24:00:00Z", "2026-03-31T09:30:00+14:01", "2199-12-31T23:00:00-02:00", "1900-01-01T01:00:00+02:00",
        "yes", "YES", "Yes", "no", "y", "N", "true", "FALSE", "maybe", "milestone", "MILESTONE", "won", "Won", "lost", "abandoned", "wonn",
        "CNY", "USD", "cny", "A001", "A002", "C1", "S01", "OP-0001", "s1.customer-info-gathered", "café", "Ｙ", "é1", "1\u00A02",
    ];

    [Property(MaxTest = 200)]
    public Property Accounts_read_the_same_by_the_fast_and_the_string_path() =>
        Prop.ForAll(Seeds, seed => Same(seed, AccountsCsv.Schema, text => AccountsCsv.Read(new StringReader(text), "accounts.csv").Select(a => a.ToString())));

    [Property(MaxTest = 200)]
    public Property Events_read_the_same_by_the_fast_and_the_string_path() =>
        Prop.ForAll(Seeds, seed => Same(seed, EventsCsv.Schema, text => EventsCsv.Read(new StringReader(text), "events.csv")
            .SelectMany(o => o.Events.Select(e => e.ToString()).Prepend(o.ToString()))));

    [Property(MaxTest = 200)]
    public Property Transactions_and_their_duplicates_read_the_same_by_the_fast_and_the_string_path() =>
        Prop.ForAll(Seeds, seed => Same(seed, TransactionsCsv.Schema, text => TransactionsCsv.Read(new StringReader(text), "transactions.csv").Select(t => t.ToString())));

    [Fact]
    public void A_padded_cell_reads_as_the_plain_one()
    {
        var plain = AccountsCsv.Read(new StringReader(AccountsCsv.Schema.ToExampleFile()), "accounts.csv");
        var padded = AccountsCsv.Read(new StringReader(AccountsCsv.Schema.ToFile(AccountsCsv.Schema.ExampleRows.Select(r => r.Select(c => "\u00A0" + c + "\u00A0").ToArray()))), "accounts.csv");
        Assert.Equal(plain.Select(a => a.ToString()), padded.Select(a => a.ToString()));
        Assert.Equal(18600000m, plain[0].Revenue);
    }

    private static Arbitrary<int> Seeds => Gen.Choose(0, int.MaxValue).ToArbitrary();

    /// <summary>Reads a seed's file plain and padded and checks that both give the same records or the same errors.</summary>
    private static bool Same(int seed, CsvSchema schema, Func<string, IEnumerable<string>> read)
    {
        var random = new Random(seed);
        var rows = new List<string[]>();
        for (var r = random.Next(1, 9); r > 0; r--)
        {
            var example = schema.ExampleRows[random.Next(schema.ExampleRows.Count)];
            rows.Add(example.Select(cell => random.Next(3) == 0 ? Values[random.Next(Values.Length)] : cell).ToArray());
            if (random.Next(5) == 0)
            {
                rows.Add(rows[^1]); // a repeated row
            }
        }

        var plain = Outcome(() => read(Quoted(schema, rows, string.Empty)));
        var padded = Outcome(() => read(Quoted(schema, rows, "\u00A0")));
        Assert.True(plain == padded, $"seed {seed}:\n{plain}\n---\n{padded}");
        return true;
    }

    // Every cell quoted, so that the padding stays inside the cell.
    private static string Quoted(CsvSchema schema, List<string[]> rows, string pad)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', schema.Columns.Select(c => c.Name))).Append('\n');
        foreach (var row in rows)
        {
            text.Append(string.Join(',', row.Select(c => "\"" + pad + c.Replace("\"", "\"\"", StringComparison.Ordinal) + pad + "\""))).Append('\n');
        }

        return text.ToString();
    }

    private static string Outcome(Func<IEnumerable<string>> read)
    {
        try
        {
            return "records:\n" + string.Join('\n', read());
        }
        catch (KamValidationException ex)
        {
            return "errors:\n" + string.Join('\n', ex.Errors.Select(e => $"{e.Path} {e.Code} {e.AttemptedValue} {e.Message}"));
        }
    }
}
