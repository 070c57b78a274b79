using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kam.Cli.Data;
using Kam.Cli.IO.Excel;
using Kam.Cli.Reporting;

namespace Kam.Core.Tests.Cli;

/// <summary>Excel in (.xlsx worksheets read through the CSV rows' checks, errors at <c>file.xlsx!Sheet:row:D</c>) and Excel out (<c>--format xlsx --out</c>).</summary>
public sealed class ExcelTests : IDisposable
{
    private const string Accounts = """
        account_id,name,currency,revenue,gross_profit,cost_to_serve,discounts,last_order,orders,credit_ok,collaboration,contact_breadth,strategic_investment,first_choice_supplier,alliance,joint_ventures,global_needs
        K4,Delta,CNY,60,20,5,3,2026-05-01,4,yes,2,2,,,,,
        K1,=HYPERLINK(1),CNY,500,120,30,10,2026-06-20,30,yes,5,5,yes,yes,yes,yes,yes
        K5,Echo,CNY,40,8,10,2,2026-01-10,1,yes,1,1,no,no,no,no,no
        K2,Bravo,CNY,300,90,20,5,2026-06-01,12,no,4,3,yes,yes,yes,yes,yes
        K3,Charlie,CNY,100.25,40,5,5,,,yes,,,,,,,
        """;

    private const string Plan = """
        {
          "name": "Test plan",
          "currency": "CNY",
          "rounding": "AwayFromZero",
          "effectiveFrom": "2026-01-01",
          "components": [
            { "kind": "BaseSalary", "name": "Base", "monthly": "5000 CNY" },
            { "kind": "Commission", "name": "Commission", "basis": "CollectedCash", "monthlyAdvance": "80%", "yearEndTrueUp": true,
              "schedule": { "method": "Marginal", "measure": "Volume",
                "bands": [ { "from": 0, "to": 600000, "rate": "2%" }, { "from": 600000, "rate": "4%" } ] } }
          ]
        }
        """;

    private const string Deals = """
        deal_id,salesperson,account_id,opportunity_id,booked_on,amount,currency,gross_margin
        D1,S01,A1,,2026-01-10,300000,CNY,25%
        D2,S02,A2,,2026-02-01,100000,CNY,
        """;

    private const string Collections = """
        deal_id,collected_on,amount,currency
        D1,2026-02-15,120000,CNY
        D1,2026-11-20,180000,CNY
        D2,2026-03-05,100000,CNY
        """;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_typed_worksheet_gives_the_same_results_as_the_csv_file()
    {
        var csv = _temp.Write("accounts.csv", Accounts);
        var book = TestWorkbook.Write(_temp.File("accounts.xlsx"), new TestWorkbook.Sheet("Accounts", TestWorkbook.Typed(Accounts)));

        var fromCsv = CliHarness.Run("tier", csv, "--as-of", "2026-06-20", "--format", "csv");
        var fromBook = CliHarness.Run("tier", book, "--as-of", "2026-06-20", "--format", "csv");
        Assert.Equal(0, fromCsv.Exit);
        Assert.Equal((0, string.Empty), (fromBook.Exit, fromBook.Err));
        Assert.Equal(fromCsv.Out, fromBook.Out);
        Assert.Contains("100.25", fromBook.Out, StringComparison.Ordinal); // a typed number keeps its decimals
    }

