
namespace Kam.Core.Value.Models.Numerics;

/// <summary>
/// Evaluates a <see cref="RowLikelihood"/> over all its rows, in parallel partitions when there are enough rows, with
/// a gradient that is analytic or, for likelihoods without one, a central difference.
/// </summary>
internal sealed class LikelihoodEvaluator
{
    /// <summary>Fewer rows than this are summed on one thread: the partitioning would cost more than it saves.</summary>
    private const int RowsPerPartition = 16_384;

    private readonly RowLikelihood _likelihood;
    private readonly int _partitions;
    private readonly double[] _partialValues;
    private readonly double[][] _partialGradients;
    private readonly double[] _shifted;

    public LikelihoodEvaluator(RowLikelihood likelihood, int maxDegreeOfParallelism)
    {
        _likelihood = likelihood;
        var cores = maxDegreeOfParallelism <= 0 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        _partitions = Math.Max(1, Math.Min(cores * 2, likelihood.RowCount / RowsPerPartition));
        if (cores == 1)
        {
            _partitions = 1;
        }

        _partialValues = new double[_partitions];
        _partialGradients = new double[_partitions][];
        for (var i = 0; i < _partitions; i++)
        {
            _partialGradients[i] = new double[likelihood.Dimension];
        }

        _shifted = new double[likelihood.Dimension];
        MaxDegreeOfParallelism = cores;
    }

    public int MaxDegreeOfParallelism { get; }

    public RowLikelihood Likelihood => _likelihood;

    /// <summary>The log-likelihood at natural parameters, with its gradient in natural parameters (unless empty).</summary>
    public double Evaluate(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        gradient.Clear();
        if (_likelihood.HasGradient || gradient.IsEmpty)
        {
            return Sum(parameters, gradient.IsEmpty ? null : gradient);
        }

        var value = Sum(parameters, null);
        if (!double.IsFinite(value))
        {
            return value;
        }

        parameters.CopyTo(_shifted);
        for (var i = 0; i < parameters.Length; i++)
        {
            // Relative central difference in the natural parameter; error ~ 1e-10 relative for smooth likelihoods.
            var h = 1e-5 * parameters[i];
            _shifted[i] = parameters[i] + h;
            var up = Sum(_shifted, null);
            _shifted[i] = parameters[i] - h;
            var down = Sum(_shifted, null);
            _shifted[i] = parameters[i];
            gradient[i] = (up - down) / (2 * h);
        }

        return value;
    }

    private double Sum(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        if (!_likelihood.Prepare(parameters))
        {
            return double.NaN;
        }

        var rows = _likelihood.RowCount;
        if (_partitions == 1)
        {
            return _likelihood.Sum(parameters, 0, rows, gradient);
        }

        var withGradient = !gradient.IsEmpty;
        var p = parameters.ToArray();
        Parallel.For(0, _partitions, new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism }, part =>
        {
            var start = (int)((long)rows * part / _partitions);
            var end = (int)((long)rows * (part + 1) / _partitions);
            var g = _partialGradients[part];
            Array.Clear(g);
            _partialValues[part] = _likelihood.Sum(p, start, end, withGradient ? g : Span<double>.Empty);
        });

        // Fixed-order reduction: the same data gives the same bits whatever the thread schedule.
        var total = 0.0;
        for (var part = 0; part < _partitions; part++)
        {
            total += _partialValues[part];
            if (withGradient)
            {
                for (var i = 0; i < gradient.Length; i++)
                {
                    gradient[i] += _partialGradients[part][i];
                }
            }
        }

        return total;
    }
}
