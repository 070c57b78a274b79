using Kam.Core.Performance;
using Kam.Core.Serialization;

namespace Kam.Core.Compensation.Serialization;

/// <summary>Reads and writes <see cref="PayPlan"/> rule files through <see cref="KamJson"/>.</summary>
/// <remarks>
/// Errors — malformed JSON, unknown or missing members, rates outside 0-100%, bands with gaps or overlaps, negative
/// salaries, periods out of order — come back as one <see cref="KamValidationException"/> with JSON paths such as
/// <c>$.components[2].schedule.bands[1].from</c>. The format is described in docs/compensation.md.
/// </remarks>
internal static class PayPlanJson
{
    /// <summary>Reads and validates a plan.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="KamValidationException">The text is not a valid plan.</exception>
    public static PayPlan FromJson(string json) => KamJson.Read(json, CompensationJsonContext.Shared.PayPlanDto, FromDto);

    internal static PayPlan FromDto(PayPlanDto dto)
    {
        var errors = new ValidationCollector();
        var components = new List<PayComponent>();
        for (var i = 0; i < dto.Components.Count; i++)
        {
            var at = $"$.components[{i}]";
            try
            {
                if (errors.Required(at, dto.Components[i]) && ToComponent(errors, at, dto.Components[i]) is { } component)
                {
                    components.Add(component);
                }
            }
            catch (KamValidationException ex)
            {
                errors.AddRange(Rebase(ex, at));
            }
        }

        errors.ThrowIfAny();
        return new PayPlan(dto.Name, dto.Currency, dto.Rounding, dto.EffectiveFrom, dto.EffectiveTo, components);
    }

    /// <summary>Writes a plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The JSON text, which <see cref="FromJson"/> reads back to an equivalent plan.</returns>
    public static string ToJson(PayPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return KamJson.Serialize(ToPlanDto(plan), CompensationJsonContext.Shared.PayPlanDto);
    }

    /// <summary>A plan's JSON form.</summary>
    internal static PayPlanDto ToPlanDto(PayPlan plan)
    {
        return new PayPlanDto
        {
            Name = plan.Name,
            Currency = plan.Currency,
            Rounding = plan.Rounding,
            EffectiveFrom = plan.EffectiveFrom,
            EffectiveTo = plan.EffectiveTo,
            Components = plan.Components.Select(ToDto).ToArray(),
        };
    }

    /// <summary>Reads the pay options: every section optional (missing → its default); every section's problems reported together.</summary>
    public static PayOptions ReadOptions(string json) => KamJson.Read(json, CompensationJsonContext.Shared.PayOptionsDto, dto =>
    {
        var errors = new List<KamValidationError>();
        var scorecard = KamJson.Section(errors, "$.scorecard", dto.Scorecard, Kam.Core.Performance.Serialization.ScorecardJson.FromDto);
        var plan = KamJson.Section(errors, "$.plan", dto.Plan, FromDto);
        return errors.Count == 0 ? new PayOptions(scorecard, dto.RollUp ?? RollUpRule.MonthWeightedMean, plan) : throw new KamValidationException(errors);
    });

    /// <summary>Writes the pay options.</summary>
    public static string Write(PayOptions options) => KamJson.Serialize(
        new PayOptionsDto
        {
            Scorecard = Kam.Core.Performance.Serialization.ScorecardJson.ToScorecardDto(options.Scorecard),
            RollUp = options.RollUp,
            Plan = options.Plan is { } plan ? ToPlanDto(plan) : null,
        },
        CompensationJsonContext.Shared.PayOptionsDto);

