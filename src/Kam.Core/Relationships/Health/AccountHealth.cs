namespace Kam.Core.Relationships.Health;

/// <summary>One account's relationship health: its monthly points, trend and alerts.</summary>
public sealed class AccountHealth
{
    internal AccountHealth(AccountId account, IReadOnlyList<HealthPoint> points, decimal? trend, IReadOnlyList<HealthAlert> alerts)
    {
        Account = account;
        Points = points;
        Trend = trend;
        Alerts = alerts;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets one point per month assessed, from the month the account exists, by date.</summary>
    public IReadOnlyList<HealthPoint> Points { get; }

    /// <summary>Gets the last point's index, or <see langword="null"/> when there is no point.</summary>
    public decimal? Index => Points.Count == 0 ? null : Points[^1].Index;

    /// <summary>Gets the change of the index over the policy's trend months, or <see langword="null"/> when there are not enough points.</summary>
    public decimal? Trend { get; }

    /// <summary>Gets the alerts as of the assessment date.</summary>
    public IReadOnlyList<HealthAlert> Alerts { get; }
}
