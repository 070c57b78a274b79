namespace Kam.Core.Accounts.Plans;

/// <summary>One cell of the <see cref="WhitespaceGrid"/>: an offering of ours at one business unit or site of the account, and who has it.</summary>
/// <remarks>Immutable and validated when created: a competitor's cell names the competitor, an open opportunity's names the opportunity, a white-space cell gives its estimated value, and no cell carries another state's member.</remarks>
public sealed class WhitespaceCell
{
    /// <summary>Creates a cell.</summary>
    /// <param name="offering">The offering (the grid's row); not blank.</param>
    /// <param name="unit">The account's business unit or site (the grid's column); not blank.</param>
    /// <param name="state">Who has it.</param>
    /// <param name="competitor">The competitor, for <see cref="WhitespaceState.Competitor"/> only.</param>
    /// <param name="opportunity">The open opportunity, for <see cref="WhitespaceState.OpenOpportunity"/> only.</param>
    /// <param name="estimatedValue">The estimated annual value, for <see cref="WhitespaceState.WhiteSpace"/> only; not negative.</param>
    /// <exception cref="KamValidationException">A member is missing, blank or does not fit the state; every problem is reported.</exception>
    public WhitespaceCell(string offering, string unit, WhitespaceState state, string? competitor = null, OpportunityId? opportunity = null, Money? estimatedValue = null)
    {
        var errors = new ValidationCollector();
        errors.Required("offering", offering);
        errors.Required("unit", unit);
        Checks.Defined(errors, "state", state);
        if (state == WhitespaceState.Competitor)
        {
            errors.Required("competitor", competitor);
        }
        else if (competitor is not null)
        {
            errors.Add("competitor", KamErrorCodes.InvalidState, competitor, "Only a competitor's cell names a competitor.");
        }

        if (state == WhitespaceState.OpenOpportunity)
        {
            if (opportunity is not { } o || o.Value.Length == 0)
            {
                errors.Add("opportunity", KamErrorCodes.Required, null, "An open opportunity's cell names the opportunity.");
            }
        }
        else if (opportunity is { } o)
        {
            errors.Add("opportunity", KamErrorCodes.InvalidState, o, "Only an open opportunity's cell names an opportunity.");
        }

        if (state == WhitespaceState.WhiteSpace)
        {
            if (estimatedValue is { } v)
            {
                PlanRules.Amount(errors, "estimatedValue", v);
            }
            else
            {
                errors.Add("estimatedValue", KamErrorCodes.Required, null, "A white-space cell gives its estimated value.");
            }
        }
        else if (estimatedValue is { } v)
        {
            errors.Add("estimatedValue", KamErrorCodes.InvalidState, v, "Only a white-space cell gives an estimated value.");
        }

        errors.ThrowIfAny();
        Offering = offering;
        Unit = unit;
        State = state;
        Competitor = competitor;
        Opportunity = opportunity;
        EstimatedValue = estimatedValue;
    }

    /// <summary>Gets the offering (the row).</summary>
    public string Offering { get; }

    /// <summary>Gets the account's business unit or site (the column).</summary>
    public string Unit { get; }

    /// <summary>Gets who has it.</summary>
    public WhitespaceState State { get; }

    /// <summary>Gets the competitor of a competitor's cell, or <see langword="null"/>.</summary>
    public string? Competitor { get; }

    /// <summary>Gets the open opportunity of an open opportunity's cell, or <see langword="null"/>.</summary>
    public OpportunityId? Opportunity { get; }

    /// <summary>Gets the estimated value of a white-space cell, or <see langword="null"/>.</summary>
    public Money? EstimatedValue { get; }
}
