using System.Globalization;
using Kam.Core;
using NodaTime;
using NodaTime.Text;

namespace Kam.Cli.Input;

/// <summary>Factories of the typed CSV columns: text, identifiers, numbers, dates, instants, money, percentages, yes/no.</summary>
/// <remarks>
/// Every parser uses the invariant culture: numbers with a <c>.</c> decimal point and no thousands separators,
/// dates <c>yyyy-MM-dd</c> (NodaTime's ISO pattern), instants ISO-8601 with an offset or <c>Z</c>.
/// </remarks>
internal static class CsvColumns
{
    /// <summary>The largest absolute value an amount cell may hold: 10^15 (a quadrillion in any currency).</summary>
    /// <remarks>
    /// The library's <see cref="Kam.Core.Money.MaxAmount"/>, the bound its rule files use: the engines' sums and products stay
    /// far inside <see cref="decimal"/>'s range for amounts up to this bound.
    /// </remarks>
    public const decimal MaxAmount = Kam.Core.Money.MaxAmount;

    /// <summary>The largest sum of the absolute values of one amount column of a file: 10^18.</summary>
    /// <remarks>
    /// With every cell within <see cref="MaxAmount"/> and every column's total within this bound, the CLI's own sums
    /// (contribution = gross profit − cost to serve − discounts, pay and lifetime-value totals, each a sum of at most
    /// a few such columns) stay below 10^19, nine orders of magnitude inside <see cref="decimal"/>'s range
    /// (about 7.9 × 10^28).
    /// </remarks>
    public const decimal MaxColumnTotal = 1_000_000_000_000_000_000m;

    /// <summary>The first day a date or instant cell (or a date option) may name: 1900-01-01.</summary>
    public static readonly LocalDate MinDate = new(1900, 1, 1);

    /// <summary>The last day a date or instant cell (or a date option) may name: 2199-12-31.</summary>
    /// <remarks>
    /// Far from NodaTime's limits (years −9998..9999), so the engines' arithmetic on dates (the day after the as-of
    /// day, forecast buckets, fiscal years, a horizon of up to 600 months) cannot overflow.
    /// </remarks>
    public static readonly LocalDate MaxDate = new(2199, 12, 31);

    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>A free text column.</summary>
    public static CsvColumn<string> Text(string name, bool required, string description, string example) =>
        new(name, "text", required, description, example, (string text, out string value, out CsvCellProblem? problem) =>
        {
            value = text;
            problem = null;
            return true;
        });

    /// <summary>An identifier column (<see cref="AccountId"/>, <see cref="PersonId"/>, <see cref="OpportunityId"/>).</summary>
    /// <typeparam name="TId">The identifier type.</typeparam>
    public static CsvColumn<TId> Identifier<TId>(string name, bool required, string description, string example)
        where TId : struct, IKamIdentifier<TId> =>
        new(name, "identifier", required, description, example, (string text, out TId value, out CsvCellProblem? problem) =>
        {
            var error = IdentifierRules.Check(text, typeof(TId).Name);
            value = error is null ? TId.Parse(text) : default;
            problem = error is null ? null : new CsvCellProblem(error.Code, error.Message);
            return error is null;
        });

