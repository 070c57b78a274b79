namespace Kam.Core.Stages.Forecasting;

/// <summary>
/// How much one opportunity (or one group that wins or loses together) adds to the spread of the bookings
/// distribution: its variance v²·p·(1 − p) and that variance's share of the total.
/// </summary>
/// <remarks>
/// Variances of independent outcomes add, so the shares sum to 1 and rank the deals that make the forecast uncertain:
/// a large deal at 50% dominates, a deal at 0% or 100% adds nothing. Made by <see cref="BookingsDistribution"/>. Immutable.
/// </remarks>
public sealed class SpreadContribution
{
    internal SpreadContribution(OpportunityId? opportunity, string? group, int count, Money value, decimal probability, double variance, double share)
    {
        Opportunity = opportunity;
        Group = group;
        Count = count;
        Value = value;
        Probability = probability;
        StandardDeviation = Math.Sqrt(variance);
        Share = share;
    }

    /// <summary>Gets the opportunity, or null for a group.</summary>
    public OpportunityId? Opportunity { get; }

    /// <summary>Gets the group, or null for a single opportunity.</summary>
    public string? Group { get; }

    /// <summary>Gets the number of opportunities (1 for a single one).</summary>
    public int Count { get; }

    /// <summary>Gets the value (a group's total).</summary>
    public Money Value { get; }

    /// <summary>Gets the win probability (a group's value-weighted mean).</summary>
    public decimal Probability { get; }

    /// <summary>Gets the standard deviation of its bookings, √(v²·p·(1 − p)), in the currency's units.</summary>
    public double StandardDeviation { get; }

    /// <summary>Gets its share of the distribution's variance, 0 to 1 (0 when the distribution has no spread).</summary>
    public double Share { get; }
}
