using Kam.Core;
using NodaTime;

namespace Kam.Cli.Data;

/// <summary>One booked deal credited to a salesperson (deals.csv), the base of commission.</summary>
internal sealed record DealRecord
{
    public required string DealId { get; init; }

    public required PersonId Salesperson { get; init; }

    public required AccountId Account { get; init; }

    public OpportunityId? Opportunity { get; init; }

    public required LocalDate BookedOn { get; init; }

    public required Money Amount { get; init; }

    /// <summary>Gets the deal's gross margin, when known.</summary>
    public Percentage? GrossMargin { get; init; }

    /// <summary>Gets the row of deals.csv the deal was read from (not part of equality).</summary>
    public RowSource Source { get; init; }
}

/// <summary>Cash collected on a deal (collections.csv): commission on collections is paid on these (rule book: Commission on collections).</summary>
/// <param name="DealId">The deal the cash was collected on.</param>
/// <param name="CollectedOn">The day the cash was received.</param>
/// <param name="Amount">The amount received.</param>
internal sealed record CollectionRecord(string DealId, LocalDate CollectedOn, Money Amount)
{
    /// <summary>Gets the row of collections.csv the collection was read from (not part of equality).</summary>
    public RowSource Source { get; init; }
}

/// <summary>A salesperson of the demo sample.</summary>
/// <param name="Id">The person.</param>
/// <param name="Name">The display name.</param>
/// <param name="Region">The sales region.</param>
/// <param name="AnnualQuota">The year's booking quota.</param>
internal sealed record SalespersonRecord(PersonId Id, string Name, string Region, Money AnnualQuota);

/// <summary>One purchase by a customer (transactions.csv), the input of the lifetime-value models.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="Date">The purchase day.</param>
/// <param name="Amount">The amount spent.</param>
internal sealed record TransactionRecord(AccountId Customer, LocalDate Date, Money Amount)
{
    /// <summary>Gets the row of transactions.csv the purchase was read from (not part of equality).</summary>
    public RowSource Source { get; init; }
}
