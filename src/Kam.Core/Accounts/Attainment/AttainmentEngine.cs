using Kam.Core.Accounts.Targets;
using NodaTime;

namespace Kam.Core.Accounts.Attainment;

/// <summary>
/// The attainment engine (rule book: accounts, targets; stages, deal control): for each account, account group and
/// unit, each measure and each period of a plan's year, the target, the actual to date, the weighted pipeline, the
/// run-rate projection, the forecast, the gap and the pipeline coverage, rolled up over both hierarchies.
/// </summary>
/// <remarks>
/// <para>
/// Rules fixed at construction (<see cref="AttainmentPolicy"/>); the plan, the hierarchy, the opportunities and the
/// actuals are inputs. <see cref="Evaluate"/> does it in one call; for data held in parts, <see cref="Tally"/> each
/// part, <see cref="AttainmentTally.Merge"/> the tallies in any order and <see cref="Report"/> the result: the
/// same report as one call over the whole.
/// </para>
/// <para>
/// Bad input is refused with one <see cref="KamValidationException"/> listing every problem with its path and value:
/// an as-of day outside the plan's year (<c>asOf</c>), a measure the plan does not have (<c>measures[0]</c>), an
/// opportunity of an unknown account (<c>opportunities[12].account</c>), a value in another currency than the bookings
/// measure's or negative (<c>opportunities[12].value</c>), a won opportunity without a close day or one closed after
/// the as-of day (<c>opportunities[12].closedOn</c>), an actual of an unknown account or measure, of the bookings
/// measure, in the wrong currency, or dated outside the plan's year or after the as-of day (<c>actuals[3].date</c>),
/// and a target of the plan naming an unknown account or unit (<c>targets[4].account</c>). A sum beyond the range of
/// decimal is reported with code <see cref="KamErrorCodes.Overflow"/>. Nothing passed is changed. Immutable and
/// thread-safe.
/// </para>
/// </remarks>
public sealed class AttainmentEngine
{
    /// <summary>Creates the engine.</summary>
    /// <param name="policy">The rules; <see langword="null"/> for <see cref="AttainmentPolicy.Default"/>.</param>
    public AttainmentEngine(AttainmentPolicy? policy = null) => Policy = policy ?? AttainmentPolicy.Default;

    /// <summary>Gets the rules.</summary>
    public AttainmentPolicy Policy { get; }

    /// <summary>Evaluates the opportunities and actuals against a plan in one call.</summary>
    /// <param name="plan">The targets.</param>
    /// <param name="hierarchy">The accounts and our organization; every account and unit the plan names must be in it.</param>
    /// <param name="asOf">The as-of day: a day of the plan's fiscal year.</param>
    /// <param name="opportunities">The opportunities: open ones feed the pipeline, won ones the bookings measure's actual.</param>
    /// <param name="actuals">The actuals of the other measures.</param>
    /// <param name="measures">The keys of the measures to evaluate; <see langword="null"/> for every measure of the plan.</param>
    /// <returns>The report.</returns>
    /// <exception cref="KamValidationException">An input is invalid; every problem is reported.</exception>
    public AttainmentReport Evaluate(TargetPlan plan, AccountHierarchy hierarchy, LocalDate asOf, ReadOnlySpan<AttainmentOpportunity> opportunities, ReadOnlySpan<AttainmentActual> actuals, IReadOnlyList<string>? measures = null) =>
        Report(Tally(plan, hierarchy, asOf, opportunities, actuals, measures));

    /// <summary>Tallies one part of the opportunities and actuals.</summary>
    /// <param name="plan">The targets.</param>
    /// <param name="hierarchy">The accounts and our organization.</param>
    /// <param name="asOf">The as-of day: a day of the plan's fiscal year.</param>
    /// <param name="opportunities">This part's opportunities.</param>
    /// <param name="actuals">This part's actuals.</param>
    /// <param name="measures">The keys of the measures to evaluate; <see langword="null"/> for every measure of the plan.</param>
    /// <param name="firstOpportunity">The index of this part's first opportunity in the whole, for error paths (<c>opportunities[1000012]</c>).</param>
    /// <param name="firstActual">The index of this part's first actual in the whole, for error paths.</param>
    /// <returns>The tally; merge it with the other parts' with <see cref="AttainmentTally.Merge"/>.</returns>
    /// <exception cref="KamValidationException">An input is invalid; every problem is reported.</exception>
    public AttainmentTally Tally(TargetPlan plan, AccountHierarchy hierarchy, LocalDate asOf, ReadOnlySpan<AttainmentOpportunity> opportunities, ReadOnlySpan<AttainmentActual> actuals, IReadOnlyList<string>? measures = null, int firstOpportunity = 0, int firstActual = 0)
    {
        var tally = new AttainmentTally(AttainmentScope.Create(Policy, plan, hierarchy, asOf, measures));
        tally.Add(opportunities, actuals, firstOpportunity, firstActual);
        return tally;
    }

    /// <summary>Turns a tally (of all parts, merged) into the report.</summary>
    /// <param name="tally">The tally, taken by an engine with the same rules.</param>
    /// <returns>The report.</returns>
    /// <exception cref="KamValidationException">The tally was taken under other rules (path <c>tally</c>), a target of the plan names an unknown account or unit, or a roll-up exceeds the range of decimal.</exception>
    public AttainmentReport Report(AttainmentTally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        if (!Policy.SameRules(tally.Scope.Policy))
        {
            throw new KamValidationException("tally", KamErrorCodes.InvalidState, null, "The tally was taken under other attainment rules than this engine's.");
        }

        return new AttainmentReport(tally);
    }
}
