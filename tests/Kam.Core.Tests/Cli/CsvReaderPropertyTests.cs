using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kam.Cli.Features.Pay;
using Kam.Cli.Features.Receivables;
using Kam.Cli.Features.WinLoss;
using Kam.Cli.Hosting;
using Kam.Cli.IO.Csv;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Core.Portfolio;
using Kam.Core.Stages.Playbooks;

namespace Kam.Core.Tests.Cli;

/// <summary>
/// The CSV readers are total: on any input — random cells mixing valid values with huge numbers, empty cells, odd
/// dates and instants, control characters, stray quotes and random text, or random bytes — each returns records or
/// throws <see cref="KamValidationException"/>, never another exception.
/// </summary>
/// <remarks>Each case is built from a seed with <see cref="Random"/>, so a failure names the seed and the text that broke the reader.</remarks>
public sealed class CsvReaderPropertyTests
{
    private static readonly string[] Nasty =
    [
        string.Empty, " ", "79228162514264337593543950335", "-79228162514264337593543950335", "792281625142643375935439503350",
        "1000000000000000", "-1000000000000000", "1000000000000001", "999999999999999.9999999999999", "1e30", "NaN", "-0", "0.0000000000000000000000000001",
        "1.", ".5", "--1", "+5", "1,5", "9999-12-31", "0001-01-01", "-9998-01-01", "2026-02-30", "1900-01-01", "2199-12-31", "2200-01-01",
        "9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00", "-9998-01-01T00:00:00Z", "2026-03-02T09:30:00+08:00", "2199-12-31T23:59:59-12:00",
        "yes", "no", "wonn", "won", "milestone", "success", "procurement", "lost", "abandoned", "CNY", "EUR", "XXX", "cny", "50%", "1e400%", "-5%",
        "101%", "100%", "79228162514264337593543950335%", "A B C", "A", "A B B A B C B B A B B A", "\u0001", "\0", "\"", "\uFFFD", "\uD800", "=1+2",
        "D1", "D2", "A001", "S01", "S02", "OP-0001", "s1.customer-info-gathered", "s1.meeting-agreed", "INV-0001", "INV-0002;INV-0001", "INV-0001;INV-0001", ";", "PAY-0001", "1", "8", "0", "9", "2147483648", "-2147483649",
        "won-value", "lost-price", "lost-moon", "abandoned-behind", "Rival Co", "s1.customer-info-gathered",
    ];

    [Property(MaxTest = 300)]
    public Property The_accounts_reader_returns_records_or_a_validation_error() =>
        Prop.ForAll(Seeds, seed => Total(seed, r => AccountsCsv.Read(new StringReader(Csv(r, AccountsCsv.Schema)), "accounts.csv")));

    [Property(MaxTest = 300)]
    public Property The_events_reader_returns_records_or_a_validation_error() =>
        Prop.ForAll(Seeds, seed => Total(seed, r => EventsCsv.Read(new StringReader(Csv(r, EventsCsv.Schema)), "events.csv")));

    [Property(MaxTest = 300)]
    public Property The_winloss_analysis_of_what_the_events_reader_returns_is_a_result_or_a_validation_error() =>
        Prop.ForAll(Seeds, seed => Total(seed, r => WinLossAnalysis.Run(
            EventsCsv.Read(new StringReader(Csv(r, EventsCsv.Schema)), "events.csv"), Playbook.Default, null, null, r.Next(2) == 0 ? null : "month", WinLossOptions.Default, FiscalCalendar.Calendar, new EngineFactory())));

    [Property(MaxTest = 300)]
    public Property The_winloss_analysis_of_well_formed_events_with_random_outcomes_codes_and_competitors_is_a_result_or_a_validation_error() =>
        Prop.ForAll(Seeds, seed => Total(seed, r => WinLossAnalysis.Run(
            EventsCsv.Read(new StringReader(WellFormedEvents(r)), "events.csv"), Playbook.Default, null, null, null, WinLossOptions.Default, FiscalCalendar.Calendar, new EngineFactory())));

