namespace Kam.Core.Compensation;

/// <summary>
/// A draw against commission: each month the payee gets at least <see cref="Monthly"/> of commission. A recoverable
/// draw is an advance, recovered from later commission above the draw; a non-recoverable draw is a guarantee.
/// </summary>
/// <param name="Monthly">The monthly draw.</param>
/// <param name="Recoverable">Whether the top-ups are recovered from later commission (within the year; what is left is carried on the year-end statement).</param>
public sealed record DrawPolicy(Money Monthly, bool Recoverable);
