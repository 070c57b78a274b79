using Kam.Cli.Hosting;
using Kam.Cli.IO;
using Kam.Cli.Reporting;

namespace Kam.Cli.Features.Shared;

/// <summary>How an engine command publishes its results: the report file first (atomically), then the tables to standard output.</summary>
internal static class RunOutput
{
    /// <summary>Publishes a command's results.</summary>
    /// <param name="context">The run's context (standard output is buffered until the command returns).</param>
    /// <param name="format">The format of standard output.</param>
    /// <param name="tables">The result tables.</param>
    /// <param name="reportPath">The report target, or <see langword="null"/>.</param>
    /// <param name="report">Builds the report (called only when <paramref name="reportPath"/> is set).</param>
    /// <returns><see cref="ExitCodes.Ok"/>.</returns>
    public static int Publish(CliContext context, OutputFormat format, IReadOnlyList<ResultTable> tables, string? reportPath, Func<HtmlReport> report)
    {
        if (reportPath is not null)
        {
            AtomicFile.WriteAllText(reportPath, report().Render());
        }

        ResultWriter.Write(context.Output, format, tables);
        return ExitCodes.Ok;
    }
}
