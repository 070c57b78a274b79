namespace Kam.Core.Portfolio.Staffing;

/// <summary>A key-account manager there is, with a quality factor: how much of a standard manager's contact hours the manager's work is worth.</summary>
/// <remarks>Immutable and valid from construction.</remarks>
public sealed class StaffingManager
{
    /// <summary>Creates a manager.</summary>
    /// <param name="person">The person.</param>
    /// <param name="quality">The quality factor, above 0 and at most 3; default 1 (0.8: a new manager does four fifths of a standard manager's work; 1.2: an experienced one a fifth more).</param>
    /// <exception cref="KamValidationException">The identifier is the default value or the quality is out of range; every problem is reported.</exception>
    public StaffingManager(PersonId person, decimal quality = 1m)
    {
        var errors = new ValidationCollector();
        Accounts.Checks.Identifier(errors, "person", person.Value);
        if (quality <= 0m || quality > 3m)
        {
            errors.Add("quality", KamErrorCodes.OutOfRange, quality, "A quality factor is above 0 and at most 3 (1 for a standard manager).");
        }

        errors.ThrowIfAny();
        Person = person;
        Quality = quality;
    }

    /// <summary>Gets the person.</summary>
    public PersonId Person { get; }

    /// <summary>Gets the quality factor.</summary>
    public decimal Quality { get; }
}
