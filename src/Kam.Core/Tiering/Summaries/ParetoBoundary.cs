namespace Kam.Core.Tiering;

/// <summary>
/// The first account outside one Pareto cut, in the ranking "value descending, then account identifier ascending":
/// an account ranked before it is inside the cut. When <see cref="Everyone"/> is set, every account with positive
/// value is inside.
/// </summary>
/// <remarks>Immutable; equality is structural.</remarks>
/// <param name="Everyone">Whether no account is outside the cut.</param>
/// <param name="Value">The boundary account's value.</param>
/// <param name="AccountId">The boundary account.</param>
public readonly record struct ParetoBoundary(bool Everyone, double Value, AccountId AccountId);
