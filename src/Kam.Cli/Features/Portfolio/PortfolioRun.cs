using System.Globalization;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Cli.IO;
using Kam.Cli.Reporting;
using Kam.Core.Portfolio.Matrices;

namespace Kam.Cli.Features.Portfolio;

/// <summary>Runs <c>kam portfolio</c> on a validated request: the command's handler and its part of <c>kam demo</c>.</summary>
internal static class PortfolioRun
{
    /// <summary>Handles <c>kam portfolio</c>.</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="context">The run's context.</param>
    /// <returns>The exit code.</returns>
    public static int Handle(PortfolioRequest request, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var folder = request.Folder;
        var matrix = request.MatrixPath is null ? null : RuleFile.Load(request.MatrixPath, "--matrix", PortfolioMatrix.FromJson);
        var data = PortfolioLoad.Load(folder, context.Services, context.Error.WriteLine);
        var rules = PortfolioLoad.Rules(folder.Rules, data.Sources.Catalog);
        PortfolioResult result;
        try
        {
            result = PortfolioAnalysis.Run(data, rules, matrix);
        }
        catch (Kam.Core.KamValidationException ex) when (request.MatrixPath is not null && ex.Errors.All(e => e.Path.StartsWith("$.", StringComparison.Ordinal)))
        {
            throw new Kam.Core.KamValidationException(ex.Errors.Select(e => e with { Path = $"{request.MatrixPath}:{e.Path}" }));
        }

        var tables = PortfolioViews.Tables(result, request.Top);
        return RunOutput.Publish(context, folder.Format, tables, folder.ReportPath, () => Report(result, tables), currency: data.Currency.Code);
    }

    /// <summary>Writes this command's part of <c>kam demo</c>: the sample's top risks and opportunities and its matrices.</summary>
    /// <param name="demo">The demo's context.</param>
    public static void Demo(DemoContext demo)
    {
        ArgumentNullException.ThrowIfNull(demo);
        var result = PortfolioAnalysis.Run(PortfolioLoad.LoadSample(demo.Services), Kam.Core.Portfolio.Review.ReviewRuleSet.Default);
        PortfolioDemo.Write(demo, result);
    }

    /// <summary>Builds the HTML report.</summary>
    /// <param name="result">The result.</param>
    /// <param name="tables">The tables.</param>
    /// <returns>The report.</returns>
    internal static HtmlReport Report(PortfolioResult result, IReadOnlyList<ResultTable> tables)
    {
        var data = result.Data;
        var report = new HtmlReport("kam portfolio", string.Create(CultureInfo.InvariantCulture,
            $"{data.Sources.Accounts.Count} accounts as of {data.AsOf:yyyy-MM-dd}; amounts in {data.Currency}; {data.Sources.PresentParts.Count} of {data.Sources.PresentParts.Count + data.Sources.AbsentParts.Count} parts present."));
        foreach (var section in PortfolioViews.ReportSections(result, tables))
        {
            report.Add(section);
        }

        return report;
    }
}
