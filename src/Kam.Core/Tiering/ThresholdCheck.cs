namespace Kam.Core.Tiering;

/// <summary>
/// One threshold of a policy compared with an account's value: which quantity, the account's value, the limit, and
/// whether the account met it (for example "cumulative share before the account 73% &lt; 80% → A").
/// </summary>
/// <remarks>Immutable; equality is structural.</remarks>
/// <param name="Quantity">What was compared (a measure name or a derived quantity such as "score").</param>
/// <param name="Value">The account's value of that quantity.</param>
/// <param name="Comparison">The comparison the policy requires, as text (<c>&lt;</c>, <c>&lt;=</c>, <c>&gt;=</c>, <c>&gt;</c>).</param>
/// <param name="Limit">The threshold.</param>
/// <param name="Met">Whether the account's value meets the comparison.</param>
/// <param name="Tier">The tier this threshold leads to when met.</param>
public sealed record ThresholdCheck(string Quantity, double Value, string Comparison, double Limit, bool Met, string Tier);
