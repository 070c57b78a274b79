using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Summaries;

namespace Kam.Core.Value.Models.LifetimeValue;

/// <summary>The discounted customer-lifetime-value calculator (see <see cref="ILifetimeValueCalculator"/>).</summary>
/// <remarks>Stateless and thread-safe; registered as a singleton by <c>AddKamCore</c>.</remarks>
public sealed class LifetimeValueCalculator : ILifetimeValueCalculator
{
    /// <inheritdoc/>
    public double DiscountedExpectedTransactions(ITransactionModel model, CustomerHistory customer, LifetimeValueHorizon horizon)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(horizon);
        return Discounted(model, customer, horizon, out _);
    }

    /// <inheritdoc/>
    public LifetimeValueReport Project(ITransactionModel model, GammaGammaModel spend, IEnumerable<CustomerSummary> customers, LifetimeValueHorizon horizon, double profitMargin)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(spend);
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(horizon);
        var list = customers.ToArray();
        var errors = new ValidationCollector();
        errors.FiniteInRange("profitMargin", profitMargin, 0, 1);
        for (var i = 0; i < list.Length && errors.Errors.Count <= 100; i++)
        {
            var c = list[i];
            errors.Required($"customers[{i}].customerId", c.CustomerId);
            if (HistoryRules.Check(errors, $"customers[{i}]", c.Frequency, c.Recency, c.Age))
            {
                errors.FiniteInRange($"customers[{i}].monetaryValue", c.MonetaryValue, 0, double.MaxValue);
            }
        }

        errors.ThrowIfAny();
        var lines = new CustomerValue[list.Length];
        double totalTransactions = 0, totalValue = 0;
        for (var i = 0; i < list.Length; i++)
        {
            var c = list[i];
            var history = new CustomerHistory(c.Frequency, c.Recency, c.Age);
            var discounted = Discounted(model, history, horizon, out var undiscounted);
            var perTransaction = Overflow.Finite(spend.ConditionalExpectedSpend(c.Frequency, c.Frequency == 0 ? 0 : c.MonetaryValue), $"customers[{i}].expectedSpend");
            var value = Overflow.Finite(profitMargin * perTransaction * discounted, $"customers[{i}].lifetimeValue");
            lines[i] = new CustomerValue(c.CustomerId, model.ProbabilityAlive(history), undiscounted, discounted, perTransaction, value);
            totalTransactions += undiscounted;
            totalValue += value;
        }

        return new LifetimeValueReport(lines, totalTransactions, Overflow.Finite(totalValue, "total lifetime value"));
    }

    private static double Discounted(ITransactionModel model, CustomerHistory customer, LifetimeValueHorizon horizon, out double undiscounted)
    {
        double previous = 0, sum = 0, factor = 1;
        var discount = 1 / (1 + horizon.DiscountRate);
        for (var k = 1; k <= horizon.Periods; k++)
        {
            var cumulative = model.ConditionalExpectedTransactions(customer, k * horizon.PeriodLength);
            factor *= discount;
            sum += Math.Max(0, cumulative - previous) * factor;
            previous = cumulative;
        }

        undiscounted = previous;
        return sum;
    }
}
