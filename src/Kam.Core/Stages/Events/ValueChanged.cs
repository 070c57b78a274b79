using System.Globalization;
using NodaTime;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Stages.Events;

/// <summary>The expected contract value changed.</summary>
/// <remarks>The value must not be negative and must be in the opportunity's currency (set when it was opened).</remarks>
/// <param name="At">When it changed.</param>
/// <param name="By">Who changed it.</param>
/// <param name="Value">The new value.</param>
public sealed record ValueChanged(Instant At, PersonId By, Money Value) : OpportunityEvent(At, By)
{
    internal override KamValidationError? ApplyTo(ref OpportunityData data, Playbook playbook)
    {
        if (Value.Currency != data.Value.Currency)
        {
            return new("event.value", KamErrorCodes.CurrencyMismatch, Value.ToString(null, CultureInfo.InvariantCulture), $"The opportunity is valued in {data.Value.Currency}.");
        }

        if (Value.IsNegative)
        {
            return new("event.value", KamErrorCodes.OutOfRange, Value.ToString(null, CultureInfo.InvariantCulture), "The value must not be negative.");
        }

        data.Value = Value;
        return null;
    }
}
