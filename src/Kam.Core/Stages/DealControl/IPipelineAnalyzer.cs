using NodaTime;
using Kam.Core.Stages.Progress;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Stages.DealControl;

/// <summary>
/// Computes the deal-control views (成交管控系统; rule book: stages, the deal-control system): one opportunity's progress, and for any number
/// of opportunities the pipeline, the anomalies, the forecast and the conversion statistics.
/// </summary>
/// <remarks>
/// Implementations are immutable and thread-safe; "now" is always passed in (<c>asOf</c>), never read
/// from a clock. Summaries of partitions combine with <see cref="DealControlSummary.Merge"/>.
/// </remarks>
public interface IPipelineAnalyzer
{
    /// <summary>Gets the options the analyzer applies.</summary>
    StagesOptions Options { get; }

    /// <summary>Compares an opportunity's sales stage with the customer's observed procurement stage.</summary>
    /// <param name="state">The opportunity.</param>
    /// <returns>The comparison under the progress policy.</returns>
    ProgressComparison Compare(in OpportunityState state);

    /// <summary>Gets the view of one opportunity.</summary>
    /// <param name="state">The opportunity.</param>
    /// <param name="asOf">The moment of the report.</param>
    /// <returns>The progress view.</returns>
    /// <exception cref="KamValidationException">The opportunity has not been opened.</exception>
    OpportunityProgress Progress(in OpportunityState state, Instant asOf);

    /// <summary>Summarizes opportunities: open ones into the pipeline, forecast and anomalies, closed ones into the conversion statistics.</summary>
    /// <param name="states">The opportunities.</param>
    /// <param name="asOf">The moment of the report.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="KamValidationException">An opportunity has not been opened (path <c>states[i]</c>).</exception>
    /// <exception cref="CurrencyMismatchException">An opportunity is valued in another currency than the analyzer's.</exception>
    DealControlSummary Summarize(ReadOnlySpan<OpportunityState> states, Instant asOf);

    /// <summary>Summarizes opportunities given as any sequence (see the span overload).</summary>
    /// <param name="states">The opportunities.</param>
    /// <param name="asOf">The moment of the report.</param>
    /// <returns>The summary.</returns>
    DealControlSummary Summarize(IEnumerable<OpportunityState> states, Instant asOf);
}
