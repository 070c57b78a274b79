using System.Globalization;

namespace Kam.Core.Stages.Forecasting;

/// <summary>
/// The distribution of a period's bookings: the probability of every amount on a grid of money (multiples of
/// <see cref="Grain"/>), its mean, percentiles, the probability of reaching a target and each opportunity's share of
/// the spread. Made by <see cref="BookingsForecaster"/>.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="PointForecast"/> is today's forecast Σ v·p, exactly (decimal). <see cref="Mean"/> is the mean of the grid
/// distribution; the two differ by <see cref="MeanError"/>, at most one grain (zero when every value is a multiple of
/// the grain), plus floating-point rounding. Percentiles are grid amounts: the smallest amount whose cumulative
/// probability reaches the level. Never NaN. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class BookingsDistribution
{
    private readonly double[] _pmf;
    private readonly BookingsForecaster.Unit[] _units;
    private readonly Lazy<IReadOnlyList<SpreadContribution>> _contributions;

    internal BookingsDistribution(Currency currency, decimal grain, double[] pmf, decimal point, decimal total, decimal meanError, double roundingSpread, BookingsForecaster.Unit[] units)
    {
        Currency = currency;
        Grain = new Money(grain, currency);
        _pmf = pmf;
        _units = units;
        PointForecast = new Money(point, currency);
        Total = new Money(total, currency);
        MeanError = new Money(meanError, currency);
        RoundingSpread = roundingSpread;
        double mean = 0d, square = 0d;
        var g = (double)grain;
        for (var x = 0; x < pmf.Length; x++)
        {
            var amount = x * g;
            mean += pmf[x] * amount;
            square += pmf[x] * amount * amount;
        }

        Mean = mean;
        StandardDeviation = Math.Sqrt(Math.Max(0d, square - (mean * mean)));
        _contributions = new(() => Contributions());
    }

    /// <summary>Gets the currency.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the grain: the amount between neighbouring cells of the grid.</summary>
    public Money Grain { get; }

    /// <summary>Gets the number of cells of the grid (amounts 0, 1, 2 … grains).</summary>
    public int Cells => _pmf.Length;

    /// <summary>Gets the number of independent outcomes (single opportunities plus groups).</summary>
    public int Outcomes => _units.Length;

    /// <summary>Gets the point forecast Σ value × probability, exactly.</summary>
    public Money PointForecast { get; }

    /// <summary>Gets the total value of the opportunities (the bookings if every one is won).</summary>
    public Money Total { get; }

    /// <summary>Gets the mean of the grid distribution, in the currency's units.</summary>
    public double Mean { get; }

    /// <summary>Gets the standard deviation of the grid distribution, in the currency's units.</summary>
    public double StandardDeviation { get; }

    /// <summary>Gets the exact shift of the mean by the rounding to the grain, Σ p·(rounded − value): at most one grain.</summary>
    public Money MeanError { get; }

    /// <summary>Gets the standard deviation of the rounding's shift of the bookings, √Σ p·(1 − p)·(rounded − value)², in the currency's units.</summary>
    public double RoundingSpread { get; }

    /// <summary>Gets the 10th percentile: bookings reach at least this amount with probability 90%.</summary>
    public Money P10 => Percentile(0.10);

    /// <summary>Gets the median.</summary>
    public Money P50 => Percentile(0.50);

    /// <summary>Gets the 90th percentile: bookings exceed it with probability at most 10%.</summary>
    public Money P90 => Percentile(0.90);

    /// <summary>Gets each outcome's contribution to the spread, largest share first (ties in input order).</summary>
    public IReadOnlyList<SpreadContribution> SpreadContributions => _contributions.Value;

    /// <summary>Gets the probability of the amount <paramref name="cell"/> × <see cref="Grain"/>.</summary>
    /// <param name="cell">The cell, 0 to <see cref="Cells"/> − 1.</param>
    /// <returns>The probability.</returns>
    /// <exception cref="KamValidationException">The cell is outside the grid (path <c>cell</c>).</exception>
    public double ProbabilityAt(int cell) => cell >= 0 && cell < _pmf.Length
        ? _pmf[cell]
        : throw new KamValidationException("cell", KamErrorCodes.OutOfRange, cell.ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"The grid has cells 0 to {_pmf.Length - 1}."));

    /// <summary>Gets a percentile: the smallest grid amount whose cumulative probability reaches the level.</summary>
    /// <param name="level">The level, a fraction above 0 and at most 1 (0.9 for P90).</param>
    /// <returns>The amount.</returns>
    /// <exception cref="KamValidationException">The level is not finite or outside (0, 1] (path <c>level</c>).</exception>
    public Money Percentile(double level)
    {
        if (!double.IsFinite(level) || level <= 0d || level > 1d)
        {
            throw new KamValidationException("level", KamErrorCodes.OutOfRange, level.ToString(CultureInfo.InvariantCulture), "A percentile level lies above 0 and at most 1.");
        }

        // The sum of the grid's probabilities may miss 1 by rounding: compare against the level of the actual total.
        var total = 0d;
        foreach (var p in _pmf)
        {
            total += p;
        }

        var target = level * total * (1d - 1e-12);
        var cumulative = 0d;
        for (var x = 0; x < _pmf.Length; x++)
        {
            cumulative += _pmf[x];
            if (cumulative >= target && _pmf[x] > 0d)
            {
                return new Money(x * Grain.Amount, Currency);
            }
        }

        return new Money((_pmf.Length - 1) * Grain.Amount, Currency);
    }

    /// <summary>Gets the probability that bookings reach at least a target (for example the plan's gap).</summary>
    /// <param name="target">The target, in the distribution's currency; a target at or below zero is reached with probability 1.</param>
    /// <returns>The probability, 0 to 1.</returns>
    /// <exception cref="KamValidationException">The target is in another currency (path <c>target</c>, <see cref="KamErrorCodes.CurrencyMismatch"/>).</exception>
    public double ProbabilityOfAtLeast(Money target)
    {
        if (target.Currency != Currency)
        {
            throw new KamValidationException("target", KamErrorCodes.CurrencyMismatch, target.ToString(null, CultureInfo.InvariantCulture), $"The distribution is in {Currency}.");
        }

        if (target.Amount <= 0m)
        {
            return 1d;
        }

        var from = decimal.Ceiling(target.Amount / Grain.Amount);
        if (from >= _pmf.Length)
        {
            return 0d;
        }

        var tail = 0d;
        for (var x = _pmf.Length - 1; x >= (int)from; x--)
        {
            tail += _pmf[x];
        }

        return Math.Clamp(tail, 0d, 1d);
    }

    private List<SpreadContribution> Contributions()
    {
        var variances = new double[_units.Length];
        var sum = 0d;
        for (var i = 0; i < _units.Length; i++)
        {
            var v = (double)_units[i].Value;
            var p = (double)_units[i].Probability;
            variances[i] = v * v * p * (1d - p);
            sum += variances[i];
        }

        var order = Enumerable.Range(0, _units.Length).OrderByDescending(i => variances[i]).ThenBy(i => i);
        var rows = new List<SpreadContribution>(_units.Length);
        foreach (var i in order)
        {
            var unit = _units[i];
            rows.Add(new SpreadContribution(unit.Group is null ? unit.Opportunity : null, unit.Group, unit.Count, new Money(unit.Value, Currency), unit.Probability, variances[i], sum > 0d ? variances[i] / sum : 0d));
        }

        return rows;
    }
}