    [Property(MaxTest = 300)]
    public Property The_transactions_reader_returns_records_or_a_validation_error() =>
        Prop.ForAll(Seeds, seed => Total(seed, r => TransactionsCsv.Read(new StringReader(Csv(r, TransactionsCsv.Schema)), "transactions.csv", keepDuplicates: r.Next(2) == 0)));

    [Property(MaxTest = 300)]
    public Property The_deals_and_collections_reader_returns_records_or_a_validation_error() =>
        Prop.ForAll(Seeds, seed => Total(seed, r =>
        {
            var checks = new PayChecks { AllowOvercollection = r.Next(2) == 0, KeepDuplicates = r.Next(2) == 0 };
            var deals = Csv(r, PayCsv.Deals);
            var collections = Csv(r, PayCsv.Collections);
            return PayCsv.Read(new StringReader(deals), "deals.csv", new StringReader(collections), "collections.csv", checks);
        }));

    [Property(MaxTest = 300)]
    public Property The_receivables_readers_and_analysis_return_a_report_or_a_validation_error() =>
        Prop.ForAll(Seeds, seed => Total(seed, r =>
        {
            var invoices = Csv(r, ReceivablesCsv.Invoices);
            var payments = Csv(r, ReceivablesCsv.Payments);
            var accounts = r.Next(2) == 0 ? new StringReader(Csv(r, ReceivablesCsv.Accounts)) : null;
            var input = ReceivablesCsv.Read(new StringReader(invoices), "invoices.csv", new StringReader(payments), "payments.csv", accounts);
            return ReceivablesAnalysis.Run(input, Kam.Core.Portfolio.Receivables.ReceivablesPolicy.Default, r.Next(2) == 0 ? null : new NodaTime.LocalDate(2026, 6, 30), new Kam.Cli.Hosting.EngineFactory());
        }));

    [Property(MaxTest = 100)]
    public Property The_people_reader_returns_records_or_a_validation_error() =>
        Prop.ForAll(Seeds, seed =>
        {
            using var temp = new TempFolder();
            return Total(seed, r =>
            {
                var path = temp.File("people.csv");
                File.WriteAllBytes(path, Encoding.UTF8.GetBytes(Csv(r, PayCsv.People))); // a lone surrogate becomes U+FFFD
                return PayInput.ReadPeople(path, PayRun.DefaultPlan);
            });
        });

