using System.Globalization;

namespace Kam.Core.Tiering.Program;

/// <summary>
/// Sizing a key-account program (rule book: key-account program): consider a key-account department once annual
/// sales reach the policy's threshold or there are enough key customers; choose its form by company size (a group: a
/// committee; a large company: a service center; a mid-sized one: a department; a small one: a cross-functional team);
/// and staff it at the policy's accounts per manager.
/// </summary>
/// <remarks>Immutable and thread-safe; the policy is fixed at construction.</remarks>
public sealed class KeyAccountProgramEngine : IKeyAccountProgramEngine
{
    /// <summary>Creates the engine.</summary>
    /// <param name="policy">The policy, or <see langword="null"/> for <see cref="ProgramPolicy.Default"/>.</param>
    public KeyAccountProgramEngine(ProgramPolicy? policy = null) => Policy = policy ?? ProgramPolicy.Default;

    /// <inheritdoc />
    public ProgramPolicy Policy { get; }

    /// <inheritdoc />
    public ProgramAdvice Advise(Money annualSales, int keyAccounts, CompanySize size)
    {
        var threshold = Policy.SalesThreshold;
        var errors = new ValidationCollector();
        errors.NotNegative(nameof(annualSales), annualSales.Amount);
        errors.InRange(nameof(keyAccounts), keyAccounts, 0, int.MaxValue);
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
        var byAccounts = keyAccounts >= Policy.KeyAccountThreshold;
        var reasons = new[]
        {
            string.Create(CultureInfo.InvariantCulture, $"annual sales {annualSales.Amount:N0} {(bySales ? ">=" : "<")} {threshold.Amount:N0} {threshold.Currency}"),
            string.Create(CultureInfo.InvariantCulture, $"{keyAccounts} key accounts {(byAccounts ? ">=" : "<")} {Policy.KeyAccountThreshold}"),
        };
        var form = size switch
        {
            CompanySize.Group => ProgramForm.Committee,
            CompanySize.Large => ProgramForm.ServiceCenter,
            CompanySize.MidSized => ProgramForm.Department,
            _ => ProgramForm.CrossFunctionalTeam,
        };
        var managers = (int)(((long)keyAccounts + Policy.AccountsPerManager - 1) / Policy.AccountsPerManager);
        return new ProgramAdvice(bySales || byAccounts, reasons, form, managers);
    }
}
