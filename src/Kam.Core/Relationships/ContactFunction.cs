namespace Kam.Core.Relationships;

/// <summary>
/// The function a contact works in (rule book: accounts, the customer's people on three dimensions): the user,
/// technical or purchasing function, or another one the host names (finance, legal, quality…).
/// </summary>
/// <remarks>
/// A value: two functions are equal when their names are equal (ordinal). The default value has an empty
/// <see cref="Name"/> and is refused wherever a function is required.
/// </remarks>
public readonly record struct ContactFunction
{
    private readonly string? _name;

    /// <summary>Creates a function, one of the three or a host-defined one.</summary>
    /// <param name="name">The function's name; not blank, not padded, at most 100 characters.</param>
    /// <exception cref="KamValidationException">The name is blank, padded or too long (path <c>function</c>).</exception>
    public ContactFunction(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100 || char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[^1]))
        {
            throw new KamValidationException("function", KamErrorCodes.InvalidFormat, name, "A function is a name of 1 to 100 characters, not blank and not padded.");
        }

        _name = name;
    }

    /// <summary>Gets the user function: the people who use what is bought.</summary>
    public static ContactFunction User { get; } = new("user");

    /// <summary>Gets the technical function: engineers and specialists.</summary>
    public static ContactFunction Technical { get; } = new("technical");

    /// <summary>Gets the purchasing function.</summary>
    public static ContactFunction Purchasing { get; } = new("purchasing");

    /// <summary>Gets the function's name; empty for the default value.</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>Returns the function's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
