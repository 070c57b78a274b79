using System.Text.Json.Serialization;

namespace Kam.Core.Tiering.Pareto;

/// <summary>How a Pareto/ABC policy cuts the ranked accounts into tiers.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ParetoCutBasis>))]
public enum ParetoCutBasis
{
    /// <summary>By cumulative share of value: A = the accounts making up the first 80% of value (the default; rule book: Pareto tiering).</summary>
    CumulativeValueShare,

    /// <summary>By count: the top N accounts, then the next, and so on.</summary>
    TopCount,

    /// <summary>By share of accounts: the top N% of accounts (rounded up to whole accounts), then the next share.</summary>
    TopShareOfAccounts,
}
