using System.Text;
using Kam.Cli.Data;
using Kam.Cli.IO.Csv;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Cli.Sample;

namespace Kam.Core.Tests.Cli;

/// <summary>
/// The columnar storage of the readers: accounts kept in <see cref="AccountColumns"/> give back the records they were
/// made of, a file's accounts name their rows, the duplicate-row table finds repeats past its growth, and the UTF-8
/// check counts the file's lines.
/// </summary>
public sealed class ColumnarReadingTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Columns_made_of_records_give_back_the_same_records_and_sources()
    {
        var sample = SampleGenerator.Generate().Accounts;
        var columns = AccountColumns.From(sample);

        Assert.Equal(sample.Count, columns.Count);
        Assert.Equal(sample, columns);
        Assert.Equal(sample.Select(a => a.ToString()), columns.Select(a => a.ToString()));
        Assert.Same(columns, AccountColumns.From(columns));
        Assert.Null(columns.File);
        Assert.Null(columns[0].Source.Row);
    }

    [Fact]
    public void Accounts_read_from_a_file_name_their_rows_and_keep_strategic_answers_apart_from_no_answers()
    {
        var file = _temp.Write("a.csv", "# comment\naccount_id,name,currency,revenue,gross_profit,cost_to_serve,discounts,alliance,global_needs\nA1,X,CNY,10,5,1,1,yes,\n\nA2,Y,CNY,20,4,,,,\n");

        var accounts = AccountsCsv.Read(file);

        Assert.Equal(2, accounts.Count);
        Assert.Equal(file, accounts.File);
        Assert.Equal($"{file}:3:5", accounts[0].Source.Location("gross_profit"));
        Assert.Equal($"{file}:5:1", accounts[1].Source.Location("account_id"));
        Assert.Equal(3m, accounts.ContributionAt(0));
        Assert.Equal(new StrategicCriteria(false, false, true, false, false), accounts[0].Strategic);
        Assert.Null(accounts[1].Strategic);
        Assert.True(accounts.StrategicAnswer(0, 2));
        Assert.False(accounts.StrategicAnswer(0, 4));
        Assert.Null(accounts.StrategicAnswer(1, 2));
    }

    [Fact]
    public void A_file_of_more_accounts_than_the_first_columns_hold_is_read_whole()
    {
        var text = new StringBuilder("account_id,name,currency,revenue,gross_profit\n");
        for (var i = 0; i < 5000; i++)
        {
            text.Append('A').Append(i).Append(",N,CNY,").Append(i).Append(",1\n");
        }

        var accounts = AccountsCsv.Read(new StringReader(text.ToString()), "a.csv");

        Assert.Equal(5000, accounts.Count);
        Assert.Equal("A4999", accounts.Ids[4999].Value);
        Assert.Equal(4999m, accounts.Revenue[4999]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Repeated_rows_are_found_after_the_duplicate_table_grows(bool reserved)
    {
        var text = new StringBuilder("customer_id,date,amount,currency\n");
        for (var i = 0; i < 3000; i++)
        {
            text.Append('C').Append(i).Append(",2026-01-01,1,CNY\n");
        }

        text.Append("C7,2026-01-01,1,CNY\nC2999,2026-01-01,1,CNY\n");
        var file = _temp.Write("t.csv", text.ToString());

        var ex = Assert.Throws<KamValidationException>(() => reserved ? TransactionsCsv.Read(file) : TransactionsCsv.Read(new StringReader(text.ToString()), file));

        Assert.Equal(new[] { $"{file}:3002", $"{file}:3003" }, ex.Errors.Select(e => e.Path));
        Assert.Equal(new[] { "9", "3001" }, ex.Errors.Select(e => e.AttemptedValue?.ToString()));
        Assert.Equal(3002, TransactionsCsv.Read(file, keepDuplicates: true).Count);
    }

    /// <summary>
    /// A repeated account is found whether the file is sorted by identifier up to the repeat (no set is kept until an
    /// identifier comes out of order), out of order from the start, or repeated at once; the message names the first
    /// line of the account in every case.
    /// </summary>
    [Theory]
    [InlineData("A1|A2|A3|A2", "5:1", "A2", 3)]
    [InlineData("A1|A2|A3|A1|A4|A3", "5:1;7:1", "A1;A3", 2)]
    [InlineData("B|A|C|A", "5:1", "A", 3)]
    [InlineData("A|A", "3:1", "A", 2)]
    [InlineData("C|B|A|D|B", "6:1", "B", 3)]
    public void Repeated_accounts_are_found_in_sorted_and_unsorted_files(string ids, string places, string repeated, int firstLine)
    {
        var text = new StringBuilder("account_id,name,currency,revenue,gross_profit\n");
        foreach (var id in ids.Split('|'))
        {
            text.Append(id).Append(",N,CNY,1,1\n");
        }

        var ex = Assert.Throws<KamValidationException>(() => AccountsCsv.Read(new StringReader(text.ToString()), "a.csv"));

        Assert.Equal(places.Split(';').Select(p => $"a.csv:{p}"), ex.Errors.Select(e => e.Path));
        Assert.Equal(repeated.Split(';'), ex.Errors.Select(e => e.AttemptedValue?.ToString()));
        Assert.Contains($"already appears on line {firstLine}", ex.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_utf8_check_counts_the_line_feeds_of_ascii_and_non_ascii_text()
    {
        var text = string.Concat(Enumerable.Repeat("a,b\n", 40_000)) + "Société 河北\nx";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        Assert.Equal(40_001, Utf8Check.Verify(stream, "x.csv"));
        Assert.Equal(0, stream.Position);
    }
}
