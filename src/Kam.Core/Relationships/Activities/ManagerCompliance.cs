namespace Kam.Core.Relationships.Activities;

/// <summary>One manager's compliance over the accounts they manage.</summary>
public sealed class ManagerCompliance
{
    internal ManagerCompliance(PersonId manager, int accounts, int met, int overdue, int required, int credited)
    {
        Manager = manager;
        Accounts = accounts;
        Met = met;
        Overdue = overdue;
        Required = required;
        Credited = credited;
    }

    /// <summary>Gets the manager.</summary>
    public PersonId Manager { get; }

    /// <summary>Gets how many accounts the manager has.</summary>
    public int Accounts { get; }

    /// <summary>Gets how many of them have met their running periods.</summary>
    public int Met { get; }

    /// <summary>Gets how many of them are overdue.</summary>
    public int Overdue { get; }

    /// <summary>Gets the contacts the standards ask for over every account and period.</summary>
    public int Required { get; }

    /// <summary>Gets the contacts made that count toward <see cref="Required"/>.</summary>
    public int Credited { get; }

    /// <summary>Gets the compliance rate, <see cref="Credited"/> ÷ <see cref="Required"/> (1 when nothing is required).</summary>
    public decimal Rate => Required == 0 ? 1m : (decimal)Credited / Required;
}
