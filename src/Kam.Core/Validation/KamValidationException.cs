using System.Collections.ObjectModel;

namespace Kam.Core;

/// <summary>
/// Thrown when an input (a value, an options object, a rule file, a portfolio) breaks one or more rules; carries
/// every problem found, not only the first.
/// </summary>
/// <remarks>
/// The exception is thrown before anything is changed: a method that throws it leaves its arguments and the object
/// it was called on as they were.
/// </remarks>
public sealed class KamValidationException : KamException
{
    /// <summary>Creates the exception from one or more errors.</summary>
    /// <param name="errors">The problems found; must contain at least one error.</param>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public KamValidationException(IEnumerable<KamValidationError> errors)
        : this(Materialise(errors))
    {
    }

    /// <summary>Creates the exception from a single error.</summary>
    /// <param name="path">Where the problem is.</param>
    /// <param name="code">The stable error code (see <see cref="KamErrorCodes"/>).</param>
    /// <param name="attemptedValue">The offending value as text, or <see langword="null"/>.</param>
    /// <param name="message">A human-readable description of the problem.</param>
    public KamValidationException(string path, string code, string? attemptedValue, string message)
        : this(new[] { new KamValidationError(path, code, attemptedValue, message) })
    {
    }

    private KamValidationException(KamValidationError[] errors)
        : base(BuildMessage(errors))
    {
        Errors = new ReadOnlyCollection<KamValidationError>(errors);
    }

    /// <summary>Gets every problem found, in the order they were found. Never empty.</summary>
    public IReadOnlyList<KamValidationError> Errors { get; }

    private static KamValidationError[] Materialise(IEnumerable<KamValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var array = errors.ToArray();
        if (array.Length == 0)
        {
            throw new ArgumentException("A validation exception needs at least one error.", nameof(errors));
        }

        return array;
    }

    private static string BuildMessage(KamValidationError[] errors) =>
        errors.Length == 1
            ? $"Validation failed: {errors[0]}"
            : $"Validation failed with {errors.Length} errors:{Environment.NewLine}  "
              + string.Join(Environment.NewLine + "  ", errors.Select(e => e.ToString()));
}
