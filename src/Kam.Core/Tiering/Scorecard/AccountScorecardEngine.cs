namespace Kam.Core.Tiering.Scorecard;

/// <summary>
/// Weighted-scorecard tiering: normalizes each criterion, adds the weighted scores, places the account by the tier
/// thresholds, and applies the gates (see <see cref="AccountScorecardPolicy"/>).
/// </summary>
/// <remarks>
/// The score is Σ weight × normalized value, between 0 and 1. Cost: one pass per criterion for its statistics (plus a
/// sort for percentile-rank criteria) and one pass for the scores. A scorecard has no single value measure, so its
/// summary counts accounts and its share of value equals its share of accounts. Immutable and thread-safe.
/// </remarks>
public sealed class AccountScorecardEngine : IAccountScorecardEngine
{
    private readonly AccountScorecardPolicy _policy;

    /// <summary>Creates the engine with its scorecard.</summary>
    /// <param name="policy">The scorecard (immutable, so it is kept as given).</param>
    public AccountScorecardEngine(AccountScorecardPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
    }

    /// <inheritdoc />
    public AccountScorecardPolicy Policy => _policy;

    /// <inheritdoc />
    /// <exception cref="KamValidationException">
    /// A criterion's measure is absent, a value is missing under <see cref="MissingValuePolicy.Fail"/>, or the portfolio is empty.
    /// </exception>
    public TieringResult Assign(AccountMeasures portfolio)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        var policy = _policy;
        portfolio.RequireAccounts("scorecard");
        var criteria = policy.Criteria;
        var columns = new MeasureColumn[criteria.Count];
        var scales = new CriterionScale[criteria.Count];
        var errors = new ValidationCollector();
        for (var c = 0; c < criteria.Count; c++)
        {
            var column = portfolio.TryMeasure(criteria[c].MeasureName);
            if (column is null)
            {
                errors.Add($"measures['{criteria[c].MeasureName}']", KamErrorCodes.Unknown, criteria[c].MeasureName, $"The portfolio has no measure '{criteria[c].MeasureName}', which criterion '{criteria[c].Name}' needs.");
                continue;
            }

            if (criteria[c].Missing == MissingValuePolicy.Fail && column.HasMissing)
            {
                for (var i = 0; i < column.Count && errors.Errors.Count < 20; i++)
                {
                    if (column.IsMissing(i))
                    {
                        errors.Add($"accounts[{i}].measures['{column.Name}']", KamErrorCodes.Required, portfolio.Ids[i], $"Criterion '{criteria[c].Name}' refuses missing values.");
                    }
                }
            }

            columns[c] = column;
        }

        errors.ThrowIfAny();
        for (var c = 0; c < criteria.Count; c++)
        {
            scales[c] = CriterionScale.Fit(criteria[c], columns[c].RawValues, columns[c].RawMissing);
        }

        var n = portfolio.Count;
        var score = new double[n];
        for (var c = 0; c < criteria.Count; c++)
        {
            var weight = (double)criteria[c].Weight;
            if (weight == 0d)
            {
                continue;
            }

            scales[c].AddWeighted(columns[c].RawValues, columns[c].RawMissing, weight, score);
        }

        var thresholds = policy.Thresholds.ToArray();
        var tier = new int[n];
        var last = policy.Tiers.Count - 1;
        for (var i = 0; i < n; i++)
        {
            var s = score[i];
            var t = 0;
            while (t < last && s < thresholds[t])
            {
                t++;
            }

            tier[i] = t;
        }

        ApplyGates(policy, columns, tier);
        var summary = TierCounting.Summarize(policy.Tiers, tier, null, "accounts");
        var floors = new double?[policy.Tiers.Count];
        for (var t = 0; t < last; t++)
        {
            floors[t] = thresholds[t];
        }

        floors[last] = 0d;
        return new TieringResult(policy.Tiers, portfolio.RawIds, tier, score, i => Explain(policy, columns, scales, score[i], tier[i], i), summary, floors);
    }

    private static void ApplyGates(AccountScorecardPolicy policy, MeasureColumn[] columns, int[] tier)
    {
        for (var c = 0; c < columns.Length; c++)
        {
            var gate = policy.Criteria[c].Gate;
            if (gate is null)
            {
                continue;
            }

            var cap = policy.GateCaps[c];
            var values = columns[c].RawValues;
            var missing = columns[c].RawMissing;
            var imputed = policy.Criteria[c].Missing == MissingValuePolicy.Impute ? policy.Criteria[c].ImputedValue : null;
            for (var i = 0; i < tier.Length; i++)
            {
                var passes = missing is not null && missing[i]
                    ? imputed is { } iv && gate.Passes(iv)
                    : gate.Passes(values[i]);
                if (!passes && tier[i] < cap)
                {
                    tier[i] = cap;
                }
            }
        }
    }

    private static TierExplanation Explain(AccountScorecardPolicy policy, MeasureColumn[] columns, CriterionScale[] scales, double score, int tier, int i)
    {
        var criteria = policy.Criteria;
        var contributions = new CriterionContribution[criteria.Count];
        var gates = new List<GateCheck>();
        var scoreTier = policy.Tiers.Count - 1;
        for (var t = 0; t < policy.Thresholds.Count; t++)
        {
            if (score >= policy.Thresholds[t])
            {
                scoreTier = t;
                break;
            }
        }

        for (var c = 0; c < criteria.Count; c++)
        {
            var criterion = criteria[c];
            double? raw = columns[c].ValueAt(i);
            var imputed = raw is null && criterion.Missing == MissingValuePolicy.Impute;
            var effective = raw ?? (imputed ? criterion.ImputedValue : null);
            var normalised = effective is { } e ? scales[c].Normalize(e) : 0d;
            var weight = (double)criterion.Weight;
            contributions[c] = new CriterionContribution(criterion.Name, raw, normalised, weight, weight * normalised, imputed);
            if (criterion.Gate is { } gate)
            {
                var passed = effective is { } v && gate.Passes(v);
                var cap = policy.GateCaps[c];
                gates.Add(new GateCheck(criterion.Name, raw, passed, gate.CapTier, !passed && scoreTier < cap && tier == cap));
            }
        }

        var checks = new List<ThresholdCheck>();
        for (var t = 0; t < policy.Thresholds.Count && t <= scoreTier; t++)
        {
            checks.Add(new ThresholdCheck("score", score, ">=", policy.Thresholds[t], score >= policy.Thresholds[t], policy.Tiers[t].Name));
        }

        return new TierExplanation(contributions, checks, gates);
    }
}
