using Kam.Core.Value.Models.Data;

namespace Kam.Core.Tests.Value.Models;

/// <summary>Seeded simulation of the customer-base models' data-generating processes (System.Random with a seed).</summary>
internal sealed class Simulate(int seed)
{
    private readonly Random _random = new(seed);

    public double Uniform() => _random.NextDouble();

    public double Exponential(double rate) => -Math.Log(1 - _random.NextDouble()) / rate;

    /// <summary>Gamma(shape, rate) by Marsaglia and Tsang.</summary>
    public double Gamma(double shape, double rate)
    {
        if (shape < 1)
        {
            return Gamma(shape + 1, rate) * Math.Pow(_random.NextDouble(), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal();
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = _random.NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v / rate;
            }
        }
    }

    public double Beta(double a, double b)
    {
        var x = Gamma(a, 1);
        return x / (x + Gamma(b, 1));
    }

    public int Poisson(double mean)
    {
        var count = 0;
        var t = Exponential(mean);
        while (t < 1)
        {
            count++;
            t += Exponential(mean);
        }

        return count;
    }

    public FrequencyRecencyData BgNbd(int customers, double r, double alpha, double a, double b, double age)
    {
        var (x, tx, t) = (new double[customers], new double[customers], new double[customers]);
        for (var i = 0; i < customers; i++)
        {
            var lambda = Gamma(r, alpha);
            var p = Beta(a, b);
            t[i] = age;
            var time = 0.0;
            while (true)
            {
                time += Exponential(lambda);
                if (time > age)
                {
                    break;
                }

                x[i]++;
                tx[i] = time;
                if (Uniform() < p)
                {
                    break;
                }
            }
        }

        return FrequencyRecencyData.Create(x, tx, t);
    }

    public FrequencyRecencyData ParetoNbd(int customers, double r, double alpha, double s, double beta, double age)
    {
        var (x, tx, t) = (new double[customers], new double[customers], new double[customers]);
        for (var i = 0; i < customers; i++)
        {
            var lambda = Gamma(r, alpha);
            var end = Math.Min(age, Exponential(Gamma(s, beta)));
            t[i] = age;
            var time = Exponential(lambda);
            while (time <= end)
            {
                x[i]++;
                tx[i] = time;
                time += Exponential(lambda);
            }
        }

        return FrequencyRecencyData.Create(x, tx, t);
    }

    public SpendData GammaGamma(int customers, double p, double q, double gamma)
    {
        var (x, mean) = (new double[customers], new double[customers]);
        for (var i = 0; i < customers; i++)
        {
            var nu = Gamma(q, gamma);
            x[i] = 1 + Poisson(3);
            var sum = 0.0;
            for (var j = 0; j < x[i]; j++)
            {
                sum += Gamma(p, nu);
            }

            mean[i] = sum / x[i];
        }

        return SpendData.Create(x, mean);
    }

    public DiscreteHistoryData BgBb(int customers, double alpha, double beta, double gamma, double delta, int opportunities)
    {
        var histories = new List<DiscreteHistory>(customers);
        for (var i = 0; i < customers; i++)
        {
            var p = Beta(alpha, beta);
            var theta = Beta(gamma, delta);
            int x = 0, tx = 0;
            for (var t = 1; t <= opportunities; t++)
            {
                if (Uniform() < theta)
                {
                    break;
                }

                if (Uniform() < p)
                {
                    x++;
                    tx = t;
                }
            }

            histories.Add(new DiscreteHistory(x, tx, opportunities));
        }

        return DiscreteHistoryData.FromHistories(histories);
    }

    public RenewalCohort ShiftedBetaGeometric(int customers, double gamma, double delta, int periods)
    {
        var alive = new long[periods + 1];
        for (var i = 0; i < customers; i++)
        {
            var theta = Beta(gamma, delta);
            alive[0]++;
            for (var t = 1; t <= periods && Uniform() >= theta; t++)
            {
                alive[t]++;
            }
        }

        return RenewalCohort.FromAliveCounts(alive);
    }

    private double Normal() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
