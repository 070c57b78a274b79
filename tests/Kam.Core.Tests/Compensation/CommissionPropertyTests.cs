using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kam.Core.Compensation;

namespace Kam.Core.Tests.Compensation;

public sealed class CommissionPropertyTests
{
    /// <summary>Bands from 0 with rising bounds and non-decreasing rates (percent with two decimals, at most 30%).</summary>
    private static Gen<CommissionBand[]> RisingBands { get; } =
        from count in Gen.Choose(1, 4)
        from widths in Gen.ArrayOf(Gen.Choose(1, 500_000), count)
        from rates in Gen.ArrayOf(Gen.Choose(0, 3_000), count)
        select Build(widths, rates);

    private static Gen<CommissionSchedule> Schedules { get; } =
        from bands in RisingBands
        from method in Gen.Elements(BandMethod.Marginal, BandMethod.Retroactive)
        from accelerate in Gen.Elements(true, false)
        from multiplier in Gen.Choose(100, 300)
        from decelerate in Gen.Elements(true, false)
        from factor in Gen.Choose(0, 100)
        select Shape(CommissionSchedule.Tiered(method, BandMeasure.Volume, bands), accelerate ? multiplier / 100m : null, decelerate ? factor : null);

    private static Gen<decimal> Amounts { get; } = Gen.Choose(0, 200_000_000).Select(c => c / 100m);

    [Property]
    public Property Commission_is_monotone_in_sales_for_rising_rates() =>
        Prop.ForAll((from s in Schedules from a in Amounts from b in Amounts select (s, a, b)).ToArbitrary(), t =>
        {
            var (schedule, a, b) = t;
            var (low, high) = a <= b ? (a, b) : (b, a);
            return schedule.Calculate(low, 1_000_000m, 1) <= schedule.Calculate(high, 1_000_000m, 1);
        });

    [Property]
    public Property Marginal_never_pays_more_than_retroactive_for_rising_rates() =>
        Prop.ForAll((from bands in RisingBands from basis in Amounts select (bands, basis)).ToArbitrary(), t =>
        {
            var (bands, basis) = t;
            return CommissionSchedule.Tiered(BandMethod.Marginal, BandMeasure.Volume, bands).Calculate(basis, 0m, 12)
                   <= CommissionSchedule.Tiered(BandMethod.Retroactive, BandMeasure.Volume, bands).Calculate(basis, 0m, 12);
        });

    [Property]
    public Property A_cap_is_never_exceeded() =>
        Prop.ForAll((from s in Schedules from a in Amounts from c in Gen.Choose(0, 5_000_000) select (s, a, c)).ToArbitrary(), t =>
        {
            var (schedule, basis, cap) = t;
            var capped = schedule.WithAnnualCap(cap);
            return capped.Calculate(basis, 1_000_000m, 1) <= cap / 12m && capped.Calculate(basis, 1_000_000m, 12) <= cap;
        });

    [Property]
    public Property Splitting_a_deal_never_changes_the_commission_paid_at_a_flat_rate() =>
        Prop.ForAll((from a in Amounts from r in Gen.Choose(0, 3_000) from n in Gen.Choose(1, 5) from w in Gen.ArrayOf(Gen.Choose(1, 100), n) select (a, r, w)).ToArbitrary(), t =>
        {
            var (amount, rate, weights) = t;
            var schedule = CommissionSchedule.Flat(Percentage.FromPercent(rate / 100m));
            var shares = Shares(weights);
            var split = shares.Sum(share => schedule.Calculate(amount * share, 0m, 1));
            return split == schedule.Calculate(amount, 0m, 1);
        });

    private static decimal[] Shares(int[] weights)
    {
        // Shares with four decimals summing to exactly 1, as a validated credit split must.
        var total = weights.Sum();
        var shares = weights.Select(w => Math.Round((decimal)w / total, 4)).ToArray();
        shares[^1] = 1m - shares[..^1].Sum();
        return shares;
    }

    private static CommissionBand[] Build(int[] widths, int[] rates)
    {
        Array.Sort(rates);
        var bands = new CommissionBand[widths.Length];
        var from = 0m;
        for (var i = 0; i < widths.Length; i++)
        {
            decimal? to = i == widths.Length - 1 ? null : from + widths[i];
            bands[i] = new CommissionBand(from, to, Percentage.FromPercent(rates[i] / 100m));
            from = to ?? from;
        }

        return bands;
    }

    private static CommissionSchedule Shape(CommissionSchedule schedule, decimal? multiplier, int? factor)
    {
        if (multiplier is { } m)
        {
            schedule = schedule.WithAccelerators([new Accelerator(Ratio.One, m)]);
        }

        return factor is { } f ? schedule.WithDecelerator(new Decelerator(Ratio.FromPercent(50m), Percentage.FromPercent(f))) : schedule;
    }
}
