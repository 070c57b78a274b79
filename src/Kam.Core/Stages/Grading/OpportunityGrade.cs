using Kam.Core.Tiering;

namespace Kam.Core.Stages.Grading;

/// <summary>
/// One grade of an opportunity-grading policy: an account or project reaches it when it is expected to close within
/// <see cref="MaxDaysToClose"/> days and its likelihood to close is at least <see cref="MinLikelihood"/>.
/// </summary>
/// <remarks>
/// The grade's action (rule book: opportunity grading) is its tier's description. Immutable and valid from
/// construction; the policy checks the order of its grades.
/// </remarks>
public sealed class OpportunityGrade
{
    /// <summary>Creates a grade.</summary>
    /// <param name="tier">The grade as a tier (name, action, services).</param>
    /// <param name="maxDaysToClose">The longest expected time to close, in days; not negative.</param>
    /// <param name="minLikelihood">The lowest likelihood to close, 0 to 1.</param>
    /// <exception cref="KamValidationException">The tier is missing or a limit is out of range.</exception>
    public OpportunityGrade(TierDefinition tier, double maxDaysToClose, double minLikelihood)
        : this(tier, maxDaysToClose, minLikelihood, validate: true)
    {
    }

    private OpportunityGrade(TierDefinition tier, double maxDaysToClose, double minLikelihood, bool validate)
    {
        Tier = tier;
        MaxDaysToClose = maxDaysToClose;
        MinLikelihood = minLikelihood;
        if (validate)
        {
            var errors = new ValidationCollector();
            errors.Required("tier", tier);
            errors.FiniteInRange("maxDaysToClose", maxDaysToClose, 0d);
            errors.FiniteInRange("minLikelihood", minLikelihood, 0d, 1d);
            errors.ThrowIfAny();
        }
    }

    /// <summary>Gets the grade as a tier.</summary>
    public TierDefinition Tier { get; }

    /// <summary>Gets the longest expected time to close, in days.</summary>
    public double MaxDaysToClose { get; }

    /// <summary>Gets the lowest likelihood to close, 0 to 1.</summary>
    public double MinLikelihood { get; }

    /// <summary>Builds a grade as read from a file, unvalidated: the policy that holds it validates it with full paths.</summary>
    internal static OpportunityGrade Unchecked(TierDefinition tier, double maxDaysToClose, double minLikelihood) => new(tier, maxDaysToClose, minLikelihood, validate: false);
}
