using Kam.Core.Portfolio.Matrices.Serialization;

namespace Kam.Core.Portfolio.Matrices;

/// <summary>
/// A portfolio matrix: two axes, each cut into bands by thresholds, and a cell with a strategy for every pair of bands
/// (rule book: accounts, the portfolio view, two-axis matrices). A definition is data: the defaults are
/// <see cref="AttractivenessAndStrength"/> and <see cref="CurrentAndFutureValue"/>; a host writes its own in code or
/// JSON (<see cref="FromJson"/>; schema docs/schemas/portfolio-matrix.schema.json).
/// </summary>
/// <remarks>
/// <para>
/// <see cref="X"/> is the horizontal axis, <see cref="Y"/> the vertical one; a cell is named by its band on each
/// (0 = the lowest). Every pair of bands has exactly one cell and cell codes are unique. A value exactly on a
/// threshold falls in the band above it.
/// </para>
/// <para>Immutable, valid from construction and thread-safe; every problem is reported at once, with paths relative to the matrix (<c>x.thresholds[0]</c>, <c>cells[2].code</c>).</para>
/// </remarks>
public sealed class PortfolioMatrix
{
    private readonly MatrixCell[,] _grid;

    /// <summary>Creates a matrix.</summary>
    /// <param name="name">The matrix's name; not blank.</param>
    /// <param name="x">The horizontal axis.</param>
    /// <param name="y">The vertical axis.</param>
    /// <param name="cells">One cell for every pair of bands, codes unique (copied).</param>
    /// <exception cref="KamValidationException">A cell lies outside the bands, two share a place or a code, or a place has no cell; every problem is reported.</exception>
    public PortfolioMatrix(string name, MatrixAxis x, MatrixAxis y, IReadOnlyList<MatrixCell> cells)
    {
        var errors = new ValidationCollector();
        errors.Required("name", name);
        errors.Required("x", x);
        errors.Required("y", y);
        errors.Required("cells", cells);
        errors.ThrowIfAny();
        var list = cells.ToArray();
        var grid = new MatrixCell[x.BandCount, y.BandCount];
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is not { } cell)
            {
                errors.Add($"cells[{i}]", KamErrorCodes.Required, null, "A cell is required.");
                continue;
            }

            if (!codes.Add(cell.Code))
            {
                errors.Add($"cells[{i}].code", KamErrorCodes.Duplicate, cell.Code, "Another cell has this code.");
            }

