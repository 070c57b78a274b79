using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kam.Cli.Data;
using Kam.Cli.IO.Csv;
using Kam.Cli.IO.Csv.Schemas;

namespace Kam.Core.Tests.Cli;

/// <summary>
/// A large accounts file is read in parts side by side: the accounts (values, order, line numbers) or the problems
/// reported are exactly those of one pass, whatever the file holds — quoted fields with line feeds across a cut, comments,
/// blank lines, CRLF and bare CR line ends, a byte-order mark, unsorted identifiers, an identifier or a currency
/// repeated across parts, a bad cell, an amount total past its bound only when the parts are added.
/// </summary>
public sealed class ReadingInPartsTests : IDisposable
{
    private const string Header = "account_id,name,currency,revenue,gross_profit,cost_to_serve,orders,last_order";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Property(MaxTest = 150)]
    public Property Reading_in_parts_gives_what_one_pass_gives() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), Gen.Choose(2, 4).ToArbitrary(), (seed, parts) =>
        {
            var file = _temp.Write($"p{seed}-{parts}.csv", RandomFile(new Random(seed)));
            var (whole, one) = Outcome(file, 1);
            Assert.Equal(1, one);
            Assert.Equal(whole, Outcome(file, parts).Text);
            return true;
        });

    [Theory]
    [InlineData(false, 2)]
    [InlineData(true, 2)]
    [InlineData(false, 3)]
    [InlineData(true, 4)]
    public void A_clean_file_is_read_in_parts_with_the_file_s_line_numbers(bool shuffled, int parts)
    {
        var rows = Enumerable.Range(0, 300).Select(i => Row($"A{i:D4}", i)).ToList();
        if (shuffled)
        {
            rows = [.. rows.OrderBy(_ => Random.Shared.Next())];
        }

        var file = _temp.Write("clean.csv", "\uFEFF# exported\n\n" + Header + "\r\n" + string.Join("\r\n", rows) + "\r\n");

        var (whole, _) = Outcome(file, 1);
        var (split, used) = Outcome(file, parts);

        Assert.Equal(parts, used);
        Assert.Equal(whole, split);
        var accounts = AccountsCsv.Read(file, null, parts, 0).Accounts;
        Assert.Equal(300, accounts.Count);
        Assert.Equal(4, accounts.LineAt(0));
        Assert.Equal(303, accounts.LineAt(299));
        Assert.Equal($"{file}:303:4", accounts[299].Source.Location("revenue"));
    }

    [Fact]
    public void A_quoted_name_with_line_feeds_across_a_cut_is_read_as_in_one_pass()
    {
        var text = new StringBuilder(Header + "\n");
        for (var i = 0; i < 200; i++)
        {
            var name = i % 7 == 3 ? $"\"Line one\n\nline \"\"{i}\"\", three\n\"" : $"N{i}";
            text.Append(CultureInfo.InvariantCulture, $"A{i:D4},{name},CNY,{i},1,0,3,2026-01-0{1 + (i % 9)}\n");
        }

        var file = _temp.Write("quoted.csv", text.ToString());
        var inParts = 0;
        for (var parts = 2; parts <= 8; parts++)
        {
            var (text2, used) = Outcome(file, parts);
            Assert.Equal(Outcome(file, 1).Text, text2);
            inParts += used > 1 ? 1 : 0;
        }

        Assert.True(inParts > 0); // some cuts fall between rows: those reads were in parts, line numbers and all
        Assert.Equal("Line one\n\nline \"3\", three", AccountsCsv.Read(file, null, 2, 0).Accounts.Names[3]);
    }

    [Fact]
    public void An_identifier_repeated_in_a_later_part_is_reported_at_its_row_as_in_one_pass()
    {
        var rows = Enumerable.Range(0, 200).Select(i => Row($"A{i:D4}", i)).ToList();
        rows[190] = Row("A0005", 190);
        var file = _temp.Write("dup.csv", Header + "\n" + string.Join("\n", rows) + "\n");

        var (whole, _) = Outcome(file, 1);

        Assert.Equal(whole, Outcome(file, 2).Text);
        Assert.Contains($"{file}:192:1 ", whole, StringComparison.Ordinal);
        Assert.Contains("account 'A0005' already appears on line 7.", whole, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_currency_in_a_later_part_is_reported_as_in_one_pass()
    {
        var rows = Enumerable.Range(0, 200).Select(i => Row($"A{i:D4}", i)).ToList();
        rows[150] = rows[150].Replace(",CNY,", ",EUR,", StringComparison.Ordinal);
        var file = _temp.Write("eur.csv", Header + "\n" + string.Join("\n", rows) + "\n");

        var (whole, _) = Outcome(file, 1);

        Assert.Equal(whole, Outcome(file, 2).Text);
        Assert.Contains("one accounts file cannot mix currencies", whole, StringComparison.Ordinal);
    }

    [Fact]
    public void A_revenue_total_past_its_bound_only_when_the_parts_are_added_is_reported_at_its_row_as_in_one_pass()
    {
        // 1,400 rows of 10^15 − 1: each half stays under 10^18, the whole passes it at row 1,002.
        var rows = Enumerable.Range(0, 1400).Select(i => $"A{i:D4},N,CNY,999999999999999,1,0,1,2026-01-01");
        var file = _temp.Write("total.csv", Header + "\n" + string.Join("\n", rows) + "\n");

        var (whole, _) = Outcome(file, 1);

        Assert.Equal(whole, Outcome(file, 2).Text);
        Assert.Contains($"{file}:1002:4", whole, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\nb\nc\nd\n", 2, new[] { 6L }, new[] { 3L })]
    [InlineData("a\r\nb\r\nc\r\nd\r\n", 2, new[] { 9L }, new[] { 3L })]
    [InlineData("aaaaaaa\nb\nc\n", 3, new[] { 8L, 10L }, new[] { 1L, 2L })]
    [InlineData("a\rb\nc\nd\n", 2, new long[0], new long[0])]
    [InlineData("abcdefgh\n", 2, new long[0], new long[0])]
    public void The_utf8_check_cuts_the_file_after_line_feeds_and_not_where_a_carriage_return_ends_a_line(string text, int parts, long[] offsets, long[] lineFeeds)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var scan = Utf8Check.Verify(stream, "f.csv", parts);

        Assert.Equal(text.Count(c => c == '\n'), scan.LineFeeds);
        Assert.Equal(offsets, scan.Cuts.Select(c => c.Offset));
        Assert.Equal(lineFeeds, scan.Cuts.Select(c => c.LineFeeds));
        Assert.Equal(0, stream.Position);
    }

    private static string Row(string id, int i) =>
        string.Create(CultureInfo.InvariantCulture, $"{id},Name {i},CNY,{1000 + (i * 37 % 500)},{i % 90},{i % 5},{i % 12},2026-0{1 + (i % 9)}-1{i % 10}");

    /// <summary>The accounts read (each as a record with its line and a cell location) or the problems reported, and the number of parts.</summary>
    private static (string Text, int Parts) Outcome(string file, int parts)
    {
        try
        {
            var (accounts, used) = AccountsCsv.Read(file, null, parts, 0);
            var text = new StringBuilder();
            for (var i = 0; i < accounts.Count; i++)
            {
                text.Append(accounts[i]).Append(" @").Append(accounts.LineAt(i)).Append(' ').Append(accounts[i].Source.Location("currency")).Append('\n');
            }

            return (text.ToString(), used);
        }
        catch (KamValidationException ex)
        {
            return ("problems:\n" + string.Join("\n", ex.Errors.Select(e => $"{e.Path} {e.Code} [{e.AttemptedValue}] {e.Message}")), 1);
        }
    }

    /// <summary>An accounts file of 20–80 rows, mostly valid, with the things a cut could break.</summary>
    private static string RandomFile(Random random)
    {
        var count = random.Next(20, 81);
        var ids = Enumerable.Range(0, count).Select(i => $"A{i:D3}").ToList();
        if (random.Next(2) == 0)
        {
            ids = [.. ids.OrderBy(_ => random.Next())];
        }

        if (random.Next(5) == 0)
        {
            ids[random.Next(count)] = ids[random.Next(count)]; // a repeat, maybe in another part
        }

        var newline = random.Next(3) == 0 ? "\r\n" : "\n";
        var text = new StringBuilder(random.Next(4) == 0 ? "\uFEFF" : string.Empty);
        if (random.Next(3) == 0)
        {
            text.Append("# accounts").Append(newline).Append(newline);
        }

        text.Append(Header).Append(newline);
        for (var i = 0; i < count; i++)
        {
            var name = random.Next(8) switch
            {
                0 => "\"Quoted, with a comma\"",
                1 => "\"Two\nlines\"",
                2 => "\"A \"\"quote\"\"\"",
                3 when random.Next(4) == 0 => "Bare\rreturn",
                _ => "Name " + i.ToString(CultureInfo.InvariantCulture),
            };
            var currency = random.Next(60) == 0 ? "EUR" : "CNY";
            var revenue = random.Next(50) == 0 ? "x" : random.Next(0, 100000).ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{ids[i]},{name},{currency},{revenue},{random.Next(-500, 5000)},{random.Next(0, 300)},{random.Next(0, 30)},2026-0{random.Next(1, 10)}-1{random.Next(0, 10)}");
            text.Append(newline);
            if (random.Next(15) == 0)
            {
                text.Append(random.Next(2) == 0 ? "# a note" : string.Empty).Append(newline);
            }
        }

        return text.ToString();
    }
}
