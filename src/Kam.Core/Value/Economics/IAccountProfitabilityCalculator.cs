namespace Kam.Core.Value.Economics;

/// <summary>Computes each account's contribution per period and in total, and ranks accounts by revenue and by contribution.</summary>
/// <remarks>Implementations are immutable and thread-safe; they never mutate the figures they are given.</remarks>
public interface IAccountProfitabilityCalculator
{
    /// <summary>Gets the policy (volume-discount schedule) the calculator applies.</summary>
    AccountEconomicsPolicy Policy { get; }

    /// <summary>Calculates the profitability report of a portfolio.</summary>
    /// <param name="figures">One entry per account and period; at least one.</param>
    /// <returns>The report.</returns>
    /// <exception cref="KamValidationException">
    /// The figures are empty, an entry is null, an (account, period) pair repeats, an amount is negative, discounts
    /// exceed revenue, or amounts (or the discount schedule) are in different currencies.
    /// </exception>
    ProfitabilityReport Calculate(IEnumerable<AccountPeriodFigures> figures);
}
