namespace Kam.Core.Portfolio.Matrices.Serialization;

/// <summary>The JSON shape of a <see cref="PortfolioMatrix"/>; every member is required.</summary>
internal sealed record MatrixDto
{
    public string? Name { get; init; }

    public MatrixAxisDto? X { get; init; }

    public MatrixAxisDto? Y { get; init; }

    public List<MatrixCellDto?>? Cells { get; init; }
}

/// <summary>The JSON shape of a <see cref="MatrixAxis"/>; <c>min</c>, <c>max</c> and <c>description</c> are optional.</summary>
internal sealed record MatrixAxisDto
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public List<decimal>? Thresholds { get; init; }
}

/// <summary>The JSON shape of a <see cref="MatrixCell"/>.</summary>
internal sealed record MatrixCellDto
{
    public string? Code { get; init; }

    public string? Name { get; init; }

    public int? X { get; init; }

    public int? Y { get; init; }

    public string? StrategyCode { get; init; }

    public string? Strategy { get; init; }
}
