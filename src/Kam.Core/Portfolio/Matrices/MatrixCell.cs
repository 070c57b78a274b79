namespace Kam.Core.Portfolio.Matrices;

/// <summary>
/// One cell (quadrant, for a 2 × 2 matrix) of a <see cref="PortfolioMatrix"/>: its place as a band of each axis, a code
/// and a name, and the strategy for the accounts placed in it (a stable code and a text for people).
/// </summary>
/// <remarks>Immutable and valid from construction; every problem is reported at once.</remarks>
public sealed class MatrixCell
{
    /// <summary>Creates a cell.</summary>
    /// <param name="code">A stable code (<c>star</c>); not blank.</param>
    /// <param name="name">The name for people (<c>Star</c>); not blank.</param>
    /// <param name="xBand">The band of the horizontal axis, 0 = the lowest; not negative.</param>
    /// <param name="yBand">The band of the vertical axis, 0 = the lowest; not negative.</param>
    /// <param name="strategyCode">The strategy's stable code (<c>focus</c>); not blank.</param>
    /// <param name="strategy">The strategy in words; not blank.</param>
    /// <exception cref="KamValidationException">A member is blank or a band negative; every problem is reported.</exception>
    public MatrixCell(string code, string name, int xBand, int yBand, string strategyCode, string strategy)
    {
        var errors = new ValidationCollector();
        Check(errors, string.Empty, code, name, xBand, yBand, strategyCode, strategy);
        errors.ThrowIfAny();
        Code = code;
        Name = name;
        XBand = xBand;
        YBand = yBand;
        StrategyCode = strategyCode;
        Strategy = strategy;
    }

    /// <summary>Gets the cell's code.</summary>
    public string Code { get; }

    /// <summary>Gets the cell's name.</summary>
    public string Name { get; }

    /// <summary>Gets the band of the horizontal axis (0 = the lowest).</summary>
    public int XBand { get; }

    /// <summary>Gets the band of the vertical axis (0 = the lowest).</summary>
    public int YBand { get; }

    /// <summary>Gets the strategy's code.</summary>
    public string StrategyCode { get; }

    /// <summary>Gets the strategy in words.</summary>
    public string Strategy { get; }

    /// <inheritdoc/>
    public override string ToString() => Code;

    internal static void Check(ValidationCollector errors, string prefix, string? code, string? name, int xBand, int yBand, string? strategyCode, string? strategy)
    {
        errors.Required(prefix + "code", code);
        errors.Required(prefix + "name", name);
        errors.InRange(prefix + "x", xBand, 0, 3);
        errors.InRange(prefix + "y", yBand, 0, 3);
        errors.Required(prefix + "strategyCode", strategyCode);
        errors.Required(prefix + "strategy", strategy);
    }
}
