namespace Kam.Core.Portfolio.Review.Serialization;

/// <summary>The JSON shape of a <see cref="ReviewRuleSet"/>.</summary>
internal sealed record ReviewRuleSetDto
{
    public required List<ReviewRuleDto> Rules { get; init; }
}

/// <summary>The JSON shape of a <see cref="ReviewRule"/>; <c>valueAtStake</c> may be left out.</summary>
internal sealed record ReviewRuleDto
{
    public required string Code { get; init; }

    public required ReviewRuleKind Kind { get; init; }

    public required string Title { get; init; }

    public required RuleSeverity Severity { get; init; }

    public required double Weight { get; init; }

    public required List<ReviewConditionDto> Conditions { get; init; }

    public required string Action { get; init; }

    public string? ValueAtStake { get; init; }
}

/// <summary>The JSON shape of a <see cref="ReviewCondition"/>.</summary>
internal sealed record ReviewConditionDto
{
    public required string Signal { get; init; }

    public required ConditionOperator Op { get; init; }

    public required double Threshold { get; init; }
}
