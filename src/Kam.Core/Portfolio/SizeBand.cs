using System.Globalization;

namespace Kam.Core.Portfolio;

/// <summary>
/// One size band of opportunities by value: from an amount (inclusive) up to the next band's start (exclusive), or
/// without an upper end for the last band. The bands of a <see cref="WinLossOptions"/> start at 0 and follow each other
/// without gap or overlap.
/// </summary>
/// <remarks>Immutable; validated when built. Amounts are in the analyzer's currency.</remarks>
public sealed class SizeBand
{
    /// <summary>Creates a band.</summary>
    /// <param name="name">The band's name (<c>small</c>); not blank.</param>
    /// <param name="from">The smallest value in the band; not negative.</param>
    /// <param name="to">The first value above the band, greater than <paramref name="from"/>; null for no upper end.</param>
    /// <exception cref="KamValidationException">The name is blank, <paramref name="from"/> is negative or <paramref name="to"/> is not above it.</exception>
    public SizeBand(string name, decimal from, decimal? to = null)
    {
        var errors = new ValidationCollector();
        errors.Required("name", name);
        errors.NotNegative("from", from);
        if (to is { } upper && upper <= from)
        {
            errors.Add("to", KamErrorCodes.OutOfRange, upper.ToString(CultureInfo.InvariantCulture), $"A band ends above its start ({from.ToString(CultureInfo.InvariantCulture)}).");
        }

        errors.ThrowIfAny();
        Name = name;
        From = from;
        To = to;
    }

    /// <summary>Gets the band's name.</summary>
    public string Name { get; }

    /// <summary>Gets the smallest value in the band.</summary>
    public decimal From { get; }

    /// <summary>Gets the first value above the band, or null when the band has no upper end.</summary>
    public decimal? To { get; }

    /// <summary>Tells whether a value lies in the band.</summary>
    /// <param name="value">The amount.</param>
    /// <returns><see langword="true"/> when <see cref="From"/> ≤ value &lt; <see cref="To"/>.</returns>
    public bool Contains(decimal value) => value >= From && (To is not { } to || value < to);

    /// <summary>Renders the band as <c>name [from, to)</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name} [{From}, {(To is { } to ? to.ToString(CultureInfo.InvariantCulture) : "∞")})");

    internal bool SameAs(SizeBand other) => string.Equals(Name, other.Name, StringComparison.Ordinal) && From == other.From && To == other.To;
}
