namespace Kam.Core;

/// <summary>
/// Thrown when amounts in two different currencies are added, subtracted or compared. Kam.Core never converts
/// currencies and never sums them silently.
/// </summary>
public sealed class CurrencyMismatchException : KamException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="expected">The currency of the left operand (or of the running total).</param>
    /// <param name="actual">The currency of the right operand.</param>
    /// <param name="operation">What was being done, for example <c>addition</c>.</param>
    public CurrencyMismatchException(Currency expected, Currency actual, string operation)
        : base($"Cannot perform {operation} on amounts in {expected.Code} and {actual.Code}; convert them to one currency first.")
    {
        Expected = expected;
        Actual = actual;
        Operation = operation;
    }

    /// <summary>Gets the currency of the left operand.</summary>
    public Currency Expected { get; }

    /// <summary>Gets the currency of the right operand.</summary>
    public Currency Actual { get; }

    /// <summary>Gets the operation that was refused.</summary>
    public string Operation { get; }

    /// <summary>Gets the problem in the shape of the validation model, with code <see cref="KamErrorCodes.CurrencyMismatch"/>.</summary>
    /// <param name="path">The field path to report.</param>
    /// <returns>The validation error.</returns>
    public KamValidationError ToValidationError(string path) =>
        new(path, KamErrorCodes.CurrencyMismatch, Actual.Code, Message);
}
