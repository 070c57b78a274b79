using System.Globalization;
using Kam.Core.Accounts.Serialization;
using NodaTime;

namespace Kam.Core.Accounts.Plans;

/// <summary>
/// The key-account plan of one account and fiscal year — the core tool of objective and plan management for a key
/// account: the situation, objectives with measurable targets, the whitespace grid, the action plan, the resource
/// plan, what the account gets that no other does, the project plans and the monthly operating plan, whether it was
/// planned with the customer, and its reviews (rule book: the key-account plan).
/// </summary>
/// <remarks>
/// <para>
/// Immutable and valid from construction. Every problem is reported together as one <see cref="KamValidationException"/>
/// with paths relative to the plan: a period outside the plan's year or of another fiscal calendar
/// (<c>objectives[0].targets[2].period</c>, <c>resources[1].period</c>, <c>operatingPlan[4].month</c>,
/// <c>reviews[0].period</c>), an amount in another currency than the plan's (<c>objectives[1].targets[0].value</c>,
/// <c>resources[2].budget</c>, <c>situation.revenue</c>, <c>whitespace.currency</c>), an action or project plan for an
/// objective the plan does not have (<c>actions[3].objective</c>), a review line for a target the plan does not have
/// (<c>reviews[1].lines[0].measure</c> or <c>.period</c>), and duplicates (objective keys, targets, months, reviews of
/// one period).
/// </para>
/// <para>
/// Whether the account, the owners and the target plan's targets exist, and the plan's faults, are checked by
/// <see cref="PlanChecker"/>. Load from JSON with <see cref="FromJson"/>; the format and its JSON Schema are in
/// docs/accounts.md.
/// </para>
/// </remarks>
public sealed class KeyAccountPlan
{
    /// <summary>Creates a plan.</summary>
    /// <param name="account">The account the plan is for.</param>
    /// <param name="calendar">The fiscal calendar of the plan's periods.</param>
    /// <param name="fiscalYear">The fiscal year the plan covers (1-9998).</param>
    /// <param name="currency">The currency of every amount in the plan.</param>
    /// <param name="objectives">The objectives with their measurable targets (copied); keys unique.</param>
    /// <param name="situation">The facts kept on the account; <see langword="null"/> for none.</param>
    /// <param name="whitespace">The whitespace grid, or <see langword="null"/>.</param>
    /// <param name="actions">The action plan (copied).</param>
    /// <param name="resources">The resource plan (copied).</param>
    /// <param name="differentiation">What the account gets that no other account gets (copied); none blank.</param>
    /// <param name="projects">The project plans (copied).</param>
    /// <param name="operatingPlan">The monthly operating plan (copied); one entry per month at most.</param>
    /// <param name="reviews">The reviews held (copied); one per period at most.</param>
    /// <param name="coPlannedOn">The date the plan was made with the customer, or <see langword="null"/> when it was not.</param>
    /// <exception cref="KamValidationException">The plan is invalid; every problem is reported.</exception>
    public KeyAccountPlan(
        AccountId account,
        FiscalCalendar calendar,
        int fiscalYear,
        Currency currency,
        IReadOnlyList<PlanObjective> objectives,
        AccountSituation? situation = null,
        WhitespaceGrid? whitespace = null,
        IReadOnlyList<PlanAction>? actions = null,
        IReadOnlyList<ResourceLine>? resources = null,
        IReadOnlyList<string>? differentiation = null,
        IReadOnlyList<ProjectPlan>? projects = null,
        IReadOnlyList<OperatingPlanEntry>? operatingPlan = null,
        IReadOnlyList<PlanReview>? reviews = null,
        LocalDate? coPlannedOn = null)
    {
        ArgumentNullException.ThrowIfNull(objectives);
        var errors = new ValidationCollector();
        Checks.Identifier(errors, "account", account.Value);
        errors.Required("calendar", (object?)calendar);
        var yearOk = errors.InRange("fiscalYear", fiscalYear, 1, 9998) && calendar is not null;
        if (currency == Currency.None)
        {
            errors.Add("currency", KamErrorCodes.Required, null, "A plan names the currency of its amounts.");
        }

        var year = yearOk ? calendar!.Year(fiscalYear) : default;
        bool Period(string path, FiscalPeriod period)
        {
            if (!yearOk || PlanRules.InYear(calendar!, year, period))
            {
                return true;
            }

            errors.Add(path, KamErrorCodes.OutOfRange, Enum.IsDefined(period.Kind) ? period : null,
                string.Create(CultureInfo.InvariantCulture, $"The plan covers {year} ({year.Start:uuuu-MM} to {year.End:uuuu-MM}) of the {calendar}; the period must be that year or one of its parts."));
            return false;
        }

        var objectiveList = PlanRules.Parts(errors, "objectives", objectives);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var targets = new Dictionary<string, HashSet<FiscalPeriod>>(StringComparer.Ordinal);
        for (var i = 0; i < objectiveList.Length; i++)
        {
            if (objectiveList[i] is not { } objective)
            {
                continue;
            }

            if (!keys.Add(objective.Key))
            {
                errors.Add($"objectives[{i}].key", KamErrorCodes.Duplicate, objective.Key, "Another objective has this key; keys must be unique.");
            }

            for (var j = 0; j < objective.Targets.Count; j++)
            {
                var target = objective.Targets[j];
                var path = $"objectives[{i}].targets[{j}]";
                Period($"{path}.period", target.Period);
                if (target.Currency != Currency.None)
                {
                    PlanRules.SameCurrency(errors, $"{path}.value", new Money(target.Value!.Value, target.Currency), currency);
                }

                if (!(targets.TryGetValue(target.Measure, out var periods) ? periods : targets[target.Measure] = []).Add(target.Period))
                {
                    errors.Add(path, KamErrorCodes.Duplicate, $"{target.Measure} {target.Period}", "Another objective has a target of the same measure and period.");
                }
            }
        }

        situation ??= new AccountSituation();
        PlanRules.SameCurrency(errors, "situation.revenue", situation.Revenue, currency);
        if (whitespace is not null && whitespace.Currency != currency && currency != Currency.None)
        {
            errors.Add("whitespace.currency", KamErrorCodes.CurrencyMismatch, whitespace.Currency.Code, $"The plan's amounts are in {currency.Code}.");
        }

        var actionList = PlanRules.Parts(errors, "actions", actions);
        for (var i = 0; i < actionList.Length; i++)
        {
            if (actionList[i] is { } action && !keys.Contains(action.Objective))
            {
                errors.Add($"actions[{i}].objective", KamErrorCodes.Unknown, action.Objective, "The plan has no objective with this key.");
            }
        }

        var resourceList = PlanRules.Parts(errors, "resources", resources);
        for (var i = 0; i < resourceList.Length; i++)
        {
            if (resourceList[i] is { } line)
            {
                Period($"resources[{i}].period", line.Period);
                PlanRules.SameCurrency(errors, $"resources[{i}].budget", line.Budget, currency);
            }
        }

        var differentiationList = PlanRules.Texts(errors, "differentiation", differentiation, unique: true);
        var projectList = PlanRules.Parts(errors, "projects", projects);
        for (var i = 0; i < projectList.Length; i++)
        {
            if (projectList[i] is { Objective: { } key } && !keys.Contains(key))
            {
                errors.Add($"projects[{i}].objective", KamErrorCodes.Unknown, key, "The plan has no objective with this key.");
            }
        }

        var operatingList = PlanRules.Parts(errors, "operatingPlan", operatingPlan);
        var months = new HashSet<FiscalPeriod>();
        for (var i = 0; i < operatingList.Length; i++)
        {
            if (operatingList[i] is { } entry)
            {
                Period($"operatingPlan[{i}].month", entry.Month);
                if (!months.Add(entry.Month))
                {
                    errors.Add($"operatingPlan[{i}].month", KamErrorCodes.Duplicate, entry.Month, "Another entry is for the same month.");
                }
            }
        }

        var reviewList = PlanRules.Parts(errors, "reviews", reviews);
        var reviewed = new HashSet<FiscalPeriod>();
        for (var i = 0; i < reviewList.Length; i++)
        {
            if (reviewList[i] is not { } review)
            {
                continue;
            }

            if (Period($"reviews[{i}].period", review.Period) && !reviewed.Add(review.Period))
            {
                errors.Add($"reviews[{i}].period", KamErrorCodes.Duplicate, review.Period, "Another review is of the same period.");
            }

            for (var j = 0; j < review.Lines.Count; j++)
            {
                var line = review.Lines[j];
                if (!targets.TryGetValue(line.Measure, out var periods))
                {
                    errors.Add($"reviews[{i}].lines[{j}].measure", KamErrorCodes.Unknown, line.Measure, "No objective of the plan has a target of this measure.");
                }
                else if (!periods.Contains(line.Period))
                {
                    errors.Add($"reviews[{i}].lines[{j}].period", KamErrorCodes.Unknown, line.Period, $"The plan has no '{line.Measure}' target for this period.");
                }
            }
        }

        errors.ThrowIfAny();
        Account = account;
        Calendar = calendar!;
        FiscalYear = fiscalYear;
        Year = year;
        Currency = currency;
        Objectives = Array.AsReadOnly(objectiveList);
        Situation = situation;
        Whitespace = whitespace;
        Actions = Array.AsReadOnly(actionList);
        Resources = Array.AsReadOnly(resourceList);
        Differentiation = Array.AsReadOnly(differentiationList);
        Projects = Array.AsReadOnly(projectList);
        OperatingPlan = Array.AsReadOnly(operatingList);
        Reviews = Array.AsReadOnly(reviewList);
        CoPlannedOn = coPlannedOn;
    }

