using System.CommandLine;
using Kam.Cli.IO;
using Kam.Cli.IO.Csv;
using Kam.Cli.Reporting;
using Kam.Core;
using NodaTime;
using NodaTime.Text;

namespace Kam.Cli.Features.Shared;

/// <summary>The options every engine command shares (<c>--format</c>, <c>--out</c>) and the parsing of typed option values.</summary>
/// <remarks>
/// Option values that are user input (dates, percentages, periods, rule files) are checked in the command's action
/// and reported as <see cref="KamValidationException"/> (exit code 2), like a bad CSV cell; only syntax errors of the
/// command line itself are parse errors (exit code 1).
/// </remarks>
internal static class CommonOptions
{
    /// <summary>Creates <c>--format table|csv|json|xlsx</c>.</summary>
    public static Option<string> Format()
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "How to write the results: table, csv or json to standard output; xlsx to the Excel workbook named by --out (one sheet per table).",
            DefaultValueFactory = _ => "table",
        };
        option.AcceptOnlyFromAmong("table", "csv", "json", "xlsx");
        return option;
    }

    /// <summary>Creates <c>--out report.html</c>.</summary>
    public static Option<string?> Out() => new("--out", "-o")
    {
        HelpName = "report.html",
        Description = "Also write the self-contained HTML report to this file; with --format xlsx, the workbook instead (written only when complete).",
    };

    /// <summary>
    /// Adds the rule that <c>--format xlsx</c> needs <c>--out</c> naming an <c>.xlsx</c> file to a command: otherwise a
    /// command-line error (exit code 1), since a workbook is not written to standard output.
    /// </summary>
    /// <param name="command">The command.</param>
    /// <param name="format">Its <c>--format</c> option.</param>
    /// <param name="output">Its <c>--out</c> option.</param>
    public static void RequireWorkbookOut(Command command, Option<string> format, Option<string?> output) =>
        command.Validators.Add(result =>
        {
            // The options' tokens, not their values: a value the option itself refuses (--format xml) is its own error.
            var formatTokens = result.GetResult(format)?.Tokens;
            if (formatTokens is not { Count: > 0 } || !string.Equals(formatTokens[^1].Value, "xlsx", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var outTokens = result.GetResult(output)?.Tokens;
            var path = outTokens is { Count: > 0 } ? outTokens[^1].Value : null;
            if (path is null)
            {
                result.AddError("--format xlsx writes an Excel workbook to a file: name it with --out, e.g. --format xlsx --out results.xlsx.");
            }
            else if (!path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                result.AddError($"--format xlsx writes an Excel workbook: --out '{path}' must end in .xlsx (the HTML report is written with the other formats).");
            }
        });

    /// <summary>Creates <c>--sheet NAME</c>: the worksheet to read in every workbook input that does not name one.</summary>
    /// <returns>The option.</returns>
    public static Option<string?> Sheet() => new("--sheet")
    {
        HelpName = "NAME",
        Description = "The worksheet to read in each .xlsx input that does not name one as file.xlsx#Sheet; default: its first sheet.",
    };

    /// <summary>Refuses <c>--sheet</c> (exit code 1) when no input of the command line is an .xlsx workbook.</summary>
    /// <param name="command">The command.</param>
    /// <param name="sheet">The <c>--sheet</c> option.</param>
    /// <param name="inputs">The command's input arguments and options.</param>
    public static void RequireWorkbookInput(Command command, Option<string?> sheet, params Symbol[] inputs) =>
        command.Validators.Add(result =>
        {
            var sheetTokens = result.GetResult(sheet)?.Tokens;
            if (sheetTokens is not { Count: > 0 })
            {
                return;
            }

            var paths = inputs.SelectMany(input => input switch
            {
                Argument argument => result.GetResult(argument)?.Tokens ?? [],
                Option option => result.GetResult(option)?.Tokens ?? [],
                _ => [],
            }).Select(t => t.Value);
            if (!paths.Any(p => IO.Excel.WorkbookPath.TrySplit(p, out _, out _)))
            {
                result.AddError($"--sheet '{sheetTokens[^1].Value}' names a worksheet, but no input is an .xlsx workbook.");
            }
        });

    /// <summary>Gives an input path with <c>--sheet</c> applied: <c>file.xlsx</c> becomes <c>file.xlsx#NAME</c>; a CSV file or a workbook path that names its sheet is kept.</summary>
    /// <param name="path">The input path as given, or <see langword="null"/>.</param>
    /// <param name="sheet">The <c>--sheet</c> value, or <see langword="null"/>.</param>
    /// <returns>The path to read.</returns>
    public static string? InSheet(string? path, string? sheet) =>
        path is null || sheet is null || !IO.Excel.WorkbookPath.TrySplit(path, out _, out var named) || named is not null ? path : $"{path}#{sheet}";

    /// <summary>Creates <c>--fiscal-year-start 1..12</c>.</summary>
    public static Option<int> FiscalYearStart()
    {
        var option = new Option<int>("--fiscal-year-start") { HelpName = "1..12", Description = "The first month of the fiscal year.", DefaultValueFactory = _ => 1 };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 12)
            {
                result.AddError("--fiscal-year-start must be a month number from 1 to 12.");
            }
        });
        return option;
    }

    /// <summary>Parses a <c>--format</c> value.</summary>
    public static OutputFormat ParseFormat(string? text) => text?.ToUpperInvariant() switch
    {
        "CSV" => OutputFormat.Csv,
        "JSON" => OutputFormat.Json,
        "XLSX" => OutputFormat.Xlsx,
        _ => OutputFormat.Table,
    };

    /// <summary>Reads a kind of period as the <c>--period</c> options spell it: month, quarter, half or year (any case, trimmed).</summary>
    /// <param name="text">The text.</param>
    /// <param name="kind">The kind, when the text is one of the four words.</param>
    /// <returns>Whether it is.</returns>
    public static bool TryParsePeriodKind(string text, out PeriodKind kind)
    {
        (var known, kind) = text.Trim().ToLowerInvariant() switch
        {
            "month" => (true, PeriodKind.Month),
            "quarter" => (true, PeriodKind.Quarter),
            "half" => (true, PeriodKind.Half),
            "year" => (true, PeriodKind.Year),
            _ => (false, default(PeriodKind)),
        };
        return known;
    }

    /// <summary>Creates an optional date option (<c>--as-of yyyy-MM-dd</c>), parsed by <see cref="ParseDate"/>.</summary>
    /// <param name="name">The option's name.</param>
    /// <param name="description">What the date means and its default.</param>
    /// <returns>The option.</returns>
    public static Option<string?> Date(string name, string description) => new(name) { HelpName = "yyyy-MM-dd", Description = description };

    /// <summary>Parses an optional date option (<c>yyyy-MM-dd</c>).</summary>
    /// <exception cref="KamValidationException">The text is not a date, or is outside the supported dates (<see cref="CsvColumns.MinDate"/>..<see cref="CsvColumns.MaxDate"/>).</exception>
    public static LocalDate? ParseDate(string option, string? text)
    {
        if (text is null)
        {
            return null;
        }

        var result = LocalDatePattern.Iso.Parse(text);
        if (!result.Success)
        {
            throw new KamValidationException(option, KamErrorCodes.InvalidFormat, text, "not a date in the form yyyy-MM-dd (e.g. 2026-06-30).");
        }

        return CsvColumns.IsSupported(result.Value)
            ? result.Value
            : throw new KamValidationException(option, KamErrorCodes.OutOfRange, text, $"is outside the supported dates {CsvColumns.DateRangeText}.");
    }

    /// <summary>Parses an optional percentage option (<c>10%</c>).</summary>
    /// <exception cref="KamValidationException">The text is not a percentage.</exception>
    public static Percentage? ParsePercentage(string option, string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return Percentage.Parse(text);
        }
        catch (KamValidationException ex)
        {
            throw new KamValidationException(option, ex.Errors[0].Code, text, ex.Errors[0].Message);
        }
    }

    /// <summary>Checks that an optional rule file exists (its content is read and validated by the engine's loader).</summary>
    /// <exception cref="KamValidationException">The file does not exist.</exception>
    public static string? RequireExistingFile(string option, string? path) => InputFiles.RequireExisting(option, path);

    /// <summary>
    /// Checks <c>--out</c> against the run's inputs before any work is done (see <see cref="OutputTarget"/>): a long
    /// run does not fail at the end, and no input is ever overwritten.
    /// </summary>
    /// <param name="path">The value of <c>--out</c>, or <see langword="null"/>.</param>
    /// <param name="inputs">Every file the run reads (CSV and rule files; null entries are skipped).</param>
    /// <returns>The report path, or <see langword="null"/> when <c>--out</c> was not given.</returns>
    /// <exception cref="KamValidationException">The target is refused.</exception>
    public static string? CheckOut(string? path, params IEnumerable<string?> inputs) => OutputTarget.Check("--out", path, inputs)?.Path;
}
