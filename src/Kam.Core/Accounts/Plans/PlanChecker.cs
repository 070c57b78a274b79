using System.Globalization;
using Kam.Core.Accounts.Targets;
using NodaTime;

namespace Kam.Core.Accounts.Plans;

/// <summary>
/// Checks key-account plans for the faults of the rule book and returns them as typed findings with reasons and the
/// part of the plan at fault (rule book: faults a plan check flags).
/// </summary>
/// <remarks>
/// <para>
/// Rules fixed at construction: <c>new PlanChecker(PlanCheckPolicy.Default)</c>. Immutable and safe to share between
/// threads; no clock is read — the date the plans are checked as of is an argument.
/// </para>
/// <para>
/// The faults (<see cref="PlanFindingKind"/>): one plan for all levels of a group (an account with accounts directly
/// below it in the <see cref="AccountHierarchy"/> whose accounts have no plan, or a plan whose objectives and
/// resolved targets are the same); project plans without an operating plan; a project plan without a start date or
/// with less lead time than <see cref="PlanCheckPolicy.MinimumLeadTimeDays"/>; no co-planning; the last completed
/// review period's review held without the customer; nothing differentiated (no entry, or every entry also in
/// another account's plan); a measure targeted for the year only, with no quarter or month target in the plan or in
/// the target plan (or no target at all); an action without an owner; an open action past its due date plus
/// <see cref="PlanCheckPolicy.ActionGraceDays"/>; a review period that ended more than
/// <see cref="PlanCheckPolicy.ReviewGraceDays"/> ago without a review; a month's operating plan set after
/// <see cref="PlanCheckPolicy.OperatingPlanDueDay"/>, or missing once that day has passed (from the plan's first
/// operating-plan month on).
/// </para>
/// </remarks>
public sealed class PlanChecker : IPlanChecker
{
    /// <summary>Creates a checker.</summary>
    /// <param name="policy">The thresholds.</param>
    public PlanChecker(PlanCheckPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy;
    }

    /// <inheritdoc />
    public PlanCheckPolicy Policy { get; }

    /// <summary>Checks plans as of a date.</summary>
    /// <param name="plans">The plans, one per account, of the target plan's fiscal year (not changed).</param>
    /// <param name="hierarchy">The accounts and our organization: every plan's account, action owner, resource person and review supervisor must be in it.</param>
    /// <param name="targets">The target plan the objectives' references are resolved in.</param>
    /// <param name="asOf">The date the plans are checked as of.</param>
    /// <returns>The findings.</returns>
    /// <exception cref="KamValidationException">
    /// A plan's account is unknown or has two plans (<c>plans[2].account</c>), a plan is of another year or calendar than the target plan
    /// (<c>plans[2].fiscalYear</c>), a person is unknown (<c>plans[0].actions[3].owner</c>), or an objective's target names an
    /// unknown measure, a measure in another currency or a target the target plan does not have
    /// (<c>plans[0].objectives[1].targets[0].measure</c>); every problem is reported.
    /// </exception>
    public PlanCheckReport Check(IReadOnlyList<KeyAccountPlan> plans, AccountHierarchy hierarchy, TargetPlan targets, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(targets);
        var list = plans.ToArray();
        var errors = new ValidationCollector();
        var measures = new Dictionary<string, TargetMeasure>(StringComparer.Ordinal);
        foreach (var measure in targets.Measures)
        {
            measures.TryAdd(measure.Key, measure);
        }

        var byAccount = new Dictionary<AccountId, int>();
        var resolved = new (string Measure, FiscalPeriod Period, decimal Value)[list.Length][];
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is not { } plan)
            {
                errors.Add($"plans[{i}]", KamErrorCodes.Required, null, "A plan is required.");
                continue;
            }

            var known = hierarchy.Contains(plan.Account);
            if (!known)
            {
                errors.Add($"plans[{i}].account", KamErrorCodes.Unknown, plan.Account, "No account of the hierarchy has this identifier.");
            }
            else if (!byAccount.TryAdd(plan.Account, i))
            {
                errors.Add($"plans[{i}].account", KamErrorCodes.Duplicate, plan.Account, $"plans[{byAccount[plan.Account]}] is already this account's plan.");
            }

