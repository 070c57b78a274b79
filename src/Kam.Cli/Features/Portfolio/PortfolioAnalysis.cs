using System.Globalization;
using Kam.Core;
using Kam.Core.Portfolio.Matrices;
using Kam.Core.Portfolio.Review;

namespace Kam.Cli.Features.Portfolio;

/// <summary>One matrix of <c>kam portfolio</c>: the accounts placed on it and where their values come from.</summary>
/// <param name="Placement">The library's placement.</param>
/// <param name="Derivation">How the axes' values are derived, in one sentence (the report's text under the chart).</param>
/// <param name="Unplaced">How many accounts could not be placed.</param>
/// <param name="UnplacedWhy">Why, or <see langword="null"/> when every account was placed.</param>
/// <param name="Log">Whether the axes are amounts (drawn on logarithmic scales).</param>
internal sealed record MatrixView(MatrixPlacement Placement, string Derivation, int Unplaced, string? UnplacedWhy, bool Log);

/// <summary>What <c>kam portfolio</c> computed.</summary>
/// <param name="Data">What the loader read and the engines computed.</param>
/// <param name="Dashboard">The risks and opportunities, ranked.</param>
/// <param name="Strength">The attractiveness × strength matrix (or the one of <c>--matrix</c> on those axes), or <see langword="null"/> when no account can be placed.</param>
/// <param name="StrengthWhy">Why the attractiveness × strength matrix is missing, or <see langword="null"/>.</param>
/// <param name="Value">The current × future value matrix, or <see langword="null"/> when it cannot be drawn.</param>
/// <param name="ValueWhy">Why the value matrix is missing, or <see langword="null"/>.</param>
/// <param name="MovementsWhy">Why the matrices' movements are not shown.</param>
internal sealed record PortfolioResult(PortfolioData Data, PortfolioDashboard Dashboard, MatrixView? Strength, string? StrengthWhy, MatrixView? Value, string? ValueWhy, string MovementsWhy)
{
    /// <summary>Gets an account's label: its identifier and, when known, its name.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The label.</returns>
    public string Label(AccountId account) =>
        Data.Names.TryGetValue(account, out var name) && name.Length > 0 ? $"{account} {name}" : account.Value;
}

/// <summary>
/// <c>kam portfolio</c>'s computation on the loaded folder: the dashboard of the account review under the rules, and
/// the accounts placed on the two default portfolio matrices.
/// </summary>
/// <remarks>
/// <para>
/// Attractiveness × strength: the tier policy gives one score per account (the scorecard's, 0 to 1), not the two the
/// matrix needs. Attractiveness, our view of the account, is that scorecard score × 10. Strength, the customer's view
/// of us against competitors, is 10 × the mean of what accounts.csv says of it: relationship_stage and collaboration
/// (1..5 read as 0..1), and the answers strategic_investment (sees our strengths as strategic) and
/// first_choice_supplier (yes 1, no 0); an account with none of them is not placed.
/// </para>
/// <para>
/// Current × future value: the current value is the year's revenue (accounts.csv), the future value the lifetime value
/// (BG/NBD and Gamma-Gamma on transactions.csv, 12 months at 10% a year); each threshold is the median of the
/// accounts placed. Without transactions.csv the matrix is not drawn.
/// </para>
/// </remarks>
internal static class PortfolioAnalysis
{
    /// <summary>Why the matrices' movements are not shown: the folder holds one period.</summary>
    public const string MovementsWhy = "The folder holds one period (accounts.csv has one year's figures, transactions.csv is valued as of one day), so there is no earlier placement to compare with: movements between cells are not shown.";

    /// <summary>Runs the dashboard and the matrices.</summary>
    /// <param name="data">The loaded folder.</param>
    /// <param name="rules">The review rules.</param>
    /// <param name="matrix">The matrix of <c>--matrix</c>, or <see langword="null"/> for the two defaults.</param>
    /// <returns>The result.</returns>
    /// <exception cref="KamValidationException">A rule names a signal the sources do not provide, or the matrix's axes are neither attractiveness and strength nor current and future value.</exception>
    public static PortfolioResult Run(PortfolioData data, ReviewRuleSet rules, PortfolioMatrix? matrix = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var dashboard = new AccountReviewer(data.Sources, rules).Dashboard();
        var kind = matrix is null ? MatrixKind.None : KindOf(matrix);
        var strengthMatrix = kind == MatrixKind.Scores ? matrix! : PortfolioMatrix.AttractivenessAndStrength;
        var (strength, strengthWhy) = Strength(data, strengthMatrix);
        var (value, valueWhy) = Value(data, kind == MatrixKind.Amounts ? matrix : null);
        return new PortfolioResult(data, dashboard, strength, strengthWhy, value, valueWhy, MovementsWhy);
    }

    /// <summary>Gets an account's strength (0..10) from accounts.csv, or <see langword="null"/> when it has none of the indicators.</summary>
    /// <param name="data">The loaded folder.</param>
    /// <param name="row">The account's row in accounts.csv.</param>
    /// <returns>The strength.</returns>
    public static decimal? StrengthOf(PortfolioData data, int row)
    {
        var accounts = data.Accounts;
        var sum = 0m;
        var count = 0;
        void Add(decimal? part)
        {
            if (part is { } p)
            {
                sum += p;
                count++;
            }
        }

        Add(accounts.RelationshipStage[row] is { } stage ? (stage - 1) / 4m : null);
        Add(accounts.Collaboration[row] is { } collaboration ? (collaboration - 1) / 4m : null);
        Add(accounts.StrategicAnswer(row, 0) is { } strategic ? (strategic ? 1m : 0m) : null);
        Add(accounts.StrategicAnswer(row, 1) is { } first ? (first ? 1m : 0m) : null);
        return count == 0 ? null : decimal.Round(10m * sum / count, 2);
    }

