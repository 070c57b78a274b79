namespace Kam.Core.Tiering.Relationship;

/// <summary>
/// One stage of the relationship model (rule book: relationship stages): the least collaboration and the least
/// breadth/depth of contact a relationship must show to be placed in it.
/// </summary>
/// <remarks>Immutable and valid from construction; the policy checks the order of its stages.</remarks>
public sealed class RelationshipStage
{
    /// <summary>Creates a stage.</summary>
    /// <param name="tier">The stage as a tier (name, description, services).</param>
    /// <param name="minCollaboration">The lowest collaboration indicator, 0 (transactional) to 1 (collaborative).</param>
    /// <param name="minContactBreadth">The lowest contact indicator, 0 (one buyer–seller link) to 1 (many levels and functions).</param>
    /// <exception cref="KamValidationException">The tier is missing or an indicator is outside 0…1.</exception>
    public RelationshipStage(TierDefinition tier, double minCollaboration, double minContactBreadth)
        : this(tier, minCollaboration, minContactBreadth, validate: true)
    {
    }

    private RelationshipStage(TierDefinition tier, double minCollaboration, double minContactBreadth, bool validate)
    {
        Tier = tier;
        MinCollaboration = minCollaboration;
        MinContactBreadth = minContactBreadth;
        if (validate)
        {
            var errors = new ValidationCollector();
            errors.Required("tier", tier);
            errors.FiniteInRange("minCollaboration", minCollaboration, 0d, 1d);
            errors.FiniteInRange("minContactBreadth", minContactBreadth, 0d, 1d);
            errors.ThrowIfAny();
        }
    }

    /// <summary>Gets the stage as a tier.</summary>
    public TierDefinition Tier { get; }

    /// <summary>Gets the lowest collaboration indicator, 0 to 1.</summary>
    public double MinCollaboration { get; }

    /// <summary>Gets the lowest contact indicator, 0 to 1.</summary>
    public double MinContactBreadth { get; }

    /// <summary>Builds a stage as read from a file, unvalidated: the policy that holds it validates it with full paths.</summary>
    internal static RelationshipStage Unchecked(TierDefinition tier, double minCollaboration, double minContactBreadth) => new(tier, minCollaboration, minContactBreadth, validate: false);
}
