using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kam.Core.Tiering;

namespace Kam.Core.Tests.Tiering;

/// <summary>
/// The radix ranking of large portfolios orders accounts exactly as the comparison sort does: highest value first,
/// equal values (−0 and +0 among them) by identifier position, on random values with many ties, negatives, zeros,
/// tiny and huge magnitudes, with or without an identifier order.
/// </summary>
public sealed class ValueRankingPropertyTests
{
    private static readonly double[] Specials =
        [0d, -0d, 1d, -1d, 0.5, -0.5, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, 1e-300, -1e-300, 7.9e28, -7.9e28, 12345.678, 1e15];

    /// <summary>0–300 values drawn from few integers (ties), the specials, or any finite double; and an identifier order or none.</summary>
    public static Arbitrary<(double[] Values, int[]? IdRanks)> Cases() =>
        Gen.Choose(0, 300).SelectMany(n =>
            Gen.ArrayOf(Value, n).SelectMany(values =>
            Gen.Elements(true, false).SelectMany(ordered =>
            Gen.Shuffle(Enumerable.Range(0, n).ToArray()).Select(ranks => (values, ordered ? null : (int[]?)ranks))))).ToArbitrary();

    private static Gen<double> Value => Gen.OneOf(
        Gen.Choose(-3, 3).Select(v => (double)v),
        Gen.Elements(Specials),
        ArbMap.Default.GeneratorFor<double>().Where(double.IsFinite),
        Gen.Choose(-1000, 1000).Select(v => v / 8d));

    [Property(Arbitrary = [typeof(ValueRankingPropertyTests)], MaxTest = 500)]
    public bool The_radix_order_is_the_comparison_order((double[] Values, int[]? IdRanks) c) =>
        ValueRanking.ByRadix(c.Values, c.IdRanks).SequenceEqual(ValueRanking.ByComparison(c.Values, c.IdRanks));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_large_portfolio_is_ranked_by_radix_as_by_comparison(int seed)
    {
        var random = new Random(seed);
        var n = ValueRanking.RadixFrom + random.Next(5000);
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = random.Next(4) switch
            {
                0 => random.Next(-50, 50),
                1 => Math.Round(random.NextDouble() * 1e7, 2),
                2 => random.Next(2) == 0 ? 0d : -0d,
                _ => -random.NextDouble() * 1e-5,
            };
        }

        var ranks = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();

        Assert.Equal(ValueRanking.ByComparison(values, ranks), ValueRanking.Descending(values, ranks));
        Assert.Equal(ValueRanking.ByComparison(values, null), ValueRanking.Descending(values, null));
    }

    [Fact]
    public void Equal_values_and_the_two_zeros_are_ranked_by_identifier_position()
    {
        // values 5, -0, 5, 0, -2 with identifier positions 3, 4, 0, 1, 2: the 5s by position (index 2 then 0), the zeros (3 then 1).
        var order = ValueRanking.ByRadix([5d, -0d, 5d, 0d, -2d], [3, 4, 0, 1, 2]);

        Assert.Equal([2, 0, 3, 1, 4], order);
    }
}
