using NodaTime;

namespace Kam.Core.Compensation;

/// <summary>A booked deal with its credit split, as the pay calculator reads it.</summary>
/// <param name="Id">The deal (opportunity) identifier; collections refer to it.</param>
/// <param name="BookedOn">The booking date.</param>
/// <param name="Amount">The booked sales amount.</param>
/// <param name="GrossProfit">The gross profit of the deal.</param>
/// <param name="Splits">The credit split; shares sum to 100%, each person at most once.</param>
/// <param name="CancelledOn">The day the deal was canceled or written off, if it was.</param>
public sealed record Deal(OpportunityId Id, LocalDate BookedOn, Money Amount, Money GrossProfit, IReadOnlyList<CreditSplit> Splits, LocalDate? CancelledOn = null);

/// <summary>Cash received on a deal.</summary>
/// <param name="Deal">The deal paid.</param>
/// <param name="ReceivedOn">The day the cash was received.</param>
/// <param name="Amount">The amount received.</param>
public readonly record struct CashReceipt(OpportunityId Deal, LocalDate ReceivedOn, Money Amount);

/// <summary>A person paid under a plan for a fiscal year, with the appraisal results and targets the plan reads.</summary>
/// <param name="Person">The person.</param>
/// <param name="AnnualQuota">The year's quota; a month's quota is 1/12 of it.</param>
/// <param name="MonthlyGrades">The appraisal grade of each fiscal month (12 entries), needed by performance pay.</param>
/// <param name="AnnualGrade">The annual appraisal grade, needed by the year-end bonus.</param>
/// <param name="TeamAttainment">The team's attainment of the year, needed by the team bonus.</param>
public sealed record Payee(PersonId Person, Money AnnualQuota, IReadOnlyList<string>? MonthlyGrades = null, string? AnnualGrade = null, Ratio? TeamAttainment = null);
