using Kam.Core.Compensation;

namespace Kam.Core.Tests.Compensation;

/// <summary>
/// Commission schedules at their edges: band, accelerator, decelerator and cap boundaries, the period length, the
/// terms a statement shows, the description, and the typed errors of bad schedules.
/// </summary>
public sealed class CommissionScheduleBoundaryTests
{
    private static CommissionSchedule Volume(BandMethod method) => CommissionSchedule.Tiered(method, BandMeasure.Volume, CommissionScheduleTests.VolumeBands);

    private static Percentage Pct(decimal percent) => Percentage.FromPercent(percent);

    [Fact]
    public void A_period_lasts_1_to_12_months()
    {
        var flat = CommissionSchedule.Flat(Pct(5m));
        Assert.Equal(50m, flat.Calculate(1_000m, 0m, 1));
        Assert.Equal(50m, flat.Calculate(1_000m, 0m, 12));
        foreach (var months in new[] { 0, 13 })
        {
            var error = Assert.Single(Assert.Throws<KamValidationException>(() => flat.Calculate(1_000m, 0m, months)).Errors);
            Assert.Equal(("months", KamErrorCodes.OutOfRange), (error.Path, error.Code));
            Assert.Contains("1 to 12", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Only_schedules_that_measure_against_quota_need_one()
    {
        var flat = CommissionSchedule.Flat(Pct(5m));
        Assert.False(flat.NeedsQuota);
        Assert.Equal(50m, flat.Calculate(1_000m, 0m, 1));
        Assert.True(flat.WithAccelerators([new Accelerator(Ratio.One, 2m)]).NeedsQuota);
        Assert.True(flat.WithDecelerator(new Decelerator(Ratio.FromPercent(50m), Pct(50m))).NeedsQuota);
        var attainment = CommissionSchedule.Tiered(BandMethod.Marginal, BandMeasure.Attainment, [new(0m, null, Pct(2m))]);
        Assert.True(attainment.NeedsQuota);
        Assert.Equal(20m, attainment.Calculate(1_000m, 1m, 1));
        foreach (var quota in new[] { 0m, -1m })
        {
            var error = Assert.Single(Assert.Throws<KamValidationException>(() => attainment.Calculate(1_000m, quota, 1)).Errors);
            Assert.Equal(("quota", KamErrorCodes.Required), (error.Path, error.Code));
            Assert.Contains("positive", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_negative_basis_earns_nothing()
    {
        Assert.Equal(0m, CommissionSchedule.Flat(Pct(5m)).Calculate(-1_000m, 0m, 1));
        Assert.Equal(0m, Volume(BandMethod.Retroactive).Calculate(-1_000m, 0m, 1));
    }

    [Fact]
    public void A_band_boundary_belongs_to_the_band_above_it()
    {
        // Month bands: 0–100,000 @1%, 100,000–200,000 @3%, 200,000+ @5%.
        Assert.Equal(1_000m, Volume(BandMethod.Marginal).Calculate(100_000m, 0m, 1));
        Assert.Equal(3_000m, Volume(BandMethod.Retroactive).Calculate(100_000m, 0m, 1));
        Assert.Equal(999.99m, Volume(BandMethod.Retroactive).Calculate(99_999m, 0m, 1));
        Assert.Equal(10_000m, Volume(BandMethod.Retroactive).Calculate(200_000m, 0m, 1));

        // A quarter scales the annual bands by 3/12: 0–300,000 @1%, then 3%.
        Assert.Equal(3_000m + 3_000m, Volume(BandMethod.Marginal).Calculate(400_000m, 0m, 3));
    }

    [Fact]
    public void The_terms_show_each_band_that_pays_and_no_empty_band()
    {
        var terms = new List<PayTerm>();
        Volume(BandMethod.Marginal).Calculate(100_000m, 0m, 1, terms);
        var only = Assert.Single(terms);
        Assert.Equal((100_000m, 0.01m), (only.Quantity, only.Factor));
        Assert.Equal("band 0–1200000 @ 1% (a year; × months/12)", only.Label);

        terms.Clear();
        Volume(BandMethod.Retroactive).Calculate(150_000m, 0m, 1, terms);
        Assert.Equal("band 1200000–2400000 @ 3% (a year; × months/12) (applies to all)", Assert.Single(terms).Label);

        terms.Clear();
        CommissionSchedule.Flat(Pct(5m)).Calculate(10m, 0m, 1, terms);
        Assert.Equal("band 0–∞ @ 5%", Assert.Single(terms).Label);

        terms.Clear();
        CommissionSchedule.Tiered(BandMethod.Marginal, BandMeasure.Attainment, [new(0m, 1m, Pct(2m)), new(1m, null, Pct(4m))]).Calculate(10m, 100m, 1, terms);
        Assert.Equal("attainment band 0–1 @ 2%", Assert.Single(terms).Label);
    }

    [Fact]
    public void Two_accelerators_each_pay_their_own_slice()
    {
        // Flat 5% on quota 100,000; ×1.5 from 100% to 150% of quota, ×2 above 150%.
        var schedule = CommissionSchedule.Flat(Pct(5m)).WithAccelerators([new Accelerator(Ratio.One, 1.5m), new Accelerator(Ratio.FromPercent(150m), 2m)]);
        Assert.Equal(5_000m, schedule.Calculate(100_000m, 100_000m, 1));                 // at quota: no accelerator
        Assert.Equal(7_500m + 1_250m, schedule.Calculate(150_000m, 100_000m, 1));         // 50,000 × 5% × 0.5
        Assert.Equal(10_000m + 1_250m + 2_500m, schedule.Calculate(200_000m, 100_000m, 1)); // + 50,000 × 5% × 1
        var terms = new List<PayTerm>();
        schedule.Calculate(200_000m, 100_000m, 1, terms);
        Assert.Equal(["band 0–∞ @ 5%", "accelerator above 100% of quota: commission on that slice × extra", "accelerator above 150% of quota: commission on that slice × extra"], terms.Select(t => t.Label));
        Assert.Equal([200_000m, 2_500m, 2_500m], terms.Select(t => t.Quantity));
        Assert.Equal([0.05m, 0.5m, 1m], terms.Select(t => t.Factor));
    }

    [Fact]
    public void Accelerators_on_tiers_use_the_tier_method()
    {
        CommissionBand[] bands = [new(0m, 1m, Pct(2m)), new(1m, null, Pct(4m))];
        var accelerators = new[] { new Accelerator(Ratio.One, 2m) };
        // Marginal: 100,000 × 2% + 20,000 × 4%, and the slice above quota (20,000 × 4%) once more.
        Assert.Equal(2_000m + 800m + 800m, CommissionSchedule.Tiered(BandMethod.Marginal, BandMeasure.Attainment, bands).WithAccelerators(accelerators).Calculate(120_000m, 100_000m, 1));
        // Retroactive: 120,000 × 4%, and the slice above quota at the reached band's 4% once more.
        Assert.Equal(4_800m + 800m, CommissionSchedule.Tiered(BandMethod.Retroactive, BandMeasure.Attainment, bands).WithAccelerators(accelerators).Calculate(120_000m, 100_000m, 1));
        // Marginal by volume, whose bands are below quota: the slice above quota is at the top band's rate.
        CommissionBand[] volume = [new(0m, 600_000m, Pct(2m)), new(600_000m, null, Pct(4m))];
        var byVolume = CommissionSchedule.Tiered(BandMethod.Marginal, BandMeasure.Volume, volume).WithAccelerators(accelerators);
        Assert.Equal(1_000m + 2_000m + 2_000m, byVolume.Calculate(100_000m, 50_000m, 1));
    }

    [Fact]
    public void The_decelerator_applies_strictly_below_its_threshold()
    {
        var schedule = CommissionSchedule.Flat(Pct(10m)).WithDecelerator(new Decelerator(Ratio.FromPercent(50m), Pct(40m)));
        Assert.Equal(1_996m, schedule.Calculate(49_900m, 100_000m, 1)); // 4,990 × 40%
        Assert.Equal(5_000m, schedule.Calculate(50_000m, 100_000m, 1));
        var terms = new List<PayTerm>();
        schedule.Calculate(10_000m, 100_000m, 1, terms);
        Assert.Equal("decelerator below 50% of quota: pays 40%", terms[1].Label);
        Assert.Equal((1_000m, -0.6m), (terms[1].Quantity, terms[1].Factor));
        Assert.Equal(400m, terms.Sum(t => t.Value));
        Assert.Equal(2_000m, CommissionSchedule.Flat(Pct(10m)).WithDecelerator(null).Calculate(20_000m, 100_000m, 1));
    }

    [Fact]
    public void The_cap_is_pro_rata_and_binds_only_above_it()
    {
        var schedule = CommissionSchedule.Flat(Pct(5m)).WithAnnualCap(60_000m);
        var terms = new List<PayTerm>();
        Assert.Equal(15_000m, schedule.Calculate(300_000m, 0m, 3, terms)); // a quarter's cap; exactly at it
        Assert.Single(terms);
        Assert.Equal(15_000m, schedule.Calculate(400_000m, 0m, 3, terms));
        Assert.Equal("cap 60000 a year, pro rata", terms[^1].Label);
        Assert.Equal((5_000m, -1m), (terms[^1].Quantity, terms[^1].Factor));
        Assert.Equal(0m, CommissionSchedule.Flat(Pct(5m)).WithAnnualCap(0m).Calculate(1_000m, 0m, 1));
        Assert.Equal(5_000m, schedule.WithAnnualCap(null).Calculate(100_000m, 0m, 1));
        var error = Assert.Single(Assert.Throws<KamValidationException>(() => schedule.WithAnnualCap(-1m)).Errors);
        Assert.Equal(("annualCap", KamErrorCodes.OutOfRange, "-1"), (error.Path, error.Code, error.AttemptedValue));
        Assert.Contains("negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_description_names_every_part_of_the_schedule()
    {
        Assert.Equal("flat 5%", CommissionSchedule.Flat(Pct(5m)).Description);
        Assert.Equal("retroactive tiers by volume: 0–1200000 @ 1%; 1200000–2400000 @ 3%; 2400000–∞ @ 5%", Volume(BandMethod.Retroactive).Description);
        var full = CommissionSchedule.Flat(Pct(5m))
            .WithAccelerators([new Accelerator(Ratio.One, 1.5m)])
            .WithDecelerator(new Decelerator(Ratio.FromPercent(50m), Pct(40m)))
            .WithAnnualCap(60_000m);
        Assert.Equal("flat 5%; accelerators ×1.5 above 100%; ×40% below 50%; cap 60000 a year", full.Description);
        Assert.Equal(1.5m, Assert.Single(full.Accelerators).Multiplier);
        Assert.Equal(60_000m, full.AnnualCap);
        Assert.Equal(Pct(40m), full.Decelerator!.Factor);
    }

    [Fact]
    public void Bad_accelerators_are_typed_errors_with_paths()
    {
        var flat = CommissionSchedule.Flat(Pct(5m));
        Assert.Single(flat.WithAccelerators([new Accelerator(Ratio.One, 1m)]).Accelerators); // a multiplier of 1 is allowed

        var refused = Assert.Single(Assert.Throws<KamValidationException>(() => new Accelerator(Ratio.One, 0.9m)).Errors); // valid from construction
        Assert.Equal(("multiplier", KamErrorCodes.OutOfRange), (refused.Path, refused.Code));

        // As read from a rule file (unchecked), the schedule reports every problem with its path.
        var ex = Assert.Throws<KamValidationException>(() => flat.WithAccelerators([null!, Accelerator.Unchecked(Ratio.One, 0.9m), new Accelerator(Ratio.One, 2m), new Accelerator(Ratio.FromPercent(90m), 2m)]));
        Assert.Equal(
            [("accelerators[0]", KamErrorCodes.Required), ("accelerators[1].multiplier", KamErrorCodes.OutOfRange), ("accelerators[2].above", KamErrorCodes.OutOfOrder), ("accelerators[3].above", KamErrorCodes.OutOfOrder)],
            ex.Errors.Select(e => (e.Path, e.Code)));
        Assert.Contains("at least 1", ex.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("strictly increasing", ex.Errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_bands_report_every_problem_at_its_path()
    {
        var empty = Assert.Single(Assert.Throws<KamValidationException>(() => CommissionSchedule.Tiered(BandMethod.Marginal, BandMeasure.Volume, [])).Errors);
        Assert.Equal(("bands", KamErrorCodes.Empty), (empty.Path, empty.Code));
        Assert.Contains("at least one band", empty.Message, StringComparison.Ordinal);

        var band = Assert.Throws<KamValidationException>(() => new CommissionBand(0m, 0m, Pct(1m)));
        Assert.Equal([("to", KamErrorCodes.OutOfOrder)], band.Errors.Select(e => (e.Path, e.Code)));
        Assert.Contains("ends above where it starts", band.Errors[0].Message, StringComparison.Ordinal);

        var ex = Assert.Throws<KamValidationException>(() => CommissionSchedule.Tiered(BandMethod.Marginal, BandMeasure.Volume, [null!, new(0m, null, Pct(2m)), new(5m, null, Pct(3m))]));
        Assert.Equal(
            [("bands[0]", KamErrorCodes.Required), ("bands[1].to", KamErrorCodes.InvalidState)],
            ex.Errors.Select(e => (e.Path, e.Code)));
        Assert.Contains("Only the last band", ex.Errors[1].Message, StringComparison.Ordinal);

        var overlap = Assert.Single(Assert.Throws<KamValidationException>(() => CommissionSchedule.Tiered(BandMethod.Marginal, BandMeasure.Volume, [new(0m, 100m, Pct(1m)), new(90m, null, Pct(2m))])).Errors);
        Assert.Equal(("bands[1].from", "90"), (overlap.Path, overlap.AttemptedValue));
        Assert.Contains("ends at 100", overlap.Message, StringComparison.Ordinal);
        var gap = Assert.Single(Assert.Throws<KamValidationException>(() => CommissionSchedule.Tiered(BandMethod.Marginal, BandMeasure.Volume, [new(0m, 100m, Pct(1m)), new(110m, null, Pct(2m))])).Errors);
        Assert.Contains("ends at 100", gap.Message, StringComparison.Ordinal);
        var closed = Assert.Single(Assert.Throws<KamValidationException>(() => CommissionSchedule.Tiered(BandMethod.Marginal, BandMeasure.Volume, [new(0m, 100m, Pct(1m))])).Errors);
        Assert.Equal(("bands[0].to", KamErrorCodes.InvalidState), (closed.Path, closed.Code));
        Assert.Contains("open", closed.Message, StringComparison.Ordinal);
        var start = Assert.Single(Assert.Throws<KamValidationException>(() => CommissionSchedule.Tiered(BandMethod.Marginal, BandMeasure.Volume, [new(1m, null, Pct(1m))])).Errors);
        Assert.Contains("starts at 0", start.Message, StringComparison.Ordinal);

        var method = Assert.Throws<KamValidationException>(() => CommissionSchedule.Tiered((BandMethod)7, (BandMeasure)9, [new(0m, null, Pct(1m))]));
        Assert.Equal([("method", KamErrorCodes.OutOfRange), ("measure", KamErrorCodes.OutOfRange)], method.Errors.Select(e => (e.Path, e.Code)));
        Assert.All(method.Errors, e => Assert.Contains("Not a defined", e.Message, StringComparison.Ordinal));
    }
}
