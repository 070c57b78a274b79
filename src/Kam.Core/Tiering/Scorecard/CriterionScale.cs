namespace Kam.Core.Tiering.Scorecard;

/// <summary>The portfolio statistics one criterion's normalization needs, computed once per run, and the normalization itself.</summary>
internal sealed class CriterionScale
{
    private readonly AccountScorecardCriterion _criterion;
    private readonly double _min;
    private readonly double _max;
    private readonly double _mean;
    private readonly double _sd;
    private readonly double[]? _sorted;
    private readonly double[] _bandFrom;
    private readonly double[] _bandScore;

    private CriterionScale(AccountScorecardCriterion criterion, double min, double max, double mean, double sd, double[]? sorted)
    {
        _criterion = criterion;
        _min = min;
        _max = max;
        _mean = mean;
        _sd = sd;
        _sorted = sorted;
        _bandFrom = new double[criterion.Bands.Count];
        _bandScore = new double[criterion.Bands.Count];
        for (var b = 0; b < _bandFrom.Length; b++)
        {
            _bandFrom[b] = criterion.Bands[b].From;
            _bandScore[b] = criterion.Bands[b].Score;
        }
    }

    /// <summary>Computes the statistics over the values present (imputed values included when the policy imputes).</summary>
    public static CriterionScale Fit(AccountScorecardCriterion criterion, double[] values, bool[]? missing)
    {
        var n = 0;
        double min = double.MaxValue, max = double.MinValue, sum = 0d;
        var imputed = criterion.Missing == MissingValuePolicy.Impute ? criterion.ImputedValue : null;
        for (var i = 0; i < values.Length; i++)
        {
            double v;
            if (missing is not null && missing[i])
            {
                if (imputed is not { } iv)
                {
                    continue;
                }

                v = iv;
            }
            else
            {
                v = values[i];
            }

            n++;
            sum += v;
            min = v < min ? v : min;
            max = v > max ? v : max;
        }

        var mean = n > 0 ? sum / n : 0d;
        var sd = 0d;
        if (criterion.Normalization == Normalization.ZScore && n > 1)
        {
            var squares = 0d;
            for (var i = 0; i < values.Length; i++)
            {
                if (missing is null || !missing[i])
                {
                    var d = values[i] - mean;
                    squares += d * d;
                }
                else if (imputed is { } iv)
                {
                    squares += (iv - mean) * (iv - mean);
                }
            }

            sd = Math.Sqrt(squares / n);
        }

        double[]? sorted = null;
        if (criterion.Normalization == Normalization.PercentileRank)
        {
            sorted = new double[n];
            var k = 0;
            for (var i = 0; i < values.Length; i++)
            {
                if (missing is null || !missing[i])
                {
                    sorted[k++] = values[i];
                }
                else if (imputed is { } iv)
                {
                    sorted[k++] = iv;
                }
            }

            Array.Sort(sorted);
        }

        return new CriterionScale(criterion, min, max, mean, sd, sorted);
    }

    /// <summary>Maps a raw value to 0…1 by the criterion's rule and direction.</summary>
    public double Normalize(double v)
    {
        double score;
        switch (_criterion.Normalization)
        {
            case Normalization.MinMax:
                score = _max > _min ? (v - _min) / (_max - _min) : 0.5;
                break;
            case Normalization.ZScore:
                score = _sd > 0d ? (Math.Clamp((v - _mean) / _sd, -3d, 3d) + 3d) / 6d : 0.5;
                break;
            case Normalization.PercentileRank:
                score = PercentileRank(v);
                break;
            case Normalization.Bands:
                return Band(v);
            default:
                score = v > 0d ? 1d : 0d;
                break;
        }

        score = Math.Clamp(score, 0d, 1d);
        return _criterion.HigherIsBetter ? score : 1d - score;
    }

    /// <summary>Adds weight × normalized value of every account (missing ones by the missing-value policy) to <paramref name="score"/>.</summary>
    public void AddWeighted(double[] values, bool[]? missing, double weight, double[] score)
    {
        if (missing is not null)
        {
            var imputed = _criterion.Missing == MissingValuePolicy.Impute && _criterion.ImputedValue is { } iv ? weight * Normalize(iv) : 0d;
            for (var i = 0; i < values.Length; i++)
            {
                score[i] += missing[i] ? imputed : weight * Normalize(values[i]);
            }

            return;
        }

        var higher = _criterion.HigherIsBetter;
        switch (_criterion.Normalization)
        {
            case Normalization.MinMax when _max > _min:
            {
                var scale = weight / (_max - _min);
                var min = _min;
                for (var i = 0; i < values.Length; i++)
                {
                    var x = (values[i] - min) * scale;
                    score[i] += higher ? x : weight - x;
                }

                break;
            }

            case Normalization.ZScore when _sd > 0d:
            {
                var inv = 1d / _sd;
                var mean = _mean;
                for (var i = 0; i < values.Length; i++)
                {
                    var x = weight * (Math.Clamp((values[i] - mean) * inv, -3d, 3d) + 3d) / 6d;
                    score[i] += higher ? x : weight - x;
                }

                break;
            }

            case Normalization.YesNo:
            {
                var yes = higher ? weight : 0d;
                var no = higher ? 0d : weight;
                for (var i = 0; i < values.Length; i++)
                {
                    score[i] += values[i] > 0d ? yes : no;
                }

                break;
            }

            default:
                for (var i = 0; i < values.Length; i++)
                {
                    score[i] += weight * Normalize(values[i]);
                }

                break;
        }
    }

    private double Band(double v)
    {
        var score = 0d;
        for (var b = 0; b < _bandFrom.Length && v >= _bandFrom[b]; b++)
        {
            score = _bandScore[b];
        }

        return score;
    }

    private double PercentileRank(double v)
    {
        var sorted = _sorted!;
        if (sorted.Length <= 1)
        {
            return 0.5;
        }

        var below = LowerBound(sorted, v);
        var upTo = LowerBound(sorted, Math.BitIncrement(v));
        var equal = upTo - below;
        var midRank = equal > 0 ? below + ((equal - 1) / 2d) : below - 0.5;
        return Math.Clamp(midRank / (sorted.Length - 1), 0d, 1d);
    }

    private static int LowerBound(double[] sorted, double v)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < v)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
