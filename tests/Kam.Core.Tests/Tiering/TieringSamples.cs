using Kam.Core.Stages.Grading;
using Kam.Core.Tiering;
using Kam.Core.Tiering.Pareto;
using Kam.Core.Tiering.Program;
using Kam.Core.Tiering.Relationship;
using Kam.Core.Tiering.Rfm;
using Kam.Core.Tiering.Scorecard;
using Kam.Core.Tiering.Selection;
using Kam.Core.Tiering.Stability;
using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Tests.Tiering;

/// <summary>Small portfolios shared by the tiering tests.</summary>
internal static class TieringSamples
{
    public static AccountId Id(string text) => AccountId.Parse(text);

    public static AccountMeasures Revenue(params (string Id, double Revenue)[] accounts) =>
        AccountMeasures.Create(
            accounts.Select(a => Id(a.Id)).ToArray(),
            [MeasureColumn.Amounts("revenue", Currency.CNY, accounts.Select(a => a.Revenue).ToArray())]);

    public static IReadOnlyList<TierDefinition> Tiers(params string[] names) => names.Select(n => new TierDefinition(n)).ToArray();
}
