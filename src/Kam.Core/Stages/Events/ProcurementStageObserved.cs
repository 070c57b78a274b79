using NodaTime;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Stages.Events;

/// <summary>The customer's procurement process was observed to be at a stage (客户内部采购流程).</summary>
/// <remarks>The observation replaces the previous one; it may go back if the customer restarts a step.</remarks>
/// <param name="At">When it was observed.</param>
/// <param name="By">Who observed it.</param>
/// <param name="Stage">The customer's procurement stage.</param>
public sealed record ProcurementStageObserved(Instant At, PersonId By, ProcurementStage Stage) : OpportunityEvent(At, By)
{
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
