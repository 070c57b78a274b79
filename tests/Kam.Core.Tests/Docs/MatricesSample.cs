using Kam.Core.Portfolio.Matrices;

namespace Kam.Core.Tests.Docs;

/// <summary>The worked example of docs/portfolio-matrices.md, compiled and run by <see cref="PortfolioDocsPagesTests"/>.</summary>
internal static class MatricesSample
{
    public static (MatrixPlacement Fy2026, MatrixPlacement Fy2027, MatrixMovements Moves) Run()
    {
        // <doc>
        var matrix = PortfolioMatrix.CurrentAndFutureValue(currentThreshold: 1_000_000m, futureThreshold: 1_500_000m);
        MatrixPoint Point(string account, decimal current, decimal future) => MatrixPoint.OfValues(
            AccountId.Parse(account), new Money(current, Currency.CNY), new Money(future, Currency.CNY),
            currentSource: "gross profit of the year", futureSource: "3-year lifetime value");

        var fy2026 = matrix.Place(
            [Point("ALPHA", 2_000_000m, 1_200_000m), Point("BETA", 1_000_000m, 3_000_000m),
             Point("GAMMA", 300_000m, 1_500_000m), Point("DELTA", 400_000m, 500_000m)],
            Currency.CNY);
        var fy2027 = matrix.Place(
            [Point("ALPHA", 1_800_000m, 900_000m), Point("BETA", 1_600_000m, 2_500_000m),
             Point("GAMMA", 200_000m, 600_000m), Point("EPSILON", 1_200_000m, 2_000_000m)],
            Currency.CNY);
        var moves = MatrixMovements.Between(fy2026, fy2027);

        foreach (var account in fy2026.Accounts)
        {
            Console.WriteLine($"{account.Account}: {account.Cell.Name} ({account.Cell.StrategyCode}) because {account.Reason}");
        }
        // </doc>
        return (fy2026, fy2027, moves);
    }
}
