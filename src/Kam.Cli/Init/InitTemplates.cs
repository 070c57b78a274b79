using Kam.Cli.Input.Schemas;

namespace Kam.Cli.Init;

/// <summary>The files <c>kam init</c> writes: the commented example input files, and the default rule files of the engines.</summary>
internal static class InitTemplates
{
    /// <summary>Gets the example input files, generated from the CSV schemas the commands read (so they always parse).</summary>
    public static IReadOnlyList<InitTemplate> InputFiles { get; } =
        new[] { AccountsCsv.Schema, EventsCsv.Schema, PayCsv.Deals, PayCsv.Collections, TransactionsCsv.Schema }
            .Select(s => new InitTemplate(s.FileName, s.ToExampleFile()))
            .ToArray();

    /// <summary>
    /// Gets the default rule files. EXTENSION POINT: empty until the engines land. Each engine adds its default rule
    /// file here, serialized from its default policy through its own <c>ToJson</c> (never a hand-written copy):
    /// <c>playbook.json</c> (Stages: the eight-stage playbook), <c>tier-policy.json</c> (Tiering),
    /// <c>pay-plan.json</c> (Compensation).
    /// </summary>
    public static IReadOnlyList<InitTemplate> RuleFiles { get; } = [];

    /// <summary>Gets every file <c>kam init</c> writes.</summary>
    public static IReadOnlyList<InitTemplate> All { get; } = [.. InputFiles, .. RuleFiles];
}
