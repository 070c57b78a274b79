using NodaTime;

namespace Kam.Core.Relationships;

/// <summary>The coverage of one account's buying center, or of an opportunity's contacts in it, by our relationships: the score and the findings.</summary>
public sealed class CoverageReport
{
    internal CoverageReport(AccountId account, OpportunityId? opportunity, LocalDate date, decimal score, int contacts, int coveredContacts, IReadOnlyList<CoverageFinding> findings)
    {
        Account = account;
        Opportunity = opportunity;
        Date = date;
        Score = score;
        Contacts = contacts;
        CoveredContacts = coveredContacts;
        Findings = findings;
    }

    /// <summary>Gets the account.</summary>
    public AccountId Account { get; }

    /// <summary>Gets the opportunity whose contacts were analyzed, or <see langword="null"/> for the whole account.</summary>
    public OpportunityId? Opportunity { get; }

    /// <summary>Gets the date of the map analyzed.</summary>
    public LocalDate Date { get; }

    /// <summary>
    /// Gets the coverage score, 0 to 1: the weighted mean, by the policy's weights, of how far each kind of gap is
    /// closed. It is 1 exactly when there is no finding of a kind whose weight is above zero.
    /// </summary>
    public decimal Score { get; }

    /// <summary>Gets the number of contacts analyzed (present on the date; those of the opportunity only, for an opportunity).</summary>
    public int Contacts { get; }

    /// <summary>Gets how many of them have a relationship with us of the policy's strength or more.</summary>
    public int CoveredContacts { get; }

    /// <summary>Gets the findings: by kind in the order of <see cref="CoverageFindingKind"/>, then by level, decision or contact.</summary>
    public IReadOnlyList<CoverageFinding> Findings { get; }
}
