namespace Kam.Core.Tiering;

/// <summary>How much one criterion (a measure named in the policy) contributed to an account's score.</summary>
/// <remarks>
/// <see cref="Points"/> is <see cref="Weight"/> × <see cref="NormalisedScore"/>; the points of all criteria of a
/// scorecard add up to the account's score. Immutable; equality is structural.
/// </remarks>
/// <param name="Criterion">The criterion's name, as the policy spells it.</param>
/// <param name="RawValue">The measure as given, or <see langword="null"/> when it was missing.</param>
/// <param name="NormalisedScore">The measure after the criterion's normalisation rule, between 0 and 1.</param>
/// <param name="Weight">The criterion's weight (for RFM and single-measure engines, 1).</param>
/// <param name="Points">The contribution to the score.</param>
/// <param name="Imputed">Whether a missing value was replaced by the missing-value policy.</param>
public sealed record CriterionContribution(string Criterion, double? RawValue, double NormalisedScore, double Weight, double Points, bool Imputed = false);
