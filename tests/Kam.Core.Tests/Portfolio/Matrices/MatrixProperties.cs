using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kam.Core.Portfolio.Matrices;

namespace Kam.Core.Tests.Portfolio.Matrices;

/// <summary>The laws of placements: independent of the points' order, mergeable over any partition, tallies that add up, and movements that account for every account once.</summary>
public sealed class MatrixProperties
{
    private static readonly PortfolioMatrix Matrix = PortfolioMatrix.AttractivenessAndStrength;

    // Scores on a grid of halves, so that many fall exactly on the threshold 5.
    private static readonly Gen<(int Item1, int Item2, int Item3)> Score =
        from x in Gen.Choose(0, 20)
        from y in Gen.Choose(0, 20)
        from v in Gen.Choose(-1_000, 1_000_000)
        select (x, y, v);

    private static readonly Gen<MatrixPoint[]> Points =
        from n in Gen.Choose(0, 40)
        from scores in Gen.ArrayOf(Score, n)
        select scores.Select((s, i) => new MatrixPoint(AccountId.Parse("A" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture)), s.Item1 / 2m, s.Item2 / 2m, new Money(s.Item3, Currency.CNY))).ToArray();

    private static string Fingerprint(MatrixPlacement p) =>
        string.Join(";", p.Accounts.Select(a => $"{a.Account}:{a.Cell.Code}:{a.Reason}"))
        + "|" + string.Join(";", p.ByCell.Select(t => $"{t.Cell.Code}:{t.Count}:{t.Value}")) + "|" + p.TotalValue;

    [Property(MaxTest = 80)]
    public Property Placement_does_not_depend_on_the_order_of_the_points() =>
        Prop.ForAll(Points.ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (points, seed) =>
        {
            var random = new Random(seed);
            var shuffled = points.OrderBy(_ => random.Next()).ToArray();
            return Fingerprint(Matrix.Place(points, Currency.CNY)) == Fingerprint(Matrix.Place(shuffled, Currency.CNY));
        });

    [Property(MaxTest = 80)]
    public Property Placements_of_a_partition_merge_to_the_whole_in_any_grouping() =>
        Prop.ForAll(Points.ToArbitrary(), Gen.Choose(0, 100).ToArbitrary(), Gen.Choose(0, 100).ToArbitrary(), (points, c1, c2) =>
        {
            int i = points.Length * Math.Min(c1, c2) / 100, j = points.Length * Math.Max(c1, c2) / 100;
            var a = Matrix.Place(points[..i], Currency.CNY);
            var b = Matrix.Place(points[i..j], Currency.CNY);
            var c = Matrix.Place(points[j..], Currency.CNY);
            var whole = Fingerprint(Matrix.Place(points, Currency.CNY));
            var empty = MatrixPlacement.Empty(Matrix, Currency.CNY);
            return Fingerprint(a.Merge(b).Merge(c)) == whole
                && Fingerprint(a.Merge(b.Merge(c))) == whole
                && Fingerprint(c.Merge(a).Merge(b)) == whole
                && Fingerprint(empty.Merge(a)) == Fingerprint(a);
        });

    [Property(MaxTest = 80)]
    public Property Tallies_add_up_and_each_account_is_in_the_cell_of_its_bands() =>
        Prop.ForAll(Points.ToArbitrary(), points =>
        {
            var p = Matrix.Place(points, Currency.CNY);
            return p.ByCell.Sum(t => t.Count) == points.Length
                && p.ByCell.Sum(t => t.Value.Amount) == points.Sum(x => x.Value.Amount)
                && p.Accounts.All(a => a.Cell.XBand == (a.Point.X >= 5m ? 1 : 0) && a.Cell.YBand == (a.Point.Y >= 5m ? 1 : 0));
        });

    [Property(MaxTest = 60)]
    public Property Movements_account_for_every_account_of_either_period_once() =>
        Prop.ForAll(Points.ToArbitrary(), Points.ToArbitrary(), Gen.Choose(0, 100).ToArbitrary(), (before, after, keep) =>
        {
            var from = Matrix.Place(before, Currency.CNY);
            var to = Matrix.Place(after.Take(after.Length * keep / 100).ToArray(), Currency.CNY);
            var m = MatrixMovements.Between(from, to);
            var both = from.Accounts.Count(a => to.Find(a.Account) is not null);
            return m.Transitions.Sum(t => t.Count) == both
                && m.Left.Count == from.Accounts.Count - both
                && m.Entered.Count == to.Accounts.Count - both
                && m.Moved.Count == m.Transitions.Where(t => t.From != t.To).Sum(t => t.Count);
        });
}
