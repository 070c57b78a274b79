namespace Kam.Core.Stages.Forecasting;

/// <summary>The Wilson score interval of a binomial proportion at 95% (z = 1.959964).</summary>
internal static class WilsonInterval
{
    /// <summary>The standard normal quantile of 97.5%.</summary>
    public const double Z = 1.959963984540054;

    /// <summary>Gets the interval of <paramref name="successes"/> in <paramref name="trials"/>; (0, 1) for no trials.</summary>
    public static (double Low, double High) Of(long successes, long trials)
    {
        if (trials <= 0)
        {
            return (0d, 1d);
        }

        double n = trials, p = successes / n, z2 = Z * Z;
        var denominator = 1d + (z2 / n);
        var centre = (p + (z2 / (2d * n))) / denominator;
        var half = Z / denominator * Math.Sqrt((p * (1d - p) / n) + (z2 / (4d * n * n)));
        return (Math.Max(0d, centre - half), Math.Min(1d, centre + half));
    }
}