    /// <summary>An amount column: a decimal number whose absolute value is at most <see cref="MaxAmount"/>, and whose column total is bounded by <see cref="MaxColumnTotal"/>.</summary>
    public static CsvColumn<decimal> Decimal(string name, bool required, string description, string example, decimal min = decimal.MinValue) =>
        new(name, min >= 0 ? "decimal >= " + min.ToString(CultureInfo.InvariantCulture) : "decimal", required, description, example,
            (string text, out decimal value, out CsvCellProblem? problem) =>
            {
                if (!decimal.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out value))
                {
                    problem = IsPlainNumber(text) // well-formed but beyond decimal's range
                        ? CsvCellProblem.Range($"is too large: an amount is at most {MaxAmountText} (10^15) in absolute value")
                        : CsvCellProblem.Format("not a number (use digits with a '.' decimal point and no thousands separators, e.g. 1234.50)");
                    return false;
                }

                if (Math.Abs(value) > MaxAmount)
                {
                    problem = CsvCellProblem.Range($"is too large: an amount is at most {MaxAmountText} (10^15) in absolute value");
                    return false;
                }

                problem = value < min ? CsvCellProblem.Range($"must be at least {min.ToString(CultureInfo.InvariantCulture)}") : null;
                return value >= min;
            },
            summed: true);

    /// <summary>A whole-number column.</summary>
    public static CsvColumn<int> Integer(string name, bool required, string description, string example, int min = int.MinValue, int max = int.MaxValue) =>
        new(name, min == int.MinValue ? "integer" : $"integer {min}..{(max == int.MaxValue ? string.Empty : max.ToString(CultureInfo.InvariantCulture))}", required, description, example,
            (string text, out int value, out CsvCellProblem? problem) =>
            {
                if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
                {
                    problem = CsvCellProblem.Format("not a whole number");
                    return false;
                }

                var ok = value >= min && value <= max;
                problem = ok ? null : CsvCellProblem.Range($"must be between {min} and {max}");
                return ok;
            });

    /// <summary>A calendar date column in ISO form <c>yyyy-MM-dd</c>.</summary>
    public static CsvColumn<LocalDate> Date(string name, bool required, string description, string example) =>
        new(name, "date yyyy-MM-dd", required, description, example, (string text, out LocalDate value, out CsvCellProblem? problem) =>
        {
            var result = LocalDatePattern.Iso.Parse(text);
            value = result.Success ? result.Value : default;
            problem = result.Success ? DateProblem(value) : CsvCellProblem.Format("not a date in the form yyyy-MM-dd (e.g. 2026-03-31)");
            return problem is null;
        });

    /// <summary>An instant column in ISO-8601 form with a UTC offset (<c>2026-03-31T09:30:00Z</c>, <c>2026-03-31T17:30:00+08:00</c>).</summary>
    public static CsvColumn<Instant> Instant(string name, bool required, string description, string example) =>
        new(name, "instant ISO-8601 with offset", required, description, example, (string text, out Instant value, out CsvCellProblem? problem) =>
        {
            var result = OffsetDateTimePattern.ExtendedIso.Parse(text);
            value = default;
            problem = !result.Success
                ? CsvCellProblem.Format("not an instant in the form 2026-03-31T09:30:00Z or 2026-03-31T17:30:00+08:00")
                : DateProblem(result.Value.Date); // checked before the conversion to UTC, which overflows near year 9999
            if (problem is null)
            {
                value = result.Value.ToInstant();
                problem = DateProblem(value.InUtc().Date);
            }

            return problem is null;
        });

    /// <summary>A money column in the invariant form <c>1234.50 CNY</c>.</summary>
    public static CsvColumn<Money> Money(string name, bool required, string description, string example) =>
        new(name, "money '1234.50 CNY'", required, description, example, (string text, out Money value, out CsvCellProblem? problem) =>
        {
            if (!Try(() => Kam.Core.Money.Parse(text), "not an amount with a currency, e.g. 1234.50 CNY", out value, out problem))
            {
                return false;
            }

            problem = Math.Abs(value.Amount) > MaxAmount ? CsvCellProblem.Range($"is too large: an amount is at most {MaxAmountText} (10^15) in absolute value") : null;
            return problem is null;
        });

    /// <summary>A currency column (ISO 4217 code).</summary>
    public static CsvColumn<Currency> Currency(string name, bool required, string description, string example) =>
        new(name, "currency ISO 4217", required, description, example, (string text, out Currency value, out CsvCellProblem? problem) =>
        {
            var ok = Kam.Core.Currency.TryParse(text, out value);
            problem = ok ? null : CsvCellProblem.Format("not a known ISO 4217 currency code (e.g. CNY, USD, EUR)");
            return ok;
        });

    /// <summary>A percentage column in the form <c>75%</c> (0%..100%).</summary>
    public static CsvColumn<Percentage> Percentage(string name, bool required, string description, string example) =>
        new(name, "percentage '75%'", required, description, example, (string text, out Percentage value, out CsvCellProblem? problem) =>
            Try(() => Kam.Core.Percentage.Parse(text), "not a percentage between 0% and 100% with a percent sign, e.g. 12.5%", out value, out problem));

    /// <summary>A yes/no column: <c>yes</c>/<c>no</c>, <c>true</c>/<c>false</c>, <c>1</c>/<c>0</c>, <c>y</c>/<c>n</c> (any case).</summary>
    public static CsvColumn<bool> YesNo(string name, bool required, string description, string example) =>
        new(name, "yes/no", required, description, example, (string text, out bool value, out CsvCellProblem? problem) =>
        {
            switch (text.ToUpperInvariant())
            {
                case "YES" or "Y" or "TRUE" or "1":
                    value = true;
                    break;
                case "NO" or "N" or "FALSE" or "0":
                    value = false;
                    break;
                default:
                    value = false;
                    problem = CsvCellProblem.Format("not yes or no (also accepted: true/false, y/n, 1/0)");
                    return false;
            }

            problem = null;
            return true;
        });

    /// <summary>A column whose value is one of a fixed set of words (case-insensitive), returned in the set's spelling.</summary>
    public static CsvColumn<string> OneOf(string name, bool required, string description, IReadOnlyList<string> allowed) =>
        new(name, "one of " + string.Join("|", allowed), required, description, allowed[0], (string text, out string value, out CsvCellProblem? problem) =>
        {
            value = allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase)) ?? string.Empty;
            problem = value.Length == 0 ? CsvCellProblem.Format("must be one of " + string.Join(", ", allowed)) : null;
            return value.Length > 0;
        });

    /// <summary>Gets the supported range of dates as text, <c>1900-01-01..2199-12-31</c>.</summary>
    public static string DateRangeText => $"{MinDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}..{MaxDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>Tells whether a day is within the supported range <see cref="MinDate"/>..<see cref="MaxDate"/>.</summary>
    /// <param name="day">The day.</param>
    /// <returns><see langword="true"/> when it is supported.</returns>
    public static bool IsSupported(LocalDate day) => day >= MinDate && day <= MaxDate;

    // Well-formed digits with at most one '.' and one leading sign: decimal.TryParse fails on these only when out of range.
    private static bool IsPlainNumber(string text)
    {
        var body = text.AsSpan(text[0] is '+' or '-' ? 1 : 0);
        var digits = 0;
        var points = 0;
        foreach (var c in body)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c == '.')
            {
                points++;
            }
            else
            {
                return false;
            }
        }

        return digits > 0 && points <= 1;
    }

    private static string MaxAmountText => MaxAmount.ToString("0", CultureInfo.InvariantCulture);

    private static CsvCellProblem? DateProblem(LocalDate day) =>
        IsSupported(day) ? null : CsvCellProblem.Range($"is outside the supported dates {DateRangeText}");

    private static bool Try<T>(Func<T> parse, string message, out T value, out CsvCellProblem? problem)
    {
        try
        {
            value = parse();
            problem = null;
            return true;
        }
        catch (KamValidationException ex)
        {
            value = default!;
            problem = ex.Errors[0].Code == KamErrorCodes.OutOfRange ? new CsvCellProblem(KamErrorCodes.OutOfRange, ex.Errors[0].Message) : CsvCellProblem.Format(message);
            return false;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            value = default!;
            problem = CsvCellProblem.Format(message);
            return false;
        }
    }
}
