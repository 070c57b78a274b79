using Kam.Cli.Data;
using Kam.Core;
using NodaTime;

namespace Kam.Cli.Sample;

/// <summary>A generated sample portfolio: everything <c>kam demo</c> runs the engines on, as plain host-side records.</summary>
/// <param name="Seed">The random seed it was generated from.</param>
/// <param name="AsOf">The day the data ends (no event, deal, collection or transaction is later).</param>
/// <param name="Currency">The currency of every amount.</param>
/// <param name="Accounts">About 200 accounts with a year's figures and tiering indicators.</param>
/// <param name="Salespeople">20 salespeople with regions and quotas.</param>
/// <param name="Opportunities">About 500 opportunities with eight-stage event histories.</param>
/// <param name="Deals">Booked deals per salesperson (won opportunities and repeat orders).</param>
/// <param name="Collections">Cash collected on the deals.</param>
/// <param name="Transactions">Two years of purchases per account, for the lifetime-value models.</param>
internal sealed record SampleDataSet(
    int Seed,
    LocalDate AsOf,
    Currency Currency,
    IReadOnlyList<AccountRow> Accounts,
    IReadOnlyList<SalespersonRecord> Salespeople,
    IReadOnlyList<OpportunityRecord> Opportunities,
    IReadOnlyList<DealRecord> Deals,
    IReadOnlyList<CollectionRecord> Collections,
    IReadOnlyList<TransactionRecord> Transactions);
