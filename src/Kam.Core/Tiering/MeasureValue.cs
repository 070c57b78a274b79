namespace Kam.Core.Tiering;

/// <summary>One measure of one account in the friendly input form: a number, an amount of money, a count or a yes/no answer.</summary>
/// <remarks>An immutable value; equality compares kind, value and currency. Create it with the static methods or the implicit conversions.</remarks>
public readonly record struct MeasureValue
{
    private MeasureValue(MeasureKind kind, double value, Currency? currency)
    {
        Kind = kind;
        Value = value;
        Currency = currency;
    }

    /// <summary>Gets the kind of quantity.</summary>
    public MeasureKind Kind { get; }

    /// <summary>Gets the value as a number (1/0 for yes/no).</summary>
    public double Value { get; }

    /// <summary>Gets the currency of an amount, otherwise <see langword="null"/>.</summary>
    public Currency? Currency { get; }

    /// <summary>Converts money to a measure value.</summary>
    /// <param name="money">The amount.</param>
    public static implicit operator MeasureValue(Money money) => Amount(money);

    /// <summary>Converts a number to a measure value.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator MeasureValue(double value) => Number(value);

    /// <summary>Converts a yes/no answer to a measure value.</summary>
    /// <param name="value">The answer.</param>
    public static implicit operator MeasureValue(bool value) => Flag(value);

    /// <summary>Creates a number.</summary>
    /// <param name="value">The number; NaN and infinities are refused when the portfolio is built.</param>
    /// <returns>The measure value.</returns>
    public static MeasureValue Number(double value) => new(MeasureKind.Number, value, null);

    /// <summary>Creates an amount of money.</summary>
    /// <param name="money">The amount.</param>
    /// <returns>The measure value.</returns>
    public static MeasureValue Amount(Money money) => new(MeasureKind.Amount, (double)money.Amount, money.Currency);

    /// <summary>Creates a count.</summary>
    /// <param name="count">The count; a negative count is refused when the portfolio is built.</param>
    /// <returns>The measure value.</returns>
    public static MeasureValue Count(long count) => new(MeasureKind.Count, count, null);

    /// <summary>Creates a yes/no answer.</summary>
    /// <param name="yes">The answer.</param>
    /// <returns>The measure value.</returns>
    public static MeasureValue Flag(bool yes) => new(MeasureKind.Flag, yes ? 1d : 0d, null);
}
