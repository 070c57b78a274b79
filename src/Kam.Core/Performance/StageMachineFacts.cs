using System.Globalization;
using NodaTime;
using Kam.Core.Stages.DealControl;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Performance;

/// <summary>
/// Fills <see cref="SalesProcessFacts"/> for one salesperson from the stage machine (rule book: performance and pay,
/// Sales-process indicators: the quality of progress reporting is part of the salesperson's performance), so the sales-process indicators of an
/// appraisal can be scored from the same opportunities the deal-control views use.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><description><b>Progress reported on time</b>: an open opportunity of the person counts as reported on time
/// when its last event is no older than <c>reportingInterval</c> at <c>asOf</c>; the denominator is the person's
/// open opportunities.</description></item>
/// <item><description><b>Conversion per stage</b>: from the person's closed opportunities, as the deal-control
/// conversion statistics count them (entered the stage; advanced beyond it).</description></item>
/// <item><description><b>Pipeline coverage</b>: the person's open pipeline value against the quota.</description></item>
/// </list>
/// Pure and thread-safe; nothing passed in is changed.
/// </remarks>
public static class StageMachineFacts
{
    /// <summary>Builds the sales-process facts of one person from opportunities of any owners.</summary>
    /// <param name="analyzer">The deal-control analyzer (its currency must be the quota's).</param>
    /// <param name="opportunities">Opportunities; only those owned by <paramref name="owner"/> are used.</param>
    /// <param name="owner">The person appraised.</param>
    /// <param name="asOf">The moment of the appraisal.</param>
    /// <param name="reportingInterval">How recent the last progress event must be to count as on time; positive.</param>
    /// <param name="quota">The person's quota for the period; positive.</param>
    /// <returns>The facts.</returns>
    /// <exception cref="KamValidationException">The interval is not positive, the quota is not positive, or an opportunity was never opened.</exception>
    /// <exception cref="CurrencyMismatchException">The quota or an opportunity is in another currency than the analyzer's.</exception>
    public static SalesProcessFacts FromOpportunities(
        IPipelineAnalyzer analyzer,
        IEnumerable<OpportunityState> opportunities,
        PersonId owner,
        Instant asOf,
        Duration reportingInterval,
        Money quota)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(opportunities);
        if (reportingInterval <= Duration.Zero)
        {
            throw new KamValidationException(nameof(reportingInterval), KamErrorCodes.OutOfRange, reportingInterval.ToString(null, CultureInfo.InvariantCulture), "The reporting interval must be positive.");
        }

        var owned = opportunities.Where(o => o.IsOpened && o.Owner == owner).ToArray();
        var summary = analyzer.Summarize(owned, asOf);
        var open = 0;
        var onTime = 0;
        var deadline = asOf - reportingInterval;
        foreach (var opportunity in owned)
        {
            if (opportunity.IsClosed)
            {
                continue;
            }

            open++;
            if (opportunity.LastEventAt >= deadline)
            {
                onTime++;
            }
        }

        var stages = summary.Conversion.Stages
            .Select(s => new StageConversionCount(s.Stage.ToString(), Clamp(s.Entered), Clamp(s.Advanced)));
        return new SalesProcessFacts(onTime, open, stages, summary.Total.Value, quota);
    }

    private static int Clamp(long count) => (int)Math.Min(count, int.MaxValue);
}
