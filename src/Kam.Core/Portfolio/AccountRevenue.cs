using System.Globalization;

namespace Kam.Core.Portfolio;

/// <summary>An account's revenue in one period: what the churn and revenue-retention figures are measured on.</summary>
/// <remarks>Immutable; validated when built.</remarks>
public sealed class AccountRevenue
{
    /// <summary>Creates the record.</summary>
    /// <param name="account">The account.</param>
    /// <param name="period">The period.</param>
    /// <param name="revenue">The revenue in the period; not negative.</param>
    /// <exception cref="KamValidationException">The account is the default value or the revenue is negative.</exception>
    public AccountRevenue(AccountId account, FiscalPeriod period, Money revenue)
    {
        var errors = new ValidationCollector();
        if (account == default)
        {
            errors.Add("account", KamErrorCodes.Required, null, "An account is required.");
        }

        if (revenue.IsNegative)
        {
            errors.Add("revenue", KamErrorCodes.OutOfRange, revenue.ToString(null, CultureInfo.InvariantCulture), "Revenue must not be negative.");
        }

        errors.ThrowIfAny();
        Account = account;
        Period = period;
        Revenue = revenue;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the period.</summary>
    public FiscalPeriod Period { get; }

    /// <summary>Gets the revenue in the period.</summary>
    public Money Revenue { get; }
}
