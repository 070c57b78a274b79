using System.Globalization;
using NodaTime;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Stages.Events;

/// <summary>The first event of every opportunity: who owns it, what it is worth and when it is expected to close.</summary>
/// <remarks>Must be the first event and may occur only once. The value must not be negative.</remarks>
/// <param name="At">When the opportunity was opened.</param>
/// <param name="By">Who opened it.</param>
/// <param name="Opportunity">The opportunity's identifier.</param>
/// <param name="Owner">The salesperson responsible.</param>
/// <param name="Value">The expected contract value.</param>
/// <param name="ExpectedClose">The expected closing date.</param>
public sealed record OpportunityOpened(Instant At, PersonId By, OpportunityId Opportunity, PersonId Owner, Money Value, LocalDate ExpectedClose)
    : OpportunityEvent(At, By)
{
    internal override KamValidationError? ApplyTo(ref OpportunityData data, Playbook playbook)
    {
        if (Opportunity == default)
        {
            return new("event.opportunity", KamErrorCodes.Required, null, "An opportunity needs an identifier.");
        }

        if (Owner == default)
        {
            return new("event.owner", KamErrorCodes.Required, null, "An opportunity needs an owner.");
        }

        if (Value.IsNegative)
        {
            return new("event.value", KamErrorCodes.OutOfRange, Value.ToString(null, CultureInfo.InvariantCulture), "The value must not be negative.");
        }

        data.Id = Opportunity;
        data.Owner = Owner;
        data.Value = Value;
        data.ExpectedClose = ExpectedClose;
        data.OpenedAt = At;
        data.PositionSince = At;
        data.Status = OpportunityStatus.Open;
        return null;
    }
}
