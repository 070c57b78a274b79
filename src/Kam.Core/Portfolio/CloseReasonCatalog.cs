using System.Collections.ObjectModel;
using Kam.Core.Stages;

namespace Kam.Core.Portfolio;

/// <summary>
/// The host's list of close reasons (rule book: the portfolio view, why we win and lose): every code a closing event
/// may carry, with its label, the outcome it explains and its cause group. The analyses refuse a code the list does
/// not hold, or a code given for the wrong outcome.
/// </summary>
/// <remarks>
/// Immutable and thread-safe; validated when built (codes unique, compared exactly). <see cref="Default"/> is a
/// starting list a host replaces in code or with <see cref="FromJson"/>. The JSON format and the default list are in
/// docs/portfolio.md; the schema is docs/schemas/close-reasons.schema.json.
/// </remarks>
public sealed class CloseReasonCatalog
{
    private readonly Dictionary<string, CloseReason> _byCode;

    /// <summary>Creates a reason list.</summary>
    /// <param name="reasons">The reasons (copied); at least one, codes unique.</param>
    /// <exception cref="KamValidationException">The list is empty, holds a null entry or a code twice.</exception>
    public CloseReasonCatalog(IReadOnlyList<CloseReason> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        var errors = new ValidationCollector();
        var copy = reasons.ToArray();
        if (copy.Length == 0)
        {
            errors.Add("reasons", KamErrorCodes.Empty, null, "A reason list needs at least one reason.");
        }

        _byCode = new Dictionary<string, CloseReason>(StringComparer.Ordinal);
        for (var i = 0; i < copy.Length; i++)
        {
            if (copy[i] is null)
            {
                errors.Add($"reasons[{i}]", KamErrorCodes.Required, null, "A reason is required.");
            }
            else if (!_byCode.TryAdd(copy[i].Code, copy[i]))
            {
                errors.Add($"reasons[{i}].code", KamErrorCodes.Duplicate, copy[i].Code, "This code is already in the list.");
            }
        }

        errors.ThrowIfAny();
        Reasons = new ReadOnlyCollection<CloseReason>(copy);
    }

    /// <summary>Gets the default list: four reasons to win, six to lose and three to abandon, grouped by cause (docs/portfolio.md).</summary>
    public static CloseReasonCatalog Default { get; } = new(
    [
        new("won-value", "Best value for the customer", OpportunityStatus.Won, "value"),
        new("won-solution", "Best solution fit", OpportunityStatus.Won, "solution"),
        new("won-relationship", "Relationship and trust at the decision level", OpportunityStatus.Won, "relationship"),
        new("won-price", "Lowest price", OpportunityStatus.Won, "price"),
        new("lost-price", "Our price too high", OpportunityStatus.Lost, "price"),
        new("lost-competitor-offer", "A competitor's better offer", OpportunityStatus.Lost, "competitor-offer"),
        new("lost-solution", "Our solution did not fit", OpportunityStatus.Lost, "solution"),
        new("lost-relationship", "Decision makers not won over", OpportunityStatus.Lost, "relationship"),
        new("lost-no-decision", "The customer bought nothing", OpportunityStatus.Lost, "customer-business"),
        new("lost-customer-business", "The customer's own business changed (budget, merger, closure)", OpportunityStatus.Lost, "customer-business"),
        new("abandoned-behind", "Too far behind the customer's procurement", OpportunityStatus.Abandoned, "qualification"),
        new("abandoned-unprofitable", "Not profitable for us", OpportunityStatus.Abandoned, "price"),
        new("abandoned-customer-stopped", "The customer stopped the project", OpportunityStatus.Abandoned, "customer-business"),
    ]);

    /// <summary>Gets the reasons, in the order given.</summary>
    public IReadOnlyList<CloseReason> Reasons { get; }

    /// <summary>Reads a reason list from JSON: <c>{ "reasons": [ { "code": "lost-price", "label": "Our price too high", "outcome": "Lost", "cause": "price" } ] }</c>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The reason list.</returns>
    /// <exception cref="KamValidationException">The text is not a valid reason list; paths are JSON paths (<c>$.reasons[2].code</c>).</exception>
    public static CloseReasonCatalog FromJson(string json) => Serialization.PortfolioJson.ReadCloseReasons(json);

    /// <summary>Writes the list as JSON that <see cref="FromJson"/> reads back.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => Serialization.PortfolioJson.Write(this);

    /// <summary>Finds a reason by its code (compared exactly).</summary>
    /// <param name="code">The code.</param>
    /// <returns>The reason, or null when the list has no such code.</returns>
    public CloseReason? Find(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _byCode.GetValueOrDefault(code);
    }

    /// <summary>Finds the reason of a code for an outcome, or reports why the code is refused.</summary>
    /// <param name="code">The code.</param>
    /// <param name="outcome">The outcome the code is given for.</param>
    /// <param name="path">The path of the code in the caller's input.</param>
    /// <param name="errors">Where the refusal goes.</param>
    /// <returns>The reason, or null when refused.</returns>
    internal CloseReason? Resolve(string code, OpportunityStatus outcome, string path, ValidationCollector errors)
    {
        if (!_byCode.TryGetValue(code, out var reason))
        {
            errors.Add(path, KamErrorCodes.Unknown, code, "The reason list has no such code.");
            return null;
        }

        if (reason.Outcome != outcome)
        {
            errors.Add(path, KamErrorCodes.InvalidState, code, $"This reason explains a {reason.Outcome.ToString().ToLowerInvariant()} opportunity, not a {outcome.ToString().ToLowerInvariant()} one.");
            return null;
        }

        return reason;
    }
}
