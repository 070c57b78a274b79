using System.Text.Json.Serialization;
using NodaTime;

namespace Kam.Core.Compensation.Serialization;

/// <summary>The JSON form of a <see cref="PayPlan"/>.</summary>
internal sealed record PayPlanDto
{
    public required string Name { get; init; }

    public required Currency Currency { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter<MidpointRounding>))]
    public MidpointRounding Rounding { get; init; } = MidpointRounding.AwayFromZero;

    public required LocalDate EffectiveFrom { get; init; }

    public LocalDate? EffectiveTo { get; init; }

    public required IReadOnlyList<PayComponentDto> Components { get; init; }
}

/// <summary>The JSON form of a pay component; <see cref="Kind"/> says which members apply.</summary>
internal sealed record PayComponentDto
{
    public required PayComponentKind Kind { get; init; }

    public required string Name { get; init; }

    public Money? Monthly { get; init; }

    public Money? Target { get; init; }

    public IReadOnlyDictionary<string, Ratio>? GradeFactors { get; init; }

    public Ratio? Cap { get; init; }

    public CommissionBasis? Basis { get; init; }

    public ScheduleDto? Schedule { get; init; }

    public Percentage? MonthlyAdvance { get; init; }

    public bool? YearEndTrueUp { get; init; }

    public int? ClawbackWindowMonths { get; init; }

    public DrawDto? Draw { get; init; }
}

/// <summary>The JSON form of a <see cref="CommissionSchedule"/>.</summary>
internal sealed record ScheduleDto
{
    public BandMethod Method { get; init; } = BandMethod.Marginal;

    public BandMeasure Measure { get; init; } = BandMeasure.Volume;

    public required IReadOnlyList<BandDto> Bands { get; init; }

    public IReadOnlyList<AcceleratorDto>? Accelerators { get; init; }

    public DeceleratorDto? Decelerator { get; init; }

    public decimal? AnnualCap { get; init; }
}

/// <summary>The JSON form of a <see cref="CommissionBand"/> (the top band omits <see cref="To"/>).</summary>
internal sealed record BandDto
{
    public required decimal From { get; init; }

    public decimal? To { get; init; }

    public required Percentage Rate { get; init; }
}

/// <summary>The JSON form of an <see cref="Accelerator"/>.</summary>
/// <param name="Above">The attainment above which the multiplier applies.</param>
/// <param name="Multiplier">The multiplier.</param>
internal sealed record AcceleratorDto(Ratio Above, decimal Multiplier);

/// <summary>The JSON form of a <see cref="Decelerator"/>.</summary>
/// <param name="Below">The attainment threshold.</param>
/// <param name="Factor">The factor paid below the threshold.</param>
internal sealed record DeceleratorDto(Ratio Below, Percentage Factor);

/// <summary>The JSON form of a <see cref="DrawPolicy"/>.</summary>
internal sealed record DrawDto
{
    public required Money Monthly { get; init; }

    public required bool Recoverable { get; init; }
}

/// <summary>The source-generated JSON metadata of the compensation rule files.</summary>
[JsonSerializable(typeof(PayPlanDto))]
[JsonSerializable(typeof(PayOptionsDto))]
internal sealed partial class CompensationJsonContext : JsonSerializerContext
{
    /// <summary>Gets the context over <see cref="Kam.Core.Serialization.KamJson.CreateOptions"/>.</summary>
    public static CompensationJsonContext Shared { get; } = new(Kam.Core.Serialization.KamJson.CreateOptions());
}

/// <summary>The JSON form of <see cref="PayOptions"/>: the scorecard, the roll-up rule and the plan, each optional.</summary>
internal sealed record PayOptionsDto
{
    public Kam.Core.Performance.Serialization.ScorecardDto? Scorecard { get; init; }

    public Kam.Core.Performance.RollUpRule? RollUp { get; init; }

    public PayPlanDto? Plan { get; init; }
}
