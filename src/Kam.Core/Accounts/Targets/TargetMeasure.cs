namespace Kam.Core.Accounts.Targets;

/// <summary>
/// A measure targets are set on: its key, a name for people, its kind and, for money, its currency (rule book:
/// accounts, targets — sales, service level and satisfaction; accounts, share of wallet). The set is open: a host
/// defines any measure it needs; <see cref="Bookings"/>, <see cref="GrossProfit"/>, <see cref="ShareOfWallet"/>,
/// <see cref="ServiceLevel"/> and <see cref="Satisfaction"/> are the usual ones.
/// </summary>
/// <remarks>Immutable and validated when created.</remarks>
public sealed class TargetMeasure
{
    /// <summary>Creates a measure.</summary>
    /// <param name="key">The key targets name the measure by (for example <c>bookings</c>); not blank.</param>
    /// <param name="kind">The kind of number.</param>
    /// <param name="currency">The currency of a <see cref="TargetMeasureKind.Money"/> measure (not <see cref="Currency.None"/>); must be <see cref="Currency.None"/> (the default) for the other kinds.</param>
    /// <param name="name">A name for people; <see langword="null"/> for the key.</param>
    /// <exception cref="KamValidationException">The key is blank, the kind is not defined, or the currency does not fit the kind.</exception>
    public TargetMeasure(string key, TargetMeasureKind kind, Currency currency = default, string? name = null)
    {
        var errors = new ValidationCollector();
        errors.Required("key", key);
        Checks.Defined(errors, "kind", kind);
        if (kind == TargetMeasureKind.Money && currency == Currency.None)
        {
            errors.Add("currency", KamErrorCodes.Required, currency.Code, "A money measure needs a currency.");
        }
        else if (kind != TargetMeasureKind.Money && currency != Currency.None)
        {
            errors.Add("currency", KamErrorCodes.InvalidState, currency.Code, "Only a money measure has a currency.");
        }

        errors.ThrowIfAny();
        Key = key;
        Kind = kind;
        Currency = currency;
        Name = string.IsNullOrWhiteSpace(name) ? key : name;
    }

    /// <summary>Gets the key targets name the measure by.</summary>
    public string Key { get; }

    /// <summary>Gets the name for people (the key when none was given).</summary>
    public string Name { get; }

    /// <summary>Gets the kind of number.</summary>
    public TargetMeasureKind Kind { get; }

    /// <summary>Gets the currency of a money measure, or <see cref="Currency.None"/>.</summary>
    public Currency Currency { get; }

    /// <summary>Creates the bookings (sales) measure, key <c>bookings</c>.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>The measure.</returns>
    public static TargetMeasure Bookings(Currency currency) => new("bookings", TargetMeasureKind.Money, currency, "Bookings");

    /// <summary>Creates the gross-profit measure, key <c>grossProfit</c>.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>The measure.</returns>
    public static TargetMeasure GrossProfit(Currency currency) => new("grossProfit", TargetMeasureKind.Money, currency, "Gross profit");

    /// <summary>Gets the share-of-wallet measure (our share of the account's spend), key <c>shareOfWallet</c>.</summary>
    public static TargetMeasure ShareOfWallet { get; } = new("shareOfWallet", TargetMeasureKind.Ratio, name: "Share of wallet");

    /// <summary>Gets the service-level measure, key <c>serviceLevel</c>.</summary>
    public static TargetMeasure ServiceLevel { get; } = new("serviceLevel", TargetMeasureKind.Ratio, name: "Service level");

    /// <summary>Gets the satisfaction measure, key <c>satisfaction</c>.</summary>
    public static TargetMeasure Satisfaction { get; } = new("satisfaction", TargetMeasureKind.Score, name: "Satisfaction");
}
