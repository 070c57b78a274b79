using Kam.Cli.Features.Ltv;
using Kam.Cli.Features.Pay;
using Kam.Cli.Features.People;
using Kam.Cli.Features.Plan;
using Kam.Cli.Features.Pipeline;
using Kam.Cli.Features.Receivables;
using Kam.Cli.Features.Shared;
using Kam.Cli.Features.Tier;
using Kam.Cli.IO.Csv.Schemas;

namespace Kam.Cli.Features.Init;

/// <summary>The files <c>kam init</c> writes: the commented example input files, and the default rule files of the engines.</summary>
internal static class InitTemplates
{
    private static readonly Lazy<InitTemplate[]> Inputs = new(() =>
        new[] { AccountsCsv.Schema, EventsCsv.Schema, PayCsv.Deals, PayCsv.Collections, PayCsv.People, TransactionsCsv.Schema, ReceivablesCsv.Invoices, ReceivablesCsv.Payments }
            .Select(s => new InitTemplate(s.FileName, s.ToExampleFile()))
            .ToArray());

    private static readonly Lazy<InitTemplate[]> Rules = new(() => RuleFileSchemas.Attach([.. TierRun.RuleFiles, .. PipelineRun.RuleFiles, .. PayRun.RuleFiles, .. LtvRun.RuleFiles, .. PeopleRun.RuleFiles, .. PlanRuleFiles.RuleFiles, .. ReceivablesRun.RuleFiles]));

    /// <summary>Gets the example input files, generated from the CSV schemas the commands read (so they always parse).</summary>
    public static IReadOnlyList<InitTemplate> InputFiles => Inputs.Value;

    /// <summary>
    /// Gets the default rule files, each serialized by its engine from its default policy (never a hand-written copy),
    /// so that a user edits a file the engine loads back unchanged; each is followed by its JSON Schema, which the file
    /// references with a top-level <c>"$schema"</c> member.
    /// </summary>
    public static IReadOnlyList<InitTemplate> RuleFiles => Rules.Value;

    /// <summary>Gets every file <c>kam init</c> writes; rendered on first use (every command line builds <c>kam init</c>, only it reads them).</summary>
    public static IReadOnlyList<InitTemplate> All { get; } = new Deferred(() => [.. InputFiles, .. RuleFiles]);

    /// <summary>A list computed on first read.</summary>
    private sealed class Deferred(Func<InitTemplate[]> create) : IReadOnlyList<InitTemplate>
    {
        private readonly Lazy<InitTemplate[]> _items = new(create);

        public int Count => _items.Value.Length;

        public InitTemplate this[int index] => _items.Value[index];

        public IEnumerator<InitTemplate> GetEnumerator() => ((IEnumerable<InitTemplate>)_items.Value).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
