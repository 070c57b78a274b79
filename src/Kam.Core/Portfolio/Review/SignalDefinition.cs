namespace Kam.Core.Portfolio.Review;

/// <summary>
/// A named per-account value an account review extracts from one part (<c>health.trend</c>: the change of the
/// relationship health index, from <see cref="ReviewPart.Health"/>, field <c>AccountHealth.Trend</c>): what rules test
/// and reasons print.
/// </summary>
/// <remarks>Immutable. Names are compared ordinally (case matters).</remarks>
public sealed class SignalDefinition
{
    /// <summary>Creates a signal definition (a host's own signals; the built-in ones are in <see cref="SignalCatalog.BuiltIn"/>).</summary>
    /// <param name="name">The name rules use: 1 to 64 characters, letters, digits, '.', '_' or '-', starting with a letter.</param>
    /// <param name="unit">What the number measures.</param>
    /// <param name="part">The part it comes from.</param>
    /// <param name="field">The field of the part it is read from (for reasons), not blank.</param>
    /// <param name="description">What it means, not blank.</param>
    /// <exception cref="KamValidationException">A text is blank, the name malformed or an enum value unknown; every problem is reported.</exception>
    public SignalDefinition(string name, SignalUnit unit, ReviewPart part, string field, string description)
    {
        var errors = new ValidationCollector();
        if (errors.Required("name", name) && !IsWellFormed(name))
        {
            errors.Add("name", KamErrorCodes.InvalidFormat, name, "A signal name is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter.");
        }

        if (!Enum.IsDefined(unit))
        {
            errors.Add("unit", KamErrorCodes.Unknown, (int)unit, "Not a signal unit.");
        }

        if (!Enum.IsDefined(part))
        {
            errors.Add("part", KamErrorCodes.Unknown, (int)part, "Not a review part.");
        }

        errors.Required("field", field);
        errors.Required("description", description);
        errors.ThrowIfAny();
        Name = name;
        Unit = unit;
        Part = part;
        Field = field;
        Description = description;
    }

    /// <summary>Gets the name rules use.</summary>
    public string Name { get; }

    /// <summary>Gets what the number measures.</summary>
    public SignalUnit Unit { get; }

    /// <summary>Gets the part it comes from.</summary>
    public ReviewPart Part { get; }

    /// <summary>Gets the field of the part it is read from.</summary>
    public string Field { get; }

    /// <summary>Gets what it means.</summary>
    public string Description { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Part}.{Field})";

    internal static bool IsWellFormed(string name)
    {
        if (name.Length > 64 || !char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
