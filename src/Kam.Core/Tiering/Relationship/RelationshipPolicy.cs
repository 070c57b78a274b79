using Kam.Core.Tiering.Serialization;

namespace Kam.Core.Tiering.Relationship;

/// <summary>
/// Places a relationship in one of the five stages of the rule book (tiering: relationship stages) from two indicators: from transactional to
/// collaborative, and the breadth/depth of contact. The stages are listed most advanced first; a relationship is in
/// the first stage whose two minimums it meets.
/// </summary>
/// <remarks>
/// <para>
/// The rule book names the stages and the two indicators but gives no numbers; the default thresholds (0.8, 0.6, 0.4, 0.2
/// on both indicators, 0 for the exploratory stage) are ours, to be replaced by the host. The score is the mean of the
/// two indicators.
/// </para>
/// <para>Immutable and validated when created.</para>
/// </remarks>
public sealed class RelationshipPolicy
{
    /// <summary>Gets the five-stage default.</summary>
    public static RelationshipPolicy Default { get; } = new("collaboration", "contactBreadth",
    [
        new(new TierDefinition("Strategic alliance", "战略联盟: joint investment, shared costs, joint planning."), 0.8, 0.8),
        new(new TierDefinition("Interdependent", "高级: ~10% of our business, joint agreement, stable prices."), 0.6, 0.6),
        new(new TierDefinition("Cooperative", "中级: trust established; contact across levels and functions."), 0.4, 0.4),
        new(new TierDefinition("Basic", "初级: good product and service expected; contact spreading beyond purchasing."), 0.2, 0.2),
        new(new TierDefinition("Exploratory", "孕育: trial orders; one buyer–seller link."), 0, 0),
    ]);

    /// <summary>Gets the name of the collaboration indicator measure (0 to 1).</summary>
    public string CollaborationMeasure { get; }

    /// <summary>Gets the name of the contact breadth/depth indicator measure (0 to 1).</summary>
    public string ContactBreadthMeasure { get; }

    /// <summary>Gets the stages, most advanced first.</summary>
    public IReadOnlyList<RelationshipStage> Stages { get; }

    /// <summary>Gets the stages' tiers, most advanced first.</summary>
    public IReadOnlyList<TierDefinition> Tiers { get; }

    /// <summary>Creates a policy.</summary>
    /// <param name="collaborationMeasure">The collaboration indicator's measure.</param>
    /// <param name="contactBreadthMeasure">The contact indicator's measure.</param>
    /// <param name="stages">The stages, most advanced first; minimums not increasing; the last stage's minimums 0.</param>
    /// <exception cref="KamValidationException">The policy is invalid; every problem is reported.</exception>
    public RelationshipPolicy(string collaborationMeasure, string contactBreadthMeasure, IReadOnlyList<RelationshipStage> stages)
    {
        var errors = new ValidationCollector();
        errors.Required("collaborationMeasure", collaborationMeasure);
        errors.Required("contactBreadthMeasure", contactBreadthMeasure);
        if (errors.Required("stages", stages))
        {
            var tiers = new List<TierDefinition>();
            for (var i = 0; i < stages.Count; i++)
            {
                var s = stages[i];
                if (!errors.Required($"stages[{i}]", s))
                {
                    continue;
                }

                tiers.Add(s.Tier);
                errors.FiniteInRange($"stages[{i}].minCollaboration", s.MinCollaboration, 0d, 1d);
                errors.FiniteInRange($"stages[{i}].minContactBreadth", s.MinContactBreadth, 0d, 1d);
                if (i > 0 && stages[i - 1] is { } prev && (s.MinCollaboration > prev.MinCollaboration || s.MinContactBreadth > prev.MinContactBreadth))
                {
                    errors.Add($"stages[{i}]", KamErrorCodes.OutOfOrder, s.Tier?.Name, "Stages are listed most advanced first; minimums must not increase.");
                }
            }

            if (stages.Count > 0 && stages[^1] is { } lastStage && (lastStage.MinCollaboration != 0d || lastStage.MinContactBreadth != 0d))
            {
                errors.Add($"stages[{stages.Count - 1}]", KamErrorCodes.OutOfRange, lastStage.Tier?.Name, "The last stage must admit every relationship (minimums 0).");
            }

            TierDefinition.ValidateList(errors, "stages", tiers, 2);
        }

        errors.ThrowIfAny();
        CollaborationMeasure = collaborationMeasure;
        ContactBreadthMeasure = contactBreadthMeasure;
        Stages = Array.AsReadOnly(stages!.ToArray());
        Tiers = Array.AsReadOnly(TierSets.Of(Stages, x => x.Tier));
    }

    /// <summary>Reads a policy from JSON (see docs/tiering.md).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="KamValidationException">The JSON is malformed or the policy is invalid.</exception>
    public static RelationshipPolicy FromJson(string json) => TieringJson.ReadRelationship(json);

    /// <summary>Writes the policy as JSON that <see cref="FromJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => TieringJson.Write(this);
}