    private static PayComponent? ToComponent(ValidationCollector errors, string at, PayComponentDto dto)
    {
        switch (dto.Kind)
        {
            case PayComponentKind.BaseSalary or PayComponentKind.UniformBenefits or PayComponentKind.Allowance:
                return Need(errors, $"{at}.monthly", dto.Monthly) is { } monthly ? new FixedPayComponent(dto.Kind, dto.Name, monthly) : null;
            case PayComponentKind.PerformancePay or PayComponentKind.YearEndBonus:
                var factors = dto.GradeFactors is null ? GradeFactors.Default : new GradeFactors(dto.GradeFactors);
                return Need(errors, $"{at}.target", dto.Target) is { } target ? new ScaledPayComponent(dto.Kind, dto.Name, target, factors) : null;
            case PayComponentKind.TeamBonus:
                return Need(errors, $"{at}.target", dto.Target) is { } teamTarget ? new TeamBonusComponent(dto.Name, teamTarget, dto.Cap ?? Ratio.FromPercent(150m)) : null;
            case PayComponentKind.Commission:
                var basis = Need(errors, $"{at}.basis", dto.Basis);
                var scheduleDto = Need(errors, $"{at}.schedule", dto.Schedule);
                if (basis is null || scheduleDto is null)
                {
                    return null;
                }

                CommissionSchedule schedule;
                try
                {
                    schedule = CommissionSchedule.Tiered(scheduleDto.Method, scheduleDto.Measure, scheduleDto.Bands.Select(b => b is null ? null! : CommissionBand.Unchecked(b.From, b.To, b.Rate)))
                        .WithAccelerators(scheduleDto.Accelerators?.Select(a => a is null ? null! : Accelerator.Unchecked(a.Above, a.Multiplier)) ?? [])
                        .WithDecelerator(scheduleDto.Decelerator is { } dd ? new Decelerator(dd.Below, dd.Factor) : null)
                        .WithAnnualCap(scheduleDto.AnnualCap);
                }
                catch (KamValidationException ex)
                {
                    errors.AddRange(Rebase(ex, $"{at}.schedule"));
                    return null;
                }

                var draw = dto.Draw is { } d ? DrawPolicy.Unchecked(d.Monthly, d.Recoverable) : null;
                return new CommissionComponent(dto.Name, basis.Value, schedule, dto.MonthlyAdvance ?? Percentage.FromPercent(100m), dto.YearEndTrueUp ?? true, dto.ClawbackWindowMonths ?? 0, draw);
            default:
                errors.Add($"{at}.kind", KamErrorCodes.OutOfRange, dto.Kind, "Not a defined component kind.");
                return null;
        }
    }

    private static PayComponentDto ToDto(PayComponent component) => component switch
    {
        FixedPayComponent f => new PayComponentDto { Kind = f.Kind, Name = f.Name, Monthly = f.Monthly },
        ScaledPayComponent s => new PayComponentDto { Kind = s.Kind, Name = s.Name, Target = s.Target, GradeFactors = s.Factors.Factors },
        TeamBonusComponent t => new PayComponentDto { Kind = t.Kind, Name = t.Name, Target = t.Target, Cap = t.Cap },
        CommissionComponent c => new PayComponentDto
        {
            Kind = c.Kind,
            Name = c.Name,
            Basis = c.Basis,
            MonthlyAdvance = c.MonthlyAdvance,
            YearEndTrueUp = c.YearEndTrueUp,
            ClawbackWindowMonths = c.ClawbackWindowMonths,
            Draw = c.Draw is { } d ? new DrawDto { Monthly = d.Monthly, Recoverable = d.Recoverable } : null,
            Schedule = new ScheduleDto
            {
                Method = c.Schedule.Method,
                Measure = c.Schedule.Measure,
                Bands = c.Schedule.Bands.Select(b => new BandDto { From = b.From, To = b.To, Rate = b.Rate }).ToArray(),
                Accelerators = c.Schedule.Accelerators.Count == 0 ? null : c.Schedule.Accelerators.Select(a => new AcceleratorDto(a.Above, a.Multiplier)).ToArray(),
                Decelerator = c.Schedule.Decelerator is { } dd ? new DeceleratorDto(dd.Below, dd.Factor) : null,
                AnnualCap = c.Schedule.AnnualCap,
            },
        },
        _ => throw new KamValidationException("component", KamErrorCodes.Unknown, component.GetType().Name, "Not a known component type."),
    };

    private static T? Need<T>(ValidationCollector errors, string path, T? value)
        where T : class
    {
        errors.Required(path, value);
        return value;
    }

    private static T? Need<T>(ValidationCollector errors, string path, T? value)
        where T : struct
    {
        errors.Required(path, value);
        return value;
    }

    internal static IEnumerable<KamValidationError> Rebase(KamValidationException exception, string prefix) =>
        exception.Errors.Select(e => e with { Path = e.Path.StartsWith('$') ? e.Path : $"{prefix}.{e.Path}" });
}
