using Kam.Core.Accounts;
using Kam.Core.Accounts.Targets;
using static Kam.Core.Tests.Accounts.AccountsSamples;

namespace Kam.Core.Tests.Accounts;

public sealed class AllocationTests
{
    private static readonly decimal[] Seasonality = [6, 7, 9, 8, 8, 9, 7, 7, 9, 9, 9, 12];
    private static readonly FiscalPeriod Year = FiscalCalendar.Calendar.Year(2026);

    private static Money Cny(decimal amount) => Money.Of(amount, "CNY");

    [Fact]
    public void Worked_example_from_docs_splits_to_the_fen_and_conserves_the_total()
    {
        var allocator = new TargetAllocator(new AllocationPolicy(AllocationBasis.Equal, seasonality: Seasonality));
        var result = allocator.Allocate(Cny(100_000m), Year, [new AllocationFacts(A("HQ-ACME")), new AllocationFacts(A("ACME-SH")), new AllocationFacts(A("BETA"))]);

        // 10,000,000 fen / 3 = 3,333,333 r 1: the one fen left goes to the identifier that sorts first, ACME-SH.
        Assert.Equal(Cny(33_333.33m), result.AccountTotal(A("HQ-ACME")));
        Assert.Equal(Cny(33_333.34m), result.AccountTotal(A("ACME-SH")));
        Assert.Equal(Cny(33_333.33m), result.AccountTotal(A("BETA")));
        decimal[] acmeSh = [2_000.00m, 2_333.34m, 3_000.00m, 2_666.67m, 2_666.67m, 3_000.00m, 2_333.33m, 2_333.33m, 3_000.00m, 3_000.00m, 3_000.00m, 4_000.00m];
        Assert.Equal(acmeSh.Select(Cny), Enumerable.Range(0, 12).Select(m => result.Amount(1, m)));
        Assert.Equal(Cny(2_333.33m), result.Amount(A("HQ-ACME"), FiscalCalendar.Calendar.Parse("FY2026-M02")));
        Assert.Equal(Cny(100_000m), Money.Sum(Enumerable.Range(0, 3).Select(result.AccountTotal), Currency.CNY));
        Assert.Equal(Cny(100_000m), Money.Sum(Enumerable.Range(0, 12).Select(result.MonthTotal), Currency.CNY));
        Assert.Equal(12, result.Months.Count);
        Assert.Equal(36, result.ToTargets("bookings").Count);
        Assert.Equal(Cny(33_333.34m), new Money(result.ToTargets("bookings", byMonth: false)[1].Value, Currency.CNY));
    }

    [Fact]
    public void A_quarter_is_split_over_its_months_by_their_seasonality()
    {
        var allocator = new TargetAllocator(new AllocationPolicy(AllocationBasis.Weight, seasonality: Seasonality));
        var q4 = FiscalCalendar.Calendar.Parse("FY2026-Q4");
        var result = allocator.Allocate(Cny(300m), q4, [new AllocationFacts(A("X"), weight: 1m)]);
        Assert.Equal(q4.Children(PeriodKind.Month), result.Months);
        Assert.Equal([Cny(90m), Cny(90m), Cny(120m)], Enumerable.Range(0, 3).Select(m => result.Amount(0, m)));
    }

    [Fact]
    public void Each_basis_takes_its_own_weights()
    {
        AllocationFacts[] facts =
        [
            new(A("A1"), weight: 1m, lastYear: 3m, potential: 0m, tier: "A"),
            new(A("A2"), weight: 3m, lastYear: 1m, potential: 1m, tier: "C"),
        ];
        Money Part(AllocationBasis basis) => new TargetAllocator(new AllocationPolicy(basis, new Dictionary<string, decimal> { ["A"] = 4m, ["C"] = 0m }))
            .Allocate(Cny(400m), Year, facts).AccountTotal(0);
        Assert.Equal(Cny(100m), Part(AllocationBasis.Weight));
        Assert.Equal(Cny(300m), Part(AllocationBasis.LastYear));
        Assert.Equal(Cny(0m), Part(AllocationBasis.Potential));
        Assert.Equal(Cny(400m), Part(AllocationBasis.Tier));
        Assert.Equal(Cny(200m), Part(AllocationBasis.Equal));
    }

