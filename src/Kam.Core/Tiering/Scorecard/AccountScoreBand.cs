namespace Kam.Core.Tiering.Scorecard;

/// <summary>One band of a banded account-scorecard criterion: values from <see cref="From"/> upwards (to the next band) score <see cref="Score"/>.</summary>
/// <remarks>Immutable and valid from construction.</remarks>
public sealed class AccountScoreBand
{
    /// <summary>Creates a band.</summary>
    /// <param name="from">The band's inclusive lower bound; finite.</param>
    /// <param name="score">The score of values in the band, 0 to 1.</param>
    /// <exception cref="KamValidationException">A value is out of range; every problem is reported.</exception>
    public AccountScoreBand(double from, double score)
        : this(from, score, validate: true)
    {
    }

    private AccountScoreBand(double from, double score, bool validate)
    {
        From = from;
        Score = score;
        if (validate)
        {
            var errors = new ValidationCollector();
            errors.FiniteInRange("score", score, 0d, 1d);
            errors.FiniteInRange("from", from);
            errors.ThrowIfAny();
        }
    }

    /// <summary>Gets the band's inclusive lower bound.</summary>
    public double From { get; }

    /// <summary>Gets the score of values in the band.</summary>
    public double Score { get; }

    /// <summary>Builds a band as read from a file, unvalidated: the policy that holds it validates it with full paths.</summary>
    internal static AccountScoreBand Unchecked(double from, double score) => new(from, score, validate: false);
}
