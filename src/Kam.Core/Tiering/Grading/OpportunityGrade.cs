namespace Kam.Core.Tiering;

/// <summary>
/// One grade of an opportunity-grading policy: an account or project reaches it when it is expected to close within
/// <see cref="MaxDaysToClose"/> days and its likelihood to close is at least <see cref="MinLikelihood"/>.
/// </summary>
/// <remarks>The grade's action (000…txt:2485-2497) is its tier's description. Immutable; equality is structural.</remarks>
/// <param name="Tier">The grade as a tier (name, action, services).</param>
/// <param name="MaxDaysToClose">The longest expected time to close, in days.</param>
/// <param name="MinLikelihood">The lowest likelihood to close, 0 to 1.</param>
public sealed record OpportunityGrade(TierDefinition Tier, double MaxDaysToClose, double MinLikelihood);
