using Kam.Cli.Features.Portfolio;
using Kam.Core;
using Kam.Core.Portfolio.Receivables;
using Kam.Core.Portfolio.Review;

namespace Kam.Cli.Features.Review;

/// <summary>What <c>kam review</c> computed.</summary>
/// <param name="Review">The library's review of the account.</param>
/// <param name="Page">What the page shows beyond the review: the name, the day, the currency, why parts are absent.</param>
internal sealed record ReviewResult(AccountReview Review, ReviewPageInfo Page);

/// <summary>Reviews one account of <c>kam review</c>: finds it among the accounts read, or names the ones it may have meant.</summary>
internal static class ReviewAnalysis
{
    /// <summary>The most identifiers a "did you mean" suggests.</summary>
    private const int Suggestions = 3;

    /// <summary>Reviews the account.</summary>
    /// <param name="data">What the loader read from the folder.</param>
    /// <param name="rules">The review rules.</param>
    /// <param name="account">The account asked for, as typed.</param>
    /// <param name="error">The message when the account is unknown (<c>account 'X' is not in accounts.csv</c>, with close identifiers), or <see langword="null"/>.</param>
    /// <returns>The result, or <see langword="null"/> with <paramref name="error"/> set.</returns>
    public static ReviewResult? Run(PortfolioData data, ReviewRuleSet rules, string account, out string? error)
    {
        if (!AccountId.TryParse(account, out var id) || !Contains(data.Sources.Accounts, id))
        {
            error = Unknown(account, data.Sources.Accounts);
            return null;
        }

        error = null;
        return Review(data, new AccountReviewer(data.Sources, rules), id);
    }

    /// <summary>Reviews an account known to be among the sources'.</summary>
    /// <param name="data">What the loader read from the folder.</param>
    /// <param name="reviewer">The reviewer over the folder's sources.</param>
    /// <param name="account">The account.</param>
    /// <returns>The result.</returns>
    public static ReviewResult Review(PortfolioData data, AccountReviewer reviewer, AccountId account) =>
        new(reviewer.Review(account), new ReviewPageInfo(
            data.Names.TryGetValue(account, out var name) && name.Length > 0 ? name : null,
            data.AsOf,
            data.Currency.Code,
            ReviewPageInfo.PastDueLabels(data.Receivables?.Report.Policy ?? ReceivablesPolicy.Default),
            data.Absent.ToDictionary(a => a.Part, a => a.Why)));

    /// <summary>Gets the message for an account that is not among the accounts read, naming up to three close identifiers.</summary>
    /// <param name="account">The account as typed.</param>
    /// <param name="known">The accounts read.</param>
    /// <returns>The message.</returns>
    public static string Unknown(string account, IReadOnlyList<AccountId> known)
    {
        var close = Close(account, known);
        var hint = close.Count > 0 ? "; did you mean " + string.Join(", ", close.Select(c => "'" + c + "'")) + "?" : ".";
        return $"account '{account}' is not in accounts.csv ({known.Count} accounts){hint}";
    }

    /// <summary>Gets the identifiers at most two edits from the one typed (ignoring case), the closest first.</summary>
    /// <param name="account">The identifier typed.</param>
    /// <param name="known">The identifiers known.</param>
    /// <returns>Up to three identifiers.</returns>
    public static IReadOnlyList<string> Close(string account, IEnumerable<AccountId> known) =>
        [.. known
            .Select(k => (Id: k.Value, Distance: Distance(account.ToUpperInvariant(), k.Value.ToUpperInvariant())))
            .Where(k => k.Distance <= 2)
            .OrderBy(k => k.Distance).ThenBy(k => k.Id, StringComparer.Ordinal)
            .Take(Suggestions)
            .Select(k => k.Id)];

    private static bool Contains(IReadOnlyList<AccountId> accounts, AccountId id)
    {
        foreach (var a in accounts)
        {
            if (a == id)
            {
                return true;
            }
        }

        return false;
    }

    // Levenshtein distance, stopping early: anything above 2 is "far".
    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2)
        {
            return int.MaxValue;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
