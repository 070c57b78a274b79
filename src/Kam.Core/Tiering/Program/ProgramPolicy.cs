using Kam.Core.Tiering.Serialization;

namespace Kam.Core.Tiering.Program;

/// <summary>
/// The thresholds for sizing a key-account program (rule book: key-account program): consider a key-account
/// department once annual sales reach <see cref="SalesThreshold"/> or there are <see cref="KeyAccountThreshold"/> key
/// customers, and staff it at <see cref="AccountsPerManager"/> key accounts per manager.
/// </summary>
/// <remarks>Immutable and validated when created; safe to share across threads.</remarks>
public sealed class ProgramPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="salesThreshold">The annual sales from which a department is worth considering; positive. Default 50,000,000 CNY.</param>
    /// <param name="keyAccountThreshold">The number of key customers from which a department is worth considering, 1 or more. Default 6 (the rule book says 6-10).</param>
    /// <param name="accountsPerManager">Key accounts one manager can serve, 1 to 10,000. Default 9.</param>
    /// <exception cref="KamValidationException">A value is out of range; every problem is listed.</exception>
    public ProgramPolicy(Money? salesThreshold = null, int keyAccountThreshold = 6, int accountsPerManager = 9)
    {
        var threshold = salesThreshold ?? Money.Of(50_000_000m, "CNY");
        var errors = new ValidationCollector();
        if (threshold.Amount <= 0m)
        {
            errors.Add("salesThreshold", KamErrorCodes.OutOfRange, threshold, "The sales threshold must be positive.");
        }

        errors.InRange("keyAccountThreshold", keyAccountThreshold, 1, int.MaxValue);
        errors.InRange("accountsPerManager", accountsPerManager, 1, 10_000);
        errors.ThrowIfAny();
        SalesThreshold = threshold;
        KeyAccountThreshold = keyAccountThreshold;
        AccountsPerManager = accountsPerManager;
    }

    /// <summary>Gets the policy of the rule book (key-account program): 50,000,000 CNY, 6 key customers, 9 accounts per manager.</summary>
    public static ProgramPolicy Default { get; } = new();

    /// <summary>Gets the annual sales from which a key-account department is worth considering.</summary>
    public Money SalesThreshold { get; }

    /// <summary>Gets the number of key customers from which a key-account department is worth considering.</summary>
    public int KeyAccountThreshold { get; }

    /// <summary>Gets the number of key accounts one manager can serve.</summary>
    public int AccountsPerManager { get; }

    /// <summary>Reads a policy from JSON: <c>{ "salesThreshold": { "amount": 50000000, "currency": "CNY" }, "keyAccountThreshold": 6, "accountsPerManager": 9 }</c>; a missing member takes its default.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="KamValidationException">The JSON is malformed or the policy is invalid (paths such as <c>$.accountsPerManager</c>).</exception>
    public static ProgramPolicy FromJson(string json) => TieringJson.ReadProgram(json);

    /// <summary>Writes the policy as JSON that <see cref="FromJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => TieringJson.Write(this);
}
