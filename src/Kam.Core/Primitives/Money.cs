using System.Globalization;
using System.Text.Json.Serialization;

namespace Kam.Core;

/// <summary>An amount of money: a <see cref="decimal"/> amount in one ISO 4217 <see cref="Currency"/>.</summary>
/// <remarks>
/// <para>
/// Arithmetic between two amounts requires the same currency; otherwise it throws
/// <see cref="CurrencyMismatchException"/>. Nothing is ever rounded implicitly: amounts keep every decimal place that
/// <see cref="decimal"/> arithmetic gives them until <see cref="Round(MidpointRounding)"/> or
/// <see cref="Round(int, MidpointRounding)"/> is called with an explicit mode.
/// </para>
/// <para>
/// Equality compares the numeric amount (so 1.0 CNY equals 1.00 CNY) and the currency. The default value is zero
/// in <see cref="Currency.None"/> (XXX). The type is an immutable value and safe to share between threads.
/// </para>
/// <para>
/// Arithmetic whose result does not fit in <see cref="decimal"/> (about ±7.9 × 10^28) throws
/// <see cref="KamValidationException"/> with code <see cref="KamErrorCodes.Overflow"/>, never
/// <see cref="OverflowException"/>. Money itself accepts any decimal; the rule-file readers refuse amounts beyond
/// <see cref="MaxAmount"/>.
/// </para>
/// </remarks>
[JsonConverter(typeof(MoneyJsonConverter))]
public readonly struct Money : IEquatable<Money>, IComparable<Money>, IFormattable
{
    /// <summary>Creates an amount of money.</summary>
    /// <param name="amount">The amount, in units of the currency (yuan, not fen).</param>
    /// <param name="currency">The currency.</param>
    public Money(decimal amount, Currency currency)
    {
        Amount = amount;
        Currency = currency;
    }

    /// <summary>
    /// The largest absolute amount a rule file (pay plan salaries, draws and commission thresholds, tier and pipeline
    /// policy thresholds, and every other number in a rule file) may carry: 10^15 units of any currency. Hosts reading
    /// other inputs (CSV cells) use the same bound so that sums of many such amounts still fit in <see cref="decimal"/>.
    /// </summary>
    /// <remarks>
    /// <see cref="Money"/> itself accepts any <see cref="decimal"/>: hosts may do bigger arithmetic. The bound applies
    /// only where amounts are read from files.
    /// </remarks>
    public const decimal MaxAmount = 1_000_000_000_000_000m;

    /// <summary>Gets the amount, in units of <see cref="Currency"/>.</summary>
    public decimal Amount { get; }

    /// <summary>Gets the currency.</summary>
    public Currency Currency { get; }

    /// <summary>Gets a value indicating whether the amount is zero.</summary>
    public bool IsZero => Amount == 0m;

    /// <summary>Gets a value indicating whether the amount is below zero.</summary>
    public bool IsNegative => Amount < 0m;

    /// <summary>Adds two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator +(Money left, Money right) => left.Add(right);

    /// <summary>Subtracts an amount from another in the same currency.</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator -(Money left, Money right) => left.Subtract(right);

    /// <summary>Negates an amount.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The amount with its sign reversed.</returns>
    public static Money operator -(Money value) => value.Negate();

    /// <summary>Multiplies an amount by a factor (a quantity, a rate). The result is not rounded.</summary>
    /// <param name="money">The amount.</param>
    /// <param name="factor">The factor.</param>
    /// <returns>The product.</returns>
    public static Money operator *(Money money, decimal factor) => money.Multiply(factor);

    /// <summary>Multiplies an amount by a factor (a quantity, a rate). The result is not rounded.</summary>
    /// <param name="factor">The factor.</param>
    /// <param name="money">The amount.</param>
    /// <returns>The product.</returns>
    public static Money operator *(decimal factor, Money money) => money.Multiply(factor);

    /// <summary>Divides an amount by a divisor. The result is not rounded.</summary>
    /// <param name="money">The amount.</param>
    /// <param name="divisor">The divisor; must not be zero.</param>
    /// <returns>The quotient.</returns>
    public static Money operator /(Money money, decimal divisor) => money.Divide(divisor);

    /// <summary>Compares two amounts for equality (same currency and same numeric amount).</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when both are equal.</returns>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Compares two amounts for inequality.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns><see langword="true"/> when they differ in currency or amount.</returns>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <summary>Tells whether one amount is less than another in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Tells whether one amount is greater than another in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Tells whether one amount is less than or equal to another in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Tells whether one amount is greater than or equal to another in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    /// <summary>Gets zero in a currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>Zero in <paramref name="currency"/>.</returns>
    public static Money Zero(Currency currency) => new(0m, currency);

    /// <summary>Creates an amount from a currency code.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currencyCode">The ISO 4217 code.</param>
    /// <returns>The amount of money.</returns>
    /// <exception cref="KamValidationException">The code is not a known ISO 4217 code.</exception>
    public static Money Of(decimal amount, string currencyCode) => new(amount, Currency.Parse(currencyCode));

    /// <summary>Parses the invariant text form <c>"1234.50 CNY"</c> produced by <see cref="ToString()"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The amount of money.</returns>
    /// <exception cref="KamValidationException">The text is not an amount followed by a space and a currency code.</exception>
    public static Money Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var space = text.LastIndexOf(' ');
        if (space <= 0
            || !decimal.TryParse(text.AsSpan(0, space), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
            || !Currency.TryParse(text[(space + 1)..], out var currency))
        {
            throw new KamValidationException(nameof(Money), KamErrorCodes.InvalidFormat, text, "Expected an amount and an ISO 4217 code, for example '1234.50 CNY'.");
        }

        return new Money(amount, currency);
    }

    /// <summary>Adds an amount in the same currency.</summary>
    /// <param name="other">The amount to add.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="KamValidationException">The sum exceeds the range of <see cref="decimal"/> (code <see cref="KamErrorCodes.Overflow"/>).</exception>
    public Money Add(Money other)
    {
        RequireSameCurrency(other, "addition");
        return new Money(Overflow.Add(Amount, other.Amount, Overflow.AmountPath), Currency);
    }

    /// <summary>Subtracts an amount in the same currency.</summary>
    /// <param name="other">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="KamValidationException">The difference exceeds the range of <see cref="decimal"/> (code <see cref="KamErrorCodes.Overflow"/>).</exception>
    public Money Subtract(Money other)
    {
        RequireSameCurrency(other, "subtraction");
        return new Money(Overflow.Subtract(Amount, other.Amount, Overflow.AmountPath), Currency);
    }

    /// <summary>Multiplies the amount by a factor, without rounding.</summary>
    /// <param name="factor">The factor.</param>
    /// <returns>The product, in the same currency.</returns>
    /// <exception cref="KamValidationException">The product exceeds the range of <see cref="decimal"/> (code <see cref="KamErrorCodes.Overflow"/>).</exception>
    public Money Multiply(decimal factor) => new(Overflow.Multiply(Amount, factor, Overflow.AmountPath), Currency);

    /// <summary>Multiplies the amount by a percentage (for example a commission rate), without rounding.</summary>
    /// <param name="percentage">The percentage.</param>
    /// <returns>The product, in the same currency.</returns>
    /// <exception cref="KamValidationException">The product exceeds the range of <see cref="decimal"/> (code <see cref="KamErrorCodes.Overflow"/>).</exception>
    public Money Multiply(Percentage percentage) => new(Overflow.Multiply(Amount, percentage.Fraction, Overflow.AmountPath), Currency);

    /// <summary>Divides the amount by a divisor, without rounding.</summary>
    /// <param name="divisor">The divisor.</param>
    /// <returns>The quotient, in the same currency.</returns>
    /// <exception cref="KamValidationException">The divisor is zero, or the quotient exceeds the range of <see cref="decimal"/> (code <see cref="KamErrorCodes.Overflow"/>).</exception>
    public Money Divide(decimal divisor) =>
        divisor == 0m
            ? throw new KamValidationException("divisor", KamErrorCodes.OutOfRange, "0", "Cannot divide an amount of money by zero.")
            : new Money(Overflow.Divide(Amount, divisor, Overflow.AmountPath), Currency);

    /// <summary>Returns the amount with its sign reversed.</summary>
    /// <returns>The negated amount.</returns>
    public Money Negate() => new(-Amount, Currency);

    /// <summary>Returns the absolute amount.</summary>
    /// <returns>The amount without its sign.</returns>
    public Money Abs() => new(Math.Abs(Amount), Currency);

    /// <summary>Rounds to the currency's minor unit (two places for CNY) with an explicit midpoint rule.</summary>
    /// <param name="mode">How to round a value exactly halfway between two candidates.</param>
    /// <returns>The rounded amount.</returns>
    public Money Round(MidpointRounding mode) => Round(Currency.MinorUnits, mode);

    /// <summary>Rounds to a number of decimal places with an explicit midpoint rule.</summary>
    /// <param name="decimals">The number of decimal places, 0 to 28.</param>
    /// <param name="mode">How to round a value exactly halfway between two candidates.</param>
    /// <returns>The rounded amount.</returns>
    public Money Round(int decimals, MidpointRounding mode) => new(Math.Round(Amount, decimals, mode), Currency);

    /// <summary>
    /// Splits the amount into parts proportional to non-negative weights, each rounded to the currency's minor unit,
    /// such that the parts add up exactly to the amount rounded to the minor unit (largest-remainder method; ties go
    /// to the earlier part).
    /// </summary>
    /// <param name="weights">The weights; at least one, none negative, not all zero.</param>
    /// <returns>One part per weight, in the same order.</returns>
    /// <exception cref="KamValidationException">The weights are empty, negative or all zero.</exception>
    public Money[] Allocate(IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var errors = new ValidationCollector();
        if (weights.Count == 0)
        {
            errors.Add("weights", KamErrorCodes.Empty, null, "At least one weight is needed.");
        }

        for (var i = 0; i < weights.Count; i++)
        {
            errors.NotNegative($"weights[{i}]", weights[i]);
        }

        var total = errors.HasErrors ? 0m : Overflow.Sum(weights, "weights");
        if (!errors.HasErrors && total == 0m)
        {
            errors.Add("weights", KamErrorCodes.InvalidSum, 0m, "The weights must not all be zero.");
        }

        errors.ThrowIfAny();
        var self = this;
        return Overflow.Guard("allocation of " + ToString(null, CultureInfo.InvariantCulture), () => self.AllocateUnits(weights, total));
    }

    /// <summary>Sums amounts in one currency.</summary>
    /// <param name="amounts">The amounts.</param>
    /// <param name="currency">The currency of every amount (and of the result, zero when there are none).</param>
    /// <returns>The total.</returns>
    /// <exception cref="CurrencyMismatchException">An amount is in another currency.</exception>
    /// <exception cref="KamValidationException">The total exceeds the range of <see cref="decimal"/> (code <see cref="KamErrorCodes.Overflow"/>).</exception>
    public static Money Sum(IEnumerable<Money> amounts, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        var total = 0m;
        foreach (var amount in amounts)
        {
            if (amount.Currency != currency)
            {
                throw new CurrencyMismatchException(currency, amount.Currency, "summation");
            }

            total = Overflow.Add(total, amount.Amount, Overflow.AmountPath);
        }

        return new Money(total, currency);
    }

    private Money[] AllocateUnits(IReadOnlyList<decimal> weights, decimal total)
    {
        var unit = Pow10(-Currency.MinorUnits);
        var units = decimal.Round(Amount / unit, 0, MidpointRounding.AwayFromZero);
        var parts = new decimal[weights.Count];
        var remainders = new decimal[weights.Count];
        var allocated = 0m;
        for (var i = 0; i < parts.Length; i++)
        {
            var exact = units * (weights[i] / total);
            parts[i] = decimal.Truncate(exact);
            remainders[i] = exact - parts[i];
            allocated += parts[i];
        }

        var left = units - allocated;
        var step = Math.Sign(left);
        var order = Enumerable.Range(0, parts.Length).OrderByDescending(i => Math.Abs(remainders[i])).ThenBy(i => i).ToArray();
        for (var k = 0; left != 0m; k = (k + 1) % order.Length)
        {
            parts[order[k]] += step;
            left -= step;
        }

        var currency = Currency;
        return parts.Select(p => new Money(p * unit, currency)).ToArray();
    }

    /// <inheritdoc />
    public bool Equals(Money other) => Currency == other.Currency && Amount == other.Amount;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Currency, Amount);

    /// <inheritdoc />
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        RequireSameCurrency(other, "comparison");
        return Amount.CompareTo(other.Amount);
    }

    /// <summary>Returns the invariant text form, for example <c>1234.50 CNY</c>; <see cref="Parse(string)"/> reads it back.</summary>
    /// <returns>The amount and the currency code.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats the amount with a numeric format and culture, followed by the currency code.</summary>
    /// <param name="format">A numeric format string for the amount (for example <c>N2</c>), or null.</param>
    /// <param name="formatProvider">The culture, or null for the current culture.</param>
    /// <returns>The formatted amount and the currency code.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        $"{Amount.ToString(format, formatProvider)} {Currency.Code}";

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < -exponent; i++)
        {
            result /= 10m;
        }

        return result;
    }

    private void RequireSameCurrency(Money other, string operation)
    {
        if (Currency != other.Currency)
        {
            throw new CurrencyMismatchException(Currency, other.Currency, operation);
        }
    }
}
