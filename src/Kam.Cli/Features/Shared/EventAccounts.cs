using Kam.Cli.Data;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Core;

namespace Kam.Cli.Features.Shared;

/// <summary>The check that every account of events.csv is in <c>--accounts</c>, for the commands that read both.</summary>
internal static class EventAccounts
{
    /// <summary>Refuses the opportunities whose account is unknown, naming the first events.csv row (its <c>account_id</c> cell) of each such account.</summary>
    /// <param name="records">The opportunities.</param>
    /// <param name="known">Whether an account is in <c>--accounts</c>.</param>
    /// <param name="consequence">What the missing account prevents, ending the message (<c>so its industry is unknown</c>).</param>
    /// <exception cref="KamValidationException">An account is unknown.</exception>
    public static void RequireKnown(IEnumerable<OpportunityRecord> records, Func<AccountId, bool> known, string consequence)
    {
        var errors = records
            .Where(r => !known(r.Account))
            .DistinctBy(r => r.Account)
            .Select(r => new KamValidationError(
                r.Events[0].Source?.Location(EventsCsv.AccountId.Name) ?? $"opportunity '{r.Id}'",
                KamErrorCodes.Unknown,
                r.Account.Value,
                $"opportunity '{r.Id}': the account is not in --accounts, {consequence}."))
            .ToArray();
        if (errors.Length > 0)
        {
            throw new KamValidationException(errors);
        }
    }
}
