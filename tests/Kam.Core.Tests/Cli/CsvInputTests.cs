using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kam.Cli.IO.Csv;
using Kam.Cli.IO.Csv.Schemas;
using NodaTime;

namespace Kam.Core.Tests.Cli;

public sealed class CsvInputTests
{
    private const string Header = "account_id,name,currency,revenue,gross_profit";

    private static KamValidationException Fails(string csv, string name = "accounts.csv") =>
        Assert.Throws<KamValidationException>(() => AccountsCsv.Read(new StringReader(csv), name));

    [Fact]
    public void A_valid_file_with_comments_quotes_and_optional_columns_reads_into_records()
    {
        var rows = AccountsCsv.Read(new StringReader("""
            # a comment before the header
            account_id, Name ,currency,revenue,gross_profit,first_order,last_order,credit_ok,alliance,extra
            A1,"Huabei Steel, Group",CNY,1000.50,-20,2020-01-31,2026-06-30,no,yes,ignored
            # a comment between rows

            A2,Donghai,CNY,5,1,,,,,
            """), "accounts.csv");

        Assert.Equal(2, rows.Count);
        var a1 = rows[0];
        Assert.Equal(AccountId.Parse("A1"), a1.Id);
        Assert.Equal("Huabei Steel, Group", a1.Name);
        Assert.Equal(1000.50m, a1.Revenue);
        Assert.Equal(-20m, a1.GrossProfit);
        Assert.Equal(0m, a1.CostToServe);
        Assert.Equal(new LocalDate(2020, 1, 31), a1.FirstOrder);
        Assert.False(a1.CreditOk);
        Assert.NotNull(a1.Strategic);
        Assert.True(a1.Strategic!.WillingToFormAlliance);
        Assert.False(a1.Strategic.HasGlobalNeeds);
        Assert.Equal(Currency.CNY, rows[1].Currency);
        Assert.True(rows[1].CreditOk);
        Assert.Null(rows[1].Strategic);
        Assert.Null(rows[1].FirstOrder);
    }

