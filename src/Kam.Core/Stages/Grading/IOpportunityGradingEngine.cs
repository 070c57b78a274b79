using Kam.Core.Tiering;

namespace Kam.Core.Stages.Grading;

/// <summary>Opportunity grading with its policy fixed at construction (see <see cref="OpportunityGradingEngine"/>).</summary>
public interface IOpportunityGradingEngine : ITieringEngine
{
    /// <summary>Gets the engine's policy.</summary>
    GradingPolicy Policy { get; }
}
