using Kam.Core.Tiering.Json;

namespace Kam.Core.Tiering;

/// <summary>
/// A weighted scorecard: criteria with normalisation rules and weights that add up to 1, tier thresholds on the
/// resulting score (0 to 1), and gates that cap the tier of accounts failing a criterion.
/// </summary>
/// <remarks>
/// <para>
/// An account's score is Σ weight × normalised value. It is placed in the first tier whose threshold the score reaches
/// (<see cref="Thresholds"/>[k] is the lowest score of tier k; the last tier takes the rest); then every failed gate
/// lowers it to the gate's cap tier if it was better. Without gates, tiers are monotone in the score.
/// </para>
/// <para>
/// <see cref="Default"/> is the Honeywell strategic-account scorecard of SPEC.md §2 (002…txt:32) with equal weights of
/// the five yes/no criteria, plus the two gates SPEC.md names: a credit-risk flag and negative contribution after
/// cost to serve each keep an account out of the top tier. The seed gives no weights; they are the host's.
/// </para>
/// <para>Immutable and validated when created.</para>
/// </remarks>
public sealed class ScorecardPolicy
{
    private ScorecardPolicy(ScorecardCriterion[] criteria, TierDefinition[] tiers, double[] thresholds, int[] gateCaps)
    {
        Criteria = Array.AsReadOnly(criteria);
        Tiers = Array.AsReadOnly(tiers);
        Thresholds = Array.AsReadOnly(thresholds);
        GateCaps = gateCaps;
    }

    /// <summary>Gets the Honeywell strategic-account scorecard with the credit-risk and contribution gates.</summary>
    public static ScorecardPolicy Default { get; } = Create(
    [
        new("seesStrengthsAsStrategicInvestment", 0.2m, Normalisation.YesNo) { Missing = MissingValuePolicy.TreatAsWorst },
        new("firstChoiceStrategicSupplier", 0.2m, Normalisation.YesNo) { Missing = MissingValuePolicy.TreatAsWorst },
        new("willingToFormAlliance", 0.2m, Normalisation.YesNo) { Missing = MissingValuePolicy.TreatAsWorst },
        new("willingToInvestInJointVentures", 0.2m, Normalisation.YesNo) { Missing = MissingValuePolicy.TreatAsWorst },
        new("globalNeeds", 0.2m, Normalisation.YesNo) { Missing = MissingValuePolicy.TreatAsWorst },
        new("creditRisk", 0m, Normalisation.YesNo) { HigherIsBetter = false, Missing = MissingValuePolicy.TreatAsWorst, Gate = new CriterionGate("Developing", Maximum: 0) },
        new("contribution", 0m, Normalisation.MinMax) { Missing = MissingValuePolicy.TreatAsWorst, Gate = new CriterionGate("Developing", Minimum: 0) },
    ],
    [
        new TierDefinition("Strategic", "Strategic account: relationship manager, senior executive sponsor, steering committee (002…txt:32)."),
        new TierDefinition("Developing", "Account with potential: develop toward strategic."),
        new TierDefinition("Transactional", "Served through the standard channel."),
    ],
    [0.8, 0.4]);

    /// <summary>Gets the criteria.</summary>
    public IReadOnlyList<ScorecardCriterion> Criteria { get; }

    /// <summary>Gets the tiers, best first.</summary>
    public IReadOnlyList<TierDefinition> Tiers { get; }

    /// <summary>Gets the lowest score of each tier but the last, strictly decreasing, between 0 and 1.</summary>
    public IReadOnlyList<double> Thresholds { get; }

    /// <summary>Gets, for each criterion, the index of its gate's cap tier, or -1 when it has no gate.</summary>
    internal int[] GateCaps { get; }

    /// <summary>Creates a scorecard.</summary>
    /// <param name="criteria">The criteria; names unique; weights add up to exactly 1.</param>
    /// <param name="tiers">The tiers, best first (at least two).</param>
    /// <param name="thresholds">The lowest score of each tier but the last, strictly decreasing within 0…1.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="KamValidationException">The policy is invalid; every problem is reported.</exception>
    public static ScorecardPolicy Create(IReadOnlyList<ScorecardCriterion> criteria, IReadOnlyList<TierDefinition> tiers, IReadOnlyList<double> thresholds)
    {
        var errors = new ValidationCollector();
        TierDefinition.ValidateList(errors, "tiers", tiers, 2);
        var tierNames = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tiers is not null)
        {
            for (var i = 0; i < tiers.Count; i++)
            {
                if (tiers[i]?.Name is { } name)
                {
                    tierNames.TryAdd(name, i);
                }
            }
        }

