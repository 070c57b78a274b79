using NodaTime;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Stages.Events;

/// <summary>The expected closing date changed.</summary>
/// <param name="At">When it changed.</param>
/// <param name="By">Who changed it.</param>
/// <param name="ExpectedClose">The new expected closing date.</param>
public sealed record ExpectedCloseChanged(Instant At, PersonId By, LocalDate ExpectedClose) : OpportunityEvent(At, By)
{
    internal override KamValidationError? ApplyTo(ref OpportunityData data, Playbook playbook)
    {
        data.ExpectedClose = ExpectedClose;
        return null;
    }
}
