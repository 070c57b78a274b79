using Kam.Core.Accounts.Plans;
using NodaTime;

namespace Kam.Core.Accounts.Serialization;

// Optional members are nullable and defaulted where the rule type is built (see AccountsDtos.cs). Amounts are numbers
// in the plan's currency; periods are period names of the plan's calendar (FY2026, FY2026-Q1, FY2026-M01).

/// <summary>The JSON shape of a <see cref="KeyAccountPlan"/>.</summary>
internal sealed record KeyAccountPlanDto
{
    public required AccountId Account { get; init; }

    public int? FiscalYearStartMonth { get; init; }

    public FiscalYearNaming? FiscalYearNaming { get; init; }

    public required int FiscalYear { get; init; }

    public required Currency Currency { get; init; }

    public LocalDate? CoPlannedOn { get; init; }

    public AccountSituationDto? Situation { get; init; }

    public required List<PlanObjectiveDto> Objectives { get; init; }

    public WhitespaceGridDto? Whitespace { get; init; }

    public List<PlanActionDto>? Actions { get; init; }

    public List<ResourceLineDto>? Resources { get; init; }

    public List<string>? Differentiation { get; init; }

    public List<ProjectPlanDto>? Projects { get; init; }

    public List<OperatingPlanEntryDto>? OperatingPlan { get; init; }

    public List<PlanReviewDto>? Reviews { get; init; }
}

/// <summary>The JSON shape of an <see cref="AccountSituation"/>.</summary>
internal sealed record AccountSituationDto
{
    public decimal? Revenue { get; init; }

    public Dictionary<string, decimal>? Indicators { get; init; }

    public decimal? ShareOfSpend { get; init; }

    public decimal? ShareOfProfit { get; init; }

    public List<string>? Competitors { get; init; }

    public string? BuyingProcess { get; init; }

    public List<string>? Notes { get; init; }
}

/// <summary>The JSON shape of a <see cref="PlanObjective"/>.</summary>
internal sealed record PlanObjectiveDto
{
    public required string Key { get; init; }

    public required string Description { get; init; }

    public List<ObjectiveTargetDto>? Targets { get; init; }
}

/// <summary>The JSON shape of an <see cref="ObjectiveTarget"/>: <c>amount</c> (money, in the plan's currency unless <c>currency</c> says otherwise), <c>value</c> (a ratio or score), or neither (a reference to the target plan).</summary>
internal sealed record ObjectiveTargetDto
{
    public required string Measure { get; init; }

    public required string Period { get; init; }

    public decimal? Amount { get; init; }

    public decimal? Value { get; init; }

    public Currency? Currency { get; init; }
}

/// <summary>The JSON shape of a <see cref="WhitespaceGrid"/>.</summary>
internal sealed record WhitespaceGridDto
{
    public required List<string> Offerings { get; init; }

    public required List<string> Units { get; init; }

    public required List<WhitespaceCellDto> Cells { get; init; }
}

/// <summary>The JSON shape of a <see cref="WhitespaceCell"/>.</summary>
internal sealed record WhitespaceCellDto
{
    public required string Offering { get; init; }

    public required string Unit { get; init; }

    public required WhitespaceState State { get; init; }

    public string? Competitor { get; init; }

    public OpportunityId? Opportunity { get; init; }

    public decimal? EstimatedValue { get; init; }
}

/// <summary>The JSON shape of a <see cref="PlanAction"/>.</summary>
internal sealed record PlanActionDto
{
    public required string Title { get; init; }

    public PersonId? Owner { get; init; }

    public required LocalDate Due { get; init; }

    public PlanActionStatus? Status { get; init; }

    public required string Objective { get; init; }

    public OpportunityId? Opportunity { get; init; }

    public string? PlaybookItem { get; init; }
}

/// <summary>The JSON shape of a <see cref="ResourceLine"/>.</summary>
internal sealed record ResourceLineDto
{
    public required string Period { get; init; }

    public required string Purpose { get; init; }

    public PersonId? Person { get; init; }

    public decimal? Days { get; init; }

    public decimal? Budget { get; init; }
}

/// <summary>The JSON shape of a <see cref="ProjectPlan"/>.</summary>
internal sealed record ProjectPlanDto
{
    public required string Name { get; init; }

    public LocalDate? Start { get; init; }

    public required LocalDate Due { get; init; }

    public string? Objective { get; init; }

    public OpportunityId? Opportunity { get; init; }
}

/// <summary>The JSON shape of an <see cref="OperatingPlanEntry"/>.</summary>
internal sealed record OperatingPlanEntryDto
{
    public required string Month { get; init; }

    public required LocalDate SetOn { get; init; }

    public required List<string> Priorities { get; init; }
}

/// <summary>The JSON shape of a <see cref="PlanReview"/>.</summary>
internal sealed record PlanReviewDto
{
    public required string Period { get; init; }

    public required LocalDate HeldOn { get; init; }

    public required bool CustomerTookPart { get; init; }

    public PersonId? Supervisor { get; init; }

    public List<ReviewLineDto>? Lines { get; init; }
}

/// <summary>The JSON shape of a <see cref="ReviewLine"/>.</summary>
internal sealed record ReviewLineDto
{
    public required string Measure { get; init; }

    public required string Period { get; init; }

    public required decimal Planned { get; init; }

    public required decimal Actual { get; init; }

    public string? Reasons { get; init; }

    public List<string>? CorrectiveActions { get; init; }
}

/// <summary>The JSON shape of a <see cref="PlanCheckPolicy"/>.</summary>
internal sealed record PlanCheckPolicyDto
{
    public PeriodKind? ReviewPeriod { get; init; }

    public int? ReviewGraceDays { get; init; }

    public int? OperatingPlanDueDay { get; init; }

    public int? MinimumLeadTimeDays { get; init; }

    public int? ActionGraceDays { get; init; }
}
