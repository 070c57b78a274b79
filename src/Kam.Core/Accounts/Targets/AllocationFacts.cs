namespace Kam.Core.Accounts.Targets;

/// <summary>
/// What a top-down allocation may weigh one account by: a weight the host gives, last year's figure, the potential
/// and the tier. The <see cref="AllocationPolicy.Basis"/> picks which one is used; the others may stay zero.
/// </summary>
/// <remarks>
/// Immutable. The numbers are checked by the allocation (a negative one, or all zero, is refused there, with the
/// account's index in the path: <c>accounts[7].lastYear</c>).
/// </remarks>
public sealed class AllocationFacts
{
    /// <summary>Creates the facts of one account.</summary>
    /// <param name="account">The account.</param>
    /// <param name="weight">A weight the host gives (basis <see cref="AllocationBasis.Weight"/>).</param>
    /// <param name="lastYear">Last year's figure of the measure (basis <see cref="AllocationBasis.LastYear"/>).</param>
    /// <param name="potential">The account's potential (basis <see cref="AllocationBasis.Potential"/>).</param>
    /// <param name="tier">The account's tier name (basis <see cref="AllocationBasis.Tier"/>), or <see langword="null"/>.</param>
    /// <exception cref="KamValidationException">The account is the default identifier.</exception>
    public AllocationFacts(AccountId account, decimal weight = 0m, decimal lastYear = 0m, decimal potential = 0m, string? tier = null)
    {
        if (account.Value.Length == 0)
        {
            throw new KamValidationException("account", KamErrorCodes.Required, null, "An identifier is required (the default value has none).");
        }

        Account = account;
        Weight = weight;
        LastYear = lastYear;
        Potential = potential;
        Tier = tier;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the weight the host gives.</summary>
    public decimal Weight { get; }

    /// <summary>Gets last year's figure of the measure.</summary>
    public decimal LastYear { get; }

    /// <summary>Gets the account's potential.</summary>
    public decimal Potential { get; }

    /// <summary>Gets the account's tier name, or <see langword="null"/>.</summary>
    public string? Tier { get; }
}