    [Fact]
    public void Bad_input_is_refused_with_path_and_value()
    {
        var allocator = new TargetAllocator(AllocationPolicy.Default);
        var zero = Assert.Throws<KamValidationException>(() => allocator.Allocate(Cny(10m), Year, [new AllocationFacts(A("A1")), new AllocationFacts(A("A2"))]));
        Assert.Equal(("accounts", KamErrorCodes.InvalidSum), (zero.Errors[0].Path, zero.Errors[0].Code));

        var ex = Assert.Throws<KamValidationException>(() => allocator.Allocate(Cny(-1m), FiscalCalendar.Calendar.Parse("FY2026-H1"),
            [new AllocationFacts(A("A1"), lastYear: 5m), new AllocationFacts(A("A2"), lastYear: -2m), new AllocationFacts(A("A1"), lastYear: 1m)]));
        Assert.Contains(ex.Errors, e => e is { Path: "target", Code: KamErrorCodes.OutOfRange, AttemptedValue: "-1 CNY" });
        Assert.Contains(ex.Errors, e => e is { Path: "period", Code: KamErrorCodes.OutOfRange, AttemptedValue: "FY2026-H1" });
        Assert.Contains(ex.Errors, e => e is { Path: "accounts[1].lastYear", Code: KamErrorCodes.OutOfRange, AttemptedValue: "-2" });
        Assert.Contains(ex.Errors, e => e is { Path: "accounts[2].account", Code: KamErrorCodes.Duplicate, AttemptedValue: "A1" });

        var fine = Assert.Throws<KamValidationException>(() => allocator.Allocate(Cny(0.005m), Year, [new AllocationFacts(A("A1"), lastYear: 1m)]));
        Assert.Equal(("target", KamErrorCodes.InvalidFormat), (fine.Errors[0].Path, fine.Errors[0].Code));
        var empty = Assert.Throws<KamValidationException>(() => allocator.Allocate(Cny(1m), Year, []));
        Assert.Equal(("accounts", KamErrorCodes.Empty), (empty.Errors[0].Path, empty.Errors[0].Code));

        var byTier = new TargetAllocator(new AllocationPolicy(AllocationBasis.Tier, new Dictionary<string, decimal> { ["A"] = 1m }));
        var tier = Assert.Throws<KamValidationException>(() => byTier.Allocate(Cny(1m), Year, [new AllocationFacts(A("A1"), tier: "Z")]));
        Assert.Contains(tier.Errors, e => e is { Path: "accounts[0].tier", Code: KamErrorCodes.Unknown, AttemptedValue: "Z" });

        decimal[] winterOnly = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        var season = new TargetAllocator(new AllocationPolicy(AllocationBasis.Equal, seasonality: winterOnly));
        var summer = Assert.Throws<KamValidationException>(() => season.Allocate(Cny(1m), FiscalCalendar.Calendar.Parse("FY2026-Q3"), [new AllocationFacts(A("A1"))]));
        Assert.Equal(("period", KamErrorCodes.InvalidSum), (summer.Errors[0].Path, summer.Errors[0].Code));
        Assert.Equal(Cny(0m), season.Allocate(Cny(0m), FiscalCalendar.Calendar.Parse("FY2026-Q3"), [new AllocationFacts(A("A1"))]).Amount(0, 2));
    }

    [Fact]
    public void A_units_target_from_the_plan_is_allocated_to_accounts_within_the_unit()
    {
        var plan = TargetPlan.FromJson(RepositoryFiles.Read("docs/schemas/samples/target-plan.json"));
        var hierarchy = Hierarchy();
        var allocator = new TargetAllocator(new AllocationPolicy(AllocationBasis.LastYear));
        AllocationFacts[] facts = [new(A("HQ-ACME"), lastYear: 500m), new(A("ACME-SH"), lastYear: 300m), new(A("BETA"), lastYear: 200m)];
        var result = allocator.Allocate(plan, hierarchy, U("EAST"), "bookings", facts);
        Assert.Equal(Cny(1_000_000m), result.Total);
        Assert.Equal(Cny(500_000m), result.AccountTotal(A("HQ-ACME")));
        Assert.Equal(Cny(220_000m), allocator.Allocate(plan, hierarchy, U("EAST"), "bookings", facts, FiscalCalendar.Calendar.Parse("FY2026-Q1")).Total);

        var ex = Assert.Throws<KamValidationException>(() => allocator.Allocate(plan, hierarchy, U("SH"), "bookings",
            [new AllocationFacts(A("NOBODY"), lastYear: 1m), new AllocationFacts(A("ACME-HZ"), lastYear: 1m)], FiscalCalendar.Calendar.Parse("FY2027-Q1")));
        Assert.Contains(ex.Errors, e => e is { Path: "accounts[0].account", Code: KamErrorCodes.Unknown, AttemptedValue: "NOBODY" });
        Assert.Contains(ex.Errors, e => e is { Path: "accounts[1].account", Code: KamErrorCodes.InvalidState, AttemptedValue: "ACME-HZ" });
        Assert.Contains(ex.Errors, e => e is { Path: "period", Code: KamErrorCodes.OutOfRange, AttemptedValue: "FY2027-Q1" });

        var noTarget = Assert.Throws<KamValidationException>(() => allocator.Allocate(plan, hierarchy, U("SH"), "bookings", facts));
        Assert.Equal(("unit", KamErrorCodes.Required, "SH"), (noTarget.Errors[0].Path, noTarget.Errors[0].Code, noTarget.Errors[0].AttemptedValue));
        var ratio = Assert.Throws<KamValidationException>(() => allocator.Allocate(plan, hierarchy, U("EAST"), "shareOfWallet", facts));
        Assert.Equal(("measure", KamErrorCodes.InvalidState), (ratio.Errors[0].Path, ratio.Errors[0].Code));
    }

