using System.Globalization;

namespace Kam.Core;

/// <summary>Decimal rendering shared by the primitives.</summary>
internal static class DecimalText
{
    /// <summary>Removes trailing zeros from a decimal's scale (75.00 → 75) without changing its value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The same value with the smallest scale that represents it.</returns>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>Reads the invariant text form of a value in percent, <c>"75%"</c> (surrounding white space allowed).</summary>
    /// <param name="text">The text.</param>
    /// <param name="percent">The value in percent (75 for <c>"75%"</c>).</param>
    /// <returns><see langword="true"/> when the text is a number followed by a percent sign.</returns>
    public static bool TryParsePercent(string text, out decimal percent)
    {
        var trimmed = text.AsSpan().Trim();
        percent = 0m;
        return trimmed.EndsWith("%", StringComparison.Ordinal)
               && decimal.TryParse(trimmed[..^1], NumberStyles.Number, CultureInfo.InvariantCulture, out percent);
    }
}
