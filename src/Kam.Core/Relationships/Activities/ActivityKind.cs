namespace Kam.Core.Relationships.Activities;

/// <summary>The kinds of contact with a customer that the activity log records (rule book: accounts, contact standards).</summary>
/// <remarks>For the contact standards, a <see cref="Visit"/>, a <see cref="Meeting"/> and an <see cref="ExecutiveVisit"/> count as visits and a <see cref="Call"/> as a call; a <see cref="Message"/> counts only as contact (days since the last contact).</remarks>
public enum ActivityKind
{
    /// <summary>A visit to the customer by the account's people.</summary>
    Visit,

    /// <summary>A telephone or video call.</summary>
    Call,

    /// <summary>A meeting in person (at our site, an event, a review).</summary>
    Meeting,

    /// <summary>A message (mail, chat); contact, but neither a visit nor a call.</summary>
    Message,

    /// <summary>A visit by one of our executives.</summary>
    ExecutiveVisit,
}