    [Property(MaxTest = 200)]
    public Property Every_file_reader_returns_records_or_a_validation_error_on_random_bytes() =>
        Prop.ForAll(Seeds, seed =>
        {
            using var temp = new TempFolder();
            var random = new Random(seed);
            var schema = random.Next(6) switch { 0 => AccountsCsv.Schema, 1 => EventsCsv.Schema, 2 => TransactionsCsv.Schema, 3 => ReceivablesCsv.Invoices, 4 => ReceivablesCsv.Payments, _ => PayCsv.Collections };
            var bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);
            if (random.Next(3) > 0)
            {
                // Mostly a valid header and a valid row first, so the bytes reach the cells.
                var start = Encoding.UTF8.GetBytes(schema.ToFile([schema.ExampleRows[0]]));
                bytes = random.Next(2) == 0 ? [.. start, .. bytes] : [.. start, .. bytes.Select(b => b >= 0x80 && random.Next(2) == 0 ? (byte)'x' : b)];
            }

            var path = temp.File("input.csv");
            File.WriteAllBytes(path, bytes);
            return Total(seed, _ =>
            {
                object records = schema.FileName switch
                {
                    "accounts.csv" => AccountsCsv.Read(path),
                    "events.csv" => EventsCsv.Read(path),
                    "transactions.csv" => TransactionsCsv.Read(path),
                    "invoices.csv" => ReceivablesCsv.Read(path, temp.Write("payments.csv", ReceivablesCsv.Payments.ToExampleFile())),
                    "payments.csv" => ReceivablesCsv.Read(temp.Write("invoices.csv", ReceivablesCsv.Invoices.ToExampleFile()), path),
                    _ => PayCsv.Read(temp.Write("deals.csv", PayCsv.Deals.ToExampleFile()), path),
                };
                return records;
            });
        });

    private static Arbitrary<int> Seeds => Gen.Choose(0, int.MaxValue).ToArbitrary();

    /// <summary>Runs a reader on a seed's input: records or a validation error pass; any other exception fails with the seed.</summary>
    private static bool Total(int seed, Func<Random, object> read)
    {
        try
        {
            Assert.NotNull(read(new Random(seed)));
        }
        catch (KamValidationException ex)
        {
            Assert.NotEmpty(ex.Errors);
            Assert.All(ex.Errors, e => Assert.False(string.IsNullOrEmpty(e.Path)));
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"seed {seed}: {ex.GetType().Name}: {ex.Message}", ex);
        }

        return true;
    }

    /// <summary>A CSV file of a schema: its columns shuffled (optional ones sometimes left out, an extra one sometimes added) and 1–8 rows of cells that are each an example value, a nasty value or random text.</summary>
    private static string Csv(Random random, CsvSchema schema)
    {
        var columns = schema.Columns.Where(c => c.Required || random.Next(3) > 0).OrderBy(_ => random.Next()).ToList();
        var names = columns.Select(c => c.Name).ToList();
        if (random.Next(5) == 0)
        {
            names.Add("extra");
        }

        var text = new StringBuilder();
        if (random.Next(4) == 0)
        {
            text.Append("# a comment\n");
        }

        text.Append(string.Join(',', names.Select(Quote))).Append('\n');
        var rows = random.Next(1, 9);
        for (var r = 0; r < rows; r++)
        {
            if (r > 0 && random.Next(6) == 0)
            {
                text.Append(text.ToString().Split('\n')[^2]).Append('\n'); // repeat the previous row
                continue;
            }

            var example = schema.ExampleRows[random.Next(schema.ExampleRows.Count)];
            var cells = names.Select(name =>
            {
                var index = schema.Columns.ToList().FindIndex(c => c.Name == name);
                return random.Next(10) switch
                {
                    < 5 when index >= 0 => example[index],
                    < 8 => Nasty[random.Next(Nasty.Length)],
                    _ => RandomText(random),
                };
            });
            text.Append(string.Join(',', cells.Select(c => random.Next(8) == 0 && !c.Contains('"', StringComparison.Ordinal) ? c : Quote(c)))).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>An events file whose every cell parses, with random kinds, values, outcomes, reason codes (known, unknown, of another outcome) and competitors, so that the analysis, not the reader, meets them.</summary>
    private static string WellFormedEvents(Random random)
    {
        string[] kinds = ["milestone", "procurement", "won", "lost", "abandoned"];
        string[] values = ["0", "150000", "2500000", "79228162514264337593543950335"];
        string[] codes = ["", "", "won-value", "lost-price", "lost-moon", "abandoned-behind", "lost-customer-business"];
        string[] competitors = ["", "", "", "Rival Co", "Other Co"];
        var rows = new List<string[]>();
        for (var i = random.Next(1, 13); i > 0; i--)
        {
            var opportunity = random.Next(1, 4).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var kind = kinds[random.Next(kinds.Length)];
            var at = new DateTime(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc).AddDays(random.Next(0, 400)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            rows.Add(
            [
                "OP-" + opportunity, "A" + opportunity, "S01", values[random.Next(values.Length)], "CNY", "2026-09-30", at, kind,
                kind switch { "milestone" => "1", "procurement" => random.Next(1, 9).ToString(System.Globalization.CultureInfo.InvariantCulture), _ => string.Empty },
                kind == "milestone" ? "s1.customer-info-gathered" : string.Empty, string.Empty, random.Next(2) == 0 ? "price" : string.Empty,
                kind is "won" or "lost" or "abandoned" ? codes[random.Next(codes.Length)] : string.Empty,
                kind == "lost" ? competitors[random.Next(competitors.Length)] : string.Empty,
            ]);
        }

        return EventsCsv.Schema.ToFile(rows);
    }

    private static string Quote(string cell) => "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string RandomText(Random random)
    {
        var chars = new char[random.Next(0, 12)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = random.Next(4) switch
            {
                0 => (char)random.Next(0, 32),
                1 => (char)random.Next(0x80, 0x3000),
                _ => (char)random.Next(32, 127),
            };
        }

        return new string(chars);
    }
}
