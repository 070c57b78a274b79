using System.Globalization;
using Kam.Cli.Data;
using Kam.Core;

namespace Kam.Cli.Features.Shared;

/// <summary>
/// How the records of one input file appear in a library's error paths: the collection name the engine uses
/// (<c>deals</c>, <c>collections</c>, <c>payees</c>, <c>accounts</c>, <c>log</c>), the records in the order handed to the engine, and
/// for each field the engine names, the CSV column it came from and the record's value in ISO form.
/// </summary>
/// <param name="Name">The collection name in the engine's paths.</param>
/// <param name="Count">The number of records handed to the engine.</param>
/// <param name="Source">The row record <c>i</c> was read from.</param>
/// <param name="Field">Maps record <c>i</c> and the member the engine names (<see cref="KamRecordLocator.Member"/>, <c>receivedOn</c>; with its <see cref="KamRecordLocator.Key"/> for keyed members) to its column (<c>collected_on</c>) and value (<c>2026-01-02</c>), or <see langword="null"/> when unknown.</param>
/// <param name="Subject">Names record <c>i</c> for the message (<c>deal 'D1'</c>), or <see langword="null"/>.</param>
internal sealed record RecordMap(string Name, int Count, Func<int, RowSource> Source, Func<int, KamRecordLocator, (string Column, string? Value)?> Field, Func<int, string>? Subject = null);

/// <summary>
/// Maps the errors a library engine reports about the Nth record it was given (<c>collections[0].receivedOn</c>,
/// <c>deals[3].amount</c>, <c>accounts[2].measures['revenue']</c>) to the file, line and column the record was read
/// from (<c>collections.csv:2:2</c>), with the value in ISO form, in every command.
/// </summary>
/// <remarks>An error about a record that was not read from a file (the demo's sample) or a path of another shape is kept as the engine reported it.</remarks>
internal static class RecordErrors
{
    /// <summary>Rewrites the paths of an engine's errors that name a record of one of the maps.</summary>
    /// <param name="error">The engine's exception.</param>
    /// <param name="maps">The records the engine was given, by collection name.</param>
    /// <returns>The exception to throw, with located errors.</returns>
    public static KamValidationException Locate(KamValidationException error, params RecordMap[] maps) =>
        new(error.Errors.Select(e => Locate(e, maps)));

    /// <summary>Rewrites one error's path when it names a record of one of the maps.</summary>
    /// <param name="error">The error.</param>
    /// <param name="maps">The maps.</param>
    /// <returns>The located error, or the error unchanged.</returns>
    public static KamValidationError Locate(KamValidationError error, IReadOnlyList<RecordMap> maps)
    {
        if (error.Record is not { } record
            || maps.FirstOrDefault(m => m.Name == record.Collection) is not { } map
            || record.Index >= map.Count
            || map.Source(record.Index).Row is not { } row)
        {
            return error;
        }

        var index = record.Index;
        var cell = map.Field(index, record);
        var path = cell is { } c ? row.Location(c.Column) : string.Create(CultureInfo.InvariantCulture, $"{row.File}:{row.Line}");
        var message = error.Message.Length > 0 && char.IsUpper(error.Message[0]) ? char.ToLowerInvariant(error.Message[0]) + error.Message[1..] : error.Message;
        message = map.Subject is { } subject ? $"{subject(index)}: {message}" : message;
        return error with { Path = path, AttemptedValue = cell?.Value ?? error.AttemptedValue, Message = message };
    }

    /// <summary>The deals of deals.csv as the Compensation engine is given them (<c>deals[i]</c>).</summary>
    /// <param name="deals">The deals, in the order handed to the engine.</param>
    /// <returns>The map.</returns>
    public static RecordMap Deals(IReadOnlyList<DealRecord> deals) => new("deals", deals.Count, i => deals[i].Source, (i, at) => at.Member switch
    {
        "id" or "" or "cancelledOn" => ("deal_id", deals[i].DealId),
        "amount" => ("amount", Amount(deals[i].Amount.Amount)),
        "currency" => ("currency", deals[i].Amount.Currency.Code),
        "grossProfit" => ("gross_margin", deals[i].GrossMargin?.ToString(null, CultureInfo.InvariantCulture)),
        "bookedOn" => ("booked_on", Day(deals[i].BookedOn)),
        "splits" => ("salesperson", deals[i].Salesperson.Value),
        _ => null,
    }, i => $"deal '{deals[i].DealId}'");

