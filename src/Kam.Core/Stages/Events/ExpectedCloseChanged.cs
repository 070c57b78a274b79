using NodaTime;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Stages.Events;

/// <summary>The expected closing date changed.</summary>
public sealed class ExpectedCloseChanged : OpportunityEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="at">When it changed.</param>
    /// <param name="by">Who changed it.</param>
    /// <param name="expectedClose">The new expected closing date.</param>
    public ExpectedCloseChanged(Instant at, PersonId by, LocalDate expectedClose)
        : base(at, by)
    {
        ExpectedClose = expectedClose;
    }

    /// <summary>Gets the new expected closing date.</summary>
    public LocalDate ExpectedClose { get; }

    internal override KamValidationError? ApplyTo(ref OpportunityData data, Playbook playbook)
    {
        data.ExpectedClose = ExpectedClose;
        return null;
    }
}
