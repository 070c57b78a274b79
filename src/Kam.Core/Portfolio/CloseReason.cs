using Kam.Core.Stages;

namespace Kam.Core.Portfolio;

/// <summary>
/// One entry of the host's list of close reasons: a stable code, a label for people, the outcome it explains (won,
/// lost or abandoned) and, optionally, the cause group it belongs to ("price", "competitor offer", "customer's own
/// business") so that the analyses can total related reasons.
/// </summary>
/// <remarks>Immutable; validated when built.</remarks>
public sealed class CloseReason
{
    /// <summary>Creates a close reason.</summary>
    /// <param name="code">The stable code the closing events carry; not blank.</param>
    /// <param name="label">The label shown to people; not blank.</param>
    /// <param name="outcome">The outcome the reason explains: <see cref="OpportunityStatus.Won"/>, <see cref="OpportunityStatus.Lost"/> or <see cref="OpportunityStatus.Abandoned"/>.</param>
    /// <param name="cause">The cause group, or null when the reason is a group of its own; not blank when given.</param>
    /// <exception cref="KamValidationException">The code or label is blank, the outcome is not a closing one, or the cause is blank.</exception>
    public CloseReason(string code, string label, OpportunityStatus outcome, string? cause = null)
    {
        var errors = new ValidationCollector();
        errors.Required("code", code);
        errors.Required("label", label);
        if (outcome is not (OpportunityStatus.Won or OpportunityStatus.Lost or OpportunityStatus.Abandoned))
        {
            errors.Add("outcome", KamErrorCodes.OutOfRange, outcome, "A close reason explains a won, lost or abandoned opportunity.");
        }

        if (cause is not null && string.IsNullOrWhiteSpace(cause))
        {
            errors.Add("cause", KamErrorCodes.Required, cause, "A cause group, when given, must not be blank.");
        }

        errors.ThrowIfAny();
        Code = code;
        Label = label;
        Outcome = outcome;
        Cause = cause;
    }

    /// <summary>Gets the stable code the closing events carry.</summary>
    public string Code { get; }

    /// <summary>Gets the label shown to people.</summary>
    public string Label { get; }

    /// <summary>Gets the outcome the reason explains (won, lost or abandoned).</summary>
    public OpportunityStatus Outcome { get; }

    /// <summary>Gets the cause group, or null when the reason is a group of its own.</summary>
    public string? Cause { get; }

    /// <summary>Gets the cause group the analyses total the reason under: <see cref="Cause"/>, or the code when there is none.</summary>
    public string CauseGroup => Cause ?? Code;

    /// <summary>Renders the reason as <c>code (Outcome): label</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"{Code} ({Outcome}): {Label}";
}
