using Kam.Core.Accounts.Targets;
using Kam.Core.Serialization;

namespace Kam.Core.Accounts.Serialization;

/// <summary>Reads and writes the Accounts rule files through <see cref="KamJson"/>; validation paths become JSON paths (<c>$.targets[3].period</c>).</summary>
internal static class AccountsJson
{
    public static TargetPlan ReadTargetPlan(string json) => KamJson.Read(json, AccountsJsonContext.Strict.TargetPlanDto, dto => KamJson.AtPath("$.", () => FromDto(dto)));

    public static string Write(TargetPlan plan) => KamJson.Serialize(ToDto(plan), AccountsJsonContext.Strict.TargetPlanDto);

    public static AllocationPolicy ReadAllocationPolicy(string json) => KamJson.Read(json, AccountsJsonContext.Strict.AllocationPolicyDto, dto => KamJson.AtPath("$.", () =>
        new AllocationPolicy(dto.Basis ?? AllocationBasis.LastYear, dto.TierWeights, dto.Seasonality)));

    public static string Write(AllocationPolicy policy) => KamJson.Serialize(
        new AllocationPolicyDto
        {
            Basis = policy.Basis,
            TierWeights = policy.TierWeights.Count == 0 ? null : policy.TierWeights.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            Seasonality = [.. policy.Seasonality],
        },
        AccountsJsonContext.Strict.AllocationPolicyDto);

    public static Organization ReadOrganization(string json) => KamJson.Read(json, AccountsJsonContext.Strict.OrganizationDto, dto => KamJson.AtPath("$.", () => FromDto(dto)));

    public static string Write(Organization organization) => KamJson.Serialize(
        new OrganizationDto
        {
            Units = organization.Units.Select(u => new OrganizationUnitDto { Id = u.Id, Name = u.Name, Level = u.Level, Parent = u.Parent }).ToList(),
            People = organization.People.Count == 0 ? null : organization.People.Select(p => new PersonDto { Id = p.Id, Name = p.Name, Unit = p.Unit, Role = p.Role }).ToList(),
            Territories = organization.Territories.Count == 0 ? null : organization.Territories.Select(t => new TerritoryDto { Id = t.Id, Name = t.Name, Unit = t.Unit, Manager = t.Manager }).ToList(),
        },
        AccountsJsonContext.Strict.OrganizationDto);

    private static Organization FromDto(OrganizationDto dto)
    {
        var errors = new ValidationCollector();
        var units = Each(errors, "units", dto.Units, u => new OrganizationUnit(u.Id, u.Name, u.Level, u.Parent));
        var people = Each(errors, "people", dto.People ?? [], p => new Person(p.Id, p.Name, p.Unit, p.Role));
        var territories = Each(errors, "territories", dto.Territories ?? [], t => new Territory(t.Id, t.Name, t.Unit, t.Manager));
        errors.ThrowIfAny();
        return new Organization(units, people, territories);
    }

    /// <summary>Builds each element, collecting its problems under <c>list[i]</c>; the list keeps the file's indices only when every element is valid (otherwise the caller throws).</summary>
    private static List<T> Each<TDto, T>(ValidationCollector errors, string list, List<TDto> items, Func<TDto, T> create)
        where T : class
    {
        var result = new List<T>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is null)
            {
                errors.Add($"{list}[{i}]", KamErrorCodes.Required, null, "An element is required.");
            }
            else if (KamJson.Nested(errors, $"{list}[{i}]", () => create(item)) is { } built)
            {
                result.Add(built);
            }
        }

        return result;
    }

    private static TargetPlan FromDto(TargetPlanDto dto)
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

        var measures = new List<TargetMeasure>();
        for (var i = 0; i < dto.Measures.Count; i++)
        {
            var m = dto.Measures[i];
            if (KamJson.Nested(errors, $"measures[{i}]", () => new TargetMeasure(m.Key, m.Kind, m.Currency ?? Currency.None, m.Name)) is { } measure)
            {
                measures.Add(measure);
            }
        }

        var currencies = measures.GroupBy(m => m.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Currency, StringComparer.Ordinal);
        var targets = new List<Target>();
        var fileIndex = new List<int>();
        for (var i = 0; i < dto.Targets.Count; i++)
        {
            if (calendar is not null && ToTarget(errors, i, dto.Targets[i], calendar, currencies) is { } target)
            {
                targets.Add(target);
                fileIndex.Add(i);
            }
        }

        if (!errors.HasErrors)
        {
            return new TargetPlan(calendar!, dto.FiscalYear, measures, targets);
        }

        // Report the plan's own problems too (currencies, periods, duplicates), at the targets' places in the file.
        if (calendar is not null)
        {
            try
            {
                _ = new TargetPlan(calendar, dto.FiscalYear, measures, targets);
            }
            catch (KamValidationException ex)
            {
                errors.AddRange(ex.Errors.Select(e => e with { Path = InFile(e.Path, fileIndex) }));
            }
        }

        errors.ThrowIfAny();
        return null!;
    }

    /// <summary>Turns <c>targets[k]…</c> (the k-th target that could be built) into the path of that target in the file.</summary>
    private static string InFile(string path, List<int> fileIndex)
    {
        const string prefix = "targets[";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return path;
        }

        var close = path.IndexOf(']', StringComparison.Ordinal);
        var k = int.Parse(path.AsSpan(prefix.Length, close - prefix.Length), System.Globalization.CultureInfo.InvariantCulture);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}{fileIndex[k]}{path[close..]}");
    }

    private static Target? ToTarget(ValidationCollector errors, int i, TargetDto dto, FiscalCalendar calendar, Dictionary<string, Currency> currencies)
    {
        var path = $"targets[{i}]";
        TargetSubject? subject = null;
        if (dto.Account is { } account && dto.Unit is null)
        {
            subject = TargetSubject.ForAccount(account);
        }
        else if (dto.Unit is { } unit && dto.Account is null)
        {
            subject = TargetSubject.ForUnit(unit);
        }
        else
        {
            errors.Add(path, KamErrorCodes.Required, null, "A target names exactly one of 'account' and 'unit'.");
        }

        FiscalPeriod? period = null;
        try
        {
            period = calendar.Parse(dto.Period);
        }
        catch (KamValidationException ex)
        {
            errors.Add($"{path}.period", ex.Errors[0].Code, dto.Period, ex.Errors[0].Message);
        }

        if (subject is null || period is null)
        {
            return null;
        }

        var currency = dto.Currency ?? currencies.GetValueOrDefault(dto.Measure, Currency.None);
        return KamJson.Nested(errors, path, () => currency == Currency.None
            ? new Target(subject.Value, dto.Measure, period.Value, dto.Value)
            : new Target(subject.Value, dto.Measure, period.Value, new Money(dto.Value, currency)));
    }

    private static TargetPlanDto ToDto(TargetPlan plan) => new()
    {
        FiscalYearStartMonth = plan.Calendar.FirstMonth,
        FiscalYearNaming = plan.Calendar.FirstMonth == 1 ? null : plan.Calendar.Naming,
        FiscalYear = plan.FiscalYear,
        Measures = plan.Measures.Select(m => new TargetMeasureDto
        {
            Key = m.Key,
            Name = m.Name == m.Key ? null : m.Name,
            Kind = m.Kind,
            Currency = m.Kind == TargetMeasureKind.Money ? m.Currency : null,
        }).ToList(),
        Targets = plan.Targets.Select(t => new TargetDto
        {
            Account = t.Subject.Account,
            Unit = t.Subject.Unit,
            Measure = t.Measure,
            Period = t.Period.ToString(),
            Value = t.Value,
        }).ToList(),
    };
}
