namespace Kam.Cli.Sample;

/// <summary>The seeded random source of the sample generator, with the few distributions it needs.</summary>
/// <remarks>
/// <see cref="Random(int)"/> with a seed is stable across .NET versions and platforms, so a seed always gives the
/// same portfolio. Not thread-safe: one instance per generation.
/// </remarks>
internal sealed class SampleRandom(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>A uniform value in [0, 1).</summary>
    public double Uniform() => _random.NextDouble();

    /// <summary>A uniform value in [min, max).</summary>
    public double Uniform(double min, double max) => min + ((max - min) * _random.NextDouble());

    /// <summary>A uniform integer in [min, max).</summary>
    public int Next(int min, int max) => _random.Next(min, max);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => _random.NextDouble() < p;

    /// <summary>A standard normal value (Box–Muller).</summary>
    public double Normal()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A log-normal value with the given median and log-scale spread.</summary>
    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());

    /// <summary>An exponential value with the given mean.</summary>
    public double Exponential(double mean) => -mean * Math.Log(1.0 - _random.NextDouble());

    /// <summary>A gamma value (Marsaglia–Tsang; shape &gt; 0, scale &gt; 0).</summary>
    public double Gamma(double shape, double scale)
    {
        if (shape < 1)
        {
            return Gamma(shape + 1, scale) * Math.Pow(_random.NextDouble(), 1.0 / shape);
        }

        var d = shape - (1.0 / 3.0);
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal();
                v = 1.0 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = _random.NextDouble();
            if (u < 1 - (0.0331 * x * x * x * x) || Math.Log(u) < (0.5 * x * x) + (d * (1 - v + Math.Log(v))))
            {
                return d * v * scale;
            }
        }
    }

    /// <summary>Picks an item.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>Picks an index with probability proportional to its weight.</summary>
    public int PickWeighted(IReadOnlyList<double> weights)
    {
        var total = weights.Sum();
        var target = _random.NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }
}
