using Kam.Core;
using Kam.Core.Accounts;

namespace Kam.Cli.Data;

/// <summary>One account with its place in both hierarchies, as <c>kam plan</c> reads it (the hierarchy columns of accounts.csv) or the demo generates it.</summary>
/// <param name="Id">The account.</param>
/// <param name="Name">Its name.</param>
/// <param name="Level">Its level in its customer's structure.</param>
/// <param name="Parent">The account above it in its customer's structure, or <see langword="null"/>.</param>
/// <param name="Owner">The person of ours who owns it.</param>
/// <param name="Unit">The unit of ours that holds it.</param>
/// <param name="Territory">The territory of that unit, or <see langword="null"/>.</param>
/// <param name="Industry">The industry, or <see langword="null"/>.</param>
/// <param name="Region">The customer's region, or <see langword="null"/>.</param>
/// <param name="Source">The row it was read from, or <see langword="null"/> when generated.</param>
internal sealed record PlanAccountRecord(
    AccountId Id,
    string Name,
    AccountLevel Level,
    AccountId? Parent,
    PersonId Owner,
    UnitId Unit,
    TerritoryId? Territory = null,
    string? Industry = null,
    string? Region = null,
    SourceRow? Source = null)
{
    /// <summary>Gets the library's account.</summary>
    /// <returns>The account (validated when the hierarchy is built).</returns>
    public Account ToAccount() => new(Id, Name, Level, Owner, Unit, Parent, Territory, Industry, Region);
}
