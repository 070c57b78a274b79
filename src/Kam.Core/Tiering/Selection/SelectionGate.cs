namespace Kam.Core.Tiering.Selection;

/// <summary>
/// A condition every key account must meet: the named measure within [<see cref="Minimum"/>, <see cref="Maximum"/>]
/// (for example "creditRisk" at most 0, "contribution" at least 0). A missing value fails the gate.
/// </summary>
/// <remarks>Immutable and valid from construction.</remarks>
public sealed class SelectionGate
{
    /// <summary>Creates a gate.</summary>
    /// <param name="measure">The measure checked.</param>
    /// <param name="minimum">The lowest passing value, or <see langword="null"/>.</param>
    /// <param name="maximum">The highest passing value, or <see langword="null"/>.</param>
    /// <exception cref="KamValidationException">The measure is blank, no limit is given, a limit is not finite, or the maximum is below the minimum.</exception>
    public SelectionGate(string measure, double? minimum = null, double? maximum = null)
        : this(measure, minimum, maximum, validate: true)
    {
    }

    private SelectionGate(string measure, double? minimum, double? maximum, bool validate)
    {
        Measure = measure;
        Minimum = minimum;
        Maximum = maximum;
        if (validate)
        {
            var errors = new ValidationCollector();
            errors.Required("measure", measure);
            GateLimits.Validate(errors, string.Empty, minimum, maximum);
            errors.ThrowIfAny();
        }
    }

    /// <summary>Gets the measure checked.</summary>
    public string Measure { get; }

    /// <summary>Gets the lowest passing value, or <see langword="null"/>.</summary>
    public double? Minimum { get; }

    /// <summary>Gets the highest passing value, or <see langword="null"/>.</summary>
    public double? Maximum { get; }

    /// <summary>Builds a gate as read from a file, unvalidated: the policy that holds it validates it with full paths.</summary>
    internal static SelectionGate Unchecked(string measure, double? minimum, double? maximum) => new(measure, minimum, maximum, validate: false);

    internal bool Passes(double value) => (Minimum is not { } min || value >= min) && (Maximum is not { } max || value <= max);
}
