namespace Kam.Core.Relationships;

/// <summary>How a decision maker decides (rule book: accounts, decision-maker styles).</summary>
public enum DecisionStyle
{
    /// <summary>Wants value and decides fast.</summary>
    Leader,

    /// <summary>Involves many departments before deciding.</summary>
    Influencer,

    /// <summary>Wants precision and fit; checks the details.</summary>
    Checker,

    /// <summary>Wants safety and consensus; follows the others.</summary>
    Follower,
}