    [Fact]
    public void Policies_validate_and_round_trip_through_json()
    {
        var ex = Assert.Throws<KamValidationException>(() => new AllocationPolicy(AllocationBasis.Tier, new Dictionary<string, decimal> { ["A"] = -1m }, [1, 2, 3]));
        Assert.Contains(ex.Errors, e => e is { Path: "tierWeights['A']", Code: KamErrorCodes.OutOfRange, AttemptedValue: "-1" });
        Assert.Contains(ex.Errors, e => e is { Path: "seasonality", Code: KamErrorCodes.OutOfRange, AttemptedValue: "3" });
        Assert.Equal("tierWeights", Assert.Throws<KamValidationException>(() => new AllocationPolicy(AllocationBasis.Tier)).Errors[0].Path);
        Assert.Equal("seasonality[2]", Assert.Throws<KamValidationException>(() => new AllocationPolicy(seasonality: [1, 1, 0.0000001m, 1, 1, 1, 1, 1, 1, 1, 1, 1])).Errors[0].Path);
        Assert.Equal("seasonality", Assert.Throws<KamValidationException>(() => new AllocationPolicy(seasonality: new decimal[12])).Errors[0].Path);

        var policy = AllocationPolicy.FromJson(RepositoryFiles.Read("docs/schemas/samples/allocation-policy.json"));
        Assert.Equal(AllocationBasis.Tier, policy.Basis);
        Assert.Equal(3m, policy.TierWeights["A"]);
        Assert.Equal(12m, policy.Seasonality[11]);
        Assert.Equal(policy.ToJson(), AllocationPolicy.FromJson(policy.ToJson()).ToJson());
        Assert.Equal(AllocationPolicy.Default.ToJson(), AllocationPolicy.FromJson("{}").ToJson());

        var bad = Assert.Throws<KamValidationException>(() => AllocationPolicy.FromJson("""{ "basis": "Equal", "seasonality": [1,1,1,1,1,1,1,1,1,1,1,-1] }"""));
        Assert.Equal(("$.seasonality[11]", "-1"), (bad.Errors[0].Path, bad.Errors[0].AttemptedValue));
    }

    [Fact]
    public void Nothing_the_caller_passed_is_changed()
    {
        var seasonality = (decimal[])Seasonality.Clone();
        var policy = new AllocationPolicy(AllocationBasis.LastYear, seasonality: seasonality);
        seasonality[0] = 1000m;
        Assert.Equal(6m, policy.Seasonality[0]);
        var facts = new List<AllocationFacts> { new(A("B"), lastYear: 1m), new(A("A"), lastYear: 1m) };
        _ = new TargetAllocator(policy).Allocate(Cny(0.01m), Year, facts);
        Assert.Equal([A("B"), A("A")], facts.Select(f => f.Account));
    }

    [Fact]
    public void Huge_targets_and_very_precise_weights_take_the_exact_paths_and_agree()
    {
        var allocator = new TargetAllocator(new AllocationPolicy(AllocationBasis.Weight, seasonality: Seasonality));
        // 10^17 fen × 13,000 does not fit 64 bits (128-bit products); the weights × 12345678901234567890 do not fit 64 bits either (arbitrary precision).
        AllocationFacts[] plain = [new(A("A"), weight: 7_000m), new(A("B"), weight: 11_000m), new(A("C"), weight: 13_000m), new(A("D"), weight: 0m)];
        AllocationFacts[] precise = plain.Select(f => new AllocationFacts(f.Account, weight: f.Weight * 12_345_678_901_234_567_890m)).ToArray();
        var target = Cny(999_999_999_999_999.99m);
        var a = allocator.Allocate(target, Year, plain);
        var b = allocator.Allocate(target, Year, precise);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(a.AccountTotal(i), b.AccountTotal(i));
            for (var m = 0; m < 12; m++)
            {
                Assert.Equal(a.Amount(i, m), b.Amount(i, m));
            }
        }

        Assert.Equal(target, Money.Sum(Enumerable.Range(0, 4).Select(a.AccountTotal), Currency.CNY));
        Assert.Equal(Cny(0m), a.AccountTotal(3));
    }

    [Fact]
    public void The_precomputed_month_split_equals_the_direct_one()
    {
        long[] weights = [6, 7, 9, 8, 8, 9, 7, 7, 9, 9, 9, 12];
        var table = new MonthSplitter(weights);
        var direct = new MonthSplitter(weights.Select(w => w * 1000).ToArray());
        var x = new long[12];
        var y = new long[12];
        foreach (var units in new long[] { 0, 1, 33, 34, 99, 100, 101, 3_333_334, 123_456_789_012, long.MaxValue / 20 })
        {
            table.Split(units, x);
            direct.Split(units, y);
            Assert.Equal(x, y);
            Assert.Equal(units, x.Sum());
        }
    }
}
