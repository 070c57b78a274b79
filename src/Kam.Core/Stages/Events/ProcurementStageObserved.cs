using NodaTime;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Stages.Events;

/// <summary>The customer's procurement process was observed to be at a stage (客户内部采购流程).</summary>
/// <remarks>The observation replaces the previous one; it may go back if the customer restarts a step.</remarks>
public sealed class ProcurementStageObserved : OpportunityEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="at">When it was observed.</param>
    /// <param name="by">Who observed it.</param>
    /// <param name="stage">The customer's procurement stage.</param>
    public ProcurementStageObserved(Instant at, PersonId by, ProcurementStage stage)
        : base(at, by)
    {
        Stage = stage;
    }

    /// <summary>Gets the customer's procurement stage.</summary>
    public ProcurementStage Stage { get; }

    internal override KamValidationError? ApplyTo(ref OpportunityData data, Playbook playbook)
    {
        if (!Stage.IsDefined())
        {
            return new("event.stage", KamErrorCodes.OutOfRange, ((int)Stage).ToString(System.Globalization.CultureInfo.InvariantCulture), "Not a defined procurement stage.");
        }

        data.Procurement = (byte)Stage;
        return null;
    }
}
