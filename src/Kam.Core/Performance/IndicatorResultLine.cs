namespace Kam.Core.Performance;

/// <summary>One breakdown line of an appraisal: an indicator, its actual, the rule used, its score and its contribution to the overall score.</summary>
/// <param name="IndicatorId">The indicator's identifier.</param>
/// <param name="Name">The indicator's name.</param>
/// <param name="Section">The section path (for example <c>KPI</c> or <c>Attitude</c>).</param>
/// <param name="Weight">The indicator's effective weight in the whole scorecard.</param>
/// <param name="Actual">The actual, as text (a value or observations), or the roll-up rule for rolled-up results.</param>
/// <param name="Rule">The rule's description.</param>
/// <param name="Score">The indicator's score.</param>
/// <param name="Grade">The grade under a graded standard, or <see langword="null"/>.</param>
/// <param name="Contribution">Weight × score: this line's part of the overall score.</param>
public sealed record IndicatorResultLine(string IndicatorId, string Name, string Section, Percentage Weight, string Actual, string Rule, Ratio Score, string? Grade, Ratio Contribution);
