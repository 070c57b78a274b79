using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Summaries;

namespace Kam.Core.Value.Models.LifetimeValue;

/// <summary>
/// Computes discounted customer lifetime value from a fitted transaction model (BG/NBD or Pareto/NBD) and a fitted
/// Gamma-Gamma spend model, per customer and in total.
/// </summary>
/// <remarks>
/// CLV = margin × E[spend per transaction | x, z̄] × Σₖ (E[Y(k·L) | x, tₓ, T] − E[Y((k−1)·L) | x, tₓ, T]) / (1 + d)ᵏ,
/// the discrete-period form used by the Python library lifetimes (spend independent of the transaction process, as
/// the Gamma-Gamma model assumes). Implementations are stateless and thread-safe.
/// </remarks>
public interface ILifetimeValueCalculator
{
    /// <summary>The discounted expected number of transactions of one customer over the horizon.</summary>
    /// <param name="model">The transaction model.</param>
    /// <param name="customer">The calibration history.</param>
    /// <param name="horizon">The horizon.</param>
    /// <returns>Σₖ ΔE[Y]ₖ/(1+d)ᵏ (≥ 0).</returns>
    double DiscountedExpectedTransactions(ITransactionModel model, CustomerHistory customer, LifetimeValueHorizon horizon);

    /// <summary>Projects the lifetime value of every customer and of the base.</summary>
    /// <param name="model">The transaction model.</param>
    /// <param name="spend">The spend model.</param>
    /// <param name="customers">The calibration summaries.</param>
    /// <param name="horizon">The horizon.</param>
    /// <param name="profitMargin">The share of spend that is profit, in [0, 1].</param>
    /// <returns>The report.</returns>
    /// <exception cref="KamValidationException">A summary is impossible (paths <c>customers[i].*</c>) or the margin is out of range, or a projected value is not a finite number (code <see cref="KamErrorCodes.Overflow"/>, paths <c>customers[i].lifetimeValue</c>).</exception>
    LifetimeValueReport Project(ITransactionModel model, GammaGammaModel spend, IEnumerable<CustomerSummary> customers, LifetimeValueHorizon horizon, double profitMargin);
}
