using System.Globalization;

namespace Kam.Core.Portfolio.Receivables;

/// <summary>One ageing bucket: open amounts between <see cref="FromDays"/> and <see cref="ToDays"/> days past due (inclusive).</summary>
/// <remarks>An invoice not yet due counts as 0 days past due, so it falls in the first bucket. Immutable.</remarks>
public sealed class AgeingBucket
{
    internal AgeingBucket(int fromDays, int? toDays)
    {
        FromDays = fromDays;
        ToDays = toDays;
        Label = toDays is { } to
            ? string.Create(CultureInfo.InvariantCulture, $"{fromDays}-{to}")
            : string.Create(CultureInfo.InvariantCulture, $"{fromDays - 1}+");
    }

    /// <summary>Gets the fewest days past due in the bucket.</summary>
    public int FromDays { get; }

    /// <summary>Gets the most days past due in the bucket, or <see langword="null"/> for the last, open-ended bucket.</summary>
    public int? ToDays { get; }

    /// <summary>Gets the bucket's label: <c>0-30</c>, <c>31-60</c>, ..., and <c>90+</c> for the last (more than 90 days).</summary>
    public string Label { get; }

    /// <summary>Returns the label.</summary>
    /// <returns>The label.</returns>
    public override string ToString() => Label;
}
