namespace Kam.Core.Tiering;

/// <summary>
/// One stage of the relationship model (000…txt:1962-2044): the least collaboration and the least breadth/depth of
/// contact a relationship must show to be placed in it.
/// </summary>
/// <remarks>Immutable; equality is structural.</remarks>
/// <param name="Tier">The stage as a tier (name, description, services).</param>
/// <param name="MinCollaboration">The lowest collaboration indicator, 0 (transactional) to 1 (collaborative).</param>
/// <param name="MinContactBreadth">The lowest contact indicator, 0 (one buyer–seller link) to 1 (many levels and functions).</param>
public sealed record RelationshipStage(TierDefinition Tier, double MinCollaboration, double MinContactBreadth);
