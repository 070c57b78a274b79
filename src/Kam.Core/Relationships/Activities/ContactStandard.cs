namespace Kam.Core.Relationships.Activities;

/// <summary>The contact standard of one grade or tier: how many visits and calls an account of that grade gets per calendar period (rule book: accounts, contact standards).</summary>
/// <remarks>Immutable and valid from construction. A frequency left out means no standard for that kind of contact; a frequency given must be at least 1.</remarks>
public sealed class ContactStandard
{
    /// <summary>Creates a standard.</summary>
    /// <param name="grade">The grade or tier the standard applies to (ordinal text, for example <c>KA6</c> or <c>A+</c>); not blank.</param>
    /// <param name="visits">Visits per <paramref name="visitPeriod"/>, 1 to 1,000, or <see langword="null"/> for no visit standard.</param>
    /// <param name="visitPeriod">The calendar period of <paramref name="visits"/>; default a quarter.</param>
    /// <param name="calls">Calls per <paramref name="callPeriod"/>, 1 to 1,000, or <see langword="null"/> for no call standard.</param>
    /// <param name="callPeriod">The calendar period of <paramref name="calls"/>; default a month.</param>
    /// <exception cref="KamValidationException">The grade is blank, a frequency is zero, negative or above 1,000, a period is not defined, or neither frequency is given.</exception>
    public ContactStandard(string grade, int? visits = null, PeriodKind visitPeriod = PeriodKind.Quarter, int? calls = null, PeriodKind callPeriod = PeriodKind.Month)
    {
        var errors = new ValidationCollector();
        errors.Required("grade", grade);
        Frequency(errors, "visits", visits);
        Frequency(errors, "calls", calls);
        Accounts.Checks.Defined(errors, "visitPeriod", visitPeriod);
        Accounts.Checks.Defined(errors, "callPeriod", callPeriod);
        if (visits is null && calls is null)
        {
            errors.Add("visits", KamErrorCodes.Required, null, "A standard sets visits, calls or both.");
        }

        errors.ThrowIfAny();
        Grade = grade;
        Visits = visits;
        VisitPeriod = visitPeriod;
        Calls = calls;
        CallPeriod = callPeriod;
    }

    /// <summary>Gets the grade or tier the standard applies to.</summary>
    public string Grade { get; }

    /// <summary>Gets the visits per <see cref="VisitPeriod"/>, or <see langword="null"/> for no visit standard.</summary>
    public int? Visits { get; }

    /// <summary>Gets the calendar period of <see cref="Visits"/>.</summary>
    public PeriodKind VisitPeriod { get; }

    /// <summary>Gets the calls per <see cref="CallPeriod"/>, or <see langword="null"/> for no call standard.</summary>
    public int? Calls { get; }

    /// <summary>Gets the calendar period of <see cref="Calls"/>.</summary>
    public PeriodKind CallPeriod { get; }

    /// <summary>Gets the visits a month the standard asks for (<see cref="Visits"/> spread over the period's months; 0 without a visit standard).</summary>
    public decimal VisitsPerMonth => Visits is { } v ? (decimal)v / (int)VisitPeriod : 0m;

    /// <summary>Gets the calls a month the standard asks for (0 without a call standard).</summary>
    public decimal CallsPerMonth => Calls is { } c ? (decimal)c / (int)CallPeriod : 0m;

    private static void Frequency(ValidationCollector errors, string path, int? value)
    {
        if (value is { } v && v is < 1 or > 1000)
        {
            errors.Add(path, KamErrorCodes.OutOfRange, v, "A frequency is at least 1 and at most 1,000 per period; leave it out for no standard.");
        }
    }
}
