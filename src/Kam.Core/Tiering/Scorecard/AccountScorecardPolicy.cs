using Kam.Core.Tiering.Serialization;

namespace Kam.Core.Tiering.Scorecard;

/// <summary>
/// A weighted account scorecard: criteria with normalization rules and weights that add up to 1, tier thresholds on the
/// resulting score (0 to 1), and gates that cap the tier of accounts failing a criterion.
/// </summary>
/// <remarks>
/// <para>
/// An account's score is Σ weight × normalized value. It is placed in the first tier whose threshold the score reaches
/// (<see cref="Thresholds"/>[k] is the lowest score of tier k; the last tier takes the rest); then every failed gate
/// lowers it to the gate's cap tier if it was better. Without gates, tiers are monotone in the score.
/// </para>
/// <para>
/// <see cref="Default"/> is the Honeywell strategic-account scorecard (rule book: tiering) with equal weights of the
/// five yes/no criteria, plus the two gates the rule book names: a credit-risk flag and negative contribution after
/// cost to serve each keep an account out of the top tier. The rule book gives no weights; they are the host's.
/// </para>
/// <para>Immutable and validated when created.</para>
/// </remarks>
public sealed class AccountScorecardPolicy
{
    /// <summary>Gets the Honeywell strategic-account scorecard with the credit-risk and contribution gates.</summary>
    public static AccountScorecardPolicy Default { get; } = new(
    [
        new("seesStrengthsAsStrategicInvestment", 0.2m, Normalization.YesNo, missing: MissingValuePolicy.TreatAsWorst),
        new("firstChoiceStrategicSupplier", 0.2m, Normalization.YesNo, missing: MissingValuePolicy.TreatAsWorst),
        new("willingToFormAlliance", 0.2m, Normalization.YesNo, missing: MissingValuePolicy.TreatAsWorst),
        new("willingToInvestInJointVentures", 0.2m, Normalization.YesNo, missing: MissingValuePolicy.TreatAsWorst),
        new("globalNeeds", 0.2m, Normalization.YesNo, missing: MissingValuePolicy.TreatAsWorst),
        new("creditRisk", 0m, Normalization.YesNo, higherIsBetter: false, missing: MissingValuePolicy.TreatAsWorst, gate: new CriterionGate("Developing", maximum: 0)),
        new("contribution", 0m, Normalization.MinMax, missing: MissingValuePolicy.TreatAsWorst, gate: new CriterionGate("Developing", minimum: 0)),
    ],
    [
        new TierDefinition("Strategic", "Strategic account: relationship manager, senior executive sponsor, steering committee (rule book: strategic-account criteria)."),
        new TierDefinition("Developing", "Account with potential: develop toward strategic."),
        new TierDefinition("Transactional", "Served through the standard channel."),
    ],
    [0.8, 0.4]);

    /// <summary>Gets the criteria.</summary>
    public IReadOnlyList<AccountScorecardCriterion> Criteria { get; }

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
    /// <exception cref="KamValidationException">The policy is invalid; every problem is reported.</exception>
    public AccountScorecardPolicy(IReadOnlyList<AccountScorecardCriterion> criteria, IReadOnlyList<TierDefinition> tiers, IReadOnlyList<double> thresholds)
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
                c.Validate(errors, path);
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
        Criteria = Array.AsReadOnly(criteria!.ToArray());
        Tiers = Array.AsReadOnly(tiers!.ToArray());
        Thresholds = Array.AsReadOnly(thresholds!.ToArray());
        GateCaps = [.. caps];
    }

    /// <summary>Reads a policy from JSON (see docs/tiering.md).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="KamValidationException">The JSON is malformed or the policy is invalid.</exception>
    public static AccountScorecardPolicy FromJson(string json) => TieringJson.ReadScorecard(json);

    /// <summary>Writes the policy as JSON that <see cref="FromJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => TieringJson.Write(this);
}