    [Fact]
    public void A_missing_column_names_the_file_the_header_line_and_the_column()
    {
        var ex = Fails("# comment\naccount_id,name,currency,revenue\nA1,x,CNY,1\n");
        var error = Assert.Single(ex.Errors);
        Assert.Equal("accounts.csv:2", error.Path);
        Assert.Equal(KamErrorCodes.Required, error.Code);
        Assert.Contains("'gross_profit'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_date_names_file_line_and_column_counting_comment_lines()
    {
        var ex = Fails("# one\n# two\naccount_id,name,currency,revenue,gross_profit,first_order\nA1,x,CNY,1,1,2026-02-30\n");
        var error = Assert.Single(ex.Errors);
        Assert.Equal("accounts.csv:4:6", error.Path);
        Assert.Equal(KamErrorCodes.InvalidFormat, error.Code);
        Assert.Equal("2026-02-30", error.AttemptedValue);
        Assert.Contains("yyyy-MM-dd", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,000", KamErrorCodes.InvalidFormat)]
    [InlineData("12abc", KamErrorCodes.InvalidFormat)]
    [InlineData("1e5", KamErrorCodes.InvalidFormat)]
    [InlineData("-5", KamErrorCodes.OutOfRange)]
    public void A_bad_number_names_file_line_and_column(string revenue, string code)
    {
        var ex = Fails($"{Header}\nA1,x,CNY,1,1\nA2,y,CNY,\"{revenue}\",1\n");
        var error = Assert.Single(ex.Errors);
        Assert.Equal("accounts.csv:3:4", error.Path);
        Assert.Equal(code, error.Code);
        Assert.Equal(revenue, error.AttemptedValue);
    }

    [Fact]
    public void Every_problem_of_the_file_is_reported_in_one_pass()
    {
        var ex = Fails($"{Header}\n,x,CNY,1,1\nA2,,QQQ,abc,1\nA2,z,CNY,1,1\n");
        Assert.Equal(
            ["accounts.csv:2:1", "accounts.csv:3:2", "accounts.csv:3:3", "accounts.csv:3:4", "accounts.csv:4:1"],
            ex.Errors.Select(e => e.Path).ToArray());
        Assert.Equal(KamErrorCodes.Required, ex.Errors[0].Code);
        Assert.Equal(KamErrorCodes.Duplicate, ex.Errors[^1].Code);
    }

    [Fact]
    public void Reading_stops_after_the_error_cap()
    {
        var rows = string.Concat(Enumerable.Range(1, 100).Select(i => $"A{i},x,CNY,bad,1\n"));
        var ex = Fails(Header + "\n" + rows);
        Assert.Equal(CsvFile.MaxErrors + 1, ex.Errors.Count);
        Assert.Contains("reading stopped", ex.Errors[^1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "accounts.csv", KamErrorCodes.Empty)]
    [InlineData("# only comments\n", "accounts.csv", KamErrorCodes.Empty)]
    [InlineData(Header + "\n", "accounts.csv:1", KamErrorCodes.Empty)]
    [InlineData("account_id,name,Name,currency,revenue,gross_profit\nA,b,c,CNY,1,1\n", "accounts.csv:1:3", KamErrorCodes.Duplicate)]
    [InlineData(Header + "\nA1,\"x\"y,CNY,1,1\n", "accounts.csv:2", KamErrorCodes.InvalidFormat)]
    public void Structural_problems_are_validation_errors_with_a_location(string csv, string path, string code)
    {
        var error = Fails(csv).Errors[0];
        Assert.Equal(path, error.Path);
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void A_wrong_file_is_reported_by_its_missing_columns()
    {
        var ex = Fails(EventsCsv.Schema.ToExampleFile(), "events.csv");
        Assert.All(ex.Errors, e => Assert.Equal(KamErrorCodes.Required, e.Code));
        Assert.Contains(ex.Errors, e => e.Message.Contains("'revenue'", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_folder_and_binary_files_are_reported_without_exceptions_of_other_kinds()
    {
        using var temp = new TempFolder();
        var missing = Assert.Throws<KamValidationException>(() => AccountsCsv.Read(temp.File("nope.csv")));
        Assert.Equal(KamErrorCodes.Unknown, missing.Errors[0].Code);
        Assert.Equal(temp.File("nope.csv"), missing.Errors[0].Path);

        var folder = Assert.Throws<KamValidationException>(() => AccountsCsv.Read(temp.Path));
        Assert.Contains("folder", folder.Errors[0].Message, StringComparison.Ordinal);

        var binary = temp.File("binary.csv");
        File.WriteAllBytes(binary, [.. "account_id,name,currency,revenue,gross_profit\n"u8, 0x41, 0x00, 0x01, 0xFF, 0x2C, 0x0A]);
        var ex = Assert.Throws<KamValidationException>(() => AccountsCsv.Read(binary));
        Assert.Contains("binary", ex.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12.5%", true)]
    [InlineData("12.5", false)]
    [InlineData("101%", false)]
    public void Percentage_cells_need_a_percent_sign_and_a_range(string text, bool ok)
    {
        var column = CsvColumns.Percentage("p", true, "", "");
        Assert.Equal(ok, column.TryParse(text, out var value, out var problem));
        Assert.Equal(ok, problem is null);
        if (ok)
        {
            Assert.Equal(Percentage.FromPercent(12.5m), value);
        }
        else
        {
            Assert.Equal(text.EndsWith('%') ? KamErrorCodes.OutOfRange : KamErrorCodes.InvalidFormat, problem!.Code);
        }
    }

    [Theory]
    [InlineData("2026-03-31T09:30:00Z", "2026-03-31T09:30:00Z")]
    [InlineData("2026-03-31T17:30:00+08:00", "2026-03-31T09:30:00Z")]
    public void Instant_cells_need_an_offset(string text, string utc)
    {
        var column = CsvColumns.Instant("at", true, "", "");
        Assert.True(column.TryParse(text, out var value, out _));
        Assert.Equal(utc, value.ToString());
        Assert.False(column.TryParse("2026-03-31T09:30:00", out _, out var problem));
        Assert.Equal(KamErrorCodes.InvalidFormat, problem!.Code);
    }

    [Fact]
    public void Money_yes_no_and_one_of_cells_parse_their_documented_forms()
    {
        Assert.True(CsvColumns.Money("m", true, "", "").TryParse("1234.50 CNY", out var money, out _));
        Assert.Equal(Money.Of(1234.50m, "CNY"), money);
        Assert.False(CsvColumns.Money("m", true, "", "").TryParse("1234.50", out _, out _));
        var yesNo = CsvColumns.YesNo("b", true, "", "");
        Assert.True(yesNo.TryParse("Y", out var yes, out _) && yes);
        Assert.True(yesNo.TryParse("false", out var no, out _) && !no);
        Assert.False(yesNo.TryParse("maybe", out _, out _));
        var kind = CsvColumns.OneOf("k", true, "", ["won", "lost"]);
        Assert.True(kind.TryParse("WON", out var word, out _));
        Assert.Equal("won", word);
        Assert.False(kind.TryParse("draw", out _, out _));
    }

    [Property]
    public Property Decimal_cells_read_back_every_invariant_decimal_text()
    {
        var column = CsvColumns.Decimal("d", true, "", "");
        return Prop.ForAll(Generators.Amount.ToArbitrary(), amount =>
            column.TryParse(amount.ToString(CultureInfo.InvariantCulture), out var value, out var problem) && value == amount && problem is null);
    }
}
