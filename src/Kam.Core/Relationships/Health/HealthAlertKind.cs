namespace Kam.Core.Relationships.Health;

/// <summary>The kinds of relationship-health alert.</summary>
public enum HealthAlertKind
{
    /// <summary>The health index fell by the policy's threshold or more over its trend months.</summary>
    FallingHealth,

    /// <summary>A promise is broken (or past due and open) and was not compensated.</summary>
    BrokenPromise,

    /// <summary>No contact for the policy's days or more: neglect, the most common cause of defection.</summary>
    NoContact,

    /// <summary>A decision maker (or holder of a buying decision) left the buying center recently.</summary>
    DecisionMakerLeft,
}