    /// <summary>Gets the account the plan is for.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the fiscal calendar.</summary>
    public FiscalCalendar Calendar { get; }

    /// <summary>Gets the fiscal year the plan covers.</summary>
    public int FiscalYear { get; }

    /// <summary>Gets the plan's fiscal year as a period.</summary>
    public FiscalPeriod Year { get; }

    /// <summary>Gets the currency of every amount in the plan.</summary>
    public Currency Currency { get; }

    /// <summary>Gets the facts kept on the account.</summary>
    public AccountSituation Situation { get; }

    /// <summary>Gets the objectives, in the order given.</summary>
    public IReadOnlyList<PlanObjective> Objectives { get; }

    /// <summary>Gets the whitespace grid, or <see langword="null"/>.</summary>
    public WhitespaceGrid? Whitespace { get; }

    /// <summary>Gets the action plan, in the order given.</summary>
    public IReadOnlyList<PlanAction> Actions { get; }

    /// <summary>Gets the resource plan, in the order given.</summary>
    public IReadOnlyList<ResourceLine> Resources { get; }

    /// <summary>Gets what the account gets that no other account gets, in the order given.</summary>
    public IReadOnlyList<string> Differentiation { get; }

    /// <summary>Gets the project plans, in the order given.</summary>
    public IReadOnlyList<ProjectPlan> Projects { get; }

    /// <summary>Gets the monthly operating plan, in the order given.</summary>
    public IReadOnlyList<OperatingPlanEntry> OperatingPlan { get; }

    /// <summary>Gets the reviews held, in the order given.</summary>
    public IReadOnlyList<PlanReview> Reviews { get; }

    /// <summary>Gets the date the plan was made with the customer, or <see langword="null"/>.</summary>
    public LocalDate? CoPlannedOn { get; }

    /// <summary>Reads a plan from JSON (the format is in docs/accounts.md; its schema in docs/schemas/key-account-plan.schema.json).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated plan.</returns>
    /// <exception cref="KamValidationException">The JSON is malformed or the plan invalid; paths are JSON paths in the file's member names (<c>$.actions[3].objective</c>).</exception>
    public static KeyAccountPlan FromJson(string json) => PlansJson.ReadPlan(json);

    /// <summary>Writes the plan as JSON that <see cref="FromJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => PlansJson.Write(this);
}
