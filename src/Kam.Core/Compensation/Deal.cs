using NodaTime;

namespace Kam.Core.Compensation;

/// <summary>A booked deal with its credit split, as the pay calculator reads it.</summary>
/// <remarks>
/// The pay calculator checks every deal it is given and reports each problem with its path (for example
/// <c>deals[3].splits</c>); the constructor only records the values. Immutable.
/// </remarks>
public sealed class Deal
{
    /// <summary>Creates a deal.</summary>
    /// <param name="id">The deal (opportunity) identifier; collections refer to it.</param>
    /// <param name="bookedOn">The booking date.</param>
    /// <param name="amount">The booked sales amount.</param>
    /// <param name="grossProfit">The gross profit of the deal.</param>
    /// <param name="splits">The credit split; shares sum to 100%, each person at most once.</param>
    /// <param name="cancelledOn">The day the deal was canceled or written off, if it was.</param>
    public Deal(OpportunityId id, LocalDate bookedOn, Money amount, Money grossProfit, IReadOnlyList<CreditSplit> splits, LocalDate? cancelledOn = null)
    {
        Id = id;
        BookedOn = bookedOn;
        Amount = amount;
        GrossProfit = grossProfit;
        Splits = splits;
        CancelledOn = cancelledOn;
    }

    /// <summary>Gets the deal (opportunity) identifier.</summary>
    public OpportunityId Id { get; }

    /// <summary>Gets the booking date.</summary>
    public LocalDate BookedOn { get; }

    /// <summary>Gets the booked sales amount.</summary>
    public Money Amount { get; }

    /// <summary>Gets the gross profit of the deal.</summary>
    public Money GrossProfit { get; }

    /// <summary>Gets the credit split.</summary>
    public IReadOnlyList<CreditSplit> Splits { get; }

    /// <summary>Gets the day the deal was canceled or written off, if it was.</summary>
    public LocalDate? CancelledOn { get; }
}

/// <summary>Cash received on a deal.</summary>
public readonly struct CashReceipt
{
    /// <summary>Creates a receipt.</summary>
    /// <param name="deal">The deal paid.</param>
    /// <param name="receivedOn">The day the cash was received.</param>
    /// <param name="amount">The amount received.</param>
    public CashReceipt(OpportunityId deal, LocalDate receivedOn, Money amount)
    {
        Deal = deal;
        ReceivedOn = receivedOn;
        Amount = amount;
    }

    /// <summary>Gets the deal paid.</summary>
    public OpportunityId Deal { get; }

    /// <summary>Gets the day the cash was received.</summary>
    public LocalDate ReceivedOn { get; }

    /// <summary>Gets the amount received.</summary>
    public Money Amount { get; }
}

/// <summary>A person paid under a plan for a fiscal year, with the appraisal results and targets the plan reads.</summary>
/// <remarks>The pay calculator checks every payee against the plan (paths such as <c>payees[0].annualQuota</c>). Immutable.</remarks>
public sealed class Payee
{
    /// <summary>Creates a payee.</summary>
    /// <param name="person">The person.</param>
    /// <param name="annualQuota">The year's quota; a month's quota is 1/12 of it.</param>
    /// <param name="monthlyGrades">The appraisal grade of each fiscal month (12 entries), needed by performance pay.</param>
    /// <param name="annualGrade">The annual appraisal grade, needed by the year-end bonus.</param>
    /// <param name="teamAttainment">The team's attainment of the year, needed by the team bonus.</param>
    public Payee(PersonId person, Money annualQuota, IReadOnlyList<string>? monthlyGrades = null, string? annualGrade = null, Ratio? teamAttainment = null)
    {
        Person = person;
        AnnualQuota = annualQuota;
        MonthlyGrades = monthlyGrades;
        AnnualGrade = annualGrade;
        TeamAttainment = teamAttainment;
    }

    /// <summary>Gets the person.</summary>
    public PersonId Person { get; }

    /// <summary>Gets the year's quota; a month's quota is 1/12 of it.</summary>
    public Money AnnualQuota { get; }

    /// <summary>Gets the appraisal grade of each fiscal month (12 entries), needed by performance pay.</summary>
    public IReadOnlyList<string>? MonthlyGrades { get; }

    /// <summary>Gets the annual appraisal grade, needed by the year-end bonus.</summary>
    public string? AnnualGrade { get; }

    /// <summary>Gets the team's attainment of the year, needed by the team bonus.</summary>
    public Ratio? TeamAttainment { get; }
}
