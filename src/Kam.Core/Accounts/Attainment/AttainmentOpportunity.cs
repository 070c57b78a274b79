using System.Runtime.InteropServices;
using Kam.Core.Stages;
using Kam.Core.Stages.Opportunities;
using NodaTime;

namespace Kam.Core.Accounts.Attainment;

/// <summary>
/// One opportunity as the attainment engine reads it: its account, value, expected close, the last sales stage it
/// completed, its status and, once won, the day it closed. A host fills it from its CRM or from the stage machine.
/// </summary>
/// <remarks>
/// A small value (no allocation per item): pass a million of them as an array or a span. Nothing is checked here;
/// <see cref="AttainmentEngine"/> checks every item against the plan and the hierarchy and reports each problem at
/// its place (<c>opportunities[12].account</c>).
/// </remarks>
[StructLayout(LayoutKind.Auto)]
public readonly struct AttainmentOpportunity
{
    /// <summary>Creates an opportunity.</summary>
    /// <param name="account">The account the opportunity belongs to.</param>
    /// <param name="value">The value (not negative), in the currency of the bookings measure.</param>
    /// <param name="expectedClose">The expected close date.</param>
    /// <param name="completedStage">The last sales stage completed, or <see langword="null"/> before stage 1 is completed.</param>
    /// <param name="status">Open, won, lost or abandoned. Default: open.</param>
    /// <param name="closedOn">The day it was won (required for a won opportunity), lost or abandoned; <see langword="null"/> while open.</param>
    public AttainmentOpportunity(AccountId account, Money value, LocalDate expectedClose, SalesStage? completedStage = null, OpportunityStatus status = OpportunityStatus.Open, LocalDate? closedOn = null)
    {
        Account = account;
        Value = value;
        ExpectedClose = expectedClose;
        CompletedStage = completedStage;
        Status = status;
        ClosedOn = closedOn;
    }

    /// <summary>Takes an opportunity as the stage machine has replayed it: its account, value, expected close, completed stage, status and the day it closed.</summary>
    /// <param name="state">The opportunity's state after its events (opened).</param>
    /// <param name="zone">The time zone whose calendar day the closing instant falls on.</param>
    /// <returns>The opportunity as the attainment engine reads it.</returns>
    /// <exception cref="KamValidationException">The state is not opened (path <c>state</c>).</exception>
    public static AttainmentOpportunity From(OpportunityState state, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (!state.IsOpened)
        {
            throw new KamValidationException("state", KamErrorCodes.Required, null, "The opportunity has not been opened: replay its OpportunityOpened event first.");
        }

        LocalDate? closedOn = state.ClosedAt is { } at ? at.InZone(zone).Date : null;
        return new AttainmentOpportunity(state.Account, state.Value, state.ExpectedClose, state.CompletedStage, state.Status, closedOn);
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the value.</summary>
    public Money Value { get; }

    /// <summary>Gets the expected close date.</summary>
    public LocalDate ExpectedClose { get; }

    /// <summary>Gets the last sales stage completed, or <see langword="null"/>.</summary>
    public SalesStage? CompletedStage { get; }

    /// <summary>Gets the status.</summary>
    public OpportunityStatus Status { get; }

    /// <summary>Gets the day the opportunity was closed, or <see langword="null"/>.</summary>
    public LocalDate? ClosedOn { get; }
}
