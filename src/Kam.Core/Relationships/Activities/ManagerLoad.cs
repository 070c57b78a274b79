namespace Kam.Core.Relationships.Activities;

/// <summary>The capacity check of one manager: the contact hours the standards of their accounts require in a month against the hours they have (rule book: accounts, why contact standards are missed).</summary>
public sealed class ManagerLoad
{
    internal ManagerLoad(PersonId manager, int accounts, decimal visitsPerMonth, decimal callsPerMonth, decimal requiredHours, decimal capacityHours)
    {
        Manager = manager;
        Accounts = accounts;
        VisitsPerMonth = visitsPerMonth;
        CallsPerMonth = callsPerMonth;
        RequiredHours = requiredHours;
        CapacityHours = capacityHours;
    }

    /// <summary>Gets the manager.</summary>
    public PersonId Manager { get; }

    /// <summary>Gets how many accounts the manager has.</summary>
    public int Accounts { get; }

    /// <summary>Gets the visits a month the standards of the manager's accounts ask for.</summary>
    public decimal VisitsPerMonth { get; }

    /// <summary>Gets the calls a month the standards of the manager's accounts ask for.</summary>
    public decimal CallsPerMonth { get; }

    /// <summary>Gets the contact hours a month those visits and calls take.</summary>
    public decimal RequiredHours { get; }

    /// <summary>Gets the contact hours the manager has in a month.</summary>
    public decimal CapacityHours { get; }

    /// <summary>Gets the load, <see cref="RequiredHours"/> ÷ <see cref="CapacityHours"/>.</summary>
    public decimal Load => RequiredHours / CapacityHours;

    /// <summary>Gets whether the standards need more hours than the manager has: they cannot all be met.</summary>
    public bool Overloaded => RequiredHours > CapacityHours;
}
