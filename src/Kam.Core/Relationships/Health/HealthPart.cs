namespace Kam.Core.Relationships.Health;

/// <summary>The parts of the relationship health index, each weighted by the <see cref="HealthPolicy"/>.</summary>
public enum HealthPart
{
    /// <summary>The latest partnership check: the weighted mean of its item scores on their scale.</summary>
    Checks,

    /// <summary>The latest satisfaction score on its scale.</summary>
    Satisfaction,

    /// <summary>The promises due in the window: kept 1, compensated the policy's credit, broken (or open past due) 0.</summary>
    Promises,

    /// <summary>Contact: 1 on the day of a contact, falling evenly to 0 at the policy's days without contact.</summary>
    Contact,
}
