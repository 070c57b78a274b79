using Kam.Core.Compensation;

namespace Kam.Core.Tests.Compensation;

public sealed class CommissionScheduleTests
{
    private static Percentage Pct(decimal percent) => Percentage.FromPercent(percent);

    // Annual volume bands; a month uses 1/12: 0–100k @1%, 100k–200k @3%, 200k+ @5%.
    internal static CommissionBand[] VolumeBands { get; } =
    [
        new(0m, 1_200_000m, Pct(1m)),
        new(1_200_000m, 2_400_000m, Pct(3m)),
        new(2_400_000m, null, Pct(5m)),
    ];

    [Fact]
    public void Flat_rate() => Assert.Equal(5_000m, CommissionSchedule.Flat(Pct(5m)).Calculate(100_000m, 0m, 1));

    [Fact]
    public void Marginal_tiers_by_volume_in_a_month()
    {
        // 100,000 × 1% + 100,000 × 3% + 50,000 × 5% = 1,000 + 3,000 + 2,500
        Assert.Equal(6_500m, CommissionSchedule.Tiered(BandMethod.Marginal, BandMeasure.Volume, VolumeBands).Calculate(250_000m, 0m, 1));
    }

    [Fact]
    public void Retroactive_tiers_by_volume_in_a_month() =>
        Assert.Equal(12_500m, CommissionSchedule.Tiered(BandMethod.Retroactive, BandMeasure.Volume, VolumeBands).Calculate(250_000m, 0m, 1));

    [Fact]
    public void Volume_bands_are_annual_for_a_year()
    {
        // 1,200,000 × 1% + 1,200,000 × 3% + 600,000 × 5% = 12,000 + 36,000 + 30,000
        Assert.Equal(78_000m, CommissionSchedule.Tiered(BandMethod.Marginal, BandMeasure.Volume, VolumeBands).Calculate(3_000_000m, 0m, 12));
    }

    [Fact]
    public void Tiers_by_quota_attainment()
    {
        CommissionBand[] bands = [new(0m, 0.5m, Pct(2m)), new(0.5m, 1m, Pct(4m)), new(1m, null, Pct(6m))];
        Assert.Equal(3_200m, CommissionSchedule.Tiered(BandMethod.Retroactive, BandMeasure.Attainment, bands).Calculate(80_000m, 100_000m, 1));
        Assert.Equal(2_200m, CommissionSchedule.Tiered(BandMethod.Marginal, BandMeasure.Attainment, bands).Calculate(80_000m, 100_000m, 1));
        Assert.Throws<KamValidationException>(() => CommissionSchedule.Tiered(BandMethod.Marginal, BandMeasure.Attainment, bands).Calculate(80_000m, 0m, 1));
    }

    [Fact]
    public void Accelerator_above_quota_and_decelerator_below_threshold()
    {
        var schedule = CommissionSchedule.Flat(Pct(5m))
            .WithAccelerators([new Accelerator(Ratio.One, 1.5m)])
            .WithDecelerator(new Decelerator(Ratio.FromPercent(50m), Pct(50m)));
        Assert.Equal(6_500m, schedule.Calculate(120_000m, 100_000m, 1)); // 6,000 + 20,000 × 5% × 0.5
        Assert.Equal(1_000m, schedule.Calculate(40_000m, 100_000m, 1));  // 2,000 × 50%
        Assert.Equal(2_500m, schedule.Calculate(50_000m, 100_000m, 1));  // at the threshold: full rate
    }

    [Fact]
    public void Cap_is_pro_rata_per_month()
    {
        var schedule = CommissionSchedule.Flat(Pct(5m)).WithAnnualCap(60_000m);
        Assert.Equal(5_000m, schedule.Calculate(200_000m, 0m, 1));
        Assert.Equal(60_000m, schedule.Calculate(2_000_000m, 0m, 12));
        Assert.Throws<KamValidationException>(() => schedule.WithAnnualCap(-1m));
    }

    [Fact]
    public void Seed_base_plus_commission_rates_by_sales_size_from_1_to_10_percent()
    {
        CommissionBand[] bands = [new(0m, 600_000m, Pct(1m)), new(600_000m, 1_200_000m, Pct(5m)), new(1_200_000m, null, Pct(10m))];
        var schedule = CommissionSchedule.Tiered(BandMethod.Retroactive, BandMeasure.Volume, bands);
        Assert.Equal(300m, schedule.Calculate(30_000m, 0m, 1));
        Assert.Equal(20_000m, schedule.Calculate(200_000m, 0m, 1));
    }

    [Fact]
    public void Bad_bands_are_typed_errors_with_paths()
    {
        var gap = Assert.Throws<KamValidationException>(() => CommissionSchedule.Tiered(BandMethod.Marginal, BandMeasure.Volume, [new(0m, 100m, Pct(1m)), new(150m, null, Pct(2m))]));
        Assert.Equal(("bands[1].from", KamErrorCodes.OutOfOrder), (gap.Errors[0].Path, gap.Errors[0].Code));
        Assert.Contains("Gap", gap.Errors[0].Message, StringComparison.Ordinal);
        var overlap = Assert.Throws<KamValidationException>(() => CommissionSchedule.Tiered(BandMethod.Marginal, BandMeasure.Volume, [new(0m, 100m, Pct(1m)), new(50m, null, Pct(2m))]));
        Assert.Contains("Overlap", overlap.Errors[0].Message, StringComparison.Ordinal);
        var start = Assert.Throws<KamValidationException>(() => CommissionSchedule.Tiered(BandMethod.Marginal, BandMeasure.Volume, [new(10m, null, Pct(1m))]));
        Assert.Equal("bands[0].from", start.Errors[0].Path);
        var closed = Assert.Throws<KamValidationException>(() => CommissionSchedule.Tiered(BandMethod.Marginal, BandMeasure.Volume, [new(0m, 10m, Pct(1m))]));
        Assert.Equal(KamErrorCodes.InvalidState, closed.Errors[0].Code);
        Assert.Throws<KamValidationException>(() => CommissionSchedule.Flat(Pct(1m)).WithAccelerators([Accelerator.Unchecked(Ratio.One, 0.5m)]));
        Assert.Throws<KamValidationException>(() => new Accelerator(Ratio.One, 0.5m));
    }
}
