using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Kam.Core.Tests.Cli;

/// <summary>A formula cell for <see cref="TestWorkbook"/>: the formula and its saved value (or none, as a workbook written by a program that does not calculate).</summary>
internal sealed record FormulaCell(string Formula, double? Cached);

/// <summary>An error value cell (<c>#N/A</c>) for <see cref="TestWorkbook"/>.</summary>
internal sealed record ErrorCell(string Error);

/// <summary>A number shown as a percentage (numFmt 10) for <see cref="TestWorkbook"/>.</summary>
internal sealed record PercentCell(double Fraction);

/// <summary>Writes small input workbooks for tests with the Open XML SDK, the way Excel stores them: shared strings, numbers, date serials with a date format, booleans, formulas, errors, merged cells.</summary>
internal static class TestWorkbook
{
    /// <summary>A sheet: its name, rows of cells (null = empty; string, double/int/decimal, DateTime, bool, <see cref="FormulaCell"/>, <see cref="ErrorCell"/>, <see cref="PercentCell"/>), merged ranges.</summary>
    public sealed record Sheet(string Name, object?[][] Rows, params string[] Merges);

    /// <summary>Writes a workbook.</summary>
    public static string Write(string path, params Sheet[] sheets)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var strings = new List<string>();
        var list = new Sheets();
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < sheet.Rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < sheet.Rows[r].Length; c++)
                {
                    if (Cell(sheet.Rows[r][c], Kam.Cli.Data.CellLocation.Letters(c + 1) + (r + 1).ToString(CultureInfo.InvariantCulture), strings) is { } cell)
                    {
                        row.Append(cell);
                    }
                }

                data.Append(row);
            }

            var worksheet = new Worksheet(data);
            if (sheet.Merges.Length > 0)
            {
                worksheet.Append(new MergeCells(sheet.Merges.Select(m => new MergeCell { Reference = m })));
            }

            part.Worksheet = worksheet;
            list.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Name = sheet.Name, SheetId = id++, Id = workbook.GetIdOfPart(part) });
        }

        var sst = workbook.AddNewPart<SharedStringTablePart>();
        sst.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })));
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellStyleFormats(new CellFormat()),
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }, new CellFormat { NumberFormatId = 10, ApplyNumberFormat = true }));
        workbook.Workbook = new Workbook(list);
        return path;
    }

    /// <summary>Converts CSV text (no quoted commas; '#' lines skipped) into rows typed as Excel would type them on opening the file: numbers, yyyy-MM-dd dates, percentages, text.</summary>
    public static object?[][] Typed(string csv) =>
        csv.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select((line, index) => line.Split(',').Select(cell => index == 0 ? cell : Type(cell)).ToArray())
            .ToArray();

    private static object? Type(string cell)
    {
        if (cell.Length == 0)
        {
            return null;
        }

        if (cell.Length == 10 && DateTime.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        if (cell.EndsWith('%') && double.TryParse(cell[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent))
        {
            return new PercentCell(percent / 100);
        }

        return double.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) ? number : cell;
    }

    private static Cell? Cell(object? value, string reference, List<string> strings)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                strings.Add(text);
                return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue((strings.Count - 1).ToString(CultureInfo.InvariantCulture)) };
            case DateTime day:
                return new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(day.ToOADate().ToString(CultureInfo.InvariantCulture)) };
            case bool flag:
                return new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(flag ? "1" : "0") };
            case FormulaCell formula:
                var cell = new Cell { CellReference = reference, CellFormula = new CellFormula(formula.Formula) };
                if (formula.Cached is { } cached)
                {
                    cell.CellValue = new CellValue(cached.ToString(CultureInfo.InvariantCulture));
                }

                return cell;
            case ErrorCell error:
                return new Cell { CellReference = reference, DataType = CellValues.Error, CellValue = new CellValue(error.Error) };
            case PercentCell percent:
                return new Cell { CellReference = reference, StyleIndex = 2, CellValue = new CellValue(percent.Fraction.ToString("R", CultureInfo.InvariantCulture)) };
            case IFormattable number:
                return new Cell { CellReference = reference, CellValue = new CellValue(number.ToString(null, CultureInfo.InvariantCulture)) };
            default:
                throw new ArgumentException($"no cell for {value.GetType()}", nameof(value));
        }
    }
}
