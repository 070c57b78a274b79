namespace Kam.Core.Tiering.Scorecard;

/// <summary>
/// One criterion of a weighted account scorecard: which measure, how it is normalized, its weight, what to do when it
/// is missing, and an optional gate.
/// </summary>
/// <remarks>
/// A criterion may have weight 0 and a gate: a pure gate that does not add to the score. Immutable and valid from
/// construction (the bands and the gate are copied in as given; the scorecard checks the gate's cap tier and that the
/// weights add up to 1).
/// </remarks>
public sealed class AccountScorecardCriterion
{
    /// <summary>Creates a criterion.</summary>
    /// <param name="name">The criterion's name, used in explanations and as the default measure name.</param>
    /// <param name="weight">The weight, 0 to 1; the weights of a scorecard add up to exactly 1.</param>
    /// <param name="normalization">The normalization rule.</param>
    /// <param name="measure">The measure read from the portfolio, or <see langword="null"/> for <paramref name="name"/>.</param>
    /// <param name="higherIsBetter">Whether a higher raw value is better (for min-max, z-score, percentile and yes/no).</param>
    /// <param name="bands">The bands of a <see cref="Normalization.Bands"/> criterion, in increasing order of their lower bounds (copied).</param>
    /// <param name="missing">What happens when an account's value is missing.</param>
    /// <param name="imputedValue">The raw value used for a missing value under <see cref="MissingValuePolicy.Impute"/>.</param>
    /// <param name="gate">The criterion's gate, or <see langword="null"/>.</param>
    /// <exception cref="KamValidationException">The criterion is invalid; every problem is reported.</exception>
    public AccountScorecardCriterion(
        string name,
        decimal weight,
        Normalization normalization,
        string? measure = null,
        bool higherIsBetter = true,
        IReadOnlyList<AccountScoreBand>? bands = null,
        MissingValuePolicy missing = MissingValuePolicy.Fail,
        double? imputedValue = null,
        CriterionGate? gate = null)
        : this(name, weight, normalization, measure, higherIsBetter, bands, missing, imputedValue, gate, validate: true)
    {
    }

    private AccountScorecardCriterion(string name, decimal weight, Normalization normalization, string? measure, bool higherIsBetter, IReadOnlyList<AccountScoreBand>? bands, MissingValuePolicy missing, double? imputedValue, CriterionGate? gate, bool validate)
    {
        Name = name;
        Weight = weight;
        Normalization = normalization;
        Measure = measure;
        HigherIsBetter = higherIsBetter;
        Bands = bands is null ? [] : Array.AsReadOnly(bands.ToArray());
        Missing = missing;
        ImputedValue = imputedValue;
        Gate = gate;
        if (validate)
        {
            var errors = new ValidationCollector();
            errors.Required("name", name);
            errors.InRange("weight", weight, 0m, 1m);
            Validate(errors, string.Empty);
            if (gate is not null)
            {
                errors.Required("gate.capTier", gate.CapTier);
                GateLimits.Validate(errors, "gate", gate.Minimum, gate.Maximum);
            }

            errors.ThrowIfAny();
        }
    }

    /// <summary>Gets the criterion's name.</summary>
    public string Name { get; }

    /// <summary>Gets the weight, 0 to 1.</summary>
    public decimal Weight { get; }

    /// <summary>Gets the normalization rule.</summary>
    public Normalization Normalization { get; }

    /// <summary>Gets the measure read from the portfolio, or <see langword="null"/> when it is <see cref="Name"/>.</summary>
    public string? Measure { get; }

    /// <summary>Gets a value indicating whether a higher raw value is better (for min-max, z-score, percentile and yes/no); default true.</summary>
    public bool HigherIsBetter { get; }

    /// <summary>Gets the bands of a <see cref="Normalization.Bands"/> criterion, in increasing order of their lower bounds.</summary>
    public IReadOnlyList<AccountScoreBand> Bands { get; }

    /// <summary>Gets what happens when an account's value is missing; default <see cref="MissingValuePolicy.Fail"/>.</summary>
    public MissingValuePolicy Missing { get; }

    /// <summary>Gets the raw value used for a missing value under <see cref="MissingValuePolicy.Impute"/>.</summary>
    public double? ImputedValue { get; }

    /// <summary>Gets the criterion's gate, or <see langword="null"/>.</summary>
    public CriterionGate? Gate { get; }

    /// <summary>Gets the measure name actually read: <see cref="Measure"/> or else <see cref="Name"/>.</summary>
    public string MeasureName => Measure ?? Name;

    /// <summary>Builds a criterion as read from a file, unvalidated: the scorecard that holds it validates it with full paths.</summary>
    internal static AccountScorecardCriterion Unchecked(string name, decimal weight, Normalization normalization, string? measure, bool higherIsBetter, IReadOnlyList<AccountScoreBand>? bands, MissingValuePolicy missing, double? imputedValue, CriterionGate? gate) =>
        new(name, weight, normalization, measure, higherIsBetter, bands, missing, imputedValue, gate, validate: false);

    /// <summary>Checks the normalization, missing-value rule, imputed value and bands under <paramref name="path"/>.</summary>
    internal void Validate(ValidationCollector errors, string path)
    {
        if (!Enum.IsDefined(Normalization))
        {
            errors.Add(Paths.Member(path, "normalisation"), KamErrorCodes.OutOfRange, Normalization, "Not a defined normalisation.");
        }

        if (!Enum.IsDefined(Missing))
        {
            errors.Add(Paths.Member(path, "missing"), KamErrorCodes.OutOfRange, Missing, "Not a defined missing-value policy.");
        }

        if (Missing == MissingValuePolicy.Impute && ImputedValue is not { })
        {
            errors.Add(Paths.Member(path, "imputedValue"), KamErrorCodes.Required, null, "The Impute policy needs a stated value.");
        }
        else if (ImputedValue is { } value)
        {
            errors.FiniteInRange(Paths.Member(path, "imputedValue"), value);
        }

        if (Normalization == Normalization.Bands)
        {
            if (Bands.Count == 0)
            {
                errors.Add(Paths.Member(path, "bands"), KamErrorCodes.Empty, 0, "A banded criterion needs at least one band.");
            }
            else
            {
                for (var b = 0; b < Bands.Count; b++)
                {
                    var band = Bands[b];
                    var at = $"{Paths.Member(path, "bands")}[{b}]";
                    if (!errors.Required(at, band))
                    {
                        continue;
                    }

                    errors.FiniteInRange($"{at}.score", band.Score, 0d, 1d);
                    if (errors.FiniteInRange($"{at}.from", band.From) && b > 0 && Bands[b - 1] is { } prev && band.From <= prev.From)
                    {
                        errors.Add($"{at}.from", KamErrorCodes.OutOfOrder, band.From, "Bands must be in strictly increasing order of their lower bounds.");
                    }
                }
            }
        }
    }
}
