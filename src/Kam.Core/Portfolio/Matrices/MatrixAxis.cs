using System.Globalization;

namespace Kam.Core.Portfolio.Matrices;

/// <summary>
/// One axis of a <see cref="PortfolioMatrix"/>: what is measured, the range a value may take, and the thresholds that
/// cut the range into bands (one threshold: low and high; two: low, medium and high; three: four bands).
/// </summary>
/// <remarks>
/// <para>
/// A value falls in the band of the number of thresholds at or below it: a value <b>exactly on a threshold falls in the
/// band above it</b> (with a threshold of 5, the score 5 is high). The range is inclusive at both ends; an open end
/// (<see langword="null"/>) takes any value. Every threshold lies strictly inside the range, so that no band is empty.
/// </para>
/// <para>Immutable and valid from construction; every problem is reported at once, with paths relative to the axis (<c>thresholds[1]</c>).</para>
/// </remarks>
public sealed class MatrixAxis
{
    /// <summary>Creates an axis.</summary>
    /// <param name="name">What the axis measures (<c>attractiveness</c>, <c>current value</c>); not blank.</param>
    /// <param name="thresholds">1 to 3 thresholds, strictly increasing, strictly inside the range (copied).</param>
    /// <param name="min">The smallest value allowed, or <see langword="null"/> for no lower end.</param>
    /// <param name="max">The largest value allowed, or <see langword="null"/> for no upper end; above <paramref name="min"/>.</param>
    /// <param name="description">What the axis means and where its values come from, for people; optional.</param>
    /// <exception cref="KamValidationException">The axis is invalid (a threshold outside the range or out of order, no thresholds, a range with max not above min); every problem is reported.</exception>
    public MatrixAxis(string name, IReadOnlyList<decimal> thresholds, decimal? min = null, decimal? max = null, string? description = null)
    {
        var errors = new ValidationCollector();
        var cuts = Check(errors, string.Empty, name, thresholds, min, max);
        errors.ThrowIfAny();
        Name = name;
        Thresholds = Array.AsReadOnly(cuts);
        Min = min;
        Max = max;
        Description = string.IsNullOrWhiteSpace(description) ? null : description;
    }

    /// <summary>Gets what the axis measures.</summary>
    public string Name { get; }

    /// <summary>Gets the thresholds, increasing.</summary>
    public IReadOnlyList<decimal> Thresholds { get; }

    /// <summary>Gets the smallest value allowed, or <see langword="null"/>.</summary>
    public decimal? Min { get; }

    /// <summary>Gets the largest value allowed, or <see langword="null"/>.</summary>
    public decimal? Max { get; }

    /// <summary>Gets what the axis means, or <see langword="null"/>.</summary>
    public string? Description { get; }

    /// <summary>Gets the number of bands: one more than the thresholds.</summary>
    public int BandCount => Thresholds.Count + 1;

    /// <summary>Gets the band of a value: the number of thresholds at or below it (0 = the lowest band).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The band, 0 to <see cref="BandCount"/> − 1.</returns>
    public int BandOf(decimal value)
    {
        var band = 0;
        while (band < Thresholds.Count && value >= Thresholds[band])
        {
            band++;
        }

        return band;
    }

    /// <summary>Gets the name of a band: <c>low</c>/<c>high</c> for two bands, <c>low</c>/<c>medium</c>/<c>high</c> for three, <c>low</c>/<c>medium-low</c>/<c>medium-high</c>/<c>high</c> for four.</summary>
    /// <param name="band">The band.</param>
    /// <returns>The name.</returns>
    public string BandName(int band) => (BandCount, band) switch
    {
        (_, 0) => "low",
        (var n, var b) when b == n - 1 => "high",
        (3, _) => "medium",
        (_, 1) => "medium-low",
        _ => "medium-high",
    };

    /// <summary>Tells whether a value lies in the axis's range.</summary>
    internal bool InRange(decimal value) => (Min is not { } lo || value >= lo) && (Max is not { } hi || value <= hi);

    /// <summary>Tells whether two axes cut alike (same thresholds and range).</summary>
    internal bool SameCuts(MatrixAxis other) => Min == other.Min && Max == other.Max && Thresholds.SequenceEqual(other.Thresholds);

    /// <summary>Describes where a value falls, for a placement's reason (<c>attractiveness 7 is at or above 5: high</c>).</summary>
    internal string Explain(decimal value, string? source)
    {
        var band = BandOf(value);
        var what = source is null ? Name : $"{Name} ({source})";
        var text = band < Thresholds.Count
            ? $"{what} {Number(value)} is below {Number(Thresholds[band])}"
            : $"{what} {Number(value)} is at or above {Number(Thresholds[band - 1])}";
        return $"{text}: {BandName(band)}";
    }

    internal static string Number(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);

    /// <summary>Checks an axis's members, reporting under <paramref name="prefix"/>; returns the thresholds copied.</summary>
    internal static decimal[] Check(ValidationCollector errors, string prefix, string? name, IReadOnlyList<decimal>? thresholds, decimal? min, decimal? max)
    {
        errors.Required(prefix + "name", name);
        var cuts = thresholds?.ToArray() ?? [];
        if (cuts.Length is < 1 or > 3)
        {
            errors.Add(prefix + "thresholds", KamErrorCodes.OutOfRange, cuts.Length, "Give 1 to 3 thresholds (2 to 4 bands).");
        }

        var rangeOk = true;
        if (min is { } lo && max is { } hi && hi <= lo)
        {
            errors.Add(prefix + "max", KamErrorCodes.OutOfOrder, hi, string.Create(CultureInfo.InvariantCulture, $"The axis's max must be above its min ({lo})."));
            rangeOk = false;
        }

        for (var i = 0; i < cuts.Length; i++)
        {
            var path = $"{prefix}thresholds[{i}]";
            if (rangeOk && ((min is { } a && cuts[i] <= a) || (max is { } b && cuts[i] >= b)))
            {
                errors.Add(path, KamErrorCodes.OutOfRange, cuts[i], string.Create(CultureInfo.InvariantCulture, $"A threshold must lie strictly inside the axis's range ({Bound(min)} to {Bound(max)})."));
            }
            else if (i > 0 && cuts[i] <= cuts[i - 1])
            {
                errors.Add(path, KamErrorCodes.OutOfOrder, cuts[i], string.Create(CultureInfo.InvariantCulture, $"Thresholds must be strictly increasing; this one is not above {cuts[i - 1]}."));
            }
        }

        return cuts;
    }

    private static string Bound(decimal? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "open";
}
