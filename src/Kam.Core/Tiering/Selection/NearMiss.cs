namespace Kam.Core.Tiering.Selection;

/// <summary>An account that was not selected as a key account although it ranks near the line, and why.</summary>
/// <remarks>Immutable.</remarks>
public sealed class NearMiss
{
    /// <summary>Creates the near miss.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="value">Its value measure.</param>
    /// <param name="rank">Its rank by value among all accounts (1 = highest).</param>
    /// <param name="reason">Why it was not selected, in words.</param>
    /// <param name="failedGates">The measures of the gates it failed; empty when only capacity or value kept it out.</param>
    internal NearMiss(AccountId accountId, double value, int rank, string reason, IReadOnlyList<string> failedGates)
    {
        AccountId = accountId;
        Value = value;
        Rank = rank;
        Reason = reason;
        FailedGates = failedGates;
    }

    /// <summary>Gets the account.</summary>
    public AccountId AccountId { get; }

    /// <summary>Gets its value measure.</summary>
    public double Value { get; }

    /// <summary>Gets its rank by value among all accounts (1 = highest).</summary>
    public int Rank { get; }

    /// <summary>Gets why it was not selected, in words.</summary>
    public string Reason { get; }

    /// <summary>Gets the measures of the gates it failed; empty when only capacity or value kept it out.</summary>
    public IReadOnlyList<string> FailedGates { get; }
}
