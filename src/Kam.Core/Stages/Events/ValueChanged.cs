using System.Globalization;
using NodaTime;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Stages.Events;

/// <summary>The expected contract value changed.</summary>
/// <remarks>The value must not be negative and must be in the opportunity's currency (set when it was opened).</remarks>
public sealed class ValueChanged : OpportunityEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="at">When it changed.</param>
    /// <param name="by">Who changed it.</param>
    /// <param name="value">The new value.</param>
    public ValueChanged(Instant at, PersonId by, Money value)
        : base(at, by)
    {
        Value = value;
    }

    /// <summary>Gets the new value.</summary>
    public Money Value { get; }

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
