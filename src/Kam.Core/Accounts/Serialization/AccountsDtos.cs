using Kam.Core.Accounts.Targets;

namespace Kam.Core.Accounts.Serialization;

// Optional members are nullable and defaulted where the rule type is built: the source-generated reader sets every
// init-only member, so an initializer would be overwritten when the member is absent from the file.

/// <summary>The JSON shape of a <see cref="TargetPlan"/>.</summary>
internal sealed record TargetPlanDto
{
    public int? FiscalYearStartMonth { get; init; }

    public FiscalYearNaming? FiscalYearNaming { get; init; }

    public required int FiscalYear { get; init; }

    public required List<TargetMeasureDto> Measures { get; init; }

    public required List<TargetDto> Targets { get; init; }
}

/// <summary>The JSON shape of a <see cref="TargetMeasure"/>.</summary>
internal sealed record TargetMeasureDto
{
    public required string Key { get; init; }

    public string? Name { get; init; }

    public required TargetMeasureKind Kind { get; init; }

    public Currency? Currency { get; init; }
}

/// <summary>The JSON shape of a <see cref="Target"/>: exactly one of <c>account</c> and <c>unit</c>; the currency defaults to the measure's.</summary>
internal sealed record TargetDto
{
    public AccountId? Account { get; init; }

    public UnitId? Unit { get; init; }

    public required string Measure { get; init; }

    public required string Period { get; init; }

    public required decimal Value { get; init; }

    public Currency? Currency { get; init; }
}

/// <summary>The JSON shape of an <see cref="AllocationPolicy"/>.</summary>
internal sealed record AllocationPolicyDto
{
    public AllocationBasis? Basis { get; init; }

    public Dictionary<string, decimal>? TierWeights { get; init; }

    public List<decimal>? Seasonality { get; init; }
}

/// <summary>The JSON shape of an <see cref="Organization"/>.</summary>
internal sealed record OrganizationDto
{
    public required List<OrganizationUnitDto> Units { get; init; }

    public List<PersonDto>? People { get; init; }

    public List<TerritoryDto>? Territories { get; init; }
}

/// <summary>The JSON shape of an <see cref="OrganizationUnit"/>.</summary>
internal sealed record OrganizationUnitDto
{
    public required UnitId Id { get; init; }

    public required string Name { get; init; }

    public required UnitLevel Level { get; init; }

    public UnitId? Parent { get; init; }
}

/// <summary>The JSON shape of a <see cref="Person"/>.</summary>
internal sealed record PersonDto
{
    public required PersonId Id { get; init; }

    public required string Name { get; init; }

    public required UnitId Unit { get; init; }

    public string? Role { get; init; }
}

/// <summary>The JSON shape of a <see cref="Territory"/>.</summary>
internal sealed record TerritoryDto
{
    public required TerritoryId Id { get; init; }

    public required string Name { get; init; }

    public required UnitId Unit { get; init; }

    public PersonId? Manager { get; init; }
}