            var xOk = errors.InRange($"cells[{i}].x", cell.XBand, 0, x.BandCount - 1);
            var yOk = errors.InRange($"cells[{i}].y", cell.YBand, 0, y.BandCount - 1);
            if (xOk && yOk)
            {
                if (grid[cell.XBand, cell.YBand] is { } other)
                {
                    errors.Add($"cells[{i}]", KamErrorCodes.Duplicate, $"x={cell.XBand}, y={cell.YBand}", $"The cell '{other.Code}' is already at this place.");
                }
                else
                {
                    grid[cell.XBand, cell.YBand] = cell;
                }
            }
        }

        for (var b = 0; b < y.BandCount; b++)
        {
            for (var a = 0; a < x.BandCount; a++)
            {
                if (grid[a, b] is null)
                {
                    errors.Add("cells", KamErrorCodes.Required, $"x={a}, y={b}", $"No cell for {x.Name} {x.BandName(a)} and {y.Name} {y.BandName(b)}; every pair of bands needs one.");
                }
            }
        }

        errors.ThrowIfAny();
        _grid = grid;
        Name = name;
        X = x;
        Y = y;
        Cells = Array.AsReadOnly(list);
    }

    /// <summary>
    /// Gets the matrix of our view of the account's attractiveness (horizontal, <see cref="X"/>) against the customer's
    /// view of our ability, our strength as a supplier (vertical, <see cref="Y"/>): both scores 0 to 10, high from 5
    /// on. Cells: <c>strategic</c> (both high: invest), <c>development</c> (attractive, we are weak: build),
    /// <c>status</c> (not attractive, we are strong: maintain) and <c>streamline</c> (both low: minimise). Keeping only the
    /// first two as key accounts keeps their number manageable.
    /// </summary>
    public static PortfolioMatrix AttractivenessAndStrength { get; } = new(
        "attractiveness-strength",
        new MatrixAxis("attractiveness", [5m], 0m, 10m, "Our view of the account's attractiveness to us, a score 0-10 (size, growth, margin, fit)."),
        new MatrixAxis("strength", [5m], 0m, 10m, "The customer's view of our ability against competitors, a score 0-10."),
        [
            new MatrixCell("strategic", "Strategic", 1, 1, "invest", "Invest: a key account; build the partnership with joint plans and the whole account team."),
            new MatrixCell("development", "Development", 1, 0, "build", "Build: invest selectively to strengthen how the customer sees our ability."),
            new MatrixCell("status", "Status", 0, 1, "maintain", "Maintain: serve it well and efficiently, without further investment."),
            new MatrixCell("streamline", "Streamline", 0, 0, "minimise", "Minimise: serve at least cost; not a key account."),
        ]);

    /// <summary>Gets the matrix's name.</summary>
    public string Name { get; }

    /// <summary>Gets the horizontal axis.</summary>
    public MatrixAxis X { get; }

    /// <summary>Gets the vertical axis.</summary>
    public MatrixAxis Y { get; }

    /// <summary>Gets the cells, in the order given.</summary>
    public IReadOnlyList<MatrixCell> Cells { get; }

    /// <summary>
    /// Creates the matrix of current value (horizontal, <see cref="X"/>) against future value (vertical,
    /// <see cref="Y"/>), with the Boston-matrix cells the rule book borrows: <c>star</c> (both high), <c>cow</c> (current
    /// high, future low), <c>wildcat</c> (current low, future high) and <c>dog</c> (both low); focus on cows and
    /// stars, control spending on dogs, drop wildcats. Both axes are amounts without bounds, high from the threshold on.
    /// </summary>
    /// <param name="currentThreshold">The current value from which an account is high (in the amounts' currency).</param>
    /// <param name="futureThreshold">The future value from which an account is high.</param>
    /// <returns>The matrix.</returns>
    public static PortfolioMatrix CurrentAndFutureValue(decimal currentThreshold, decimal futureThreshold) => new(
        "current-future-value",
        new MatrixAxis("current value", [currentThreshold], description: "The account's value now: last period's gross profit or revenue."),
        new MatrixAxis("future value", [futureThreshold], description: "The account's value to come: its lifetime value or a growth projection."),
        [
            new MatrixCell("star", "Star", 1, 1, "focus", "Focus: a value account that is growing; invest to keep it and grow with it."),
            new MatrixCell("cow", "Cash cow", 1, 0, "focus", "Focus: a stable, weighty account whose growth has slowed; defend it and serve it efficiently."),
            new MatrixCell("wildcat", "Wildcat", 0, 1, "drop", "Drop: it earns us little and costs us reputation; cut it decisively."),
            new MatrixCell("dog", "Dog", 0, 0, "control", "Control spending: limit what we put in and help it improve its own business."),
        ]);

    /// <summary>Gets the cell of a pair of bands.</summary>
    /// <param name="xBand">The band of the horizontal axis.</param>
    /// <param name="yBand">The band of the vertical axis.</param>
    /// <returns>The cell.</returns>
    /// <exception cref="KamValidationException">A band is outside its axis (code <see cref="KamErrorCodes.OutOfRange"/>).</exception>
    public MatrixCell CellAt(int xBand, int yBand)
    {
        var errors = new ValidationCollector();
        errors.InRange("xBand", xBand, 0, X.BandCount - 1);
        errors.InRange("yBand", yBand, 0, Y.BandCount - 1);
        errors.ThrowIfAny();
        return _grid[xBand, yBand];
    }

    /// <summary>Places accounts on the matrix.</summary>
    /// <param name="points">One point per account, in any order (not changed).</param>
    /// <param name="currency">The currency of the points' values.</param>
    /// <returns>Each account's cell with the reason, and the count and value of every cell.</returns>
    /// <exception cref="KamValidationException">
    /// An account is missing or listed twice (<c>points[3].account</c>), a value lies outside its axis's range
    /// (<c>points[3].x</c>), or a value is in another currency (<c>points[3].value</c>); every problem is reported.
    /// </exception>
    public MatrixPlacement Place(IReadOnlyList<MatrixPoint> points, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(points);
        var errors = new ValidationCollector();
        if (currency == Currency.None)
        {
            errors.Add("currency", KamErrorCodes.Required, null, "The placement needs the currency of the values.");
        }

        var seen = new HashSet<AccountId>();
        var placed = new List<AccountPlacement>(points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            if (!errors.Required($"points[{i}]", points[i]))
            {
                continue;
            }

            var p = points[i];
            if (string.IsNullOrEmpty(p.Account.Value))
            {
                errors.Add($"points[{i}].account", KamErrorCodes.Required, null, "A point names its account.");
            }
            else if (!seen.Add(p.Account))
            {
                errors.Add($"points[{i}].account", KamErrorCodes.Duplicate, p.Account.Value, "The account has another point; place each account once.");
            }

            var ok = CheckValue(errors, $"points[{i}].x", X, p.X) & CheckValue(errors, $"points[{i}].y", Y, p.Y);
            if (p.Value.Currency != currency && currency != Currency.None)
            {
                errors.Add($"points[{i}].value", KamErrorCodes.CurrencyMismatch, p.Value, $"The placement's values are in {currency.Code}.");
                ok = false;
            }

            if (ok)
            {
                placed.Add(Locate(p));
            }
        }

        errors.ThrowIfAny();
        return new MatrixPlacement(this, currency, placed);
    }

    /// <summary>Reads a matrix from JSON (the format is in docs/portfolio-matrices.md; its schema in docs/schemas/portfolio-matrix.schema.json).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated matrix.</returns>
    /// <exception cref="KamValidationException">The JSON is malformed or the matrix invalid; paths are JSON paths (<c>$.x.thresholds[0]</c>) and every problem is reported.</exception>
    public static PortfolioMatrix FromJson(string json) => MatrixJson.Read(json);

    /// <summary>Writes the matrix as JSON that <see cref="FromJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => MatrixJson.Write(this);

    /// <summary>Tells whether two matrices place alike (same cuts, same cell codes at the same places), so that their placements can be merged and compared.</summary>
    internal bool SameShape(PortfolioMatrix other) =>
        ReferenceEquals(this, other)
        || (X.SameCuts(other.X) && Y.SameCuts(other.Y)
            && Cells.Count == other.Cells.Count
            && Cells.All(c => string.Equals(other._grid[c.XBand, c.YBand].Code, c.Code, StringComparison.Ordinal)));

    private static bool CheckValue(ValidationCollector errors, string path, MatrixAxis axis, decimal value)
    {
        if (axis.InRange(value))
        {
            return true;
        }

        errors.Add(path, KamErrorCodes.OutOfRange, value, $"The value lies outside the range of the axis '{axis.Name}' ({(axis.Min is { } lo ? MatrixAxis.Number(lo) : "open")} to {(axis.Max is { } hi ? MatrixAxis.Number(hi) : "open")}).");
        return false;
    }

    private AccountPlacement Locate(MatrixPoint p)
    {
        var cell = _grid[X.BandOf(p.X), Y.BandOf(p.Y)];
        var reason = $"{X.Explain(p.X, p.XSource)}; {Y.Explain(p.Y, p.YSource)} → {cell.Name}: {cell.Strategy}";
        return new AccountPlacement(p, cell, reason);
    }
}
