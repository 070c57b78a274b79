
namespace Kam.Core.Value.Models.LifetimeValue;

/// <summary>
/// The horizon of a discounted lifetime-value projection: how many periods, how long a period is in the model's time
/// unit, and the discount rate per period.
/// </summary>
/// <remarks>
/// For a model fitted in weeks, <c>new LifetimeValueHorizon(12, 4.345, 0.01)</c> projects twelve months at 1% a month
/// (the convention of the Python library lifetimes). Cash in period k is discounted by (1 + d)^−k. Immutable;
/// the constructor validates (paths <c>horizon.*</c>).
/// </remarks>
public sealed class LifetimeValueHorizon
{
    /// <summary>Creates the horizon.</summary>
    /// <param name="periods">The number of periods (1..100000).</param>
    /// <param name="periodLength">The length of a period in the model's time unit (positive, finite).</param>
    /// <param name="discountRate">The discount rate per period (≥ 0, finite).</param>
    /// <exception cref="KamValidationException">A value is out of range.</exception>
    public LifetimeValueHorizon(int periods, double periodLength, double discountRate)
    {
        var errors = new ValidationCollector();
        errors.InRange("horizon.periods", periods, 1, 100_000);
        errors.FiniteInRange("horizon.periodLength", periodLength, double.Epsilon, double.MaxValue);
        errors.FiniteInRange("horizon.discountRate", discountRate, 0, double.MaxValue);
        errors.ThrowIfAny();
        (Periods, PeriodLength, DiscountRate) = (periods, periodLength, discountRate);
    }

    /// <summary>Gets the number of periods.</summary>
    public int Periods { get; }

    /// <summary>Gets the length of a period in the model's time unit.</summary>
    public double PeriodLength { get; }

    /// <summary>Gets the discount rate per period.</summary>
    public double DiscountRate { get; }
}
