namespace Kam.Core.Tiering;

/// <summary>
/// What an account in a tier receives from us: the service level, the size of its account team, how often it is
/// visited, and the investment budget set aside for it (rule book: tiering — a tier is useful only with what it gets).
/// </summary>
/// <remarks>
/// Attached to a <see cref="TierDefinition"/> by a policy and returned with every <see cref="TierAssignment"/> of that
/// tier. Immutable and valid from construction.
/// </remarks>
public sealed class TierServices
{
    /// <summary>Creates the services of a tier.</summary>
    /// <param name="serviceLevel">The service level, in the host's words (for example "dedicated line, 2-hour response").</param>
    /// <param name="accountTeamSize">The number of people in the account team; not negative.</param>
    /// <param name="visitsPerYear">The planned number of visits per year; not negative.</param>
    /// <param name="investmentBudget">The yearly investment budget per account (not negative), or <see langword="null"/> when none is set.</param>
    /// <exception cref="KamValidationException">A value is invalid; every problem is reported.</exception>
    public TierServices(string serviceLevel, int accountTeamSize, int visitsPerYear, Money? investmentBudget = null)
        : this(serviceLevel, accountTeamSize, visitsPerYear, investmentBudget, validate: true)
    {
    }

    private TierServices(string serviceLevel, int accountTeamSize, int visitsPerYear, Money? investmentBudget, bool validate)
    {
        ServiceLevel = serviceLevel;
        AccountTeamSize = accountTeamSize;
        VisitsPerYear = visitsPerYear;
        InvestmentBudget = investmentBudget;
        if (validate)
        {
            var errors = new ValidationCollector();
            Validate(errors, string.Empty);
            errors.ThrowIfAny();
        }
    }

    /// <summary>Gets the service level, in the host's words.</summary>
    public string ServiceLevel { get; }

    /// <summary>Gets the number of people in the account team.</summary>
    public int AccountTeamSize { get; }

    /// <summary>Gets the planned number of visits per year.</summary>
    public int VisitsPerYear { get; }

    /// <summary>Gets the yearly investment budget per account, or <see langword="null"/> when none is set.</summary>
    public Money? InvestmentBudget { get; }

    /// <summary>Builds the services as read from a file, unvalidated: the policy that holds them validates them with full paths.</summary>
    internal static TierServices Unchecked(string serviceLevel, int accountTeamSize, int visitsPerYear, Money? investmentBudget) =>
        new(serviceLevel, accountTeamSize, visitsPerYear, investmentBudget, validate: false);

    internal void Validate(ValidationCollector errors, string path)
    {
        errors.Required(Paths.Member(path, "serviceLevel"), ServiceLevel);
        errors.InRange(Paths.Member(path, "accountTeamSize"), AccountTeamSize, 0, int.MaxValue);
        errors.InRange(Paths.Member(path, "visitsPerYear"), VisitsPerYear, 0, int.MaxValue);
        if (InvestmentBudget is { } budget)
        {
            errors.NotNegative(Paths.Member(path, "investmentBudget"), budget.Amount);
        }
    }
}
