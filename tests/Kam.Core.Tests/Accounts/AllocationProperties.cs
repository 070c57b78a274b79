using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kam.Core.Accounts.Targets;

namespace Kam.Core.Tests.Accounts;

/// <summary>The laws of the largest-remainder allocation, over random targets, weights (many equal, some zero), seasonality and input orders.</summary>
public sealed class AllocationProperties
{
    public sealed record AllocationCase(long Fen, int[] Weights, int Scale, int[] Seasonality, int Seed, string Currency);

    public static Arbitrary<AllocationCase> Cases() =>
        (from n in Gen.Choose(1, 25)
         from weights in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 6)), (2, Gen.Choose(1, 1_000_000))), n)
         from scale in Gen.Choose(0, 4)
         from fen in Gen.Frequency((3, Gen.Choose(0, 1000).Select(x => (long)x)), (3, Gen.Choose(0, int.MaxValue).Select(x => (long)x)), (1, Gen.Choose(0, int.MaxValue).Select(x => (long)x * 1_000_000L)))
         from season in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 20))), 12)
         from seed in Gen.Choose(0, 10_000)
         from currency in Gen.Elements("CNY", "JPY", "KWD")
         select new AllocationCase(fen, weights, scale, season, seed, currency)).ToArbitrary();

    private static decimal[] Weights(AllocationCase c)
    {
        var w = c.Weights.Select(x => x / (decimal)Math.Pow(10, c.Scale)).ToArray();
        if (w.All(x => x == 0m))
        {
            w[0] = 1m;
        }

        return w;
    }

    private static decimal[] Season(AllocationCase c)
    {
        var s = c.Seasonality.Select(x => (decimal)x).ToArray();
        if (s.All(x => x == 0m))
        {
            s[0] = 1m;
        }

        return s;
    }

    private static (TargetAllocation Result, Money Target, decimal[] Weights) Run(AllocationCase c, int[]? order = null)
    {
        var currency = Currency.Parse(c.Currency);
        var target = new Money(c.Fen / (decimal)Math.Pow(10, currency.MinorUnits), currency);
        var weights = Weights(c);
        var idx = order ?? Enumerable.Range(0, weights.Length).ToArray();
        var facts = idx.Select(i => new AllocationFacts(AccountId.Parse($"acct-{i % 7}-{i:00}"), weight: weights[i])).ToArray();
        var allocator = new TargetAllocator(new AllocationPolicy(AllocationBasis.Weight, seasonality: Season(c)));
        return (allocator.Allocate(target, FiscalCalendar.Calendar.Year(2026), facts), target, weights);
    }

    [Property(Arbitrary = [typeof(AllocationProperties)], MaxTest = 300)]
    public bool Parts_sum_to_the_whole_and_none_is_negative(AllocationCase c)
    {
        var (result, target, weights) = Run(c);
        var sum = 0m;
        for (var i = 0; i < weights.Length; i++)
        {
            var part = result.AccountTotal(i);
            var months = 0m;
            for (var m = 0; m < 12; m++)
            {
                var amount = result.Amount(i, m).Amount;
                if (amount < 0m)
                {
                    return false;
                }

                months += amount;
            }

            if (part.IsNegative || months != part.Amount)
            {
                return false;
            }

            sum += part.Amount;
        }

        return sum == target.Amount;
    }

    [Property(Arbitrary = [typeof(AllocationProperties)], MaxTest = 300)]
    public bool Zero_weights_get_zero_and_parts_are_within_one_minor_unit_of_their_share(AllocationCase c)
    {
        var (result, target, weights) = Run(c);
        var unit = 1m / (decimal)Math.Pow(10, target.Currency.MinorUnits);
        var total = weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            var part = result.AccountTotal(i).Amount;
            if (weights[i] == 0m && part != 0m)
            {
                return false;
            }

            var exact = target.Amount * weights[i] / total;
            if (Math.Abs(part - exact) >= unit + 0.0000001m)
            {
                return false;
            }
        }

        return true;
    }

    [Property(Arbitrary = [typeof(AllocationProperties)], MaxTest = 200)]
    public bool The_order_of_the_accounts_changes_no_account_s_part(AllocationCase c)
    {
        var n = c.Weights.Length;
        var random = new Random(c.Seed);
        var order = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
        var (a, _, _) = Run(c);
        var (b, _, _) = Run(c, order);
        for (var i = 0; i < n; i++)
        {
            var id = a.Accounts[i];
            if (a.AccountTotal(id) != b.AccountTotal(id))
            {
                return false;
            }

            foreach (var month in a.Months)
            {
                if (a.Amount(id, month) != b.Amount(id, month))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Weights with mixed numbers of decimal places (every third one written with three more trailing zeros), so the one-pass reading aligns scales.</summary>
    private static decimal[] MixedWeights(AllocationCase c) => Weights(c).Select((w, i) => i % 3 == 0 ? w * 1.000m : w).ToArray();

    [Property(Arbitrary = [typeof(AllocationProperties)], MaxTest = 300)]
    public bool The_integer_split_gives_the_parts_of_the_arbitrary_precision_split(AllocationCase c)
    {
        var weights = MixedWeights(c);
        var n = weights.Length;
        var ids = Enumerable.Range(0, n).Select(i => AccountId.Parse($"acct-{i % 7}-{i:00}")).ToArray();
        var scaled = new long[n];
        if (!LargestRemainder.TryScale(weights, scaled, out var sum))
        {
            return false;
        }

        var fast = new long[n];
        var exact = new long[n];
        LargestRemainder.Split(c.Fen, scaled, sum, new ByAccountId(ids), fast, remainders: scaled);
        LargestRemainder.SplitExact(c.Fen, weights, new ByAccountId(ids), exact);
        return fast.SequenceEqual(exact);
    }

    [Property(Arbitrary = [typeof(AllocationProperties)], MaxTest = 300)]
    public bool The_allocator_s_parts_are_the_arbitrary_precision_split_and_its_month_split(AllocationCase c)
    {
        var currency = Currency.Parse(c.Currency);
        var target = new Money(c.Fen / (decimal)Math.Pow(10, currency.MinorUnits), currency);
        var weights = MixedWeights(c);
        var n = weights.Length;
        var ids = Enumerable.Range(0, n).Select(i => AccountId.Parse($"acct-{i % 7}-{i:00}")).ToArray();
        var season = Season(c);
        var result = new TargetAllocator(new AllocationPolicy(AllocationBasis.Weight, seasonality: season))
            .Allocate(target, FiscalCalendar.Calendar.Year(2026), ids.Select((id, i) => new AllocationFacts(id, weight: weights[i])).ToArray());
        var exact = new long[n];
        LargestRemainder.SplitExact(c.Fen, weights, new ByAccountId(ids), exact);
        var months = new MonthSplitter(season.Select(x => (long)x).ToArray());
        var parts = new long[12];
        var unit = 1m / (decimal)Math.Pow(10, currency.MinorUnits);
        for (var i = 0; i < n; i++)
        {
            if (result.AccountTotal(i).Amount != exact[i] * unit)
            {
                return false;
            }

            months.Split(exact[i], parts);
            for (var m = 0; m < 12; m++)
            {
                if (result.Amount(i, m).Amount != parts[m] * unit)
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property(Arbitrary = [typeof(AllocationProperties)], MaxTest = 300)]
    public bool One_month_part_is_that_month_of_the_whole_split(AllocationCase c)
    {
        // The case's own weights (small: the precomputed table) and large ones (above the table's limit: computed).
        var small = Season(c).Select(x => (long)x).ToArray();
        var large = small.Select(x => (x * 100_003) + 1).ToArray();
        return new[] { small, large }.All(season =>
        {
            var months = new MonthSplitter(season);
            var parts = new long[12];
            months.Split(c.Fen, parts);
            return Enumerable.Range(0, 12).All(m => months.Part(c.Fen, m) == parts[m]);
        });
    }
}
