namespace Kam.Core.Tiering.Relationship;

/// <summary>Relationship-stage tiering with its policy fixed at construction (see <see cref="RelationshipStageEngine"/>).</summary>
public interface IRelationshipStageEngine : ITieringEngine
{
    /// <summary>Gets the engine's policy.</summary>
    RelationshipPolicy Policy { get; }
}
