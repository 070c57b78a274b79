using System.Globalization;
using System.Text.Json.Serialization;

namespace Kam.Core;

/// <summary>
/// A share between 0% and 100% inclusive, held exactly as a <see cref="decimal"/> fraction: a win probability, a
/// commission rate, a weight, a share of value. It can never be NaN, negative or above 100%.
/// </summary>
/// <remarks>
/// <para>
/// Create it with <see cref="FromPercent(decimal)"/> (75 → 75%) or <see cref="FromFraction(decimal)"/> (0.75 → 75%);
/// there is deliberately no constructor taking a bare number, so a caller always says which scale it means.
/// Quantities that may exceed 100% (quota attainment, growth) are <see cref="Ratio"/>s.
/// </para>
/// <para>In JSON a percentage is written as a string with a percent sign, for example <c>"75%"</c> or <c>"8.5%"</c>.</para>
/// </remarks>
[JsonConverter(typeof(PercentageJsonConverter))]
public readonly struct Percentage : IEquatable<Percentage>, IComparable<Percentage>, IFormattable
{
    private Percentage(decimal fraction) => Fraction = fraction;

    /// <summary>Gets 0%.</summary>
    public static Percentage Zero => default;

    /// <summary>Gets 100%.</summary>
    public static Percentage Hundred => new(1m);

    /// <summary>Gets the value as a fraction between 0 and 1 (75% → 0.75).</summary>
    public decimal Fraction { get; }

    /// <summary>Gets the value in percent between 0 and 100 (75% → 75).</summary>
    public decimal Percent => Fraction * 100m;

    /// <summary>Gets 100% minus this value (75% → 25%).</summary>
    public Percentage Complement => new(1m - Fraction);

    /// <summary>Compares two percentages for equality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both are equal.</returns>
    public static bool operator ==(Percentage left, Percentage right) => left.Equals(right);

    /// <summary>Compares two percentages for inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(Percentage left, Percentage right) => !left.Equals(right);

    /// <summary>Tells whether one percentage is less than another.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(Percentage left, Percentage right) => left.Fraction < right.Fraction;

    /// <summary>Tells whether one percentage is greater than another.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(Percentage left, Percentage right) => left.Fraction > right.Fraction;

    /// <summary>Tells whether one percentage is less than or equal to another.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(Percentage left, Percentage right) => left.Fraction <= right.Fraction;

    /// <summary>Tells whether one percentage is greater than or equal to another.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(Percentage left, Percentage right) => left.Fraction >= right.Fraction;

    /// <summary>Takes a percentage of an amount of money, without rounding.</summary>
    /// <param name="money">The amount.</param>
    /// <param name="percentage">The percentage.</param>
    /// <returns>The share of the amount.</returns>
    public static Money operator *(Money money, Percentage percentage) => money.Multiply(percentage);

    /// <summary>Creates a percentage from a value in percent (75 → 75%).</summary>
    /// <param name="percent">The value in percent, 0 to 100.</param>
    /// <returns>The percentage.</returns>
    /// <exception cref="KamValidationException">The value is outside 0 to 100.</exception>
    public static Percentage FromPercent(decimal percent) =>
        percent is >= 0m and <= 100m
            ? new Percentage(percent / 100m)
            : throw OutOfRange(percent.ToString(CultureInfo.InvariantCulture) + "%");

    /// <summary>Creates a percentage from a fraction (0.75 → 75%).</summary>
    /// <param name="fraction">The fraction, 0 to 1.</param>
    /// <returns>The percentage.</returns>
    /// <exception cref="KamValidationException">The value is outside 0 to 1.</exception>
    public static Percentage FromFraction(decimal fraction) =>
        fraction is >= 0m and <= 1m
            ? new Percentage(fraction)
            : throw OutOfRange(fraction.ToString(CultureInfo.InvariantCulture));

    /// <summary>Creates a percentage from a floating-point fraction (0.75 → 75%), refusing NaN and infinities.</summary>
    /// <param name="fraction">The fraction, 0 to 1.</param>
    /// <returns>The percentage, exact to the nearest <see cref="decimal"/>.</returns>
    /// <exception cref="KamValidationException">The value is NaN, infinite or outside 0 to 1.</exception>
    public static Percentage FromFraction(double fraction)
    {
        if (!double.IsFinite(fraction))
        {
            throw new KamValidationException(nameof(Percentage), KamErrorCodes.NotFinite, fraction.ToString(CultureInfo.InvariantCulture), "A percentage must be a finite number.");
        }

        return fraction is >= 0d and <= 1d
            ? new Percentage((decimal)fraction)
            : throw OutOfRange(fraction.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Parses the text form <c>"75%"</c> (invariant culture; the percent sign is required).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The percentage.</returns>
    /// <exception cref="KamValidationException">The text is not a number followed by <c>%</c>, or is out of range.</exception>
    public static Percentage Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return DecimalText.TryParsePercent(text, out var percent)
            ? FromPercent(percent)
            : throw new KamValidationException(nameof(Percentage), KamErrorCodes.InvalidFormat, text, "Expected a number followed by a percent sign, for example '75%'.");
    }

    /// <summary>Returns the larger of two percentages.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The larger value.</returns>
    public static Percentage Max(Percentage left, Percentage right) => left >= right ? left : right;

    /// <summary>Returns the smaller of two percentages.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The smaller value.</returns>
    public static Percentage Min(Percentage left, Percentage right) => left <= right ? left : right;

    /// <inheritdoc />
    public bool Equals(Percentage other) => Fraction == other.Fraction;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Percentage other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Fraction.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Percentage other) => Fraction.CompareTo(other.Fraction);

    /// <summary>Returns the invariant text form, for example <c>75%</c>; <see cref="Parse(string)"/> reads it back.</summary>
    /// <returns>The value in percent followed by a percent sign.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats the value in percent with a numeric format (for example <c>0.0</c>), followed by <c>%</c>.</summary>
    /// <param name="format">A numeric format string for the value in percent, or null for all significant digits.</param>
    /// <param name="formatProvider">The culture, or null for the current culture.</param>
    /// <returns>The formatted value.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        (format is null ? DecimalText.Normalize(Percent).ToString(formatProvider) : Percent.ToString(format, formatProvider)) + "%";

    private static KamValidationException OutOfRange(string value) =>
        new(nameof(Percentage), KamErrorCodes.OutOfRange, value, "A percentage must lie between 0% and 100%.");
}
