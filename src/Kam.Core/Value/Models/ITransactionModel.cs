using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.ParetoNbd;

namespace Kam.Core.Value.Models;

/// <summary>
/// A fitted continuous-time model of repeat buying (<see cref="BgNbdModel"/>, <see cref="ParetoNbdModel"/>): the
/// predictions a customer-base analysis uses.
/// </summary>
/// <remarks>Times are in the unit the model was fitted in. Implementations are immutable and thread-safe.</remarks>
public interface ITransactionModel
{
    /// <summary>The probability that a customer with this history is still active at the end of the calibration period.</summary>
    /// <param name="customer">The calibration history.</param>
    /// <returns>A probability in [0, 1].</returns>
    double ProbabilityAlive(CustomerHistory customer);

    /// <summary>The expected number of repeat transactions of a new customer in (0, t] after the first purchase.</summary>
    /// <param name="duration">The window length t (≥ 0).</param>
    /// <returns>The expected count (≥ 0).</returns>
    /// <exception cref="KamValidationException">The duration is negative or not finite.</exception>
    double ExpectedTransactions(double duration);

    /// <summary>
    /// The expected number of transactions of a customer with this history in the next <paramref name="duration"/>
    /// after the calibration period.
    /// </summary>
    /// <param name="customer">The calibration history.</param>
    /// <param name="duration">The window length t (≥ 0).</param>
    /// <returns>The expected count (≥ 0).</returns>
    /// <exception cref="KamValidationException">The duration is negative or not finite.</exception>
    double ConditionalExpectedTransactions(CustomerHistory customer, double duration);
}
