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

    /// <summary>Gets the team's attainment of the year, needed by the team bonus (see <see cref="TeamAttainmentOf"/>).</summary>
    public Ratio? TeamAttainment { get; }

    /// <summary>
    /// Computes a team's attainment of a fiscal year, the figure the team bonus pays on: the amount of every deal
    /// booked in the year over the sum of the payees' annual quotas.
    /// </summary>
    /// <remarks>
    /// Deals count at their full amount, whoever they are credited to and whether or not they are cancelled later;
    /// a payee without a quota (0) adds nothing to the team's quota. Give the result to every payee
    /// (<see cref="TeamAttainment"/>) before calling the calculator. Pure: nothing passed is changed.
    /// </remarks>
    /// <param name="year">The fiscal year.</param>
    /// <param name="payees">The team: the payees of the run.</param>
    /// <param name="deals">The deals of the run.</param>
    /// <returns>The attainment (<c>1.2</c> for 120%).</returns>
    /// <exception cref="KamValidationException">
    /// A payee or deal is missing (<c>payees[i]</c>, <c>deals[i]</c>); a quota is negative, between 0 and 1, or in
    /// another currency than the first payee's (<c>payees[i].annualQuota</c>); a deal is in another currency
    /// or is negative (<c>deals[i].amount</c>); or no payee has a quota (<c>payees</c>).
    /// </exception>
    public static Ratio TeamAttainmentOf(FiscalPeriod year, IReadOnlyList<Payee> payees, IReadOnlyList<Deal> deals)
    {
        ArgumentNullException.ThrowIfNull(payees);
        ArgumentNullException.ThrowIfNull(deals);
        var errors = new ValidationCollector();
        var currency = payees.FirstOrDefault(p => p is not null)?.AnnualQuota.Currency;
        var quota = 0m;
        for (var i = 0; i < payees.Count; i++)
        {
            var at = $"payees[{i}]";
            if (!errors.Required(at, payees[i]))
            {
                continue;
            }

            var annual = payees[i].AnnualQuota;
            if (annual.Currency != currency)
            {
                errors.Add($"{at}.annualQuota", KamErrorCodes.CurrencyMismatch, annual, $"The team's quotas are in {currency?.Code}; currencies never mix.");
            }
            else if (QuotaProblem(annual, needsQuota: false) is { } problem)
            {
                errors.Add($"{at}.annualQuota", KamErrorCodes.OutOfRange, annual, problem);
            }
            else
            {
                quota = Overflow.Add(quota, annual.Amount, $"{at}.annualQuota");
            }
        }

        var booked = 0m;
        for (var d = 0; d < deals.Count; d++)
        {
            var at = $"deals[{d}]";
            if (!errors.Required(at, deals[d]))
            {
                continue;
            }

            if (deals[d].Amount.Currency != currency)
            {
                errors.Add($"{at}.amount", KamErrorCodes.CurrencyMismatch, deals[d].Amount, $"The team's quotas are in {currency?.Code}; currencies never mix.");
            }
            else if (deals[d].Amount.IsNegative)
            {
                errors.Add($"{at}.amount", KamErrorCodes.OutOfRange, deals[d].Amount, "A booking's amount must not be negative.");
            }
            else if (year.Contains(deals[d].BookedOn))
            {
                booked = Overflow.Add(booked, deals[d].Amount.Amount, $"{at}.amount");
            }
        }

        if (!errors.HasErrors && quota <= 0m)
        {
            errors.Add("payees", KamErrorCodes.Required, null, "The team's attainment divides the year's bookings by the payees' quotas; no payee has a quota.");
        }

        errors.ThrowIfAny();
        return Ratio.FromFraction(booked / quota);
    }

    /// <summary>What is wrong with an annual quota in the plan's currency, or <see langword="null"/>.</summary>
    /// <param name="quota">The quota.</param>
    /// <param name="needsQuota">Whether the plan's commission schedule reads quota attainment (then 0 is refused too).</param>
    /// <returns>The message, or <see langword="null"/> when the quota is valid.</returns>
    internal static string? QuotaProblem(Money quota, bool needsQuota) => quota.Amount switch
    {
        < 0m => "A quota must not be negative.",

        // Attainment divides bookings by the quota: below one unit it is meaningless and can overflow.
        > 0m and < 1m => "A quota is 0 (none) or at least 1: attainment divides the bookings by it.",
        0m when needsQuota => "The commission schedule uses quota attainment; the quota must be positive.",
        _ => null,
    };
}
