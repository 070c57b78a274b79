namespace Kam.Core.Relationships;

/// <summary>What the buying-center map says about one playbook item: whether it holds, and why.</summary>
public sealed class StageItemEvidence
{
    internal StageItemEvidence(string item, bool met, IReadOnlyList<string> reasons)
    {
        Item = item;
        Met = met;
        Reasons = reasons;
    }

    /// <summary>Gets the key of the playbook item.</summary>
    public string Item { get; }

    /// <summary>Gets whether the map supports the item.</summary>
    public bool Met { get; }

    /// <summary>Gets the reasons: what is missing when the item does not hold, what was found when it does.</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Item}: {(Met ? "met" : "not met")} ({string.Join("; ", Reasons)})";
}
