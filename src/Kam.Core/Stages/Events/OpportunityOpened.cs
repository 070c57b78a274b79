using System.Globalization;
using NodaTime;
using Kam.Core.Stages.Playbooks;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Stages.Events;

/// <summary>The first event of every opportunity: the account it is for, who owns it, what it is worth and when it is expected to close.</summary>
/// <remarks>Must be the first event and may occur only once. The value must not be negative.</remarks>
public sealed class OpportunityOpened : OpportunityEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="at">When the opportunity was opened.</param>
    /// <param name="by">Who opened it.</param>
    /// <param name="opportunity">The opportunity's identifier.</param>
    /// <param name="account">The account (the customer) the opportunity belongs to.</param>
    /// <param name="owner">The salesperson responsible.</param>
    /// <param name="value">The expected contract value.</param>
    /// <param name="expectedClose">The expected closing date.</param>
    public OpportunityOpened(Instant at, PersonId by, OpportunityId opportunity, AccountId account, PersonId owner, Money value, LocalDate expectedClose)
        : base(at, by)
    {
        Opportunity = opportunity;
        Account = account;
        Owner = owner;
        Value = value;
        ExpectedClose = expectedClose;
    }

    /// <summary>Gets the opportunity's identifier.</summary>
    public OpportunityId Opportunity { get; }

    /// <summary>Gets the account (the customer) the opportunity belongs to.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the salesperson responsible.</summary>
    public PersonId Owner { get; }

    /// <summary>Gets the expected contract value.</summary>
    public Money Value { get; }

    /// <summary>Gets the expected closing date.</summary>
    public LocalDate ExpectedClose { get; }

    internal override KamValidationError? ApplyTo(ref OpportunityData data, Playbook playbook)
    {
        if (Opportunity == default)
        {
            return new("event.opportunity", KamErrorCodes.Required, null, "An opportunity needs an identifier.");
        }

        if (Account == default)
        {
            return new("event.account", KamErrorCodes.Required, null, "An opportunity belongs to an account.");
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
        data.Account = Account;
        data.Owner = Owner;
        data.Value = Value;
        data.ExpectedClose = ExpectedClose;
        data.OpenedAt = At;
        data.PositionSince = At;
        data.Status = OpportunityStatus.Open;
        return null;
    }
}
