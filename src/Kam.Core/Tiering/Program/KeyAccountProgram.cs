using Kam.Core.Tiering.Selection;

using System.Globalization;

namespace Kam.Core.Tiering.Program;

/// <summary>
/// Sizing a key-account program (rule book: key-account program): consider a key-account department once annual sales reach
/// 50 million (currency units) or there are 6-10 key customers; choose its form by company size; and staff it at
/// about 9 key accounts per manager (rule book: key-account program).
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class KeyAccountProgram
{
    /// <summary>Gets the default sales threshold of the rule book (key-account program): 50,000,000 CNY.</summary>
    public static Money DefaultSalesThreshold { get; } = Money.Of(50_000_000m, "CNY");

    /// <summary>Gets the default key-customer threshold of the rule book (key-account program): 6 (the rule book says 6-10).</summary>
    public static int DefaultKeyAccountThreshold => 6;

    /// <summary>Advises on a key-account program.</summary>
    /// <param name="annualSales">The supplier's annual sales; must be in the currency of <paramref name="salesThreshold"/>.</param>
    /// <param name="keyAccounts">The number of key accounts identified (for example by <see cref="KeyAccountSelectionEngine"/>).</param>
    /// <param name="size">The supplier's size.</param>
    /// <param name="salesThreshold">The sales threshold, or null for <see cref="DefaultSalesThreshold"/>.</param>
    /// <param name="keyAccountThreshold">The key-account threshold, or null for <see cref="DefaultKeyAccountThreshold"/>.</param>
    /// <param name="accountsPerManager">Key accounts per manager, default 9.</param>
    /// <returns>The advice.</returns>
    /// <exception cref="KamValidationException">A count is negative, sales are negative, or the size is undefined.</exception>
    /// <exception cref="CurrencyMismatchException">The sales and the threshold are in different currencies.</exception>
    public static ProgramAdvice Advise(Money annualSales, int keyAccounts, CompanySize size, Money? salesThreshold = null, int? keyAccountThreshold = null, int accountsPerManager = 9)
    {
        var threshold = salesThreshold ?? DefaultSalesThreshold;
        var accountsThreshold = keyAccountThreshold ?? DefaultKeyAccountThreshold;
        var errors = new ValidationCollector();
        errors.NotNegative(nameof(annualSales), annualSales.Amount);
        errors.InRange(nameof(keyAccounts), keyAccounts, 0, int.MaxValue);
        errors.InRange(nameof(keyAccountThreshold), accountsThreshold, 1, int.MaxValue);
        errors.InRange(nameof(accountsPerManager), accountsPerManager, 1, 10_000);
        if (!Enum.IsDefined(size))
        {
            errors.Add(nameof(size), KamErrorCodes.OutOfRange, size, "Not a defined company size.");
        }

        errors.ThrowIfAny();
        if (annualSales.Currency != threshold.Currency)
        {
            throw new CurrencyMismatchException(threshold.Currency, annualSales.Currency, "comparison with the sales threshold");
        }

        var bySales = annualSales.Amount >= threshold.Amount;
        var byAccounts = keyAccounts >= accountsThreshold;
        var reasons = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"annual sales {annualSales.Amount:N0} {(bySales ? ">=" : "<")} {threshold.Amount:N0} {threshold.Currency}"),
            string.Create(CultureInfo.InvariantCulture, $"{keyAccounts} key accounts {(byAccounts ? ">=" : "<")} {accountsThreshold}"),
        };
        var form = size switch
        {
            CompanySize.Group => ProgramForm.Committee,
            CompanySize.Large => ProgramForm.ServiceCenter,
            CompanySize.MidSized => ProgramForm.Department,
            _ => ProgramForm.CrossFunctionalTeam,
        };
        var managers = (keyAccounts + accountsPerManager - 1) / accountsPerManager;
        return new ProgramAdvice(bySales || byAccounts, reasons, form, managers);
    }
}
