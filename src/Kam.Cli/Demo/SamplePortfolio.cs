using System.Text.Json.Serialization;
using Kam.Core;
using Kam.Core.Serialization;
using NodaTime;

namespace Kam.Cli.Demo;

/// <summary>The demo's embedded sample portfolio, as read from <c>Demo/sample-portfolio.json</c>.</summary>
internal sealed record SamplePortfolio
{
    public required string Name { get; init; }

    public required LocalDate AsOf { get; init; }

    public required Currency Currency { get; init; }

    public required IReadOnlyList<SampleAccount> Accounts { get; init; }

    /// <summary>Loads and validates the embedded sample through <see cref="KamJson"/>, as a host loads its rule files.</summary>
    /// <returns>The sample portfolio.</returns>
    public static SamplePortfolio Load()
    {
        using var stream = typeof(SamplePortfolio).Assembly.GetManifestResourceStream("Kam.Cli.Demo.sample-portfolio.json")
            ?? throw new InvalidOperationException("The embedded sample portfolio is missing from the kam assembly.");
        return KamJson.Deserialize(stream, DemoJsonContext.Strict.SamplePortfolio);
    }
}

/// <summary>One account of the sample portfolio: a year's revenue and profit figures in the portfolio's currency.</summary>
internal sealed record SampleAccount
{
    public required AccountId Id { get; init; }

    public required string Name { get; init; }

    public required string Industry { get; init; }

    public required decimal Revenue { get; init; }

    public required decimal GrossProfit { get; init; }

    public required decimal CostToServe { get; init; }

    public required LocalDate FirstOrder { get; init; }

    public required LocalDate LastOrder { get; init; }
}

/// <summary>Source-generated JSON metadata for the demo's files, over Kam.Core's strict settings.</summary>
[JsonSerializable(typeof(SamplePortfolio))]
internal sealed partial class DemoJsonContext : JsonSerializerContext
{
    /// <summary>Gets the context built over <see cref="KamJson.CreateOptions"/>.</summary>
    public static DemoJsonContext Strict { get; } = new(KamJson.CreateOptions());
}
