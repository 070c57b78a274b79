namespace Kam.Core.Portfolio.Review;

/// <summary>One signal of one account: its definition and its value, or <see langword="null"/> when the part is absent or says nothing about the account.</summary>
public sealed class SignalValue
{
    internal SignalValue(SignalDefinition signal, double? value)
    {
        Signal = signal;
        Value = value;
    }

    /// <summary>Gets the signal.</summary>
    public SignalDefinition Signal { get; }

    /// <summary>Gets the value, or <see langword="null"/> when absent.</summary>
    public double? Value { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Signal.Name} = {(Value is { } v ? v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture) : "absent")}";
}
