namespace Kam.Core.Tiering;

/// <summary>
/// The outcome of a gate for one account: a criterion that, when failed, caps the account's tier (for example
/// "credit risk blocks key-account status", SPEC.md §2).
/// </summary>
/// <remarks>Immutable; equality is structural.</remarks>
/// <param name="Criterion">The gate's criterion name, as the policy spells it.</param>
/// <param name="Value">The account's value of the gated measure, or <see langword="null"/> when it was missing.</param>
/// <param name="Passed">Whether the account passed the gate.</param>
/// <param name="CapTier">The best tier an account that fails the gate may reach.</param>
/// <param name="Applied">Whether the cap actually lowered this account's tier.</param>
public sealed record GateCheck(string Criterion, double? Value, bool Passed, string CapTier, bool Applied);
