using System.Collections.ObjectModel;
using NodaTime;

namespace Kam.Core.Relationships.Health;

/// <summary>One periodic partnership check of an account: the score given to each item of the check list on a date.</summary>
/// <remarks>The items and the scale are checked against the <see cref="HealthPolicy"/> by the <see cref="HealthEngine"/>.</remarks>
public sealed class PartnershipCheck
{
    /// <summary>Creates a check.</summary>
    /// <param name="account">The account.</param>
    /// <param name="date">The date of the check.</param>
    /// <param name="scores">The score of each item checked, by item identifier (copied); not empty.</param>
    /// <exception cref="KamValidationException">The account is the default identifier or no item is scored.</exception>
    public PartnershipCheck(AccountId account, LocalDate date, IReadOnlyDictionary<string, int> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var errors = new ValidationCollector();
        Accounts.Checks.Identifier(errors, "account", account.Value);
        if (scores.Count == 0)
        {
            errors.Add("scores", KamErrorCodes.Empty, null, "A check scores at least one item.");
        }

        errors.ThrowIfAny();
        Account = account;
        Date = date;
        var sorted = new SortedDictionary<string, int>(scores.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        Scores = new ReadOnlyDictionary<string, int>(sorted);
        ItemIds = [.. sorted.Keys];
        Values = [.. sorted.Values];
    }

    /// <summary>Gets the item identifiers of <see cref="Scores"/>, in order (internal: for the engine; never handed out).</summary>
    internal string[] ItemIds { get; }

    /// <summary>Gets the scores of <see cref="ItemIds"/> (internal: for the engine; never handed out).</summary>
    internal int[] Values { get; }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the date of the check.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the score of each item checked, ordered by item identifier (ordinal).</summary>
    public IReadOnlyDictionary<string, int> Scores { get; }
}
