namespace Kam.Core;

/// <summary>Decimal rendering shared by the primitives.</summary>
internal static class DecimalText
{
    /// <summary>Removes trailing zeros from a decimal's scale (75.00 → 75) without changing its value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The same value with the smallest scale that represents it.</returns>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;
}
