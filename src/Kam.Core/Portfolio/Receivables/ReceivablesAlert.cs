namespace Kam.Core.Portfolio.Receivables;

/// <summary>One receivables alert of an account as of the analysis date, with the figure that raised it and the threshold it crossed.</summary>
public sealed class ReceivablesAlert
{
    internal ReceivablesAlert(ReceivablesAlertKind kind, AccountId account, decimal value, decimal threshold, string message)
    {
        Kind = kind;
        Account = account;
        Value = value;
        Threshold = threshold;
        Message = message;
    }

    /// <summary>Gets the kind of alert.</summary>
    public ReceivablesAlertKind Kind { get; }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the figure that raised the alert: the open balance (limit exceeded), the amount in the last bucket (severely overdue), or the days sales outstanding.</summary>
    public decimal Value { get; }

    /// <summary>Gets the threshold crossed: the credit limit, the last bucket limit in days, or the maximum days sales outstanding.</summary>
    public decimal Threshold { get; }

    /// <summary>Gets the reason in a sentence.</summary>
    public string Message { get; }
}
