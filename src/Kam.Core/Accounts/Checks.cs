namespace Kam.Core.Accounts;

/// <summary>The small checks the Accounts types share.</summary>
internal static class Checks
{
    /// <summary>Reports an identifier that is the default (empty) value.</summary>
    /// <param name="errors">Where problems go.</param>
    /// <param name="path">The member's path.</param>
    /// <param name="value">The identifier's text.</param>
    /// <returns><see langword="true"/> when the identifier is set.</returns>
    public static bool Identifier(ValidationCollector errors, string path, string value)
    {
        if (value.Length > 0)
        {
            return true;
        }

        errors.Add(path, KamErrorCodes.Required, null, "An identifier is required (the default value has none).");
        return false;
    }

    /// <summary>Reports an enum value that is not defined.</summary>
    /// <typeparam name="T">The enum type.</typeparam>
    /// <param name="errors">Where problems go.</param>
    /// <param name="path">The member's path.</param>
    /// <param name="value">The value.</param>
    public static void Defined<T>(ValidationCollector errors, string path, T value)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            errors.Add(path, KamErrorCodes.OutOfRange, value, $"Not a defined {typeof(T).Name} value.");
        }
    }
}
