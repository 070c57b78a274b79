namespace Kam.Core.Tiering.Pareto;

/// <summary>The accounts (value and identifier) that partitions found in the planned buckets of a <see cref="ParetoCutPlan"/>.</summary>
/// <remarks>Immutable; <see cref="Merge"/> concatenates, so it is associative, and the resolved boundaries do not depend on merge order.</remarks>
public sealed class CutCandidates
{
    internal CutCandidates((double Value, AccountId Id)[] items) => Items = items;

    /// <summary>Gets the candidates.</summary>
    public IReadOnlyList<(double Value, AccountId Id)> Items { get; }

    /// <summary>Gets the number of candidates.</summary>
    public int Count => Items.Count;

    /// <summary>Combines the candidates of two partitions.</summary>
    /// <param name="other">The other partition's candidates.</param>
    /// <returns>Both sets.</returns>
    public CutCandidates Merge(CutCandidates other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new CutCandidates([.. Items, .. other.Items]);
    }
}
