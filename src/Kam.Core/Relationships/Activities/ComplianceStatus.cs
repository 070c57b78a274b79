namespace Kam.Core.Relationships.Activities;

/// <summary>Where an account stands against a contact standard in a period, from best to worst.</summary>
public enum ComplianceStatus
{
    /// <summary>The period's contacts are made.</summary>
    Met,

    /// <summary>The period is running, short of its contacts, and the next one is not yet due.</summary>
    Pending,

    /// <summary>The period is over and it was short of its contacts.</summary>
    Missed,

    /// <summary>The period is running and a contact is past its due date.</summary>
    Overdue,
}
