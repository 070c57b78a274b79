namespace Kam.Core.Compensation;

/// <summary>Computes pay statements of a plan for a fiscal year: twelve monthly statements and one year-end settlement per payee.</summary>
public interface IPayCalculator
{
    /// <summary>Computes the year's statements.</summary>
    /// <param name="plan">The plan every payee is paid under.</param>
    /// <param name="fiscalYear">The fiscal year (named as the calendar names it).</param>
    /// <param name="payees">The payees, with targets and appraisal grades.</param>
    /// <param name="deals">The deals (credit splits name the payees; shares of people outside <paramref name="payees"/> are not paid here).</param>
    /// <param name="collections">Cash received on the deals (read for the collected-cash basis and clawbacks).</param>
    /// <returns>The statements, per payee in input order: the 12 months, then the year end.</returns>
    /// <exception cref="KamValidationException">Any input is invalid: splits not summing to 100%, mixed currencies, a collection of an unknown deal, a cancellation before booking, a missing grade or quota, a quota neither 0 nor at least 1 (<c>payees[i].annualQuota</c>), a plan not effective in the year; or amounts whose sums exceed the range of <see cref="decimal"/> (code <see cref="KamErrorCodes.Overflow"/>, path such as <c>deals[3].amount</c> or <c>payees[0].pay</c>).</exception>
    PayrollResult CalculateYear(PayPlan plan, int fiscalYear, IReadOnlyList<Payee> payees, IReadOnlyList<Deal> deals, IReadOnlyList<CashReceipt> collections);
}
