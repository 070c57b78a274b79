using Kam.Core.Value.Models.ShiftedBetaGeometric;

namespace Kam.Core.Portfolio;

/// <summary>The expected retention of a group of accounts in the periods ahead, from the shifted-beta-geometric model.</summary>
/// <remarks>Immutable.</remarks>
public sealed class RetentionProjection
{
    internal RetentionProjection(ShiftedBetaGeometricModel model, int periodsCompleted, IReadOnlyList<RetentionPoint> points)
    {
        Model = model;
        PeriodsCompleted = periodsCompleted;
        Points = points;
    }

    /// <summary>Gets the model.</summary>
    public ShiftedBetaGeometricModel Model { get; }

    /// <summary>Gets the renewals the accounts have already made (0 for a new group).</summary>
    public int PeriodsCompleted { get; }

    /// <summary>Gets the projection, one point per period ahead (1, 2, …).</summary>
    public IReadOnlyList<RetentionPoint> Points { get; }
}

/// <summary>One period of a <see cref="RetentionProjection"/>.</summary>
/// <param name="PeriodsAhead">How many periods ahead (1 = the next).</param>
/// <param name="SurvivingShare">The expected share of today's accounts still held then: S(n + t) / S(n).</param>
/// <param name="RetentionRate">The expected share of those held the period before who stay: r(n + t).</param>
public readonly record struct RetentionPoint(int PeriodsAhead, double SurvivingShare, double RetentionRate);
