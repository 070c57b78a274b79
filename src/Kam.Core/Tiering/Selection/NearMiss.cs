namespace Kam.Core.Tiering;

/// <summary>An account that was not selected as a key account although it ranks near the line, and why.</summary>
/// <remarks>Immutable; equality is structural (the list by reference).</remarks>
/// <param name="AccountId">The account.</param>
/// <param name="Value">Its value measure.</param>
/// <param name="Rank">Its rank by value among all accounts (1 = highest).</param>
/// <param name="Reason">Why it was not selected, in words.</param>
/// <param name="FailedGates">The measures of the gates it failed; empty when only capacity or value kept it out.</param>
public sealed record NearMiss(AccountId AccountId, double Value, int Rank, string Reason, IReadOnlyList<string> FailedGates);
