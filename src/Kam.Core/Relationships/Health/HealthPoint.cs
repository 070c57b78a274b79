using NodaTime;

namespace Kam.Core.Relationships.Health;

/// <summary>An account's relationship health at the end of one month (or on the assessment date in its last month), with the parts it is made of.</summary>
/// <remarks>A part is <see langword="null"/> when nothing is known for it by then (no check, no score, no promise due in the window); the index is the weighted mean of the known parts.</remarks>
public sealed class HealthPoint
{
    internal HealthPoint(LocalDate date, decimal index, decimal? checks, decimal? transaction, decimal? process, decimal? strategic, decimal? satisfaction, decimal? promises, decimal contact, decimal? change)
    {
        Date = date;
        Index = index;
        Checks = checks;
        Transaction = transaction;
        Process = process;
        Strategic = strategic;
        Satisfaction = satisfaction;
        Promises = promises;
        Contact = contact;
        Change = change;
    }

    /// <summary>Gets the date of the point.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the health index, 0 to 1.</summary>
    public decimal Index { get; }

    /// <summary>Gets the latest partnership check's score, 0 to 1.</summary>
    public decimal? Checks { get; }

    /// <summary>Gets the latest check's score of its transaction-level items, 0 to 1.</summary>
    public decimal? Transaction { get; }

    /// <summary>Gets the latest check's score of its process-level items, 0 to 1.</summary>
    public decimal? Process { get; }

    /// <summary>Gets the latest check's score of its strategic-level items, 0 to 1.</summary>
    public decimal? Strategic { get; }

    /// <summary>Gets the latest satisfaction score on its scale, 0 to 1.</summary>
    public decimal? Satisfaction { get; }

    /// <summary>Gets the promises part, 0 to 1.</summary>
    public decimal? Promises { get; }

    /// <summary>Gets the contact part, 0 to 1.</summary>
    public decimal Contact { get; }

    /// <summary>Gets the change of the index from the previous month, or <see langword="null"/> for the first point.</summary>
    public decimal? Change { get; }
}
