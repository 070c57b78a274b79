namespace Kam.Core.Relationships.Activities;

/// <summary>The kinds of contact a standard counts.</summary>
public enum ContactMeasure
{
    /// <summary>Visits: <see cref="ActivityKind.Visit"/>, <see cref="ActivityKind.Meeting"/> and <see cref="ActivityKind.ExecutiveVisit"/>.</summary>
    Visits,

    /// <summary>Calls: <see cref="ActivityKind.Call"/>.</summary>
    Calls,
}
