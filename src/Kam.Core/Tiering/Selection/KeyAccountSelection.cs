namespace Kam.Core.Tiering;

/// <summary>The outcome of key-account selection: the tiering (selected or not), the capacity used, and who just missed.</summary>
/// <remarks>Immutable.</remarks>
/// <param name="Result">Every account's tier, score (its value) and explanation.</param>
/// <param name="Capacity">The capacity of the policy.</param>
/// <param name="Selected">The number of accounts selected (at most the capacity).</param>
/// <param name="SelectedValue">The total value of the selected accounts.</param>
/// <param name="NearMisses">The best-ranked unselected accounts with the reason each was left out.</param>
public sealed record KeyAccountSelection(TieringResult Result, int Capacity, int Selected, double SelectedValue, IReadOnlyList<NearMiss> NearMisses);
