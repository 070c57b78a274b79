using Kam.Core.Accounts.Plans;
using Kam.Core.Serialization;

namespace Kam.Core.Accounts.Serialization;

/// <summary>Reads and writes the key-account plan and the plan-check policy through <see cref="KamJson"/>; validation paths become JSON paths (<c>$.actions[3].objective</c>).</summary>
internal static class PlansJson
{
    public static KeyAccountPlan ReadPlan(string json) => KamJson.Read(json, AccountsJsonContext.Strict.KeyAccountPlanDto, dto => KamJson.AtPath("$.", () => FromDto(dto)));

    public static string Write(KeyAccountPlan plan) => KamJson.Serialize(ToDto(plan), AccountsJsonContext.Strict.KeyAccountPlanDto);

    public static PlanCheckPolicy ReadPolicy(string json) => KamJson.Read(json, AccountsJsonContext.Strict.PlanCheckPolicyDto, dto => KamJson.AtPath("$.", () =>
    {
        var d = PlanCheckPolicy.Default;
        return new PlanCheckPolicy(dto.ReviewPeriod ?? d.ReviewPeriod, dto.ReviewGraceDays ?? d.ReviewGraceDays, dto.OperatingPlanDueDay ?? d.OperatingPlanDueDay, dto.MinimumLeadTimeDays ?? d.MinimumLeadTimeDays, dto.ActionGraceDays ?? d.ActionGraceDays);
    }));

    public static string Write(PlanCheckPolicy policy) => KamJson.Serialize(
        new PlanCheckPolicyDto
        {
            ReviewPeriod = policy.ReviewPeriod,
            ReviewGraceDays = policy.ReviewGraceDays,
            OperatingPlanDueDay = policy.OperatingPlanDueDay,
            MinimumLeadTimeDays = policy.MinimumLeadTimeDays,
            ActionGraceDays = policy.ActionGraceDays,
        },
        AccountsJsonContext.Strict.PlanCheckPolicyDto);

    private static KeyAccountPlan FromDto(KeyAccountPlanDto dto)
    {
        var errors = new ValidationCollector();
        FiscalCalendar? calendar = null;
        try
        {
            calendar = new FiscalCalendar(dto.FiscalYearStartMonth ?? 1, dto.FiscalYearNaming ?? FiscalYearNaming.EndYear);
        }
        catch (KamValidationException ex)
        {
            errors.AddRange(ex.Errors.Select(e => e with { Path = e.Path == "firstMonth" ? "fiscalYearStartMonth" : "fiscalYearNaming" }));
        }

        var currency = dto.Currency;
        Money? Amount(decimal? amount) => amount is { } a ? new Money(a, currency) : null;
        FiscalPeriod? Period(string path, string text)
        {
            if (calendar is null)
            {
                return null;
            }

            try
            {
                return calendar.Parse(text);
            }
            catch (KamValidationException ex)
            {
                errors.Add(path, ex.Errors[0].Code, text, ex.Errors[0].Message);
                return null;
            }
        }

        var situation = dto.Situation is { } s
            ? KamJson.Nested(errors, "situation", () => new AccountSituation(Amount(s.Revenue), s.Indicators, s.ShareOfSpend, s.ShareOfProfit, s.Competitors, s.BuyingProcess, s.Notes))
            : null;
        var objectives = Each(errors, "objectives", dto.Objectives, (o, path) =>
        {
            var targets = Each(errors, $"{path}.targets", o.Targets ?? [], (t, tp) => ToTarget(errors, tp, t, Period($"{tp}.period", t.Period), currency));
            return targets.Count == (o.Targets?.Count ?? 0) ? new PlanObjective(o.Key, o.Description, targets) : null;
        });
        var whitespace = dto.Whitespace is { } w
            ? KamJson.Nested(errors, "whitespace", () =>
            {
                var cells = Each(errors, "whitespace.cells", w.Cells, (c, _) => new WhitespaceCell(c.Offering, c.Unit, c.State, c.Competitor, c.Opportunity, Amount(c.EstimatedValue)));
                return cells.Count == w.Cells.Count ? new WhitespaceGrid(currency, w.Offerings, w.Units, cells) : null;
            })
            : null;
        var actions = Each(errors, "actions", dto.Actions ?? [], (a, _) => new PlanAction(a.Title, a.Due, a.Objective, a.Owner, a.Status ?? PlanActionStatus.Open, a.Opportunity, a.PlaybookItem));
        var resources = Each(errors, "resources", dto.Resources ?? [], (r, path) =>
            Period($"{path}.period", r.Period) is { } period ? new ResourceLine(period, r.Purpose, r.Person, r.Days ?? 0m, Amount(r.Budget)) : null);
        var projects = Each(errors, "projects", dto.Projects ?? [], (p, _) => new ProjectPlan(p.Name, p.Due, p.Start, p.Objective, p.Opportunity));
        var operating = Each(errors, "operatingPlan", dto.OperatingPlan ?? [], (e, path) =>
            Period($"{path}.month", e.Month) is { } month ? new OperatingPlanEntry(month, e.SetOn, e.Priorities) : null);
        var reviews = Each(errors, "reviews", dto.Reviews ?? [], (r, path) =>
        {
            var period = Period($"{path}.period", r.Period);
            var lines = Each(errors, $"{path}.lines", r.Lines ?? [], (l, lp) =>
                Period($"{lp}.period", l.Period) is { } lineperiod ? new ReviewLine(l.Measure, lineperiod, l.Planned, l.Actual, l.Reasons, l.CorrectiveActions) : null);
            return period is { } p && lines.Count == (r.Lines?.Count ?? 0) ? new PlanReview(p, r.HeldOn, r.CustomerTookPart, lines, r.Supervisor) : null;
        });

        errors.ThrowIfAny();
        try
        {
            return new KeyAccountPlan(dto.Account, calendar!, dto.FiscalYear, currency, objectives, situation, whitespace, actions, resources, dto.Differentiation, projects, operating, reviews, dto.CoPlannedOn);
        }
        catch (KamValidationException ex)
        {
            // An own money target is written "amount" in the file.
            throw new KamValidationException(ex.Errors.Select(e => e with { Path = AmountPath(dto, e.Path) }));
        }
    }

