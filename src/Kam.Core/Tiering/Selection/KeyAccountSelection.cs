namespace Kam.Core.Tiering.Selection;

/// <summary>The outcome of key-account selection: the tiering (selected or not), the capacity used, and who just missed.</summary>
/// <remarks>Immutable.</remarks>
public sealed class KeyAccountSelection
{
    /// <summary>Creates the key account selection.</summary>
    /// <param name="result">Every account's tier, score (its value) and explanation.</param>
    /// <param name="capacity">The capacity of the policy.</param>
    /// <param name="selected">The number of accounts selected (at most the capacity).</param>
    /// <param name="selectedValue">The total value of the selected accounts.</param>
    /// <param name="nearMisses">The best-ranked unselected accounts with the reason each was left out.</param>
    internal KeyAccountSelection(TieringResult result, int capacity, int selected, double selectedValue, IReadOnlyList<NearMiss> nearMisses)
    {
        Result = result;
        Capacity = capacity;
        Selected = selected;
        SelectedValue = selectedValue;
        NearMisses = nearMisses;
    }

    /// <summary>Gets every account's tier, score (its value) and explanation.</summary>
    public TieringResult Result { get; }

    /// <summary>Gets the capacity of the policy.</summary>
    public int Capacity { get; }

    /// <summary>Gets the number of accounts selected (at most the capacity).</summary>
    public int Selected { get; }

    /// <summary>Gets the total value of the selected accounts.</summary>
    public double SelectedValue { get; }

    /// <summary>Gets the best-ranked unselected accounts with the reason each was left out.</summary>
    public IReadOnlyList<NearMiss> NearMisses { get; }
}
