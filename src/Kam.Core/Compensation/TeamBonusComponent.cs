namespace Kam.Core.Compensation;

/// <summary>A department or team bonus paid at year end: a target scaled by the team's attainment, up to a cap.</summary>
/// <remarks>The rule book grants unit managers an extra department bonus at year end (rule book: docs/rules/performance-and-pay.md). Immutable and thread-safe.</remarks>
public sealed class TeamBonusComponent : PayComponent
{
    /// <summary>Creates the component.</summary>
    /// <param name="name">The name.</param>
    /// <param name="target">The bonus at 100% team attainment, per year.</param>
    /// <param name="cap">The highest attainment counted (for example 150%).</param>
    public TeamBonusComponent(string name, Money target, Ratio cap)
        : base(name, PayComponentKind.TeamBonus)
    {
        Target = target;
        Cap = cap;
        Rule = $"{Target} × team attainment (at most {Cap})";
    }

    /// <summary>Gets the bonus at 100% team attainment.</summary>
    public Money Target { get; }

    /// <summary>Gets the highest attainment counted.</summary>
    public Ratio Cap { get; }

    /// <inheritdoc />
    public override string Rule { get; }

    /// <inheritdoc />
    internal override void Validate(ValidationCollector errors, string path, Currency currency) =>
        CheckAmount(errors, $"{path}.target", Target, currency);
}
