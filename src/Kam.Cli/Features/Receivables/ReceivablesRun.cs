using System.Globalization;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Cli.IO;
using Kam.Cli.Reporting;
using Kam.Cli.Sample;
using Kam.Core.Portfolio.Receivables;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Cli.Features.Receivables;

/// <summary>Runs the receivables analysis of <c>kam receivables</c> on validated input: the command's handler and its part of <c>kam demo</c>.</summary>
internal static class ReceivablesRun
{
    /// <summary>The name of the receivables policy file <c>kam init</c> writes (<c>kam receivables --policy</c>, <c>--receivables-policy</c> of kam tier and kam pay).</summary>
    public const string PolicyFileName = "receivables-policy.json";

    private const string PolicyHeader = """
        // receivables-policy.json: the policy of `kam receivables --policy` and of --receivables-policy (kam tier, kam pay);
        // see docs/receivables.md. The ageing buckets (days past due), the default payment days of an account without
        // payment_days, the DSO window, the alert thresholds, and which alerts make an account a credit risk (the tiering
        // credit gate reads those).

        """;

    // Rendered on first use: serializing the policy costs startup time every other command would pay.
    private static readonly Lazy<InitTemplate[]> LazyRuleFiles = new(() => [new InitTemplate(PolicyFileName, PolicyHeader + ReceivablesPolicy.Default.ToJson().TrimEnd() + "\n")]);

    /// <summary>Gets the default rule files this engine adds to <c>kam init</c>: the receivables policy, serialized from the default.</summary>
    public static IReadOnlyList<InitTemplate> RuleFiles => LazyRuleFiles.Value;

    /// <summary>Handles <c>kam receivables</c>.</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="context">The run's context.</param>
    /// <returns>The exit code.</returns>
    public static int Handle(ReceivablesRequest request, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var policy = request.Policy is null ? ReceivablesPolicy.Default : RuleFile.Load(request.Policy, "--policy", ReceivablesPolicy.FromJson);
        if (request.AsOf is { } given)
        {
            var file = request.Input.Invoices.Select(i => i.Source.Row?.File).FirstOrDefault(f => f is not null) ?? "invoices.csv";
            foreach (var warning in AsOfWarnings.For(given, "--as-of", true, ReceivablesAnalysis.Latest(request.Input), file))
            {
                context.Error.WriteLine(warning);
            }
        }

        var result = ReceivablesAnalysis.Run(request.Input, policy, request.AsOf, context.Services.GetRequiredService<EngineFactory>());
        var tables = ReceivablesViews.Tables(result, request.Top);
        return RunOutput.Publish(context, request.Format, tables, request.ReportPath, () =>
        {
            var report = new HtmlReport("kam receivables", string.Create(CultureInfo.InvariantCulture, $"{result.Invoices} invoices and {result.Payments} payments as of {result.Report.AsOf:yyyy-MM-dd}; amounts in {result.Report.Currency}."));
            foreach (var section in ReceivablesViews.ReportSections(result, tables, request.Top))
            {
                report.Add(section);
            }

            return report;
        },
        currency: result.Report.Currency.Code);
    }

    /// <summary>Writes this engine's part of <c>kam demo</c>: the sample's receivables as of its last day.</summary>
    /// <param name="demo">The demo's context.</param>
    public static void Demo(DemoContext demo)
    {
        ArgumentNullException.ThrowIfNull(demo);
        var input = SampleReceivables.Generate(demo.Sample);
        ReceivablesDemo.Write(demo, ReceivablesAnalysis.Run(input, ReceivablesPolicy.Default, demo.Sample.AsOf, demo.Services.GetRequiredService<EngineFactory>()));
    }
}
