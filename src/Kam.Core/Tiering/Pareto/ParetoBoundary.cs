namespace Kam.Core.Tiering.Pareto;

/// <summary>
/// The first account outside one Pareto cut, in the ranking "value descending, then account identifier ascending":
/// an account ranked before it is inside the cut. When <see cref="Everyone"/> is set, every account with positive
/// value is inside.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed class ParetoBoundary
{
    /// <summary>Creates a boundary.</summary>
    /// <param name="everyone">Whether no account is outside the cut.</param>
    /// <param name="value">The boundary account's value.</param>
    /// <param name="accountId">The boundary account.</param>
    internal ParetoBoundary(bool everyone, double value, AccountId accountId)
    {
        Everyone = everyone;
        Value = value;
        AccountId = accountId;
    }

    /// <summary>Gets a value indicating whether no account is outside the cut.</summary>
    public bool Everyone { get; }

    /// <summary>Gets the boundary account's value.</summary>
    public double Value { get; }

    /// <summary>Gets the boundary account.</summary>
    public AccountId AccountId { get; }
}
