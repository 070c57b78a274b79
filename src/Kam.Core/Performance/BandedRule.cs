using System.Globalization;

namespace Kam.Core.Performance;

/// <summary>One band of a <see cref="BandedRule"/>: actuals from <see cref="From"/> up to the next band's start score <see cref="Score"/>.</summary>
/// <remarks>
/// Immutable. Every start and every (non-negative) <see cref="Ratio"/> make a valid band; the <see cref="BandedRule"/>
/// that holds the bands checks their order.
/// </remarks>
public sealed class ScoreBand
{
    /// <summary>Creates a band.</summary>
    /// <param name="from">The smallest actual in the band (inclusive).</param>
    /// <param name="score">The score of every actual in the band.</param>
    public ScoreBand(decimal from, Ratio score)
    {
        From = from;
        Score = score;
    }

    /// <summary>Gets the smallest actual in the band (inclusive).</summary>
    public decimal From { get; }

    /// <summary>Gets the score of every actual in the band.</summary>
    public Ratio Score { get; }
}

/// <summary>Scores an actual by the band it falls in (for example a 1-5 review rating: 4 or more scores 100%).</summary>
/// <remarks>
/// Bands are ordered by strictly increasing <see cref="ScoreBand.From"/>; an actual below the first band scores 0%.
/// Immutable and thread-safe.
/// </remarks>
public sealed class BandedRule : ScoringRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="bands">The bands, in increasing order of their start; copied.</param>
    /// <exception cref="KamValidationException">There are no bands or they are not in strictly increasing order.</exception>
    public BandedRule(IEnumerable<ScoreBand> bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        var copy = bands.ToArray();
        var errors = new ValidationCollector();
        if (copy.Length == 0)
        {
            errors.Add(nameof(bands), KamErrorCodes.Empty, null, "A banded rule needs at least one band.");
        }

        for (var i = 0; i < copy.Length; i++)
        {
            if (copy[i] is null)
            {
                errors.Add($"bands[{i}]", KamErrorCodes.Required, null, "A band is required.");
            }
            else if (i > 0 && copy[i - 1] is { } previous && copy[i].From <= previous.From)
            {
                errors.Add($"bands[{i}].from", KamErrorCodes.OutOfOrder, copy[i].From, "Bands must start at strictly increasing values.");
            }
        }

        errors.ThrowIfAny();
        Bands = copy;
    }

    /// <summary>Gets the bands, in increasing order.</summary>
    public IReadOnlyList<ScoreBand> Bands { get; }

    /// <inheritdoc />
    public override string Description =>
        "banded: " + string.Join("; ", Bands.Select(b => string.Create(CultureInfo.InvariantCulture, $"≥{DecimalText.Normalize(b.From)} → {b.Score}")));

    /// <inheritdoc />
    internal override IndicatorScore Score(IndicatorActual actual, string path)
    {
        var value = RequireValue(actual, path);
        var score = Ratio.Zero;
        foreach (var band in Bands)
        {
            if (value < band.From)
            {
                break;
            }

            score = band.Score;
        }

        return new IndicatorScore(score, null);
    }
}
