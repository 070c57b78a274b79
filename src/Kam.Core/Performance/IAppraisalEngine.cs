namespace Kam.Core.Performance;

/// <summary>Scores appraisals on a scorecard and rolls sub-period results up to longer periods.</summary>
public interface IAppraisalEngine
{
    /// <summary>Appraises one person for one period.</summary>
    /// <param name="scorecard">The scorecard.</param>
    /// <param name="input">The actuals.</param>
    /// <returns>The result with a line per indicator.</returns>
    /// <exception cref="KamValidationException">An indicator has no actual (and no sales-process facts to derive it), or an actual lacks what its rule reads.</exception>
    AppraisalResult Appraise(Scorecard scorecard, AppraisalInput input);

    /// <summary>Rolls results of sub-periods up to a longer period by a declared rule.</summary>
    /// <param name="scorecard">The scorecard the results were scored on (its grade bands grade the roll-up).</param>
    /// <param name="period">The longer period.</param>
    /// <param name="parts">The sub-period results; together they must cover <paramref name="period"/> exactly, without overlap, for one person.</param>
    /// <param name="rule">The roll-up rule.</param>
    /// <returns>The rolled-up result.</returns>
    /// <exception cref="KamValidationException">The parts are empty, for several people, outside the period, overlapping, leave a gap, or differ in indicators.</exception>
    AppraisalResult RollUp(Scorecard scorecard, FiscalPeriod period, IReadOnlyList<AppraisalResult> parts, RollUpRule rule);
}
