namespace Kam.Core.Tiering;

/// <summary>
/// What an account in a tier receives from us: the service level, the size of its account team, how often it is
/// visited, and the investment budget set aside for it (001…txt:101-105: a tier is useful only with what it gets).
/// </summary>
/// <remarks>
/// Attached to a <see cref="TierDefinition"/> by a policy and returned with every <see cref="TierAssignment"/> of that
/// tier. Immutable; equality is structural.
/// </remarks>
/// <param name="ServiceLevel">The service level, in the host's words (for example "dedicated line, 2-hour response").</param>
/// <param name="AccountTeamSize">The number of people in the account team; not negative.</param>
/// <param name="VisitsPerYear">The planned number of visits per year; not negative.</param>
/// <param name="InvestmentBudget">The yearly investment budget per account, or <see langword="null"/> when none is set.</param>
public sealed record TierServices(string ServiceLevel, int AccountTeamSize, int VisitsPerYear, Money? InvestmentBudget = null)
{
    internal void Validate(ValidationCollector errors, string path)
    {
        errors.Required($"{path}.serviceLevel", ServiceLevel);
        errors.InRange($"{path}.accountTeamSize", AccountTeamSize, 0, int.MaxValue);
        errors.InRange($"{path}.visitsPerYear", VisitsPerYear, 0, int.MaxValue);
        if (InvestmentBudget is { } budget)
        {
            errors.NotNegative($"{path}.investmentBudget", budget.Amount);
        }
    }
}
