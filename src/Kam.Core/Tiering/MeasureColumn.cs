namespace Kam.Core.Tiering;

/// <summary>
/// One measure for every account of an <see cref="AccountMeasures"/>, as a column: its name, its kind, its currency
/// when it is money, and one value per account (or "missing").
/// </summary>
/// <remarks>
/// <para>
/// The column copies the arrays it is given, so later changes by the caller do not reach it; it is immutable and safe
/// to share between threads. Values are <see cref="double"/> so that millions of accounts can be ranked quickly; amounts
/// keep their currency in <see cref="Currency"/>, and sums are reported as <see cref="Money"/> rounded to cents.
/// </para>
/// <para>A missing value is marked in the mask, never as NaN: NaN and infinities are refused.</para>
/// </remarks>
public sealed class MeasureColumn
{
    private readonly double[] _values;
    private readonly bool[]? _missing;
    private Ranking? _ranking;

    private MeasureColumn(string name, MeasureKind kind, Currency? currency, double[] values, bool[]? missing)
    {
        Name = name;
        Kind = kind;
        Currency = currency;
        _values = values;
        _missing = missing;
    }

    /// <summary>Gets the measure's name, for example "revenue".</summary>
    public string Name { get; }

    /// <summary>Gets the kind of quantity.</summary>
    public MeasureKind Kind { get; }

    /// <summary>Gets the currency of an <see cref="MeasureKind.Amount"/> column, otherwise <see langword="null"/>.</summary>
    public Currency? Currency { get; }

    /// <summary>Gets the number of values.</summary>
    public int Count => _values.Length;

    /// <summary>Gets a value indicating whether any value is missing.</summary>
    public bool HasMissing => _missing is not null;

    /// <summary>Gets the values; a missing value reads as 0 here, check <see cref="IsMissing"/>.</summary>
    public ReadOnlySpan<double> Values => _values;

    internal double[] RawValues => _values;

    internal bool[]? RawMissing => _missing;

    /// <summary>
    /// The accounts in rank order by this column (highest first, equal values by identifier: <see cref="ValueRanking"/>),
    /// sorted once and shared by the engines that rank the same column of the same portfolio; callers only read it.
    /// </summary>
    /// <param name="portfolio">The portfolio the column belongs to.</param>
    /// <returns>The indexes in rank order.</returns>
    internal int[] DescendingOrder(AccountMeasures portfolio)
    {
        var cached = Volatile.Read(ref _ranking);
        if (cached is not null && ReferenceEquals(cached.Portfolio, portfolio))
        {
            return cached.Order;
        }

        var order = ValueRanking.Descending(_values, portfolio.IdRanks);
        Volatile.Write(ref _ranking, new Ranking(portfolio, order));
        return order;
    }

    /// <summary>Creates a column of numbers.</summary>
    /// <param name="name">The measure's name.</param>
    /// <param name="values">One value per account (copied).</param>
    /// <param name="missing">Optional mask: <see langword="true"/> where the value is missing (copied).</param>
    /// <returns>The column.</returns>
    /// <exception cref="KamValidationException">A value is NaN or infinite, the name is blank, or the mask length differs.</exception>
    public static MeasureColumn Numbers(string name, ReadOnlySpan<double> values, ReadOnlySpan<bool> missing = default) =>
        Create(name, MeasureKind.Number, null, values, missing);

    /// <summary>Creates a column of amounts of money in one currency.</summary>
    /// <param name="name">The measure's name.</param>
    /// <param name="currency">The currency of every value.</param>
    /// <param name="values">One amount per account, in units of the currency (copied).</param>
    /// <param name="missing">Optional mask of missing values (copied).</param>
    /// <returns>The column.</returns>
    /// <exception cref="KamValidationException">A value is NaN or infinite, beyond the range of <see cref="decimal"/> (code <see cref="KamErrorCodes.Overflow"/>), or the mask length differs.</exception>
    public static MeasureColumn Amounts(string name, Currency currency, ReadOnlySpan<double> values, ReadOnlySpan<bool> missing = default) =>
        Create(name, MeasureKind.Amount, currency, values, missing);

