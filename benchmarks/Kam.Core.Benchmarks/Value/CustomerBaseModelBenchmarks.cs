using System.Globalization;
using BenchmarkDotNet.Attributes;
using Kam.Core.Value.Models;
using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.Fitting;
using Kam.Core.Value.Models.ParetoNbd;

namespace Kam.Core.Benchmarks.Value;

/// <summary>
/// Maximum-likelihood fits of the customer-base models: CDNOW (2,357 customers, the peers' reference) and
/// 1,000,000 simulated BG/NBD customers on all cores and on one.
/// </summary>
[MemoryDiagnoser]
public class CustomerBaseModelBenchmarks
{
    private static readonly CustomerBaseModelFitter SingleCore = new(new FitSettings(maxDegreeOfParallelism: 1));
    private readonly CustomerBaseModelFitter _fitter = new();
    private FrequencyRecencyData _cdnow = null!;
    private SpendData _cdnowSpend = null!;
    private FrequencyRecencyData _million = null!;
    private double[] _x = [];
    private double[] _tx = [];
    private double[] _t = [];

    [GlobalSetup]
    public void Setup()
    {
        var path = FindCdnow();
        var rows = File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        _cdnow = FrequencyRecencyData.Create(rows.Select(r => r[1]).ToArray(), rows.Select(r => r[2]).ToArray(), rows.Select(r => r[3]).ToArray());
        var repeaters = rows.Where(r => r[1] > 0).ToArray();
        _cdnowSpend = SpendData.Create(repeaters.Select(r => r[1]).ToArray(), repeaters.Select(r => r[4]).ToArray());
        (_x, _tx, _t) = SimulateBgNbd(1_000_000, 0.243, 4.414, 0.793, 2.426, new Random(42));
        _million = FrequencyRecencyData.Create(_x, _tx, _t);
    }

    [Benchmark(Description = "BG/NBD fit, CDNOW")]
    public BgNbdModel BgNbdCdnow() => _fitter.FitBgNbd(_cdnow).Model;

    [Benchmark(Description = "Pareto/NBD fit, CDNOW")]
    public ParetoNbdModel ParetoNbdCdnow() => _fitter.FitParetoNbd(_cdnow).Model;

    [Benchmark(Description = "Gamma-Gamma fit, CDNOW")]
    public GammaGammaModel GammaGammaCdnow() => _fitter.FitGammaGamma(_cdnowSpend).Model;

    [Benchmark(Description = "BG/NBD fit, 1,000,000 customers, all cores")]
    public BgNbdModel BgNbdMillion() => _fitter.FitBgNbd(_million).Model;

    [Benchmark(Description = "BG/NBD fit, 1,000,000 customers, one core")]
    public BgNbdModel BgNbdMillionSingleCore() => SingleCore.FitBgNbd(_million).Model;

    [Benchmark(Description = "Compress 1,000,000 histories (FrequencyRecencyData.Create)")]
    public FrequencyRecencyData CompressMillion() => FrequencyRecencyData.Create(_x, _tx, _t);

    private static string FindCdnow()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "cdnow", "cdnow_customers_summary_with_transactions.csv");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("shared/data/cdnow/cdnow_customers_summary_with_transactions.csv not found beside the clone.");
    }

    /// <summary>BG/NBD customers observed for a whole number of days, in weeks (cohorts acquired over a quarter).</summary>
    private static (double[] X, double[] Tx, double[] T) SimulateBgNbd(int n, double r, double alpha, double a, double b, Random random)
    {
        var (x, tx, t) = (new double[n], new double[n], new double[n]);
        for (var i = 0; i < n; i++)
        {
            var lambda = Gamma(random, r) * 1 / alpha;
            var p = Beta(random, a, b);
            var age = 39 + (random.Next(0, 84) / 7.0);
            t[i] = age;
            var time = 0.0;
            while (true)
            {
                time += -Math.Log(1 - random.NextDouble()) / lambda;
                if (time > age)
                {
                    break;
                }

                x[i]++;
                tx[i] = Math.Floor(time * 7) / 7;
                if (random.NextDouble() < p)
                {
                    break;
                }
            }
        }

        return (x, tx, t);
    }

    private static double Beta(Random random, double a, double b)
    {
        var g = Gamma(random, a);
        return g / (g + Gamma(random, b));
    }

    private static double Gamma(Random random, double shape)
    {
        if (shape < 1)
        {
            return Gamma(random, shape + 1) * Math.Pow(random.NextDouble(), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z, v;
            do
            {
                z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                v = 1 + (c * z);
            }
            while (v <= 0);

            v = v * v * v;
            if (Math.Log(random.NextDouble()) < (0.5 * z * z) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }
}
