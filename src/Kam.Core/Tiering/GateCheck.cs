namespace Kam.Core.Tiering;

/// <summary>
/// The outcome of a gate for one account: a criterion that, when failed, caps the account's tier (for example
/// "credit risk blocks key-account status"; rule book: tiering).
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed class GateCheck
{
    internal GateCheck(string criterion, double? value, bool passed, string capTier, bool applied)
    {
        Criterion = criterion;
        Value = value;
        Passed = passed;
        CapTier = capTier;
        Applied = applied;
    }

    /// <summary>Gets the gate's criterion name, as the policy spells it.</summary>
    public string Criterion { get; }

    /// <summary>Gets the account's value of the gated measure, or <see langword="null"/> when it was missing.</summary>
    public double? Value { get; }

    /// <summary>Gets a value indicating whether the account passed the gate.</summary>
    public bool Passed { get; }

    /// <summary>Gets the best tier an account that fails the gate may reach.</summary>
    public string CapTier { get; }

    /// <summary>Gets a value indicating whether the cap actually lowered this account's tier.</summary>
    public bool Applied { get; }
}
