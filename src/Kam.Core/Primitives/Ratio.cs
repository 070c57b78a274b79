using System.Globalization;
using System.Text.Json.Serialization;

namespace Kam.Core;

/// <summary>
/// A non-negative proportion that may exceed 100%, held exactly as a <see cref="decimal"/>: quota attainment
/// (120%), coverage of quota by pipeline (3.2×), an index against a baseline. It can never be NaN or negative.
/// </summary>
/// <remarks>Shares bounded by 100% are <see cref="Percentage"/>s. In JSON a ratio is written like a percentage, <c>"120%"</c>.</remarks>
[JsonConverter(typeof(RatioJsonConverter))]
public readonly struct Ratio : IEquatable<Ratio>, IComparable<Ratio>, IFormattable
{
    private Ratio(decimal fraction) => Fraction = fraction;

    /// <summary>Gets a ratio of zero.</summary>
    public static Ratio Zero => default;

    /// <summary>Gets a ratio of one (100%).</summary>
    public static Ratio One => new(1m);

    /// <summary>Gets the value as a fraction (120% → 1.2).</summary>
    public decimal Fraction { get; }

    /// <summary>Gets the value in percent (120% → 120).</summary>
    public decimal Percent => Fraction * 100m;

    /// <summary>Compares two ratios for equality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both are equal.</returns>
    public static bool operator ==(Ratio left, Ratio right) => left.Equals(right);

    /// <summary>Compares two ratios for inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(Ratio left, Ratio right) => !left.Equals(right);

    /// <summary>Tells whether one ratio is less than another.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(Ratio left, Ratio right) => left.Fraction < right.Fraction;

    /// <summary>Tells whether one ratio is greater than another.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(Ratio left, Ratio right) => left.Fraction > right.Fraction;

    /// <summary>Tells whether one ratio is less than or equal to another.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(Ratio left, Ratio right) => left.Fraction <= right.Fraction;

    /// <summary>Tells whether one ratio is greater than or equal to another.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(Ratio left, Ratio right) => left.Fraction >= right.Fraction;

    /// <summary>Creates a ratio from a fraction (1.2 → 120%).</summary>
    /// <param name="fraction">The fraction; must not be negative.</param>
    /// <returns>The ratio.</returns>
    /// <exception cref="KamValidationException">The value is negative.</exception>
    public static Ratio FromFraction(decimal fraction) =>
        fraction >= 0m
            ? new Ratio(fraction)
            : throw Negative(fraction.ToString(CultureInfo.InvariantCulture));

    /// <summary>Creates a ratio from a value in percent (120 → 120%).</summary>
    /// <param name="percent">The value in percent; must not be negative.</param>
    /// <returns>The ratio.</returns>
    /// <exception cref="KamValidationException">The value is negative.</exception>
    public static Ratio FromPercent(decimal percent) =>
        percent >= 0m
            ? new Ratio(percent / 100m)
            : throw Negative(percent.ToString(CultureInfo.InvariantCulture) + "%");

    /// <summary>Creates a ratio from a floating-point fraction, refusing NaN, infinities and negative values.</summary>
    /// <param name="fraction">The fraction.</param>
    /// <returns>The ratio.</returns>
    /// <exception cref="KamValidationException">The value is NaN, infinite, negative or too large for a decimal.</exception>
    public static Ratio FromFraction(double fraction)
    {
        if (!double.IsFinite(fraction) || fraction >= (double)decimal.MaxValue)
        {
            throw new KamValidationException(nameof(Ratio), KamErrorCodes.NotFinite, fraction.ToString(CultureInfo.InvariantCulture), "A ratio must be a finite number.");
        }

        return FromFraction((decimal)fraction);
    }

    /// <summary>Divides one amount of money by another in the same currency (actual over target).</summary>
    /// <param name="numerator">The actual amount; must not be negative.</param>
    /// <param name="denominator">The reference amount; must be positive.</param>
    /// <returns>The ratio of the two amounts.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="KamValidationException">The denominator is not positive or the numerator is negative, or the ratio exceeds the range of <see cref="decimal"/> (code <see cref="KamErrorCodes.Overflow"/>).</exception>
    public static Ratio Of(Money numerator, Money denominator)
    {
        if (numerator.Currency != denominator.Currency)
        {
            throw new CurrencyMismatchException(denominator.Currency, numerator.Currency, "division");
        }

        if (denominator.Amount <= 0m)
        {
            throw new KamValidationException("denominator", KamErrorCodes.OutOfRange, denominator.ToString(null, CultureInfo.InvariantCulture), "The reference amount of a ratio must be positive.");
        }

        return FromFraction(Overflow.Divide(numerator.Amount, denominator.Amount, "ratio of " + numerator + " to " + denominator));
    }

    /// <summary>Parses the text form <c>"120%"</c> (invariant culture; the percent sign is required).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The ratio.</returns>
    /// <exception cref="KamValidationException">The text is not a number followed by <c>%</c>, or is negative.</exception>
    public static Ratio Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return DecimalText.TryParsePercent(text, out var percent)
            ? FromPercent(percent)
            : throw new KamValidationException(nameof(Ratio), KamErrorCodes.InvalidFormat, text, "Expected a number followed by a percent sign, for example '120%'.");
    }

    /// <inheritdoc />
    public bool Equals(Ratio other) => Fraction == other.Fraction;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Ratio other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Fraction.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Ratio other) => Fraction.CompareTo(other.Fraction);

    /// <summary>Returns the invariant text form, for example <c>120%</c>.</summary>
    /// <returns>The value in percent followed by a percent sign.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats the value in percent with a numeric format, followed by <c>%</c>.</summary>
    /// <param name="format">A numeric format string for the value in percent, or null for all significant digits.</param>
    /// <param name="formatProvider">The culture, or null for the current culture.</param>
    /// <returns>The formatted value.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        (format is null ? DecimalText.Normalize(Percent).ToString(formatProvider) : Percent.ToString(format, formatProvider)) + "%";

    private static KamValidationException Negative(string value) =>
        new(nameof(Ratio), KamErrorCodes.OutOfRange, value, "A ratio must not be negative.");
}