        var caps = new List<int>();
        if (errors.Required("criteria", criteria))
        {
            if (criteria.Count == 0)
            {
                errors.Add("criteria", KamErrorCodes.Empty, 0, "A scorecard needs at least one criterion.");
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            var total = 0m;
            for (var i = 0; i < criteria.Count; i++)
            {
                var c = criteria[i];
                var path = $"criteria[{i}]";
                if (!errors.Required(path, c))
                {
                    caps.Add(-1);
                    continue;
                }

                if (errors.Required($"{path}.name", c.Name) && !names.Add(c.Name))
                {
                    errors.Add($"{path}.name", KamErrorCodes.Duplicate, c.Name, "Criterion names must be unique.");
                }

                errors.InRange($"{path}.weight", c.Weight, 0m, 1m);
                total += c.Weight;
                ValidateCriterion(errors, path, c);
                var cap = -1;
                if (c.Gate is { } gate)
                {
                    if (!tierNames.TryGetValue(gate.CapTier ?? string.Empty, out cap))
                    {
                        errors.Add($"{path}.gate.capTier", KamErrorCodes.Unknown, gate.CapTier, "The cap tier must be one of the policy's tiers.");
                        cap = -1;
                    }

                    GateLimits.Validate(errors, $"{path}.gate", gate.Minimum, gate.Maximum);
                }

                caps.Add(cap);
            }

            if (total != 1m)
            {
                errors.Add("criteria", KamErrorCodes.InvalidSum, total, "The weights of the criteria must add up to exactly 1.");
            }
        }

        if (errors.Required("thresholds", thresholds) && tiers is not null)
        {
            if (thresholds.Count != tiers.Count - 1)
            {
                errors.Add("thresholds", KamErrorCodes.OutOfRange, thresholds.Count, $"There must be one threshold fewer than tiers ({Math.Max(0, tiers.Count - 1)}).");
            }

            for (var i = 0; i < thresholds.Count; i++)
            {
                if (errors.FiniteInRange($"thresholds[{i}]", thresholds[i], 0d, 1d) && i > 0 && thresholds[i] >= thresholds[i - 1])
                {
                    errors.Add($"thresholds[{i}]", KamErrorCodes.OutOfOrder, thresholds[i], "Thresholds must be strictly decreasing (best tier first).");
                }
            }
        }

        errors.ThrowIfAny();
        return new ScorecardPolicy([.. criteria!], [.. tiers!], [.. thresholds!], [.. caps]);
    }

    /// <summary>Reads a policy from JSON (see docs/tiering.md).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="KamValidationException">The JSON is malformed or the policy is invalid.</exception>
    public static ScorecardPolicy FromJson(string json) => TieringJson.ReadScorecard(json);

    /// <summary>Writes the policy as JSON that <see cref="FromJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => TieringJson.Write(this);

    private static void ValidateCriterion(ValidationCollector errors, string path, ScorecardCriterion c)
    {
        if (!Enum.IsDefined(c.Normalisation))
        {
            errors.Add($"{path}.normalisation", KamErrorCodes.OutOfRange, c.Normalisation, "Not a defined normalisation.");
        }

        if (!Enum.IsDefined(c.Missing))
        {
            errors.Add($"{path}.missing", KamErrorCodes.OutOfRange, c.Missing, "Not a defined missing-value policy.");
        }

        if (c.Missing == MissingValuePolicy.Impute && c.ImputedValue is not { } imputed)
        {
            errors.Add($"{path}.imputedValue", KamErrorCodes.Required, null, "The Impute policy needs a stated value.");
        }
        else if (c.ImputedValue is { } value)
        {
            errors.FiniteInRange($"{path}.imputedValue", value);
        }

        if (c.Normalisation == Normalisation.Bands)
        {
            if (c.Bands is null || c.Bands.Count == 0)
            {
                errors.Add($"{path}.bands", KamErrorCodes.Empty, 0, "A banded criterion needs at least one band.");
            }
            else
            {
                for (var b = 0; b < c.Bands.Count; b++)
                {
                    var band = c.Bands[b];
                    if (!errors.Required($"{path}.bands[{b}]", band))
                    {
                        continue;
                    }

                    errors.FiniteInRange($"{path}.bands[{b}].score", band.Score, 0d, 1d);
                    if (errors.FiniteInRange($"{path}.bands[{b}].from", band.From) && b > 0 && c.Bands[b - 1] is { } prev && band.From <= prev.From)
                    {
                        errors.Add($"{path}.bands[{b}].from", KamErrorCodes.OutOfOrder, band.From, "Bands must be in strictly increasing order of their lower bounds.");
                    }
                }
            }
        }
    }
}
