using System.Collections.ObjectModel;
using System.Globalization;
using NodaTime;

namespace Kam.Core.Portfolio;

/// <summary>
/// The rules of the win/loss analysis: the host's reason list, the size bands of opportunity value, the length of
/// the periods of the trend and the time zone in which a closing instant becomes a date.
/// </summary>
/// <remarks>Immutable; validated when built. <see cref="Default"/>: the default reason list, bands small (below 100,000), medium (below 1,000,000) and large, quarters, UTC.</remarks>
public sealed class WinLossOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="reasons">The reason list; null for <see cref="CloseReasonCatalog.Default"/>.</param>
    /// <param name="sizeBands">The size bands (copied), in increasing order, the first starting at 0, each starting where the one before ends, only the last open-ended; null for the defaults.</param>
    /// <param name="period">The length of the trend's periods.</param>
    /// <param name="timeZone">The zone in which a closing or opening instant becomes a date; null for UTC.</param>
    /// <exception cref="KamValidationException">The bands are empty, overlap, leave a gap, are out of order or share a name, or the period is not defined.</exception>
    public WinLossOptions(CloseReasonCatalog? reasons = null, IReadOnlyList<SizeBand>? sizeBands = null, PeriodKind period = PeriodKind.Quarter, DateTimeZone? timeZone = null)
    {
        var errors = new ValidationCollector();
        var bands = sizeBands?.ToArray() ?? DefaultBands();
        CheckBands(errors, bands);
        if (!Enum.IsDefined(period))
        {
            errors.Add("period", KamErrorCodes.OutOfRange, period, "Not a period length: Month, Quarter, Half or Year.");
        }

        errors.ThrowIfAny();
        Reasons = reasons ?? CloseReasonCatalog.Default;
        SizeBands = new ReadOnlyCollection<SizeBand>(bands);
        Period = period;
        TimeZone = timeZone ?? DateTimeZone.Utc;
    }

    /// <summary>Gets the default options.</summary>
    public static WinLossOptions Default { get; } = new();

    /// <summary>Gets the reason list.</summary>
    public CloseReasonCatalog Reasons { get; }

    /// <summary>Gets the size bands, in increasing order.</summary>
    public IReadOnlyList<SizeBand> SizeBands { get; }

    /// <summary>Gets the length of the trend's periods.</summary>
    public PeriodKind Period { get; }

    /// <summary>Gets the zone in which instants become dates.</summary>
    public DateTimeZone TimeZone { get; }

    /// <summary>Reads options from JSON: <c>{ "reasons": { "reasons": [ … ] }, "sizeBands": [ { "name": "small", "from": 0, "to": 100000 } ], "period": "Quarter", "timeZone": "Asia/Shanghai" }</c>; every member is optional.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The options.</returns>
    /// <exception cref="KamValidationException">The text is not valid options; paths are JSON paths (<c>$.sizeBands[1].from</c>).</exception>
    public static WinLossOptions FromJson(string json) => Serialization.PortfolioJson.ReadWinLossOptions(json);

    /// <summary>Writes the options as JSON that <see cref="FromJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => Serialization.PortfolioJson.Write(this);

    /// <summary>Finds the index of the band a value lies in.</summary>
    internal int BandOf(decimal value)
    {
        for (var i = SizeBands.Count - 1; i >= 0; i--)
        {
            if (value >= SizeBands[i].From)
            {
                return SizeBands[i].Contains(value) ? i : -1;
            }
        }

        return -1;
    }

    /// <summary>Tells whether two option sets give the same analysis (bands, period, zone, reason codes and their outcomes and causes).</summary>
    internal bool SameRules(WinLossOptions other) =>
        ReferenceEquals(this, other)
        || (Period == other.Period && TimeZone.Equals(other.TimeZone)
            && SizeBands.Count == other.SizeBands.Count && SizeBands.Zip(other.SizeBands).All(p => p.First.SameAs(p.Second))
            && Reasons.Reasons.Count == other.Reasons.Reasons.Count
            && Reasons.Reasons.Zip(other.Reasons.Reasons).All(p => p.First.Code == p.Second.Code && p.First.Outcome == p.Second.Outcome && p.First.Cause == p.Second.Cause));

    private static SizeBand[] DefaultBands() => [new("small", 0m, 100_000m), new("medium", 100_000m, 1_000_000m), new("large", 1_000_000m)];

    private static void CheckBands(ValidationCollector errors, SizeBand[] bands)
    {
        if (bands.Length == 0)
        {
            errors.Add("sizeBands", KamErrorCodes.Empty, null, "At least one size band is needed.");
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < bands.Length; i++)
        {
            var band = bands[i];
            var path = string.Create(CultureInfo.InvariantCulture, $"sizeBands[{i}]");
            if (band is null)
            {
                errors.Add(path, KamErrorCodes.Required, null, "A band is required.");
                continue;
            }

            if (!names.Add(band.Name))
            {
                errors.Add(path + ".name", KamErrorCodes.Duplicate, band.Name, "Another band has this name.");
            }

            var from = band.From.ToString(CultureInfo.InvariantCulture);
            if (i == 0)
            {
                if (band.From != 0m)
                {
                    errors.Add(path + ".from", KamErrorCodes.OutOfRange, from, "The first band starts at 0, so that every value has a band.");
                }

                continue;
            }

            var previous = bands[i - 1];
            if (previous is null)
            {
                continue;
            }

            if (previous.To is not { } end)
            {
                errors.Add(path, KamErrorCodes.OutOfOrder, band.Name, $"The band before ('{previous.Name}') has no upper end, so only the last band may be open-ended.");
            }
            else if (band.From < previous.From)
            {
                errors.Add(path + ".from", KamErrorCodes.OutOfOrder, from, "The bands are listed in increasing order.");
            }
            else if (band.From < end)
            {
                errors.Add(path + ".from", KamErrorCodes.OutOfRange, from, $"This band overlaps the one before, which ends at {end.ToString(CultureInfo.InvariantCulture)}.");
            }
            else if (band.From > end)
            {
                errors.Add(path + ".from", KamErrorCodes.OutOfRange, from, $"This band leaves a gap after the one before, which ends at {end.ToString(CultureInfo.InvariantCulture)}.");
            }
        }
    }
}
