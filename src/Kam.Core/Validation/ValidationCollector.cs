using System.Globalization;

namespace Kam.Core;

/// <summary>
/// Collects <see cref="KamValidationError"/>s while an input is checked, so that every problem is reported at once;
/// throws them together with <see cref="ThrowIfAny"/>.
/// </summary>
/// <remarks>
/// A collector is a short-lived, single-threaded helper: create one per validation pass. The checking methods return
/// <see langword="true"/> when the value passed, so callers can skip dependent checks.
/// </remarks>
internal sealed class ValidationCollector
{
    private readonly List<KamValidationError> _errors = [];

    /// <summary>Gets the errors collected so far.</summary>
    public IReadOnlyList<KamValidationError> Errors => _errors;

    /// <summary>Gets a value indicating whether any error has been collected.</summary>
    public bool HasErrors => _errors.Count > 0;

    /// <summary>Adds an error.</summary>
    /// <param name="path">Where the problem is.</param>
    /// <param name="code">The stable error code (see <see cref="KamErrorCodes"/>).</param>
    /// <param name="attemptedValue">The offending value, rendered with the invariant culture; may be null.</param>
    /// <param name="message">A human-readable description of the problem.</param>
    public void Add(string path, string code, object? attemptedValue, string message) =>
        _errors.Add(new KamValidationError(path, code, Render(attemptedValue), message));

    /// <summary>Adds errors found elsewhere (for example by a nested validation).</summary>
    /// <param name="errors">The errors to add.</param>
    public void AddRange(IEnumerable<KamValidationError> errors) => _errors.AddRange(errors);

    /// <summary>Checks that a text value is neither null nor blank.</summary>
    /// <param name="path">The field path.</param>
    /// <param name="value">The value to check.</param>
    /// <returns><see langword="true"/> when the value passed.</returns>
    public bool Required(string path, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        Add(path, KamErrorCodes.Required, value, "A value is required.");
        return false;
    }

    /// <summary>Checks that a reference is not null.</summary>
    /// <param name="path">The field path.</param>
    /// <param name="value">The value to check.</param>
    /// <returns><see langword="true"/> when the value passed.</returns>
    public bool Required(string path, object? value)
    {
        if (value is not null)
        {
            return true;
        }

        Add(path, KamErrorCodes.Required, null, "A value is required.");
        return false;
    }

    /// <summary>Checks that a decimal lies within an inclusive range.</summary>
    /// <param name="path">The field path.</param>
    /// <param name="value">The value to check.</param>
    /// <param name="min">The smallest allowed value.</param>
    /// <param name="max">The largest allowed value.</param>
    /// <returns><see langword="true"/> when the value passed.</returns>
    public bool InRange(string path, decimal value, decimal min, decimal max)
    {
        if (value >= min && value <= max)
        {
            return true;
        }

        Add(path, KamErrorCodes.OutOfRange, value, string.Create(CultureInfo.InvariantCulture, $"Must be between {min} and {max}."));
        return false;
    }

    /// <summary>Checks that an integer lies within an inclusive range.</summary>
    /// <param name="path">The field path.</param>
    /// <param name="value">The value to check.</param>
    /// <param name="min">The smallest allowed value.</param>
    /// <param name="max">The largest allowed value.</param>
    /// <returns><see langword="true"/> when the value passed.</returns>
    public bool InRange(string path, long value, long min, long max)
    {
        if (value >= min && value <= max)
        {
            return true;
        }

        Add(path, KamErrorCodes.OutOfRange, value, string.Create(CultureInfo.InvariantCulture, $"Must be between {min} and {max}."));
        return false;
    }

    /// <summary>Checks that a double is finite (neither NaN nor infinite) and lies within an inclusive range.</summary>
    /// <param name="path">The field path.</param>
    /// <param name="value">The value to check.</param>
    /// <param name="min">The smallest allowed value.</param>
    /// <param name="max">The largest allowed value.</param>
    /// <returns><see langword="true"/> when the value passed.</returns>
    public bool FiniteInRange(string path, double value, double min = double.MinValue, double max = double.MaxValue)
    {
        if (!double.IsFinite(value))
        {
            Add(path, KamErrorCodes.NotFinite, value, "Must be a finite number (not NaN or infinity).");
            return false;
        }

        if (value < min || value > max)
        {
            Add(path, KamErrorCodes.OutOfRange, value, string.Create(CultureInfo.InvariantCulture, $"Must be between {min} and {max}."));
            return false;
        }

        return true;
    }

    /// <summary>Checks that a decimal is not negative.</summary>
    /// <param name="path">The field path.</param>
    /// <param name="value">The value to check.</param>
    /// <returns><see langword="true"/> when the value passed.</returns>
    public bool NotNegative(string path, decimal value)
    {
        if (value >= 0m)
        {
            return true;
        }

        Add(path, KamErrorCodes.OutOfRange, value, "Must not be negative.");
        return false;
    }

    /// <summary>Reports every key that occurs more than once in a sequence, at the path of its second occurrence.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="pathOfIndex">Builds the path of the element at an index (for example <c>i =&gt; $"items[{i}].key"</c>).</param>
    /// <param name="keys">The keys, in input order.</param>
    /// <param name="comparer">The key comparer, or null for the default.</param>
    /// <returns><see langword="true"/> when all keys are distinct.</returns>
    public bool Distinct<TKey>(Func<int, string> pathOfIndex, IEnumerable<TKey> keys, IEqualityComparer<TKey>? comparer = null)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(pathOfIndex);
        ArgumentNullException.ThrowIfNull(keys);
        var seen = new HashSet<TKey>(comparer);
        var ok = true;
        var index = 0;
        foreach (var key in keys)
        {
            if (!seen.Add(key))
            {
                Add(pathOfIndex(index), KamErrorCodes.Duplicate, key, "This key occurs more than once; keys must be unique.");
                ok = false;
            }

            index++;
        }

        return ok;
    }

    /// <summary>Throws a <see cref="KamValidationException"/> carrying every collected error, if there is any.</summary>
    /// <exception cref="KamValidationException">At least one error was collected.</exception>
    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new KamValidationException(_errors);
        }
    }

    /// <summary>Renders a value invariantly; dates and months in ISO form (<c>2026-01-02</c>, <c>2026-01</c>), never a culture's long date.</summary>
    internal static string? Render(object? value) => value switch
    {
        null => null,
        NodaTime.LocalDate date => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
        NodaTime.YearMonth month => month.ToString("uuuu-MM", CultureInfo.InvariantCulture),
        NodaTime.LocalDateTime time => time.ToString("uuuu-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
