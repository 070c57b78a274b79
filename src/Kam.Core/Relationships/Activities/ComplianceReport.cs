using NodaTime;

namespace Kam.Core.Relationships.Activities;

/// <summary>The contact-standard compliance of many accounts, per account and per manager, as of a date.</summary>
public sealed class ComplianceReport
{
    internal ComplianceReport(LocalDate from, LocalDate asOf, IReadOnlyList<AccountCompliance> accounts, IReadOnlyList<ManagerCompliance> managers)
    {
        From = from;
        AsOf = asOf;
        Accounts = accounts;
        Managers = managers;
    }

    /// <summary>Gets the first assessed date.</summary>
    public LocalDate From { get; }

    /// <summary>Gets the assessment date (the last assessed date).</summary>
    public LocalDate AsOf { get; }

    /// <summary>Gets each account's compliance, in the order given.</summary>
    public IReadOnlyList<AccountCompliance> Accounts { get; }

    /// <summary>Gets each manager's compliance, ordered by manager (ordinal).</summary>
    public IReadOnlyList<ManagerCompliance> Managers { get; }
}
