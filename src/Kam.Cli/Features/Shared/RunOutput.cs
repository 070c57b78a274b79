using Kam.Cli.Hosting;
using Kam.Cli.IO;
using Kam.Cli.Reporting;

namespace Kam.Cli.Features.Shared;

/// <summary>How an engine command publishes its results: the report file first (atomically), then the tables to standard output.</summary>
internal static class RunOutput
{
    /// <summary>Publishes a command's results.</summary>
    /// <param name="context">The run's context (standard output is buffered until the command returns).</param>
    /// <param name="format">The format of standard output; <see cref="OutputFormat.Xlsx"/> writes the workbook to <paramref name="reportPath"/> instead of the report.</param>
    /// <param name="tables">The result tables.</param>
    /// <param name="reportPath">The report (or, with <see cref="OutputFormat.Xlsx"/>, the workbook) target, or <see langword="null"/>.</param>
    /// <param name="report">Builds the report (called only when <paramref name="reportPath"/> is set and the format is not <see cref="OutputFormat.Xlsx"/>).</param>
    /// <param name="currency">The ISO 4217 code of the run's amounts (the workbook's money format), or <see langword="null"/>.</param>
    /// <param name="sheets">The workbook's sheets when they are not one per table (e.g. a statement per person), or <see langword="null"/>.</param>
    /// <returns><see cref="ExitCodes.Ok"/>.</returns>
    public static int Publish(
        CliContext context,
        OutputFormat format,
        IReadOnlyList<ResultTable> tables,
        string? reportPath,
        Func<HtmlReport> report,
        string? currency = null,
        Func<IReadOnlyList<(string Name, ResultTable Table)>>? sheets = null) =>
        Publish(context, format, tables, reportPath, () => report().Render(), currency, sheets);

    /// <summary>Publishes a command's results whose report is a page of its own (not an <see cref="HtmlReport"/> of sections).</summary>
    /// <param name="context">The run's context (standard output is buffered until the command returns).</param>
    /// <param name="format">The format of standard output; <see cref="OutputFormat.Xlsx"/> writes the workbook to <paramref name="reportPath"/> instead of the page.</param>
    /// <param name="tables">The result tables.</param>
    /// <param name="reportPath">The page (or, with <see cref="OutputFormat.Xlsx"/>, the workbook) target, or <see langword="null"/>.</param>
    /// <param name="page">Renders the HTML page (called only when <paramref name="reportPath"/> is set and the format is not <see cref="OutputFormat.Xlsx"/>).</param>
    /// <param name="currency">The ISO 4217 code of the run's amounts (the workbook's money format), or <see langword="null"/>.</param>
    /// <param name="sheets">The workbook's sheets when they are not one per table, or <see langword="null"/>.</param>
    /// <returns><see cref="ExitCodes.Ok"/>.</returns>
    public static int Publish(
        CliContext context,
        OutputFormat format,
        IReadOnlyList<ResultTable> tables,
        string? reportPath,
        Func<string> page,
        string? currency = null,
        Func<IReadOnlyList<(string Name, ResultTable Table)>>? sheets = null)
    {
        if (format == OutputFormat.Xlsx)
        {
            // The command line requires --out with xlsx (CommonOptions.RequireWorkbookOut).
            var path = reportPath ?? throw new InvalidOperationException("--format xlsx needs --out.");
            var book = sheets?.Invoke() ?? tables.Select(t => (t.Name, t)).ToArray();
            AtomicFile.Write(path, stream => WorkbookWriter.Write(stream, book, currency));
            context.Output.WriteLine($"wrote {path} ({book.Count} {(book.Count == 1 ? "sheet" : "sheets")})");
            return ExitCodes.Ok;
        }

        if (reportPath is not null)
        {
            AtomicFile.WriteAllText(reportPath, page());
        }

        ResultWriter.Write(context.Output, format, tables);
        return ExitCodes.Ok;
    }
}
