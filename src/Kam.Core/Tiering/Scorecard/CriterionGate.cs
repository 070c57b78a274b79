namespace Kam.Core.Tiering.Scorecard;

/// <summary>
/// A gate on a criterion: an account whose raw value falls outside [<see cref="Minimum"/>, <see cref="Maximum"/>]
/// can never be above <see cref="CapTier"/>, whatever its score. This is how "revenue alone is not enough" and
/// "credit risk blocks key-account status" are written (rule book: tiering).
/// </summary>
/// <remarks>
/// A missing value fails the gate unless the missing-value policy imputes one. Immutable and valid from construction;
/// the scorecard checks that <see cref="CapTier"/> is one of its tiers.
/// </remarks>
public sealed class CriterionGate
{
    /// <summary>Creates a gate.</summary>
    /// <param name="capTier">The best tier an account failing the gate may reach.</param>
    /// <param name="minimum">The lowest passing raw value, or <see langword="null"/> for no lower limit (1 for "must be yes").</param>
    /// <param name="maximum">The highest passing raw value, or <see langword="null"/> for no upper limit (0 for "must be no").</param>
    /// <exception cref="KamValidationException">The cap tier is blank, no limit is given, a limit is not finite, or the maximum is below the minimum.</exception>
    public CriterionGate(string capTier, double? minimum = null, double? maximum = null)
        : this(capTier, minimum, maximum, validate: true)
    {
    }

    private CriterionGate(string capTier, double? minimum, double? maximum, bool validate)
    {
        CapTier = capTier;
        Minimum = minimum;
        Maximum = maximum;
        if (validate)
        {
            var errors = new ValidationCollector();
            errors.Required("capTier", capTier);
            GateLimits.Validate(errors, string.Empty, minimum, maximum);
            errors.ThrowIfAny();
        }
    }

    /// <summary>Gets the best tier an account failing the gate may reach.</summary>
    public string CapTier { get; }

    /// <summary>Gets the lowest passing raw value, or <see langword="null"/>.</summary>
    public double? Minimum { get; }

    /// <summary>Gets the highest passing raw value, or <see langword="null"/>.</summary>
    public double? Maximum { get; }

    /// <summary>Builds a gate as read from a file, unvalidated: the policy that holds it validates it with full paths.</summary>
    internal static CriterionGate Unchecked(string capTier, double? minimum, double? maximum) => new(capTier, minimum, maximum, validate: false);

    internal bool Passes(double value) => (Minimum is not { } min || value >= min) && (Maximum is not { } max || value <= max);
}
