using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Stages.Forecasting;

/// <summary>
/// One open opportunity as the bookings distribution sees it: its value, its win probability and, optionally, the
/// group of opportunities it wins or loses together with (same account, same tender).
/// </summary>
/// <remarks>
/// An input, not a rule: it is checked when it is used (<see cref="BookingsForecaster.Distribution(ReadOnlySpan{ForecastItem}, Currency)"/> names the item's
/// place, such as <c>items[3].probability</c>), so that a host can fill an array of them without exceptions. A value.
/// </remarks>
public readonly record struct ForecastItem
{
    /// <summary>Creates an item.</summary>
    /// <param name="opportunity">The opportunity.</param>
    /// <param name="value">Its value (not negative).</param>
    /// <param name="probability">Its win probability as a fraction, 0 to 1 (0.25 for 25%).</param>
    /// <param name="group">The group it wins or loses with, or null when it is independent of the others.</param>
    public ForecastItem(OpportunityId opportunity, Money value, decimal probability, string? group = null)
    {
        Opportunity = opportunity;
        Value = value;
        Probability = probability;
        Group = group;
    }

    /// <summary>Gets the opportunity.</summary>
    public OpportunityId Opportunity { get; }

    /// <summary>Gets the value.</summary>
    public Money Value { get; }

    /// <summary>Gets the win probability as a fraction (0 to 1 when valid).</summary>
    public decimal Probability { get; }

    /// <summary>Gets the group it wins or loses with, or null.</summary>
    public string? Group { get; }

    /// <summary>Makes the item of an opportunity's state: its value and its earned win probability (the point forecast's weight).</summary>
    /// <param name="state">An opened opportunity's state.</param>
    /// <param name="group">The group it wins or loses with, or null.</param>
    /// <returns>The item.</returns>
    /// <exception cref="KamValidationException">The opportunity has not been opened (path <c>state</c>).</exception>
    public static ForecastItem Of(in OpportunityState state, string? group = null) =>
        state.IsOpened
            ? new ForecastItem(state.Id, state.Value, state.Probability.Fraction, group)
            : throw new KamValidationException("state", KamErrorCodes.InvalidState, null, "The opportunity has not been opened.");
}
