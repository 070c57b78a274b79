using Kam.Core.Tiering.Serialization;

namespace Kam.Core.Tiering.Rfm;

/// <summary>
/// The rules of an RFM analysis: the three measures, the number of quantiles that score them, and the segment map.
/// </summary>
/// <remarks>
/// <para>
/// Each measure is scored 1…<see cref="Quantiles"/> by quantile (quintiles by default): cut <c>k</c> is the ⌈k·n/q⌉-th
/// lowest value (nearest rank), and a value scores 1 + the number of cuts it exceeds, reversed for recency (fewer
/// days since the last order is better). Equal values always get equal scores. The account's score is R + F + M.
/// </para>
/// <para>
/// The segment map is data: the first segment whose ranges hold names the account; an account no segment matches is
/// in <see cref="Fallback"/>. The default map is common RFM practice, not a rule of the rule book (which names no segments).
/// </para>
/// <para>Immutable and validated when created.</para>
/// </remarks>
public sealed class RfmPolicy
{
    /// <summary>The largest number of quantiles a policy may use.</summary>
    internal const int MaxQuantiles = 10;

    /// <summary>Gets the default policy: quintiles of "recencyDays", "frequency", "monetary" and five named segments.</summary>
    public static RfmPolicy Default { get; } = new("recencyDays", "frequency", "monetary", 5,
    [
        new(new TierDefinition("Champions", "Bought recently, often, and much."), 4, 5, 4, 5, 4, 5),
        new(new TierDefinition("Loyal", "Buy regularly."), 3, 5, 3, 5, 1, 5),
        new(new TierDefinition("Promising", "Recent but not yet frequent."), 4, 5, 1, 2, 1, 5),
        new(new TierDefinition("At risk", "Used to buy often; not recently."), 1, 2, 3, 5, 1, 5),
        new(new TierDefinition("Hibernating", "Neither recent nor frequent."), 1, 2, 1, 2, 1, 5),
    ],
    new TierDefinition("Needs attention", "Matches no other segment."));

    /// <summary>Gets the name of the recency measure: days since the last order (lower is better).</summary>
    public string RecencyMeasure { get; }

    /// <summary>Gets the name of the frequency measure (higher is better).</summary>
    public string FrequencyMeasure { get; }

    /// <summary>Gets the name of the monetary measure (higher is better).</summary>
    public string MonetaryMeasure { get; }

    /// <summary>Gets the number of quantiles (score levels), 2 to 10; 5 by default.</summary>
    public int Quantiles { get; }

    /// <summary>Gets the segment map, in matching order.</summary>
    public IReadOnlyList<RfmSegment> Segments { get; }

    /// <summary>Gets the tier of accounts no segment matches.</summary>
    public TierDefinition Fallback { get; }

    /// <summary>Gets the tiers: the segments in order, then the fallback.</summary>
    public IReadOnlyList<TierDefinition> Tiers { get; }

    /// <summary>Creates a policy.</summary>
    /// <param name="recencyMeasure">The recency measure's name.</param>
    /// <param name="frequencyMeasure">The frequency measure's name.</param>
    /// <param name="monetaryMeasure">The monetary measure's name.</param>
    /// <param name="quantiles">The number of score levels, 2 to 10.</param>
    /// <param name="segments">The segment map; ranges within 1…quantiles, min ≤ max.</param>
    /// <param name="fallback">The tier of unmatched accounts.</param>
    /// <exception cref="KamValidationException">The policy is invalid; every problem is reported.</exception>
    public RfmPolicy(string recencyMeasure, string frequencyMeasure, string monetaryMeasure, int quantiles, IReadOnlyList<RfmSegment> segments, TierDefinition fallback)
    {
        var errors = new ValidationCollector();
        errors.Required("recencyMeasure", recencyMeasure);
        errors.Required("frequencyMeasure", frequencyMeasure);
        errors.Required("monetaryMeasure", monetaryMeasure);
        errors.InRange("quantiles", quantiles, 2, MaxQuantiles);
        errors.Required("fallback", fallback);
        if (errors.Required("segments", segments))
        {
            var tiers = new List<TierDefinition>();
            for (var i = 0; i < segments.Count; i++)
            {
                var s = segments[i];
                if (!errors.Required($"segments[{i}]", s) || !errors.Required($"segments[{i}].tier", s.Tier))
                {
                    continue;
                }

                tiers.Add(s.Tier);
                s.Validate(errors, $"segments[{i}]", quantiles);
            }

            if (fallback is not null)
            {
                tiers.Add(fallback);
                TierDefinition.ValidateList(errors, "segmentsAndFallback", tiers, 1);
            }
        }

        errors.ThrowIfAny();
        RecencyMeasure = recencyMeasure;
        FrequencyMeasure = frequencyMeasure;
        MonetaryMeasure = monetaryMeasure;
        Quantiles = quantiles;
        Segments = Array.AsReadOnly(segments.ToArray());
        Fallback = fallback!;
        var all = new TierDefinition[Segments.Count + 1];
        for (var i = 0; i < Segments.Count; i++)
        {
            all[i] = Segments[i].Tier;
        }

        all[^1] = Fallback;
        Tiers = Array.AsReadOnly(all);
    }

    /// <summary>Reads a policy from JSON (see docs/tiering.md).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="KamValidationException">The JSON is malformed or the policy is invalid.</exception>
    public static RfmPolicy FromJson(string json) => TieringJson.ReadRfm(json);

    /// <summary>Writes the policy as JSON that <see cref="FromJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => TieringJson.Write(this);
}
