using System.Globalization;

namespace Kam.Core;

/// <summary>
/// The one mechanism by which Kam.Core reports arithmetic that does not fit: a sum, product or conversion of amounts
/// beyond the range of <see cref="decimal"/> (or a non-finite <see cref="double"/> where a number is needed) becomes a
/// <see cref="KamValidationException"/> with code <see cref="KamErrorCodes.Overflow"/> and a path naming the quantity,
/// never an <see cref="OverflowException"/>, a NaN or an infinity.
/// </summary>
/// <remarks>
/// Low-level operations (<see cref="Money"/>'s operators, the checked helpers here) report the generic path
/// <see cref="AmountPath"/> or a bare member name (<c>total</c>); engines wrap their work in
/// <see cref="Guard{T}(string, Func{T})"/>, which gives such an error the path of the quantity being computed
/// (<c>portfolio total revenue</c>, <c>payees[3].statements[2].total</c>). An error that already names its quantity fully
/// (<c>accounts[17].revenue</c>) keeps its path.
/// </remarks>
internal static class Overflow
{
    /// <summary>The path of an overflow raised by <see cref="Money"/> itself, before an engine names the quantity.</summary>
    public const string AmountPath = "amount";

    /// <summary>The largest <see cref="double"/> magnitude that converts to <see cref="decimal"/> (just below 2^96).</summary>
    private const double DecimalLimit = 7.9228162514264e28;

    /// <summary>Creates the overflow error for a quantity.</summary>
    /// <param name="path">The quantity that does not fit.</param>
    /// <param name="value">The offending input or partial result, or <see langword="null"/>.</param>
    /// <returns>The exception to throw.</returns>
    public static KamValidationException Error(string path, object? value = null) =>
        new(path, KamErrorCodes.Overflow, Render(value),
            "The total exceeds what can be computed (decimal amounts stop near ±7.9e28); check the units of the amounts — one value is probably far too large.");

    /// <summary>Creates the error for a statistic that came out as NaN or infinity.</summary>
    /// <param name="path">The quantity.</param>
    /// <param name="value">The non-finite value.</param>
    /// <returns>The exception to throw.</returns>
    public static KamValidationException NotFinite(string path, double value) =>
        new(path, KamErrorCodes.Overflow, Render(value),
            "The result cannot be computed as a finite number; check the units of the amounts — one value is probably far too large.");

    /// <summary>Adds two decimals, reporting overflow at <paramref name="path"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <param name="path">The quantity being summed.</param>
    /// <returns>The sum.</returns>
    public static decimal Add(decimal left, decimal right, string path)
    {
        try
        {
            return left + right;
        }
        catch (OverflowException)
        {
            throw Error(path, right);
        }
    }

    /// <summary>Subtracts two decimals, reporting overflow at <paramref name="path"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The value to subtract.</param>
    /// <param name="path">The quantity being computed.</param>
    /// <returns>The difference.</returns>
    public static decimal Subtract(decimal left, decimal right, string path)
    {
        try
        {
            return left - right;
        }
        catch (OverflowException)
        {
            throw Error(path, right);
        }
    }

    /// <summary>Multiplies two decimals, reporting overflow at <paramref name="path"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <param name="path">The quantity being computed.</param>
    /// <returns>The product.</returns>
    public static decimal Multiply(decimal left, decimal right, string path)
    {
        try
        {
            return left * right;
        }
        catch (OverflowException)
        {
            throw Error(path, left);
        }
    }

    /// <summary>Divides two decimals, reporting overflow at <paramref name="path"/>.</summary>
    /// <param name="left">The dividend.</param>
    /// <param name="right">The divisor (not zero).</param>
    /// <param name="path">The quantity being computed.</param>
    /// <returns>The quotient.</returns>
    public static decimal Divide(decimal left, decimal right, string path)
    {
        try
        {
            return left / right;
        }
        catch (OverflowException)
        {
            throw Error(path, left);
        }
    }

    /// <summary>Sums decimals, reporting overflow at <paramref name="path"/>.</summary>
    /// <param name="values">The values.</param>
    /// <param name="path">The quantity being summed.</param>
    /// <returns>The sum.</returns>
    public static decimal Sum(IEnumerable<decimal> values, string path)
    {
        var total = 0m;
        foreach (var value in values)
        {
            total = Add(total, value, path);
        }

        return total;
    }

    /// <summary>Converts a <see cref="double"/> to <see cref="decimal"/>, reporting NaN, infinity or a magnitude beyond decimal's range.</summary>
    /// <param name="value">The value.</param>
    /// <param name="path">The quantity being converted.</param>
    /// <returns>The decimal value.</returns>
    public static decimal ToDecimal(double value, string path) =>
        double.IsFinite(value) && Math.Abs(value) < DecimalLimit
            ? (decimal)value
            : throw (double.IsFinite(value) ? Error(path, value) : NotFinite(path, value));

    /// <summary>Returns a statistic if it is finite, or reports it.</summary>
    /// <param name="value">The value.</param>
    /// <param name="path">The quantity.</param>
    /// <returns><paramref name="value"/>.</returns>
    public static double Finite(double value, string path) => double.IsFinite(value) ? value : throw NotFinite(path, value);

    /// <summary>
    /// Runs a computation and gives any overflow inside it (an <see cref="OverflowException"/>, or an overflow error
    /// still carrying the generic <see cref="AmountPath"/>) the path of the quantity being computed.
    /// </summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="path">The quantity being computed.</param>
    /// <param name="compute">The computation.</param>
    /// <returns>The computation's result.</returns>
    public static T Guard<T>(string path, Func<T> compute)
    {
        try
        {
            return compute();
        }
        catch (OverflowException)
        {
            throw Error(path);
        }
        catch (KamValidationException ex) when (Relative(ex) is { } inner)
        {
            throw Error(inner.Length == 0 ? path : $"{path}.{inner}", ex.Errors[0].AttemptedValue);
        }
    }

    /// <summary>Runs a computation without a result, naming any overflow as <see cref="Guard{T}(string, Func{T})"/> does.</summary>
    /// <param name="path">The quantity being computed.</param>
    /// <param name="compute">The computation.</param>
    public static void Guard(string path, Action compute) => Guard(path, () =>
    {
        compute();
        return 0;
    });

    /// <summary>
    /// The part of an overflow's path to keep under the engine's path: empty for the generic <see cref="AmountPath"/>, a
    /// bare member name (<c>total</c>) as it is; <see langword="null"/> when the error already names its quantity fully
    /// (<c>accounts[17].revenue</c>) or is not an overflow.
    /// </summary>
    private static string? Relative(KamValidationException exception)
    {
        if (exception.Errors.Count != 1 || exception.Errors[0] is not { Code: KamErrorCodes.Overflow } error)
        {
            return null;
        }

        if (error.Path == AmountPath)
        {
            return string.Empty;
        }

        return error.Path.AsSpan().IndexOfAny("$[ .") < 0 ? error.Path : null;
    }

    private static string? Render(object? value) => value switch
    {
        null => null,
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
