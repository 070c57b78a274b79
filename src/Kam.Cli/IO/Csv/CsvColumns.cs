using System.Globalization;
using Kam.Core;
using NodaTime;
using NodaTime.Text;

namespace Kam.Cli.IO.Csv;

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

    // The accepted spellings of a yes/no cell, upper case.
    private static readonly string[] YesNoWords = ["YES", "NO", "Y", "N", "TRUE", "FALSE", "1", "0"];

    // What each of YesNoWords means.
    private static readonly bool[] YesNoMeansYes = [true, false, true, false, true, false, true, false];

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
            var error = IdentifierRules.Check(text, IdentifierName<TId>.Value);
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
            summed: true,
            fast: (ReadOnlySpan<char> text, out decimal value) =>
                decimal.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out value) && Math.Abs(value) <= MaxAmount && value >= min);

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
            },
            fast: (ReadOnlySpan<char> text, out int value) =>
                int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value >= min && value <= max);

    /// <summary>A calendar date column in ISO form <c>yyyy-MM-dd</c>.</summary>
    public static CsvColumn<LocalDate> Date(string name, bool required, string description, string example) =>
        new(name, "date yyyy-MM-dd", required, description, example, (string text, out LocalDate value, out CsvCellProblem? problem) =>
        {
            if (TryParseIsoDate(text, out value))
            {
                problem = null;
                return true;
            }

            var result = LocalDatePattern.Iso.Parse(text);
            value = result.Success ? result.Value : default;
            problem = result.Success ? DateProblem(value) : CsvCellProblem.Format("not a date in the form yyyy-MM-dd (e.g. 2026-03-31)");
            return problem is null;
        },
        fast: TryParseIsoDate);

    /// <summary>An instant column in ISO-8601 form with a UTC offset (<c>2026-03-31T09:30:00Z</c>, <c>2026-03-31T17:30:00+08:00</c>).</summary>
    public static CsvColumn<Instant> Instant(string name, bool required, string description, string example) =>
        new(name, "instant ISO-8601 with offset", required, description, example, (string text, out Instant value, out CsvCellProblem? problem) =>
        {
            if (TryParseIsoInstant(text, out value))
            {
                problem = null;
                return true;
            }

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
        },
        fast: TryParseIsoInstant);

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
            switch (AsciiUpper(text))
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
        },
        fast: (ReadOnlySpan<char> text, out bool value) =>
        {
            // The accepted words, any case: the first four mean yes.
            for (var i = 0; i < YesNoWords.Length; i++)
            {
                if (text.Equals(YesNoWords[i], StringComparison.OrdinalIgnoreCase))
                {
                    value = YesNoMeansYes[i];
                    return true;
                }
            }

            value = false;
            return false;
        });

    /// <summary>A column whose value is one of a fixed set of words (case-insensitive), returned in the set's spelling.</summary>
    public static CsvColumn<string> OneOf(string name, bool required, string description, IReadOnlyList<string> allowed) =>
        new(name, "one of " + string.Join("|", allowed), required, description, allowed[0], (string text, out string value, out CsvCellProblem? problem) =>
        {
            value = string.Empty;
            foreach (var word in allowed)
            {
                if (string.Equals(word, text, StringComparison.OrdinalIgnoreCase))
                {
                    value = word;
                    break;
                }
            }

            problem = value.Length == 0 ? CsvCellProblem.Format("must be one of " + string.Join(", ", allowed)) : null;
            return value.Length > 0;
        },
        fast: (ReadOnlySpan<char> text, out string value) =>
        {
            foreach (var word in allowed)
            {
                if (text.Equals(word, StringComparison.OrdinalIgnoreCase))
                {
                    value = word;
                    return true;
                }
            }

            value = string.Empty;
            return false;
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

    // The upper-case form of a yes/no cell: the common spellings without allocating; anything else through ToUpperInvariant.
    private static string AsciiUpper(string text)
    {
        foreach (var word in YesNoWords)
        {
            if (string.Equals(word, text, StringComparison.Ordinal) || (IsAscii(text) && string.Equals(word, text, StringComparison.OrdinalIgnoreCase)))
            {
                return word;
            }
        }

        return text.ToUpperInvariant();
    }

    private static bool IsAscii(string text) => System.Text.Ascii.IsValid(text);

    /// <summary>
    /// The fast path of a date cell: exactly <c>yyyy-MM-dd</c> with ASCII digits, a real day, within the supported
    /// dates. Anything else (including every invalid or out-of-range text) goes to NodaTime's ISO pattern, which gives
    /// the same value for the texts accepted here and the error messages for the rest.
    /// </summary>
    private static bool TryParseIsoDate(ReadOnlySpan<char> text, out LocalDate value)
    {
        value = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month) || !TryDigits(text, 8, 2, out var day)
            || year < MinDate.Year || year > MaxDate.Year || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        value = new LocalDate(year, month, day);
        return true;
    }

    /// <summary>
    /// The fast path of an instant cell: exactly <c>yyyy-MM-ddTHH:mm:ssZ</c> or <c>yyyy-MM-ddTHH:mm:ss±HH:mm</c> (offset
    /// not zero, at most 14 hours) with ASCII digits, whose local date and UTC date are within the supported dates.
    /// Anything else goes to NodaTime's extended ISO pattern (fractions of a second, other offset forms, errors).
    /// </summary>
    private static bool TryParseIsoInstant(ReadOnlySpan<char> text, out Instant value)
    {
        value = default;
        if ((text.Length != 20 && text.Length != 25) || text[10] != 'T' || text[13] != ':' || text[16] != ':'
            || !TryParseIsoDate(text[..10], out var date)
            || !TryDigits(text, 11, 2, out var hour) || !TryDigits(text, 14, 2, out var minute) || !TryDigits(text, 17, 2, out var second)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var offsetSeconds = 0;
        if (text.Length == 20)
        {
            if (text[19] != 'Z')
            {
                return false;
            }
        }
        else
        {
            if (text[19] is not ('+' or '-') || text[22] != ':' || !TryDigits(text, 20, 2, out var offsetHours) || !TryDigits(text, 23, 2, out var offsetMinutes)
                || offsetHours > 14 || offsetMinutes > 59 || (offsetHours == 0 && offsetMinutes == 0))
            {
                return false;
            }

            offsetSeconds = (text[19] == '-' ? -1 : 1) * ((offsetHours * 3600) + (offsetMinutes * 60));
        }

        var instant = date.At(new LocalTime(hour, minute, second)).WithOffset(Offset.FromSeconds(offsetSeconds)).ToInstant();
        if (!IsSupported(instant.InUtc().Date))
        {
            return false;
        }

        value = instant;
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = text[i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
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

    /// <summary>The type name of an identifier type, the path of its rule errors, computed once.</summary>
    private static class IdentifierName<TId>
    {
        public static readonly string Value = typeof(TId).Name;
    }
}
