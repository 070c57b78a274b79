using System.Diagnostics;
using System.Globalization;
using Kam.Core.Stages.DealControl;

namespace Kam.Core.Stages.Playbooks;

/// <summary>
/// The win probability a project has once it has <em>completed</em> each of the eight sales stages (成功率,
/// rule book: win probabilities); before stage 1 is completed the probability is 0%.
/// </summary>
/// <remarks>
/// <para>
/// The values must rise strictly from stage 1 to stage 8 (a later stage cannot be worth less than an earlier one).
/// The rule book's table is <see cref="Default"/>: 10, 20, 25, 30, 50, 75, 90, 100%. A host that has measured its own
/// conversion (see <see cref="DealControlSummary.Conversion"/>) can build its own.
/// </para>
/// <para>Immutable and thread-safe; equality is by the eight values.</para>
/// </remarks>
public sealed class WinProbabilityTable : IEquatable<WinProbabilityTable>
{
    private readonly Percentage[] _values;

    /// <summary>Creates a table from eight values, stage 1 first.</summary>
    /// <param name="values">The probabilities; they must rise strictly.</param>
    /// <exception cref="KamValidationException">There are not eight values (path <c>probabilities</c>), or they do not rise strictly (paths <c>probabilities[i]</c>).</exception>
    public WinProbabilityTable(IEnumerable<Percentage> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var errors = new ValidationCollector();
        var checkedValues = Check(values.ToArray(), i => $"probabilities[{i}]", "probabilities", errors);
        errors.ThrowIfAny();
        _values = checkedValues!;
    }

    private WinProbabilityTable(Percentage[] values, bool trusted)
    {
        Debug.Assert(trusted, "Only for values already checked.");
        _values = values;
    }

    /// <summary>Gets the rule book's table: 10, 20, 25, 30, 50, 75, 90, 100%.</summary>
    public static WinProbabilityTable Default { get; } =
        new([Pct(10), Pct(20), Pct(25), Pct(30), Pct(50), Pct(75), Pct(90), Pct(100)], trusted: true);

    /// <summary>Gets the eight values, stage 1 first.</summary>
    public IReadOnlyList<Percentage> Values => _values;

    /// <summary>Gets the probability once a stage is completed.</summary>
    /// <param name="stage">The completed stage.</param>
    /// <returns>The probability.</returns>
    public Percentage this[SalesStage stage] => _values[stage.Number() - 1];

    /// <summary>Gets the probability earned so far: the completed stage's value, or 0% when none is completed.</summary>
    /// <param name="completed">The completed stage, or null.</param>
    /// <returns>The probability.</returns>
    public Percentage Of(SalesStage? completed) => completed is { } stage ? this[stage] : Percentage.Zero;

    /// <inheritdoc />
    public bool Equals(WinProbabilityTable? other) => other is not null && _values.AsSpan().SequenceEqual(other._values);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as WinProbabilityTable);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var value in _values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    /// <summary>Renders the table as <c>10% 20% … 100%</c>.</summary>
    /// <returns>The values separated by spaces.</returns>
    public override string ToString() => string.Join(" ", _values.Select(v => v.ToString()));

    internal static WinProbabilityTable? Validate(IReadOnlyList<Percentage> values, Func<int, string> pathOf, string listPath, ValidationCollector errors) =>
        Check(values, pathOf, listPath, errors) is { } checkedValues ? new WinProbabilityTable(checkedValues, trusted: true) : null;

    private static Percentage[]? Check(IReadOnlyList<Percentage> values, Func<int, string> pathOf, string listPath, ValidationCollector errors)
    {
        if (values.Count != StageExtensions.StageCount)
        {
            errors.Add(listPath, KamErrorCodes.OutOfRange, values.Count.ToString(CultureInfo.InvariantCulture), "A win-probability table has exactly eight values, one per stage.");
            return null;
        }

        var ok = true;
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i] <= values[i - 1])
            {
                errors.Add(pathOf(i), KamErrorCodes.OutOfOrder, values[i], $"The probability of stage {i + 1} must be higher than that of stage {i} ({values[i - 1]}).");
                ok = false;
            }
        }

        return ok ? values.ToArray() : null;
    }

    private static Percentage Pct(decimal percent) => Percentage.FromPercent(percent);
}
