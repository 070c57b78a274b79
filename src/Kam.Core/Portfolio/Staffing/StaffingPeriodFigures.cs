namespace Kam.Core.Portfolio.Staffing;

/// <summary>The managers a book of accounts needs in one period, by grade and in total, against the managers there are, with how each figure was reached.</summary>
/// <remarks>Immutable. Hours and full-time equivalents are rounded to 4 decimal places, costs to the currency's minor unit.</remarks>
public sealed class StaffingPeriodFigures
{
    internal StaffingPeriodFigures(StaffingPeriod period, IReadOnlyList<GradeStaffing> byGrade, decimal hours, decimal neededFte, long managersNeeded, long managers, decimal availableFte, long toHire, Money? cost, IReadOnlyList<string> reasons)
    {
        Period = period;
        ByGrade = byGrade;
        Hours = hours;
        NeededFte = neededFte;
        ManagersNeeded = managersNeeded;
        Managers = managers;
        AvailableFte = availableFte;
        ToHire = toHire;
        Cost = cost;
        Reasons = reasons;
    }

    /// <summary>Gets the period.</summary>
    public StaffingPeriod Period { get; }

    /// <summary>Gets the figures of each grade with accounts, in the options' order of grades.</summary>
    public IReadOnlyList<GradeStaffing> ByGrade { get; }

    /// <summary>Gets the hours a month every grade needs together.</summary>
    public decimal Hours { get; }

    /// <summary>Gets the managers needed as full-time equivalents: <see cref="Hours"/> ÷ a manager's contact hours a month.</summary>
    public decimal NeededFte { get; }

    /// <summary>Gets the managers needed: <see cref="NeededFte"/> rounded up (at most the sum of the grades' own figures, since managers can hold accounts of several grades).</summary>
    public long ManagersNeeded { get; }

    /// <summary>Gets the managers there are.</summary>
    public long Managers { get; }

    /// <summary>Gets the managers there are as full-time equivalents of standard quality: the sum of their quality factors.</summary>
    public decimal AvailableFte { get; }

    /// <summary>Gets the gap: <see cref="NeededFte"/> − <see cref="AvailableFte"/>; above 0 managers are short, below 0 there are more than needed.</summary>
    public decimal Gap => NeededFte - AvailableFte;

    /// <summary>Gets the managers of standard quality to hire: <see cref="Gap"/> rounded up, 0 when nobody is short.</summary>
    public long ToHire { get; }

    /// <summary>Gets the cost of the period's <see cref="NeededFte"/>, the sum of the grades' costs; <see langword="null"/> when a grade has no cost.</summary>
    public Money? Cost { get; }

    /// <summary>Gets how the totals were reached, in words (each grade's reasons are in <see cref="ByGrade"/>).</summary>
    public IReadOnlyList<string> Reasons { get; }
}
