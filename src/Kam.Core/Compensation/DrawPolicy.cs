namespace Kam.Core.Compensation;

/// <summary>
/// A draw against commission: each month the payee gets at least <see cref="Monthly"/> of commission. A recoverable
/// draw is an advance, recovered from later commission above the draw; a non-recoverable draw is a guarantee.
/// </summary>
/// <remarks>Immutable and valid from construction; the plan that holds it checks the draw's currency.</remarks>
public sealed class DrawPolicy
{
    /// <summary>Creates a draw.</summary>
    /// <param name="monthly">The monthly draw; not negative.</param>
    /// <param name="recoverable">Whether the top-ups are recovered from later commission (within the year; what is left is carried on the year-end statement).</param>
    /// <exception cref="KamValidationException">The monthly draw is negative.</exception>
    public DrawPolicy(Money monthly, bool recoverable)
        : this(monthly, recoverable, validate: true)
    {
    }

    private DrawPolicy(Money monthly, bool recoverable, bool validate)
    {
        if (validate)
        {
            var errors = new ValidationCollector();
            errors.NotNegative("monthly", monthly.Amount);
            errors.ThrowIfAny();
        }

        Monthly = monthly;
        Recoverable = recoverable;
    }

    /// <summary>Gets the monthly draw.</summary>
    public Money Monthly { get; }

    /// <summary>Gets a value indicating whether the top-ups are recovered from later commission.</summary>
    public bool Recoverable { get; }

    /// <summary>Builds a draw as read from a file, unvalidated: the plan that holds it validates it with full paths.</summary>
    internal static DrawPolicy Unchecked(Money monthly, bool recoverable) => new(monthly, recoverable, validate: false);
}
