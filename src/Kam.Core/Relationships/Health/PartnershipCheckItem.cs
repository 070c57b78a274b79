namespace Kam.Core.Relationships.Health;

/// <summary>One item of the periodic partnership check: its identifier, level, wording and weight.</summary>
/// <remarks>Immutable and valid from construction.</remarks>
public sealed class PartnershipCheckItem
{
    /// <summary>Creates an item.</summary>
    /// <param name="id">The item's identifier (ordinal), used by the check results; not blank.</param>
    /// <param name="level">The level the item checks.</param>
    /// <param name="text">What is checked; not blank.</param>
    /// <param name="weight">The item's weight within its check, above 0 and at most 100; default 1.</param>
    /// <exception cref="KamValidationException">The identifier or text is blank, the level undefined, or the weight out of range.</exception>
    public PartnershipCheckItem(string id, PartnershipLevel level, string text, decimal weight = 1m)
    {
        var errors = new ValidationCollector();
        errors.Required("id", id);
        Accounts.Checks.Defined(errors, "level", level);
        errors.Required("text", text);
        if (weight <= 0m || weight > 100m)
        {
            errors.Add("weight", KamErrorCodes.OutOfRange, weight, "An item's weight is above 0 and at most 100.");
        }

        errors.ThrowIfAny();
        Id = id;
        Level = level;
        Text = text;
        Weight = weight;
    }

    /// <summary>Gets the item's identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the level the item checks.</summary>
    public PartnershipLevel Level { get; }

    /// <summary>Gets what is checked.</summary>
    public string Text { get; }

    /// <summary>Gets the item's weight within its check.</summary>
    public decimal Weight { get; }
}
