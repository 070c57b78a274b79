using Kam.Core.Tiering.Serialization;

namespace Kam.Core.Tiering.Stability;

/// <summary>
/// Hysteresis for tiers: an account moves to another tier only when its score clears the boundary by
/// <see cref="Margin"/>, or when the new tier has been proposed for <see cref="ConsecutivePeriods"/> runs in a row.
/// </summary>
/// <remarks>
/// The rule book does not name this; real programmes need it so that accounts near a cut do not flip every period (and their
/// account teams with them). The margin is in score units of the engine (value for Pareto, 0-1 for a scorecard).
/// Immutable and validated when created.
/// </remarks>
public sealed class TierStabilityPolicy
{
    /// <summary>Gets the default: margin 0.05 (a scorecard's score scale) or two consecutive periods.</summary>
    public static TierStabilityPolicy Default { get; } = new(0.05, 2);

    /// <summary>Gets the margin by which a score must clear the boundary to move at once.</summary>
    public double Margin { get; }

    /// <summary>Gets the number of consecutive runs a new tier must be proposed before the account moves anyway.</summary>
    public int ConsecutivePeriods { get; }

    /// <summary>Creates a policy.</summary>
    /// <param name="margin">The margin, finite and not negative.</param>
    /// <param name="consecutivePeriods">The number of periods, 1 or more (1 = move whenever proposed).</param>
    /// <exception cref="KamValidationException">A value is out of range.</exception>
    public TierStabilityPolicy(double margin, int consecutivePeriods)
    {
        var errors = new ValidationCollector();
        errors.FiniteInRange("margin", margin, 0d);
        errors.InRange("consecutivePeriods", consecutivePeriods, 1, 1000);
        errors.ThrowIfAny();
        Margin = margin;
        ConsecutivePeriods = consecutivePeriods;
    }

    /// <summary>Reads a policy from JSON: <c>{ "margin": 0.05, "consecutivePeriods": 2 }</c>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="KamValidationException">The JSON is malformed or the policy is invalid.</exception>
    public static TierStabilityPolicy FromJson(string json) => TieringJson.ReadStability(json);

    /// <summary>Writes the policy as JSON that <see cref="FromJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => TieringJson.Write(this);
}
