namespace Kam.Core.Tiering.Stability;

/// <summary>
/// Applies hysteresis to a tiering run (see <see cref="TierStabilityPolicy"/>) given what each account held before.
/// </summary>
/// <remarks>
/// <para>
/// For an account that held tier <c>p</c> and is now proposed tier <c>t</c>: a promotion (t better than p) happens at
/// once when the score is at least the threshold of <c>t</c> plus the margin; a demotion happens at once when the
/// score is below the threshold of <c>p</c> minus the margin; otherwise the account keeps <c>p</c> until <c>t</c> has been
/// proposed for the policy's number of consecutive runs. Thresholds come from <see cref="TieringResult.ThresholdOf"/>;
/// where an engine defines none, only the consecutive-runs rule applies. New accounts take the proposed tier.
/// </para>
/// <para>Pure and thread-safe: it returns new objects and changes nothing passed to it.</para>
/// </remarks>
public sealed class TierStabilizer
{
    private readonly TierStabilityPolicy _policy;

    /// <summary>Creates the stabilizer with its policy.</summary>
    /// <param name="policy">The margin and the number of consecutive periods (immutable, so it is kept as given).</param>
    public TierStabilizer(TierStabilityPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
    }

    /// <summary>Gets the stabilizer's policy.</summary>
    public TierStabilityPolicy Policy => _policy;

    /// <summary>Stabilizes a run.</summary>
    /// <param name="proposed">The run as the engine produced it.</param>
    /// <param name="previous">Each known account's history from the previous call (empty for the first run).</param>
    /// <returns>The tiers held and the new history.</returns>
    /// <exception cref="KamValidationException">A history names a tier the run does not have.</exception>
    public StabilizedTiering Apply(TieringResult proposed, IReadOnlyDictionary<AccountId, TierHistory> previous)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        ArgumentNullException.ThrowIfNull(previous);
        var policy = _policy;
        var tierIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 0; t < proposed.Tiers.Count; t++)
        {
            tierIndex[proposed.Tiers[t].Name] = t;
        }

        var errors = new ValidationCollector();
        foreach (var (id, h) in previous)
        {
            if (h is null || !tierIndex.ContainsKey(h.Tier) || (h.PendingTier is { } pt && !tierIndex.ContainsKey(pt)))
            {
                errors.Add($"previous['{id}']", KamErrorCodes.Unknown, h?.Tier, "The history names a tier this run does not have.");
            }
        }

        errors.ThrowIfAny();
        var n = proposed.Count;
        var held = new int[n];
        var notes = new ThresholdCheck?[n];
        var history = new Dictionary<AccountId, TierHistory>(n);
        var scores = proposed.Scores.ToArray();
        for (var i = 0; i < n; i++)
        {
            var id = proposed.AccountAt(i);
            var t = proposed.TierIndexAt(i);
            if (!previous.TryGetValue(id, out var h) || tierIndex[h.Tier] == t)
            {
                held[i] = t;
                history[id] = new TierHistory(proposed.Tiers[t].Name);
                continue;
            }

            var p = tierIndex[h.Tier];
            var streak = h.PendingTier is { } pending && tierIndex[pending] == t ? h.PendingPeriods + 1 : 1;
            var score = scores[i];
            bool clears;
            ThresholdCheck note;
            if (t < p)
            {
                var limit = proposed.ThresholdOf(t) is { } th ? th + policy.Margin : double.PositiveInfinity;
                clears = score >= limit;
                note = new ThresholdCheck("score (hysteresis)", score, ">=", limit, clears, proposed.Tiers[t].Name);
            }
            else
            {
                var limit = proposed.ThresholdOf(p) is { } th ? th - policy.Margin : double.NegativeInfinity;
                clears = score < limit;
                note = new ThresholdCheck("score (hysteresis)", score, "<", limit, clears, proposed.Tiers[t].Name);
            }

            if (clears || streak >= policy.ConsecutivePeriods)
            {
                held[i] = t;
                history[id] = new TierHistory(proposed.Tiers[t].Name);
                notes[i] = clears ? note : new ThresholdCheck("consecutive periods proposed", streak, ">=", policy.ConsecutivePeriods, true, proposed.Tiers[t].Name);
            }
            else
            {
                held[i] = p;
                history[id] = new TierHistory(h.Tier, proposed.Tiers[t].Name, streak);
                notes[i] = note.WithTier(proposed.Tiers[t].Name);
            }
        }

        var summary = TierCounting.Summarize(proposed.Tiers, held, null, proposed.Summary.ValueMeasure);
        var thresholds = new double?[proposed.Tiers.Count];
        for (var t = 0; t < thresholds.Length; t++)
        {
            thresholds[t] = proposed.ThresholdOf(t);
        }

        var result = new TieringResult(proposed.Tiers, proposed.RawIds, held, scores, i => WithNote(proposed.Explain(i), notes[i]), summary, thresholds);
        return new StabilizedTiering(result, history);
    }

    private static TierExplanation WithNote(TierExplanation explanation, ThresholdCheck? note) =>
        note is null ? explanation : new TierExplanation(explanation.Contributions, [.. explanation.Thresholds, note], explanation.Gates);
}