    /// <summary>The payees of people.csv as the Compensation engine is given them (<c>payees[i]</c>); a grade keeps the engine's value (the grade at fault, not the whole cell).</summary>
    /// <param name="payees">The payees, in the order handed to the engine.</param>
    /// <param name="sources">The row each payee was read from, in the same order.</param>
    /// <returns>The map.</returns>
    public static RecordMap Payees(IReadOnlyList<Kam.Core.Compensation.Payee> payees, IReadOnlyList<RowSource> sources) => new("payees", payees.Count, i => sources[i], (i, at) => at.Member switch
    {
        "person" or "" => ("person", payees[i].Person.Value),
        "annualQuota" => ("annual_quota", Amount(payees[i].AnnualQuota.Amount)),
        "monthlyGrades" => ("monthly_grades", null),
        "annualGrade" => ("annual_grade", null),
        _ => null,
    }, i => $"salesperson '{payees[i].Person}'");

    /// <summary>The collections of collections.csv as the Compensation engine is given them (<c>collections[j]</c>).</summary>
    /// <param name="collections">The collections, in the order handed to the engine.</param>
    /// <returns>The map.</returns>
    public static RecordMap Collections(IReadOnlyList<CollectionRecord> collections) => new("collections", collections.Count, j => collections[j].Source, (j, at) => at.Member switch
    {
        "deal" or "" => ("deal_id", collections[j].DealId),
        "amount" => ("amount", Amount(collections[j].Amount.Amount)),
        "receivedOn" => ("collected_on", Day(collections[j].CollectedOn)),
        _ => null,
    }, j => $"collection on deal '{collections[j].DealId}'");

    /// <summary>The purchases of transactions.csv as the transaction summarizer is given them (<c>log[i]</c>).</summary>
    /// <param name="transactions">The purchases, in the order handed to the engine.</param>
    /// <returns>The map.</returns>
    public static RecordMap Transactions(IReadOnlyList<TransactionRecord> transactions) => new("log", transactions.Count, i => transactions[i].Source, (i, at) => at.Member switch
    {
        "customerId" or "" => ("customer_id", transactions[i].Customer.Value),
        "amount" => ("amount", Amount(transactions[i].Amount.Amount)),
        "date" => ("date", Day(transactions[i].Date)),
        _ => null,
    }, i => $"customer '{transactions[i].Customer}'");

    /// <summary>The opportunities of events.csv as the Stages engine is given them (<c>opportunities[i]</c>), each located at its last row (whose value and expected close count).</summary>
    /// <param name="opportunities">The opportunities, in the order handed to the engine.</param>
    /// <returns>The map.</returns>
    public static RecordMap Opportunities(IReadOnlyList<OpportunityRecord> opportunities) => new(
        "opportunities",
        opportunities.Count,
        i => new RowSource(opportunities[i].Events.Select(e => e.Source).LastOrDefault(s => s is not null)),
        (i, at) => at.Member switch
        {
            "value" => ("value", Amount(opportunities[i].Value.Amount)),
            "expectedClose" => ("expected_close", Day(opportunities[i].ExpectedClose)),
            "owner" => ("owner", opportunities[i].Owner.Value),
            "account" => ("account_id", opportunities[i].Account.Value),
            _ => ("opportunity_id", opportunities[i].Id.Value),
        },
        i => $"opportunity '{opportunities[i].Id}'");

    /// <summary>The accounts of accounts.csv as a tiering engine is given them (<c>accounts[i]</c>, measures by name).</summary>
    /// <param name="accounts">The accounts, in the order handed to the engine.</param>
    /// <param name="measureColumn">The accounts.csv column a measure comes from, or <see langword="null"/>.</param>
    /// <returns>The map.</returns>
    public static RecordMap Accounts(IReadOnlyList<AccountRow> accounts, Func<string, string?> measureColumn) => new("accounts", accounts.Count, i => accounts[i].Source, (i, at) =>
        at is { Member: "measures", Key: { } measure } && measureColumn(measure) is { } column
            ? (column, null)
            : ("account_id", accounts[i].Id.Value));

    /// <summary>A day in ISO form.</summary>
    private static string Day(NodaTime.LocalDate day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An amount in invariant form.</summary>
    private static string Amount(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);
}
