namespace Kam.Core.Tiering.Rfm;

/// <summary>
/// One named segment of an RFM segment map: the ranges of recency, frequency and monetary scores (inclusive) that place
/// an account in it. The first segment of the map whose three ranges all hold wins.
/// </summary>
/// <remarks>Immutable and valid from construction; the policy checks the ranges against its number of quantiles.</remarks>
public sealed class RfmSegment
{
    /// <summary>Creates a segment.</summary>
    /// <param name="tier">The segment as a tier: name, meaning and services.</param>
    /// <param name="recencyMin">The lowest recency score admitted.</param>
    /// <param name="recencyMax">The highest recency score admitted.</param>
    /// <param name="frequencyMin">The lowest frequency score admitted.</param>
    /// <param name="frequencyMax">The highest frequency score admitted.</param>
    /// <param name="monetaryMin">The lowest monetary score admitted.</param>
    /// <param name="monetaryMax">The highest monetary score admitted.</param>
    /// <exception cref="KamValidationException">The tier is missing, a score is outside 1…10, or a maximum is below its minimum.</exception>
    public RfmSegment(TierDefinition tier, int recencyMin, int recencyMax, int frequencyMin, int frequencyMax, int monetaryMin, int monetaryMax)
        : this(tier, recencyMin, recencyMax, frequencyMin, frequencyMax, monetaryMin, monetaryMax, validate: true)
    {
    }

    private RfmSegment(TierDefinition tier, int recencyMin, int recencyMax, int frequencyMin, int frequencyMax, int monetaryMin, int monetaryMax, bool validate)
    {
        Tier = tier;
        RecencyMin = recencyMin;
        RecencyMax = recencyMax;
        FrequencyMin = frequencyMin;
        FrequencyMax = frequencyMax;
        MonetaryMin = monetaryMin;
        MonetaryMax = monetaryMax;
        if (validate)
        {
            var errors = new ValidationCollector();
            errors.Required("tier", Tier);
            Validate(errors, string.Empty, RfmPolicy.MaxQuantiles);
            errors.ThrowIfAny();
        }
    }

    /// <summary>Gets the segment as a tier.</summary>
    public TierDefinition Tier { get; }

    /// <summary>Gets the lowest recency score admitted.</summary>
    public int RecencyMin { get; }

    /// <summary>Gets the highest recency score admitted.</summary>
    public int RecencyMax { get; }

    /// <summary>Gets the lowest frequency score admitted.</summary>
    public int FrequencyMin { get; }

    /// <summary>Gets the highest frequency score admitted.</summary>
    public int FrequencyMax { get; }

    /// <summary>Gets the lowest monetary score admitted.</summary>
    public int MonetaryMin { get; }

    /// <summary>Gets the highest monetary score admitted.</summary>
    public int MonetaryMax { get; }

    /// <summary>Builds a segment as read from a file, unvalidated: the policy that holds it validates it with full paths.</summary>
    internal static RfmSegment Unchecked(TierDefinition tier, int recencyMin, int recencyMax, int frequencyMin, int frequencyMax, int monetaryMin, int monetaryMax) =>
        new(tier, recencyMin, recencyMax, frequencyMin, frequencyMax, monetaryMin, monetaryMax, validate: false);

    internal bool Matches(int r, int f, int m) =>
        r >= RecencyMin && r <= RecencyMax && f >= FrequencyMin && f <= FrequencyMax && m >= MonetaryMin && m <= MonetaryMax;

    /// <summary>Checks the segment's score ranges (1…<paramref name="quantiles"/>) under <paramref name="path"/>.</summary>
    internal void Validate(ValidationCollector errors, string path, int quantiles)
    {
        CheckRange(errors, Paths.Member(path, "recency"), RecencyMin, RecencyMax, quantiles);
        CheckRange(errors, Paths.Member(path, "frequency"), FrequencyMin, FrequencyMax, quantiles);
        CheckRange(errors, Paths.Member(path, "monetary"), MonetaryMin, MonetaryMax, quantiles);
    }

    private static void CheckRange(ValidationCollector errors, string path, int min, int max, int quantiles)
    {
        errors.InRange($"{path}Min", min, 1, quantiles);
        errors.InRange($"{path}Max", max, 1, quantiles);
        if (min > max)
        {
            errors.Add($"{path}Max", KamErrorCodes.OutOfOrder, max, "The maximum score must not be below the minimum.");
        }
    }
}