    private static ObjectiveTarget? ToTarget(ValidationCollector errors, string path, ObjectiveTargetDto t, FiscalPeriod? period, Currency planCurrency)
    {
        if (t.Amount is not null && t.Value is not null)
        {
            errors.Add($"{path}.value", KamErrorCodes.InvalidState, t.Value, "Give 'amount' (money) or 'value' (a ratio or score), not both.");
            return null;
        }

        if (t.Currency is { } c && t.Amount is null)
        {
            errors.Add($"{path}.currency", KamErrorCodes.InvalidState, c.Code, "A currency goes with an 'amount'.");
            return null;
        }

        if (period is not { } p)
        {
            return null;
        }

        return t.Amount is { } amount ? new ObjectiveTarget(t.Measure, p, new Money(amount, t.Currency ?? planCurrency))
            : t.Value is { } value ? new ObjectiveTarget(t.Measure, p, value)
            : new ObjectiveTarget(t.Measure, p);
    }

    private static string AmountPath(KeyAccountPlanDto dto, string path)
    {
        // objectives[i].targets[j].value → objectives[i].targets[j].amount when the file gave an amount.
        const string suffix = ".value";
        if (!path.StartsWith("objectives[", StringComparison.Ordinal) || !path.EndsWith(suffix, StringComparison.Ordinal))
        {
            return path;
        }

        var parts = path[..^suffix.Length].Split(['[', ']'], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 4
            && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var i)
            && int.TryParse(parts[3], System.Globalization.CultureInfo.InvariantCulture, out var j)
            && i < dto.Objectives.Count && dto.Objectives[i].Targets is { } targets && j < targets.Count && targets[j].Amount is not null
            ? path[..^suffix.Length] + ".amount"
            : path;
    }

