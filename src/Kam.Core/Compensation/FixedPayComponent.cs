using System.Globalization;

namespace Kam.Core.Compensation;

/// <summary>A fixed monthly amount: base salary, uniform benefits, or an allowance (travel, phone).</summary>
/// <remarks>The rule book calls these the fixed (刚性) parts of pay (rule book: performance and pay, pay structure). Immutable and thread-safe.</remarks>
public sealed class FixedPayComponent : PayComponent
{
    /// <summary>Creates the component.</summary>
    /// <param name="kind"><see cref="PayComponentKind.BaseSalary"/>, <see cref="PayComponentKind.UniformBenefits"/> or <see cref="PayComponentKind.Allowance"/>.</param>
    /// <param name="name">The name (for example "Base salary", "Travel allowance").</param>
    /// <param name="monthly">The amount per month.</param>
    /// <exception cref="KamValidationException">The kind is not a fixed kind or the name is blank.</exception>
    public FixedPayComponent(PayComponentKind kind, string name, Money monthly)
        : base(name, kind)
    {
        if (kind is not (PayComponentKind.BaseSalary or PayComponentKind.UniformBenefits or PayComponentKind.Allowance))
        {
            throw new KamValidationException(nameof(kind), KamErrorCodes.OutOfRange, kind.ToString(), "A fixed component is a base salary, uniform benefits or an allowance.");
        }

        Monthly = monthly;
        Rule = string.Create(CultureInfo.InvariantCulture, $"fixed {Monthly} a month");
    }

    /// <summary>Gets the amount per month.</summary>
    public Money Monthly { get; }

    /// <inheritdoc />
    public override string Rule { get; }

    /// <inheritdoc />
    internal override void Validate(ValidationCollector errors, string path, Currency currency) =>
        CheckAmount(errors, $"{path}.monthly", Monthly, currency);
}