    private static (MatrixView?, string?) Strength(PortfolioData data, PortfolioMatrix matrix)
    {
        var accounts = data.Accounts;
        var scorecard = data.Tiering.Scorecard;
        var points = new List<MatrixPoint>(accounts.Count);
        var unplaced = 0;
        for (var i = 0; i < accounts.Count; i++)
        {
            if (scorecard.ScoreOf(i) is not { } score || !double.IsFinite(score) || StrengthOf(data, i) is not { } strength)
            {
                unplaced++;
                continue;
            }

            var attractiveness = Math.Clamp(decimal.Round((decimal)score * 10m, 2), 0m, 10m);
            points.Add(new MatrixPoint(accounts.Ids[i], attractiveness, strength, new Money(accounts.Revenue[i], data.Currency), "tiering scorecard score x 10", "relationship stage, collaboration, strategic answers"));
        }

        if (points.Count == 0)
        {
            return (null, "No account has a scorecard score and a strength indicator (relationship_stage, collaboration, strategic_investment or first_choice_supplier in accounts.csv).");
        }

        var why = unplaced == 0 ? null : Invariant($"{unplaced} accounts have none of relationship_stage, collaboration, strategic_investment and first_choice_supplier in accounts.csv: their strength is unknown and they are not placed.");
        const string Derivation = "Attractiveness is the account's tiering scorecard score (tier-policy.json) x 10; strength is 10 x the mean of its relationship stage and collaboration (1 to 5 read as 0 to 1) and its answers to 'sees our strengths as strategic' and 'first-choice supplier' (yes 1, no 0) in accounts.csv; the point's area is the year's revenue.";
        return (new MatrixView(matrix.Place(points, data.Currency), Derivation, unplaced, why, Log: false), null);
    }

    private static (MatrixView?, string?) Value(PortfolioData data, PortfolioMatrix? custom)
    {
        if (data.Lifetime is not { } lifetime)
        {
            return (null, data.WhyAbsent(ReviewPart.LifetimeValue) is { } why ? $"The current x future value matrix needs the lifetime value: {why}." : "The current x future value matrix needs the lifetime value.");
        }

        var ltv = new Dictionary<AccountId, double>(lifetime.Customers.Count);
        foreach (var c in lifetime.Customers)
        {
            ltv[c.Customer] = c.LifetimeValue;
        }

        var accounts = data.Accounts;
        var rows = new List<(AccountId Account, decimal Current, decimal Future)>(accounts.Count);
        for (var i = 0; i < accounts.Count; i++)
        {
            if (ltv.TryGetValue(accounts.Ids[i], out var future) && double.IsFinite(future))
            {
                rows.Add((accounts.Ids[i], accounts.Revenue[i], decimal.Round((decimal)future, 2)));
            }
        }

        if (rows.Count == 0)
        {
            return (null, "No account of accounts.csv has a lifetime value (no purchase in transactions.csv by the day).");
        }

        var matrix = custom ?? PortfolioMatrix.CurrentAndFutureValue(Median(rows.Select(r => r.Current)), Median(rows.Select(r => r.Future)));
        var points = rows.Select(r => MatrixPoint.OfValues(r.Account, new Money(r.Current, data.Currency), new Money(r.Future, data.Currency), "revenue of the year", "12-month lifetime value")).ToArray();
        var unplaced = accounts.Count - rows.Count;
        var whyNot = unplaced == 0 ? null : Invariant($"{unplaced} accounts of accounts.csv have no purchase in transactions.csv by {data.AsOf:yyyy-MM-dd}, so no lifetime value: they are not placed.");
        var thresholds = custom is null ? "each threshold is the median of the accounts placed" : "the thresholds are those of --matrix";
        var derivation = $"Current value is the year's revenue (accounts.csv); future value the lifetime value of the next 12 months (BG/NBD and Gamma-Gamma on transactions.csv, discounted at 10% a year); {thresholds}; both axes are logarithmic and the point's area is the revenue.";
        return (new MatrixView(matrix.Place(points, data.Currency), derivation, unplaced, whyNot, Log: true), null);
    }

    private static decimal Median(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2m;
    }

    private static MatrixKind KindOf(PortfolioMatrix matrix)
    {
        static bool Is(MatrixAxis axis, string word) => axis.Name.Contains(word, StringComparison.OrdinalIgnoreCase);
        if (Is(matrix.X, "attractiveness") && Is(matrix.Y, "strength"))
        {
            return MatrixKind.Scores;
        }

        if (Is(matrix.X, "current") && Is(matrix.Y, "future"))
        {
            return MatrixKind.Amounts;
        }

        throw new KamValidationException("$.x.name", KamErrorCodes.OutOfRange, matrix.X.Name + " x " + matrix.Y.Name, "kam portfolio places accounts on attractiveness x strength (scores 0 to 10) or on current x future value (amounts): name the axes so (x: attractiveness or current value, y: strength or future value).");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private enum MatrixKind
    {
        None,
        Scores,
        Amounts,
    }
}
