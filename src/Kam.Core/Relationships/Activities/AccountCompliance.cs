using NodaTime;

namespace Kam.Core.Relationships.Activities;

/// <summary>One account's compliance with its contact standard over the assessed dates.</summary>
public sealed class AccountCompliance
{
    internal AccountCompliance(AccountAssignment assignment, IReadOnlyList<PeriodCompliance> periods, ComplianceStatus status, LocalDate? nextDue, LocalDate? lastContact, int? daysSinceLastContact, int required, int credited)
    {
        Account = assignment.Account;
        Manager = assignment.Manager;
        Grade = assignment.Grade;
        Periods = periods;
        Status = status;
        NextDue = nextDue;
        LastContact = lastContact;
        DaysSinceLastContact = daysSinceLastContact;
        Required = required;
        Credited = credited;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the account's manager.</summary>
    public PersonId Manager { get; }

    /// <summary>Gets the account's grade.</summary>
    public string Grade { get; }

    /// <summary>Gets every period of the standard that overlaps the assessed dates, visits then calls, by date.</summary>
    public IReadOnlyList<PeriodCompliance> Periods { get; }

    /// <summary>Gets the status as of the assessment date: the worst status of the running periods.</summary>
    public ComplianceStatus Status { get; }

    /// <summary>Gets the date the next visit or call is due, or <see langword="null"/> for a standard of none.</summary>
    public LocalDate? NextDue { get; }

    /// <summary>Gets the date of the last contact of any kind on or before the assessment date, or <see langword="null"/>.</summary>
    public LocalDate? LastContact { get; }

    /// <summary>Gets the days from the last contact to the assessment date, or <see langword="null"/> when there was none.</summary>
    public int? DaysSinceLastContact { get; }

    /// <summary>Gets the contacts the standard asks for over every period.</summary>
    public int Required { get; }

    /// <summary>Gets the contacts made that count toward <see cref="Required"/> (at most the requirement of each period).</summary>
    public int Credited { get; }

    /// <summary>Gets the compliance rate, <see cref="Credited"/> ÷ <see cref="Required"/> (1 when nothing is required).</summary>
    public decimal Rate => Required == 0 ? 1m : (decimal)Credited / Required;
}
