using Kam.Core.Portfolio.Review;
using Kam.Core.Relationships.Activities;

namespace Kam.Core.Portfolio.Staffing;

/// <summary>
/// Staffing as signals of the account review: <c>staffing.ownerLoad</c>, the contact hours a month that all the
/// accounts of this account's manager require (by their grades' loads) ÷ one manager's contact hours a month, and
/// <c>staffing.hours</c>, the hours this account's grade requires. A rule on <c>staffing.ownerLoad &gt; 1</c> finds the
/// accounts whose manager cannot meet every contact standard: they will be neglected before the contact records show it.
/// </summary>
/// <remarks>
/// <para>
/// Why the owner's load and not the account's hours alone: the hours of an account follow from its grade, which the
/// tier already tells; what a sales director acts on is a book too large for its manager (rebalance it or add
/// coverage), and that is a property of the account's manager that every account of the book shares.
/// </para>
/// <para>
/// Pass it to <see cref="AccountReviewSources"/> in <c>extensions</c> and check rules against
/// <c>SignalCatalog.BuiltIn.With(source.Signals)</c>. The loads and the capacity are the options'
/// (<see cref="StaffingOptions.Loads"/>, <see cref="StaffingOptions.CapacityHoursPerMonth"/>, a manager of standard
/// quality); an account not assigned has both signals absent. Reads the assignments once, when built; immutable and
/// thread-safe afterwards.
/// </para>
/// </remarks>
public sealed class StaffingSignals : IAccountSignalSource
{
    private static readonly SignalDefinition[] Definitions =
    [
        new("staffing.ownerLoad", SignalUnit.Ratio, ReviewPart.Extension, "GradeLoad.HoursPerMonth (owner's accounts) ÷ StaffingOptions.CapacityHoursPerMonth", "Contact hours a month the manager's accounts require ÷ a manager's contact hours; above 1 when the book is too large."),
        new("staffing.hours", SignalUnit.Hours, ReviewPart.Extension, "GradeLoad.HoursPerMonth", "Contact hours a month the account's grade requires."),
    ];

    private readonly Dictionary<AccountId, (double Hours, double OwnerLoad)> _values;

    /// <summary>Creates the signals of the accounts' assignments.</summary>
    /// <param name="accounts">Each account with its manager and grade, once (not changed).</param>
    /// <param name="options">The loads of the grades and a manager's capacity; <see langword="null"/> for <see cref="StaffingOptions.Default"/>.</param>
    /// <exception cref="KamValidationException">
    /// An assignment is missing (<c>accounts[2]</c>), an account is listed twice (<c>accounts[3].account</c>,
    /// <see cref="KamErrorCodes.Duplicate"/>) or a grade has no load (<c>accounts[1].grade</c>,
    /// <see cref="KamErrorCodes.Unknown"/>), each with the value; every problem is reported.
    /// </exception>
    public StaffingSignals(IEnumerable<AccountAssignment> accounts, StaffingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        options ??= StaffingOptions.Default;
        var errors = new ValidationCollector();
        var hours = new Dictionary<AccountId, (PersonId Manager, decimal Hours)>();
        var book = new Dictionary<PersonId, decimal>();
        var i = 0;
        foreach (var a in accounts)
        {
            var path = $"accounts[{i++}]";
            if (!errors.Required(path, a))
            {
                continue;
            }

            if (!options.TryGetLoad(a.Grade, out var load))
            {
                errors.Add(path + ".grade", KamErrorCodes.Unknown, a.Grade, "No load is set for this grade.");
                continue;
            }

            if (!hours.TryAdd(a.Account, (a.Manager, load.HoursPerMonth)))
            {
                errors.Add(path + ".account", KamErrorCodes.Duplicate, a.Account.Value, "The account is listed twice; give one manager and grade per account.");
                continue;
            }

            // At most 744 hours an account: the sum stays far inside decimal for any number of accounts a list can hold.
            book[a.Manager] = book.GetValueOrDefault(a.Manager) + load.HoursPerMonth;
        }

        errors.ThrowIfAny();
        var capacity = options.CapacityHoursPerMonth;
        _values = hours.ToDictionary(p => p.Key, p => ((double)p.Value.Hours, (double)(book[p.Value.Manager] / capacity)));
    }

    /// <summary>Gets <c>staffing.ownerLoad</c> and <c>staffing.hours</c>, in this order.</summary>
    public IReadOnlyList<SignalDefinition> Signals { get; } = Array.AsReadOnly(Definitions);

    /// <summary>Writes the account's owner load and hours; both absent when it is not assigned.</summary>
    /// <param name="account">The account.</param>
    /// <param name="values">Room for the two values.</param>
    public void Fill(AccountId account, Span<double?> values)
    {
        if (values.Length < Definitions.Length || !_values.TryGetValue(account, out var v))
        {
            return;
        }

        values[0] = v.OwnerLoad;
        values[1] = v.Hours;
    }
}
