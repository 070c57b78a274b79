using System.Globalization;
using System.Text.RegularExpressions;
using Kam.Core.Relationships;
using static Kam.Core.Tests.Relationships.RelationshipsSamples;

namespace Kam.Core.Tests.Relationships;

/// <summary>docs/relationships.md: its policy example loads, and its worked example's scores and reasons are what the engine gives.</summary>
public sealed partial class RelationshipsDocsTests
{
    private static readonly string Doc = RepositoryFiles.Read("docs/relationships.md");

    [Fact]
    public void The_json_example_loads()
    {
        var block = JsonBlock().Matches(Doc)[0].Groups[1].Value;
        var policy = CoveragePolicy.FromJson(block);
        Assert.Equal(3, policy.MinThreads);
        Assert.Equal(Attitude.Skeptical, policy.OpponentAt);
    }

    [Fact]
    public void The_worked_example_gives_the_scores_and_reasons_of_the_page()
    {
        var history = new BuyingCenterHistory(Events());
        var engine = new CoverageEngine(CoveragePolicy.Default);
        foreach (var (month, day) in new[] { (1, 31), (3, 31) })
        {
            var score = engine.Analyze(history.AsOf(Acme, D(month, day)), OurLevels()).Score;
            Assert.Contains($"**{decimal.Round(score, 3).ToString("0.000", CultureInfo.InvariantCulture)}**", Doc, StringComparison.Ordinal);
        }

        var march = engine.Analyze(history.AsOf(Acme, D(3, 31)), OurLevels());
        var flat = Regex.Replace(Doc, @"\s+", " ");
        foreach (var reason in march.Findings.Where(f => f.Kind is CoverageFindingKind.VetoHolderUncovered or CoverageFindingKind.DecisionUncovered && f.Decision != BuyingDecisions.Signature).SelectMany(f => f.Reasons))
        {
            var text = reason.TrimEnd('.');
            var quoted = text.Contains(": ", StringComparison.Ordinal) && !text.Contains(" holds it: ", StringComparison.Ordinal) ? text[(text.IndexOf(": ", StringComparison.Ordinal) + 2)..] : text;
            Assert.Contains(quoted, flat, StringComparison.Ordinal);
        }

        Assert.Contains("new BuyingCenterHistory(events)", Doc, StringComparison.Ordinal);
        Assert.Equal(12, Events().Count);
    }

    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [Fact]
    public void The_stage_evidence_and_indicator_example_says_what_the_engines_give()
    {
        var history = new BuyingCenterHistory(Events());
        var engine = new StageEvidenceEngine(StageEvidencePolicy.Default);
        var flat = Regex.Replace(Doc, @"\s+", " ");
        var january = engine.Evaluate(history.AsOf(Acme, D(1, 31)));
        Assert.Contains("`" + january.OrganizationMapped!.Reasons.Single() + "`", flat, StringComparison.Ordinal);
        foreach (var reason in engine.Evaluate(history.AsOf(Acme, D(3, 31))).DecisionMakersInfluenced!.Reasons)
        {
            Assert.Contains("*" + reason + "*", flat, StringComparison.Ordinal);
        }

        var breadth = RelationshipIndicators.Measure([Acme], [history.AsOf(Acme, D(3, 31))]).Measure("contactBreadth").Values[0];
        Assert.Contains($"the breadth is **{Math.Round(breadth, 2).ToString(CultureInfo.InvariantCulture)}**", flat, StringComparison.Ordinal);
    }
}