    [Fact]
    public void Sheet_picks_the_worksheet_of_every_workbook_input_that_names_none()
    {
        var csv = _temp.Write("accounts.csv", Accounts);
        var book = TestWorkbook.Write(
            _temp.File("accounts.xlsx"),
            new TestWorkbook.Sheet("Notes", [["nothing here"]]),
            new TestWorkbook.Sheet("Accounts", TestWorkbook.Typed(Accounts)));

        var fromCsv = CliHarness.Run("tier", csv, "--as-of", "2026-06-20", "--format", "csv");
        var fromSheet = CliHarness.Run("tier", book, "--sheet", "Accounts", "--as-of", "2026-06-20", "--format", "csv");
        Assert.Equal((0, string.Empty), (fromSheet.Exit, fromSheet.Err));
        Assert.Equal(fromCsv.Out, fromSheet.Out);

        // A sheet named in the path wins over --sheet; without either, the first sheet (here not a table) is read.
        Assert.Equal(fromCsv.Out, CliHarness.Run("tier", book + "#Accounts", "--sheet", "Notes", "--as-of", "2026-06-20", "--format", "csv").Out);
        Assert.Equal(2, CliHarness.Run("tier", book, "--as-of", "2026-06-20").Exit);
        Assert.Contains("accounts.xlsx!Nope", CliHarness.Run("tier", book, "--sheet", "Nope").Err, StringComparison.Ordinal);

        // --sheet with no workbook input is a command-line error.
        var noBook = CliHarness.Run("tier", csv, "--sheet", "Accounts");
        Assert.Equal(1, noBook.Exit);
        Assert.Contains("--sheet 'Accounts' names a worksheet, but no input is an .xlsx workbook", noBook.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Pay_reads_three_sheets_of_one_workbook_named_file_hash_sheet()
    {
        var plan = _temp.Write("plan.json", Plan);
        var deals = _temp.Write("deals.csv", Deals);
        var collections = _temp.Write("collections.csv", Collections);
        var book = TestWorkbook.Write(
            _temp.File("pay.xlsx"),
            new TestWorkbook.Sheet("Notes", [["nothing here"]]),
            new TestWorkbook.Sheet("Deals", TestWorkbook.Typed(Deals)),
            new TestWorkbook.Sheet("Collections", TestWorkbook.Typed(Collections)));

        var fromCsv = CliHarness.Run("pay", plan, deals, collections, "--format", "csv");
        var fromBook = CliHarness.Run("pay", plan, book + "#Deals", book + "#collections", "--format", "csv"); // sheet names ignore case, as in Excel
        Assert.Equal(0, fromCsv.Exit);
        Assert.Equal((0, string.Empty), (fromBook.Exit, fromBook.Err));
        Assert.Equal(fromCsv.Out, fromBook.Out);
    }

    [Fact]
    public void Text_dates_in_the_csv_form_and_formulas_with_saved_values_are_read()
    {
        var rows = TestWorkbook.Typed(Accounts);
        rows[1][7] = "2026-05-01"; // a date stored as text
        rows[3][3] = new FormulaCell("20+20", 40); // a formula with its saved value
        var book = TestWorkbook.Write(_temp.File("accounts.xlsx"), new TestWorkbook.Sheet("Accounts", rows));
        var csv = _temp.Write("accounts.csv", Accounts);

        var fromBook = CliHarness.Run("tier", book, "--as-of", "2026-06-20", "--format", "csv");
        Assert.Equal((0, string.Empty), (fromBook.Exit, fromBook.Err));
        Assert.Equal(CliHarness.Run("tier", csv, "--as-of", "2026-06-20", "--format", "csv").Out, fromBook.Out);
    }

    [Fact]
    public void A_bad_cell_is_located_by_sheet_row_and_column_letter()
    {
        var rows = TestWorkbook.Typed(Accounts);
        rows[2][3] = "12k"; // revenue of K1: row 3, column D
        rows[4][0] = "K1"; // a duplicate account id: row 5, column A
        var book = TestWorkbook.Write(_temp.File("accounts.xlsx"), new TestWorkbook.Sheet("Accounts", rows));

        var (exit, output, error) = CliHarness.Run("tier", book);
        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Contains("accounts.xlsx!Accounts:3:D: column 'revenue': not a number", error, StringComparison.Ordinal);
        Assert.Contains("accounts.xlsx!Accounts:5:A: account 'K1' already appears on line 3", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Formulas_without_values_and_error_values_are_located_errors()
    {
        var rows = TestWorkbook.Typed(Accounts);
        rows[1][3] = new FormulaCell("SUM(X1:X9)", null);
        rows[2][4] = new ErrorCell("#N/A");
        var book = TestWorkbook.Write(_temp.File("accounts.xlsx"), new TestWorkbook.Sheet("Accounts", rows));

        var (exit, _, error) = CliHarness.Run("tier", book);
        Assert.Equal(2, exit);
        Assert.Contains("accounts.xlsx!Accounts:2:D: column 'revenue': the cell holds a formula whose value is not saved in the workbook", error, StringComparison.Ordinal);
        Assert.Contains("value '=SUM(X1:X9)'", error, StringComparison.Ordinal);
        Assert.Contains("accounts.xlsx!Accounts:3:E: column 'gross_profit': the cell holds the error value #N/A", error, StringComparison.Ordinal);
        Assert.DoesNotContain("needs a value", error, StringComparison.Ordinal); // one problem per cell
    }

    [Fact]
    public void Merged_header_cells_are_named_with_the_missing_columns()
    {
        var rows = TestWorkbook.Typed(Accounts);
        rows[0][4] = null; // gross_profit's header merged into revenue's
        var book = TestWorkbook.Write(_temp.File("accounts.xlsx"), new TestWorkbook.Sheet("Accounts", rows, "D1:E1"));

        var (exit, _, error) = CliHarness.Run("tier", book);
        Assert.Equal(2, exit);
        Assert.Contains("accounts.xlsx!Accounts:1:D: the cells D1:E1 are merged", error, StringComparison.Ordinal);
        Assert.Contains("accounts.xlsx!Accounts:1: the header has no column 'gross_profit'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_sheet_a_missing_sheet_and_a_file_that_is_not_a_workbook_are_refused()
    {
        var book = TestWorkbook.Write(_temp.File("book.xlsx"), new TestWorkbook.Sheet("Empty", []), new TestWorkbook.Sheet("Accounts", TestWorkbook.Typed(Accounts)));

        var empty = CliHarness.Run("tier", book);
        Assert.Equal(2, empty.Exit);
        Assert.Contains("book.xlsx!Empty: the sheet is empty", empty.Err, StringComparison.Ordinal);

        var missing = CliHarness.Run("tier", book + "#Acounts");
        Assert.Equal(2, missing.Exit);
        Assert.Contains("book.xlsx!Acounts: the workbook has no sheet named 'Acounts'; its sheets: 'Empty', 'Accounts'", missing.Err, StringComparison.Ordinal);

        var text = _temp.Write("text.xlsx", Accounts);
        var notBook = CliHarness.Run("tier", text);
        Assert.Equal(2, notBook.Exit);
        Assert.Contains("text.xlsx: is not an .xlsx workbook", notBook.Err, StringComparison.Ordinal);

        var headerOnly = TestWorkbook.Write(_temp.File("header.xlsx"), new TestWorkbook.Sheet("A", [TestWorkbook.Typed(Accounts)[0]]));
        Assert.Contains("header.xlsx!A:1: the sheet has a header but no data rows", CliHarness.Run("tier", headerOnly).Err, StringComparison.Ordinal);

        Assert.Equal(2, CliHarness.Run("tier", _temp.File("absent.xlsx")).Exit);
    }

    [Fact]
    public void Serial_dates_percentages_and_booleans_become_the_csv_text()
    {
        Assert.Equal("2026-03-31", new SheetCell(SheetCellKind.Number, null, 46112, IsDate: false).AsText(typeof(NodaTime.LocalDate), date1904: false));
        Assert.Equal("1900-01-01", new SheetCell(SheetCellKind.Number, null, 1, true).AsText(typeof(NodaTime.LocalDate), false));
        Assert.Equal("1900-02-29", new SheetCell(SheetCellKind.Number, null, 60, true).AsText(typeof(NodaTime.LocalDate), false)); // Excel's phantom day: the parser refuses it
        Assert.Equal("1900-03-01", new SheetCell(SheetCellKind.Number, null, 61, true).AsText(typeof(NodaTime.LocalDate), false));
        Assert.Equal("2026-03-31", new SheetCell(SheetCellKind.Number, null, 46112 - 1462, true).AsText(typeof(NodaTime.LocalDate), date1904: true));
        Assert.Equal("2026-03-31T12:00:00", new SheetCell(SheetCellKind.Number, null, 46112.5, true).AsText(typeof(NodaTime.LocalDate), false)); // a time of day: not a date
        Assert.Equal("2026-03-31T12:00:00Z", new SheetCell(SheetCellKind.Number, null, 46112.5, true).AsText(typeof(NodaTime.Instant), false));
        Assert.Equal("22.5%", new SheetCell(SheetCellKind.Number, null, 0.225, true).AsText(typeof(Percentage), false));
        Assert.Equal("0.1", new SheetCell(SheetCellKind.Number, null, 0.1, false).AsText(typeof(decimal), false));
        Assert.Equal("2026-03-31", new SheetCell(SheetCellKind.Number, null, 46112, true).AsText(typeof(string), false));
        Assert.Equal("yes", new SheetCell(SheetCellKind.Boolean, null, 1, false).AsText(typeof(bool), false));
    }

    [Property(MaxTest = 300)]
    public Property Column_letters_and_numbers_round_trip() =>
        Prop.ForAll(Gen.Choose(1, 16384).ToArbitrary(), n =>
            SheetReader.ColumnIndex(CellLocation.Letters(n) + "7") == n - 1 && SheetReader.RowNumber(CellLocation.Letters(n) + "7") == 7);

    [Fact]
    public void Column_letters_follow_excel()
    {
        Assert.Equal(["A", "Z", "AA", "AZ", "ZZ", "AAA", "XFD"], new[] { 1, 26, 27, 52, 702, 703, 16384 }.Select(CellLocation.Letters));
        Assert.Equal("f.xlsx!S:12:D", CellLocation.Of("f.xlsx!S", 12, 4));
        Assert.Equal("f.csv:12:4", CellLocation.Of("f.csv", 12, 4));
    }

    [Fact]
    public void The_workbook_has_typed_cells_a_frozen_header_and_no_formulas()
    {
        var csv = _temp.Write("accounts.csv", Accounts);
        var target = _temp.File("tiers.xlsx");
        var (exit, output, error) = CliHarness.Run("tier", csv, "--as-of", "2026-06-20", "--format", "xlsx", "--out", target);
        Assert.Equal((0, string.Empty), (exit, error));
        Assert.Contains("wrote", output, StringComparison.Ordinal);

        using var document = SpreadsheetDocument.Open(target, false);
        Assert.Empty(new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken));
        var workbook = document.WorkbookPart!;
        var names = workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToArray();
        Assert.Equal(["accounts", "tiers", "near_misses"], names);

        var sheet = Worksheet(workbook, "accounts");
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal((1.0, "A2", PaneStateValues.Frozen), (pane.VerticalSplit!.Value, pane.TopLeftCell!.Value, pane.State!.Value));
        Assert.Empty(workbook.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<CellFormula>()));
        Assert.All(sheet.Descendants<Column>(), c => Assert.True(c.Width!.Value >= 5));

        var rows = sheet.Descendants<Row>().ToArray();
        var header = rows[0].Elements<Cell>().Select(c => c.InnerText).ToList();
        Cell At(int row, string column) => rows[row].Elements<Cell>().ElementAt(header.IndexOf(column));
        string Format(Cell cell) => NumberFormat(workbook, cell);

        // K1, named =HYPERLINK(1): an inline string, not a formula.
        var k1 = Array.FindIndex(rows, r => r.Elements<Cell>().First().InnerText == "K1");
        Assert.Equal(CellValues.InlineString, At(k1, "name").DataType!.Value);
        Assert.Equal("=HYPERLINK(1)", At(k1, "name").InnerText);

        // Money in the currency's format, percentages as fractions shown as percentages.
        Assert.Equal("500", At(k1, "revenue").CellValue!.Text);
        Assert.Equal("#,##0.00 \"CNY\"", Format(At(k1, "revenue")));
        Assert.Equal(0.499875, double.Parse(At(k1, "share_pct").CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture), 12); // share_pct 49.9875 stored as 0.499875
        Assert.EndsWith("%", Format(At(k1, "share_pct")), StringComparison.Ordinal);
        Assert.Equal(CellValues.Boolean, At(k1, "key_account").DataType!.Value);
        Assert.Equal("#,##0", Format(At(k1, "r")));
    }

    [Fact]
    public void Pay_writes_a_summary_and_one_statement_sheet_per_person()
    {
        var plan = _temp.Write("plan.json", Plan);
        var deals = _temp.Write("deals.csv", Deals);
        var collections = _temp.Write("collections.csv", Collections);
        var target = _temp.File("pay.xlsx");
        var (exit, _, error) = CliHarness.Run("pay", plan, deals, collections, "--format", "xlsx", "--out", target);
        Assert.Equal((0, string.Empty), (exit, error));

        using var document = SpreadsheetDocument.Open(target, false);
        Assert.Empty(new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken));
        var workbook = document.WorkbookPart!;
        Assert.Equal(["summary", "S01", "S02"], workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        var s01 = Worksheet(workbook, "S01").Descendants<Row>().Skip(1).ToArray();
        Assert.NotEmpty(s01);
        Assert.All(s01, r => Assert.Equal("S01", r.Elements<Cell>().First().InnerText));
        var amount = s01[0].Elements<Cell>().Last();
        Assert.Equal("#,##0.00 \"CNY\"", NumberFormat(workbook, amount));
    }

    [Fact]
    public void Xlsx_needs_an_out_file_ending_in_xlsx_that_is_not_an_input()
    {
        var book = TestWorkbook.Write(_temp.File("accounts.xlsx"), new TestWorkbook.Sheet("Accounts", TestWorkbook.Typed(Accounts)));

        var noOut = CliHarness.Run("tier", book, "--format", "xlsx");
        Assert.Equal(1, noOut.Exit);
        Assert.Contains("--format xlsx writes an Excel workbook to a file: name it with --out", noOut.Err, StringComparison.Ordinal);

        Assert.Equal(1, CliHarness.Run("tier", book, "--format", "xlsx", "--out", _temp.File("r.html")).Exit);

        var before = File.ReadAllBytes(book);
        var self = CliHarness.Run("tier", book + "#Accounts", "--format", "xlsx", "--out", book);
        Assert.Equal(2, self.Exit);
        Assert.Contains("is the input file", self.Err, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(book));
    }

    [Fact]
    public void Sheet_names_are_valid_unique_and_at_most_31_characters()
    {
        var names = WorkbookWriter.SheetNames(["summary", "Summary", "a/b:c", new string('x', 40), new string('x', 40), "", "History"]);
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, n => Assert.InRange(n.Length, 1, 31));
        Assert.Equal(["summary", "Summary (2)", "a_b_c"], names.Take(3));
        Assert.DoesNotContain("History", names);
    }

    [Fact]
    public void Text_escapes_keep_control_characters_and_literal_escapes()
    {
        Assert.Equal("a_x0001_b", WorkbookWriter.Escape("a\u0001b"));
        Assert.Equal("_x005F_x0041_", WorkbookWriter.Escape("_x0041_"));
        Assert.Equal("plain", WorkbookWriter.Escape("plain"));
    }

    private static Worksheet Worksheet(WorkbookPart workbook, string name)
    {
        var id = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name).Id!.Value!;
        return ((WorksheetPart)workbook.GetPartById(id)).Worksheet;
    }

    private static string NumberFormat(WorkbookPart workbook, Cell cell)
    {
        var styles = workbook.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0)).NumberFormatId!.Value;
        return format switch
        {
            0 => "General",
            3 => "#,##0",
            4 => "#,##0.00",
            10 => "0.00%",
            _ => styles.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId! == format).FormatCode!.Value!,
        };
    }
}
