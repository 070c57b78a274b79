using NodaTime;

namespace Kam.Core.Relationships.Activities;

/// <summary>One account's contacts of one kind in one calendar period of its standard, against what the standard asks.</summary>
public sealed class PeriodCompliance
{
    internal PeriodCompliance(ContactMeasure measure, LocalDate start, LocalDate end, int required, int done, ComplianceStatus status)
    {
        Measure = measure;
        Start = start;
        End = end;
        Required = required;
        Done = done;
        Status = status;
    }

    /// <summary>Gets the kind of contact counted.</summary>
    public ContactMeasure Measure { get; }

    /// <summary>Gets the first day of the period.</summary>
    public LocalDate Start { get; }

    /// <summary>Gets the last day of the period.</summary>
    public LocalDate End { get; }

    /// <summary>Gets the contacts the standard asks for in the period.</summary>
    public int Required { get; }

    /// <summary>Gets the contacts made in the period (up to the assessment date for the running period).</summary>
    public int Done { get; }

    /// <summary>Gets the status: <see cref="ComplianceStatus.Met"/> or <see cref="ComplianceStatus.Missed"/> for a closed period; <see cref="ComplianceStatus.Met"/>, <see cref="ComplianceStatus.Pending"/> or <see cref="ComplianceStatus.Overdue"/> for the running one.</summary>
    public ComplianceStatus Status { get; }
}
