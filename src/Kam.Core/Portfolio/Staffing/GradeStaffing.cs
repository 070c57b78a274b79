namespace Kam.Core.Portfolio.Staffing;

/// <summary>The managers the accounts of one grade need in one period, with how the figure was reached.</summary>
/// <remarks>Immutable. Hours and full-time equivalents are rounded to 4 decimal places, costs to the currency's minor unit.</remarks>
public sealed class GradeStaffing
{
    internal GradeStaffing(string grade, long accounts, decimal expectedLost, decimal hoursPerAccount, decimal baseHours, decimal replacementHours, decimal hours, decimal neededFte, long managersNeeded, Money? cost, IReadOnlyList<string> reasons)
    {
        Grade = grade;
        Accounts = accounts;
        ExpectedLost = expectedLost;
        HoursPerAccount = hoursPerAccount;
        BaseHours = baseHours;
        ReplacementHours = replacementHours;
        Hours = hours;
        NeededFte = neededFte;
        ManagersNeeded = managersNeeded;
        Cost = cost;
        Reasons = reasons;
    }

    /// <summary>Gets the grade.</summary>
    public string Grade { get; }

    /// <summary>Gets how many accounts of the grade there are.</summary>
    public long Accounts { get; }

    /// <summary>Gets the accounts expected to be lost in the period (accounts × churn rate), each replaced by a new account.</summary>
    public decimal ExpectedLost { get; }

    /// <summary>Gets the contact hours a month one established account of the grade takes.</summary>
    public decimal HoursPerAccount { get; }

    /// <summary>Gets the hours a month the accounts take as established accounts: accounts × hours per account.</summary>
    public decimal BaseHours { get; }

    /// <summary>Gets the extra hours a month the replacements take in their first period: expected lost × hours per account × (new-account factor − 1).</summary>
    public decimal ReplacementHours { get; }

    /// <summary>Gets the hours a month the grade needs: (base + replacement hours) × the period's surge.</summary>
    public decimal Hours { get; }

    /// <summary>Gets the managers needed as full-time equivalents: hours ÷ a manager's contact hours a month.</summary>
    public decimal NeededFte { get; }

    /// <summary>Gets the managers needed were the grade staffed on its own: <see cref="NeededFte"/> rounded up.</summary>
    public long ManagersNeeded { get; }

    /// <summary>Gets the cost of the period's <see cref="NeededFte"/>: full-time equivalents × a manager's cost a month × the period's months; <see langword="null"/> without a cost.</summary>
    public Money? Cost { get; }

    /// <summary>Gets how each figure was reached, in words.</summary>
    public IReadOnlyList<string> Reasons { get; }
}
