namespace Kam.Core.Tiering.Program;

/// <summary>Sizes a key-account program under a <see cref="ProgramPolicy"/>; see <see cref="KeyAccountProgramEngine"/>.</summary>
public interface IKeyAccountProgramEngine
{
    /// <summary>Gets the engine's policy.</summary>
    ProgramPolicy Policy { get; }

    /// <summary>Advises whether to consider a key-account department, in which form, and how many managers it needs.</summary>
    /// <param name="annualSales">The supplier's annual sales, not negative, in the currency of the policy's sales threshold.</param>
    /// <param name="keyAccounts">The number of key accounts identified (for example by a key-account selection), not negative.</param>
    /// <param name="size">The supplier's size.</param>
    /// <returns>The advice, with the thresholds reached or missed in words.</returns>
    /// <exception cref="KamValidationException">A count or the sales are negative, or the size is undefined.</exception>
    /// <exception cref="CurrencyMismatchException">The sales are not in the currency of the policy's sales threshold.</exception>
    ProgramAdvice Advise(Money annualSales, int keyAccounts, CompanySize size);
}