    /// <summary>Creates a column of counts (whole, not negative).</summary>
    /// <param name="name">The measure's name.</param>
    /// <param name="values">One count per account (copied).</param>
    /// <param name="missing">Optional mask of missing values (copied).</param>
    /// <returns>The column.</returns>
    /// <exception cref="KamValidationException">A count is negative, or the mask length differs.</exception>
    public static MeasureColumn Counts(string name, ReadOnlySpan<long> values, ReadOnlySpan<bool> missing = default)
    {
        var doubles = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            doubles[i] = values[i];
        }

        return Create(name, MeasureKind.Count, null, doubles, missing, owned: doubles);
    }

    /// <summary>Creates a column of yes/no answers.</summary>
    /// <param name="name">The criterion's name.</param>
    /// <param name="values">One answer per account (copied).</param>
    /// <param name="missing">Optional mask of missing answers (copied).</param>
    /// <returns>The column.</returns>
    /// <exception cref="KamValidationException">The mask length differs.</exception>
    public static MeasureColumn Flags(string name, ReadOnlySpan<bool> values, ReadOnlySpan<bool> missing = default)
    {
        var doubles = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            doubles[i] = values[i] ? 1d : 0d;
        }

        return Create(name, MeasureKind.Flag, null, doubles, missing, owned: doubles);
    }

    /// <summary>Tells whether the value of the account at an index is missing.</summary>
    /// <param name="index">The account's index in the portfolio.</param>
    /// <returns><see langword="true"/> when the value is missing.</returns>
    public bool IsMissing(int index) => _missing is not null && _missing[index];

    /// <summary>Gets the value at an index, or <see langword="null"/> when it is missing.</summary>
    /// <param name="index">The account's index in the portfolio.</param>
    /// <returns>The value.</returns>
    public double? ValueAt(int index) => IsMissing(index) ? null : _values[index];

    /// <summary>The largest amount magnitude that still converts to <see cref="decimal"/>.</summary>
    private const double DecimalLimit = 7.9228162514264e28;

    // owned: the array of values itself when it was made for this column (not the caller's): kept, not copied.
    internal static MeasureColumn Create(string name, MeasureKind kind, Currency? currency, ReadOnlySpan<double> values, ReadOnlySpan<bool> missing, double[]? owned = null)
    {
        var errors = new ValidationCollector();
        var path = $"measures['{name}']";
        errors.Required("measures[].name", name);
        if (!missing.IsEmpty && missing.Length != values.Length)
        {
            errors.Add($"{path}.missing", KamErrorCodes.OutOfRange, missing.Length, $"The missing-value mask must have one entry per value ({values.Length}).");
        }

        var mask = missing.IsEmpty || !missing.Contains(true) ? null : missing.ToArray();
        for (var i = 0; i < values.Length && errors.Errors.Count < 20; i++)
        {
            if (mask is not null && mask[i])
            {
                continue;
            }

            var v = values[i];
            if (!double.IsFinite(v))
            {
                errors.Add($"{path}[{i}]", KamErrorCodes.NotFinite, v, "A measure must be a finite number; mark missing values in the mask instead.");
            }
            else if (kind == MeasureKind.Count && (v < 0d || v != Math.Floor(v)))
            {
                errors.Add($"{path}[{i}]", KamErrorCodes.OutOfRange, v, "A count must be a whole number and not negative.");
            }
            else if (kind == MeasureKind.Amount && Math.Abs(v) >= DecimalLimit)
            {
                errors.Add($"{path}[{i}]", KamErrorCodes.Overflow, v, "The amount is beyond what can be computed (decimal amounts stop near ±7.9e28); check the units.");
            }
            else if (kind == MeasureKind.Flag && v is not (0d or 1d))
            {
                errors.Add($"{path}[{i}]", KamErrorCodes.OutOfRange, v, "A yes/no value must be 1 or 0.");
            }
        }

        errors.ThrowIfAny();
        return new MeasureColumn(name, kind, currency, owned ?? values.ToArray(), mask);
    }

    /// <summary>A rank order and the portfolio it was computed for.</summary>
    private sealed record Ranking(AccountMeasures Portfolio, int[] Order);
}
