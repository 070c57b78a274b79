namespace Kam.Core.Tiering;

/// <summary>The default tier lists of the rule book (tiering), shared by the default policies.</summary>
internal static class TierSets
{
    /// <summary>The tiers of a list of policy items (segments, grades, stages), in the items' order.</summary>
    public static TierDefinition[] Of<T>(IReadOnlyList<T> items, Func<T, TierDefinition> tierOf)
    {
        var tiers = new TierDefinition[items.Count];
        for (var i = 0; i < tiers.Length; i++)
        {
            tiers[i] = tierOf(items[i]);
        }

        return tiers;
    }

    public static TierDefinition[] Abc() =>
    [
        new("A", "Key accounts: the minority that brings most of the value (rule book: Pareto tiering)."),
        new("B", "Important accounts: the next slice of value."),
        new("C", "Other accounts: the rest of the value."),
    ];
}
