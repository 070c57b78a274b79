using NodaTime;

namespace Kam.Core.Relationships.Health;

/// <summary>The relationship health of every account of an activity log between two dates.</summary>
public sealed class HealthReport
{
    internal HealthReport(LocalDate from, LocalDate to, IReadOnlyList<AccountHealth> accounts, IReadOnlyList<HealthAlert> alerts)
    {
        From = from;
        To = to;
        Accounts = accounts;
        Alerts = alerts;
    }

    /// <summary>Gets the first assessed date.</summary>
    public LocalDate From { get; }

    /// <summary>Gets the assessment date.</summary>
    public LocalDate To { get; }

    /// <summary>Gets each account's health, ordered by account (ordinal).</summary>
    public IReadOnlyList<AccountHealth> Accounts { get; }

    /// <summary>Gets every alert, by account then kind.</summary>
    public IReadOnlyList<HealthAlert> Alerts { get; }
}