            if (plan.FiscalYear != targets.FiscalYear || !plan.Calendar.Equals(targets.Calendar))
            {
                errors.Add($"plans[{i}].fiscalYear", KamErrorCodes.OutOfRange, plan.Year,
                    string.Create(CultureInfo.InvariantCulture, $"The target plan covers {targets.Year} of the {targets.Calendar}; the plan is for {plan.Year} of the {plan.Calendar}."));
            }

            CheckPeople(errors, $"plans[{i}]", plan, hierarchy.Organization);
            resolved[i] = known ? Resolve(errors, $"plans[{i}]", plan, targets, measures) : [];
        }

        errors.ThrowIfAny();

        var split = new HashSet<(AccountId, string)>();
        foreach (var target in targets.Targets)
        {
            if (target.Subject.Account is { } account && target.Period.Kind != PeriodKind.Year)
            {
                split.Add((account, target.Measure));
            }
        }

        var differentiators = new Dictionary<string, List<AccountId>>(StringComparer.Ordinal);
        foreach (var plan in list)
        {
            foreach (var item in plan.Differentiation.Select(Normalize).Distinct(StringComparer.Ordinal))
            {
                (differentiators.TryGetValue(item, out var accounts) ? accounts : differentiators[item] = []).Add(plan.Account);
            }
        }

        var findings = new List<PlanFinding>();
        var context = new Context(list, byAccount, resolved, split, differentiators, hierarchy, asOf);
        for (var i = 0; i < list.Length; i++)
        {
            CheckPlan(findings, context, i);
        }

        return new PlanCheckReport(asOf, findings.AsReadOnly());
    }

    private static string Normalize(string text) => text.Trim().ToUpperInvariant();

    private static string D(LocalDate date) => ValidationCollector.Render(date)!;

    private static void CheckPeople(ValidationCollector errors, string prefix, KeyAccountPlan plan, Organization organization)
    {
        for (var j = 0; j < plan.Actions.Count; j++)
        {
            if (plan.Actions[j].Owner is { } owner && !organization.Contains(owner))
            {
                errors.Add($"{prefix}.actions[{j}].owner", KamErrorCodes.Unknown, owner, "No person of the organization has this identifier.");
            }
        }

        for (var j = 0; j < plan.Resources.Count; j++)
        {
            if (plan.Resources[j].Person is { } person && !organization.Contains(person))
            {
                errors.Add($"{prefix}.resources[{j}].person", KamErrorCodes.Unknown, person, "No person of the organization has this identifier.");
            }
        }

        for (var j = 0; j < plan.Reviews.Count; j++)
        {
            if (plan.Reviews[j].Supervisor is { } supervisor && !organization.Contains(supervisor))
            {
                errors.Add($"{prefix}.reviews[{j}].supervisor", KamErrorCodes.Unknown, supervisor, "No person of the organization has this identifier.");
            }
        }
    }

    /// <summary>Resolves every objective's target to its value (own, or the target plan's), sorted by measure and period.</summary>
    private static (string Measure, FiscalPeriod Period, decimal Value)[] Resolve(ValidationCollector errors, string prefix, KeyAccountPlan plan, TargetPlan targets, Dictionary<string, TargetMeasure> measures)
    {
        var result = new List<(string Measure, FiscalPeriod Period, decimal Value)>();
        for (var j = 0; j < plan.Objectives.Count; j++)
        {
            var objective = plan.Objectives[j];
            for (var k = 0; k < objective.Targets.Count; k++)
            {
                var target = objective.Targets[k];
                var path = $"{prefix}.objectives[{j}].targets[{k}]";
                var known = measures.TryGetValue(target.Measure, out var measure);
                if (target.Value is { } own)
                {
                    if (known && (measure!.Kind == TargetMeasureKind.Money ? target.Currency != measure.Currency : target.Currency != Currency.None))
                    {
                        var shown = target.Currency == Currency.None ? (object)own : new Money(own, target.Currency);
                        errors.Add($"{path}.value", KamErrorCodes.CurrencyMismatch, shown, measure.Kind == TargetMeasureKind.Money
                            ? $"The measure '{measure.Key}' is money in {measure.Currency.Code}; give an amount in {measure.Currency.Code}."
                            : $"The measure '{measure.Key}' is a {measure.Kind.ToString().ToLowerInvariant()}, not money.");
                    }

                    result.Add((target.Measure, target.Period, own));
                    continue;
                }

                if (!known)
                {
                    errors.Add($"{path}.measure", KamErrorCodes.Unknown, target.Measure, "The target plan has no measure with this key; a target without a value of its own refers to the target plan.");
                }
                else if (measure!.Kind == TargetMeasureKind.Money && measure.Currency != plan.Currency)
                {
                    errors.Add($"{path}.measure", KamErrorCodes.CurrencyMismatch, $"{measure.Key} ({measure.Currency.Code})", $"The measure is money in {measure.Currency.Code}; the plan's amounts are in {plan.Currency.Code}.");
                }
                else if (targets.Find(TargetSubject.ForAccount(plan.Account), target.Measure, target.Period) is { } found)
                {
                    result.Add((target.Measure, target.Period, found.Value));
                }
                else
                {
                    errors.Add(path, KamErrorCodes.Unknown, $"{target.Measure} {target.Period}", $"The target plan has no target of account '{plan.Account}' for this measure and period.");
                }
            }
        }

        return [.. result.OrderBy(r => r.Measure, StringComparer.Ordinal).ThenBy(r => r.Period)];
    }

    private void CheckPlan(List<PlanFinding> findings, Context context, int i)
    {
        var plan = context.Plans[i];
        void Add(PlanFindingKind kind, string path, params string[] reasons) => findings.Add(new PlanFinding(kind, plan.Account, path, Array.AsReadOnly(reasons)));
        var asOf = context.AsOf;

        // One plan for all levels of a group.
        var levels = new List<string>();
        foreach (var child in context.Hierarchy.Children(plan.Account))
        {
            if (!context.ByAccount.TryGetValue(child, out var c))
            {
                levels.Add($"'{child}' ({context.Hierarchy.Account(child).Level}) has no plan of its own.");
            }
            else if (context.Resolved[c].SequenceEqual(context.Resolved[i]))
            {
                levels.Add($"The plan of '{child}' ({context.Hierarchy.Account(child).Level}) has the same objectives and targets as this one.");
            }
        }

        if (levels.Count > 0)
        {
            Add(PlanFindingKind.OnePlanForAllLevels, "account", [.. levels]);
        }

        // Project plans without an operating plan; project plans without lead time.
        if (plan.Projects.Count > 0 && plan.OperatingPlan.Count == 0)
        {
            Add(PlanFindingKind.ProjectsWithoutOperatingPlan, "operatingPlan",
                $"{plan.Projects.Count} project plan(s) ({string.Join(", ", plan.Projects.Select(p => $"'{p.Name}'"))}) but no monthly operating plan to carry them.");
        }

        for (var j = 0; j < plan.Projects.Count; j++)
        {
            var project = plan.Projects[j];
            if (project.LeadTimeDays is not { } lead)
            {
                Add(PlanFindingKind.NoLeadTime, $"projects[{j}].start", $"'{project.Name}' has no start date, so no lead time before its due date {D(project.Due)}.");
            }
            else if (lead < Policy.MinimumLeadTimeDays)
            {
                Add(PlanFindingKind.NoLeadTime, $"projects[{j}].start",
                    string.Create(CultureInfo.InvariantCulture, $"'{project.Name}' starts {D(project.Start!.Value)}, {lead} days before its due date {D(project.Due)}; a project plan needs at least {Policy.MinimumLeadTimeDays} days' lead time."));
            }
        }

        // Plan with the customer, review with the customer.
        if (plan.CoPlannedOn is null)
        {
            Add(PlanFindingKind.NotCoPlanned, "coPlannedOn", "The plan was not made with the customer (no co-planning date).");
        }

        var reviewPeriods = plan.Year.Children(Policy.ReviewPeriod);
        var completed = reviewPeriods.Where(p => p.Interval.End < asOf).ToArray();
        if (completed.Length > 0 && ReviewOf(plan, completed[^1]) is { } last && !plan.Reviews[last].CustomerTookPart)
        {
            var review = plan.Reviews[last];
            Add(PlanFindingKind.NoJointReview, $"reviews[{last}].customerTookPart", $"The review of {review.Period} on {D(review.HeldOn)} was held without the customer.");
        }

        // Differentiation.
        if (plan.Differentiation.Count == 0)
        {
            Add(PlanFindingKind.NothingDifferentiated, "differentiation", "The plan names nothing the account gets that no other account gets.");
        }
        else if (plan.Differentiation.All(d => context.Differentiators[Normalize(d)].Any(a => a != plan.Account)))
        {
            Add(PlanFindingKind.NothingDifferentiated, "differentiation",
                [.. plan.Differentiation.Select(d => $"'{d}' is also in the plan of {string.Join(", ", context.Differentiators[Normalize(d)].Where(a => a != plan.Account).Select(a => $"'{a}'"))}.")]);
        }

        // Targets split by period.
        if (context.Resolved[i].Length == 0)
        {
            Add(PlanFindingKind.TargetsNotSplitByPeriod, "objectives", "The plan has no measurable target.");
        }
        else
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < plan.Objectives.Count; j++)
            {
                for (var k = 0; k < plan.Objectives[j].Targets.Count; k++)
                {
                    var target = plan.Objectives[j].Targets[k];
                    if (seen.Add(target.Measure)
                        && context.Resolved[i].All(r => r.Measure != target.Measure || r.Period.Kind == PeriodKind.Year)
                        && !context.Split.Contains((plan.Account, target.Measure)))
                    {
                        Add(PlanFindingKind.TargetsNotSplitByPeriod, $"objectives[{j}].targets[{k}].period",
                            $"'{target.Measure}' is targeted for {target.Period} only, with no quarter or month target in the plan or the target plan.");
                    }
                }
            }
        }

        // Actions.
        for (var j = 0; j < plan.Actions.Count; j++)
        {
            if (plan.Actions[j].Owner is null)
            {
                Add(PlanFindingKind.ActionWithoutOwner, $"actions[{j}].owner", $"'{plan.Actions[j].Title}' has no owner.");
            }
        }

        for (var j = 0; j < plan.Actions.Count; j++)
        {
            var action = plan.Actions[j];
            if (action.IsPending && action.Due.PlusDays(Policy.ActionGraceDays) < asOf)
            {
                Add(PlanFindingKind.ActionOverdue, $"actions[{j}].due", $"'{action.Title}' was due {D(action.Due)} and is still {action.Status} as of {D(asOf)}.");
            }
        }

        // Reviews overdue.
        foreach (var period in reviewPeriods)
        {
            var deadline = period.Interval.End.PlusDays(Policy.ReviewGraceDays);
            if (deadline < asOf && ReviewOf(plan, period) is null)
            {
                Add(PlanFindingKind.ReviewOverdue, "reviews", $"No review of {period}; it was due by {D(deadline)}.");
            }
        }

        // The monthly operating plan.
        if (plan.OperatingPlan.Count > 0)
        {
            for (var j = 0; j < plan.OperatingPlan.Count; j++)
            {
                var entry = plan.OperatingPlan[j];
                var due = entry.Month.Start.OnDayOfMonth(Policy.OperatingPlanDueDay);
                if (entry.SetOn > due)
                {
                    Add(PlanFindingKind.OperatingPlanLate, $"operatingPlan[{j}].setOn",
                        string.Create(CultureInfo.InvariantCulture, $"The priorities of {entry.Month} were set on {D(entry.SetOn)}, after day {Policy.OperatingPlanDueDay} of the month ({D(due)})."));
                }
            }

            var first = plan.OperatingPlan.Min(e => e.Month);
            foreach (var month in plan.Year.Children(PeriodKind.Month).Where(m => m >= first))
            {
                var due = month.Start.OnDayOfMonth(Policy.OperatingPlanDueDay);
                if (due < asOf && !plan.OperatingPlan.Any(e => e.Month == month))
                {
                    Add(PlanFindingKind.OperatingPlanLate, "operatingPlan", $"No operating plan for {month}; it was due by {D(due)}.");
                }
            }
        }
    }

    /// <summary>Finds the review of a period: of the period itself, or of a longer one that ends with it (a half-year's review covers its second quarter).</summary>
    private static int? ReviewOf(KeyAccountPlan plan, FiscalPeriod period)
    {
        for (var r = 0; r < plan.Reviews.Count; r++)
        {
            var reviewed = plan.Reviews[r].Period;
            if (reviewed == period || ((int)reviewed.Kind > (int)period.Kind && reviewed.End == period.End))
            {
                return r;
            }
        }

        return null;
    }

    private sealed record Context(
        KeyAccountPlan[] Plans,
        Dictionary<AccountId, int> ByAccount,
        (string Measure, FiscalPeriod Period, decimal Value)[][] Resolved,
        HashSet<(AccountId, string)> Split,
        Dictionary<string, List<AccountId>> Differentiators,
        AccountHierarchy Hierarchy,
        LocalDate AsOf);
}
