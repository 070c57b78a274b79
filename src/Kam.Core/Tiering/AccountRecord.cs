namespace Kam.Core.Tiering;

/// <summary>One account and its measures, the friendly input form of a portfolio (see <see cref="AccountMeasures.FromRecords"/>).</summary>
/// <remarks>Immutable as long as the dictionary passed is not changed; a measure absent from the dictionary is missing.</remarks>
/// <param name="Id">The account.</param>
/// <param name="Measures">The account's measures by name.</param>
public sealed record AccountRecord(AccountId Id, IReadOnlyDictionary<string, MeasureValue> Measures);
