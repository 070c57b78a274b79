namespace Kam.Core.Value.Economics;

/// <summary>Classifies <see cref="AcquisitionCostKind"/> values.</summary>
internal static class AcquisitionCostKindExtensions
{
    /// <summary>Gets a value indicating whether the kind is a hidden cost (rule book: value, The cost of winning a customer).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns><see langword="true"/> for hidden costs, <see langword="false"/> for visible ones.</returns>
    public static bool IsHidden(this AcquisitionCostKind kind) => (int)kind >= 100;
}