    private static KeyAccountPlanDto ToDto(KeyAccountPlan plan)
    {
        static decimal? Amount(Money? money) => money?.Amount;
        var s = plan.Situation;
        var hasSituation = s.Revenue is not null || s.Indicators.Count > 0 || s.ShareOfSpend is not null || s.ShareOfProfit is not null || s.Competitors.Count > 0 || s.BuyingProcess is not null || s.Notes.Count > 0;
        return new KeyAccountPlanDto
        {
            Account = plan.Account,
            FiscalYearStartMonth = plan.Calendar.FirstMonth == 1 ? null : plan.Calendar.FirstMonth,
            FiscalYearNaming = plan.Calendar.FirstMonth == 1 ? null : plan.Calendar.Naming,
            FiscalYear = plan.FiscalYear,
            Currency = plan.Currency,
            CoPlannedOn = plan.CoPlannedOn,
            Situation = hasSituation ? new AccountSituationDto
            {
                Revenue = Amount(s.Revenue),
                Indicators = s.Indicators.Count == 0 ? null : s.Indicators.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
                ShareOfSpend = s.ShareOfSpend,
                ShareOfProfit = s.ShareOfProfit,
                Competitors = s.Competitors.Count == 0 ? null : [.. s.Competitors],
                BuyingProcess = s.BuyingProcess,
                Notes = s.Notes.Count == 0 ? null : [.. s.Notes],
            } : null,
            Objectives = plan.Objectives.Select(o => new PlanObjectiveDto
            {
                Key = o.Key,
                Description = o.Description,
                Targets = o.Targets.Select(t => new ObjectiveTargetDto
                {
                    Measure = t.Measure,
                    Period = t.Period.ToString(),
                    Amount = t.Currency != Currency.None ? t.Value : null,
                    Value = t.Currency == Currency.None ? t.Value : null,
                }).ToList(),
            }).ToList(),
            Whitespace = plan.Whitespace is { } w ? new WhitespaceGridDto
            {
                Offerings = [.. w.Offerings],
                Units = [.. w.Units],
                Cells = w.Cells.Select(c => new WhitespaceCellDto
                {
                    Offering = c.Offering,
                    Unit = c.Unit,
                    State = c.State,
                    Competitor = c.Competitor,
                    Opportunity = c.Opportunity,
                    EstimatedValue = Amount(c.EstimatedValue),
                }).ToList(),
            } : null,
            Actions = plan.Actions.Count == 0 ? null : plan.Actions.Select(a => new PlanActionDto
            {
                Title = a.Title,
                Owner = a.Owner,
                Due = a.Due,
                Status = a.Status,
                Objective = a.Objective,
                Opportunity = a.Opportunity,
                PlaybookItem = a.PlaybookItem,
            }).ToList(),
            Resources = plan.Resources.Count == 0 ? null : plan.Resources.Select(r => new ResourceLineDto
            {
                Period = r.Period.ToString(),
                Purpose = r.Purpose,
                Person = r.Person,
                Days = r.Person is null ? null : r.Days,
                Budget = Amount(r.Budget),
            }).ToList(),
            Differentiation = plan.Differentiation.Count == 0 ? null : [.. plan.Differentiation],
            Projects = plan.Projects.Count == 0 ? null : plan.Projects.Select(p => new ProjectPlanDto
            {
                Name = p.Name,
                Start = p.Start,
                Due = p.Due,
                Objective = p.Objective,
                Opportunity = p.Opportunity,
            }).ToList(),
            OperatingPlan = plan.OperatingPlan.Count == 0 ? null : plan.OperatingPlan.Select(e => new OperatingPlanEntryDto
            {
                Month = e.Month.ToString(),
                SetOn = e.SetOn,
                Priorities = [.. e.Priorities],
            }).ToList(),
            Reviews = plan.Reviews.Count == 0 ? null : plan.Reviews.Select(r => new PlanReviewDto
            {
                Period = r.Period.ToString(),
                HeldOn = r.HeldOn,
                CustomerTookPart = r.CustomerTookPart,
                Supervisor = r.Supervisor,
                Lines = r.Lines.Count == 0 ? null : r.Lines.Select(l => new ReviewLineDto
                {
                    Measure = l.Measure,
                    Period = l.Period.ToString(),
                    Planned = l.Planned,
                    Actual = l.Actual,
                    Reasons = l.Reasons,
                    CorrectiveActions = l.CorrectiveActions.Count == 0 ? null : [.. l.CorrectiveActions],
                }).ToList(),
            }).ToList(),
        };
    }

    /// <summary>Builds each element, collecting its problems under <c>list[i]</c>; an element whose build returns <see langword="null"/> has reported its own problems.</summary>
    private static List<T> Each<TDto, T>(ValidationCollector errors, string list, List<TDto> items, Func<TDto, string, T?> create)
        where T : class
    {
        var result = new List<T>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var path = $"{list}[{i}]";
            if (item is null)
            {
                errors.Add(path, KamErrorCodes.Required, null, "An element is required.");
            }
            else if (KamJson.Nested(errors, path, () => create(item, path)) is { } built)
            {
                result.Add(built);
            }
        }

        return result;
    }
}
