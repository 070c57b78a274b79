using Kam.Cli.Input.Schemas;
using Kam.Cli.Runs;

namespace Kam.Cli.Init;

/// <summary>The files <c>kam init</c> writes: the commented example input files, and the default rule files of the engines.</summary>
internal static class InitTemplates
{
    /// <summary>Gets the example input files, generated from the CSV schemas the commands read (so they always parse).</summary>
    public static IReadOnlyList<InitTemplate> InputFiles { get; } =
        new[] { AccountsCsv.Schema, EventsCsv.Schema, PayCsv.Deals, PayCsv.Collections, PayCsv.People, TransactionsCsv.Schema }
            .Select(s => new InitTemplate(s.FileName, s.ToExampleFile()))
            .ToArray();

    /// <summary>
    /// Gets the default rule files, each serialized by its engine from its default policy (never a hand-written copy),
    /// so that a user edits a file the engine loads back unchanged.
    /// </summary>
    public static IReadOnlyList<InitTemplate> RuleFiles { get; } = [.. TierRun.RuleFiles, .. PipelineRun.RuleFiles, .. PayRun.RuleFiles, .. LtvRun.RuleFiles];

    /// <summary>Gets every file <c>kam init</c> writes.</summary>
    public static IReadOnlyList<InitTemplate> All { get; } = [.. InputFiles, .. RuleFiles];
}
