using Kam.Core.Accounts;
using Kam.Core.Relationships.Activities;
using Kam.Core.Serialization;

namespace Kam.Core.Portfolio.Staffing;

/// <summary>
/// Plans the key-account managers a portfolio needs (rule book: the portfolio view, staffing): the work of each account
/// grade from its contact standard, raised by the new accounts that replace those lost to churn and by the period's
/// demand surge, set against the contact hours of the managers there are, weighed by their quality, and costed.
/// Staffing follows churn and the grade mix, not revenue alone.
/// </summary>
/// <remarks>Built once from its options; immutable and thread-safe. Nothing passed is changed. docs/staffing.md gives the definitions and a worked example.</remarks>
public sealed class StaffingPlanner
{
    /// <summary>The role of a key-account manager in the organization, the default of <see cref="ManagersOf"/>.</summary>
    public const string KeyAccountManagerRole = "key-account manager";

    /// <summary>Creates a planner.</summary>
    /// <param name="options">The options (immutable, kept as given); <see langword="null"/> for <see cref="StaffingOptions.Default"/>.</param>
    public StaffingPlanner(StaffingOptions? options = null) => Options = options ?? StaffingOptions.Default;

    /// <summary>Gets the options.</summary>
    public StaffingOptions Options { get; }

    /// <summary>Gets the pooled churn rate of past periods, to plan with: accounts lost ÷ accounts at the start, summed over the periods.</summary>
    /// <param name="history">The periods of a churn analysis (<see cref="ChurnAnalyzer.Analyze"/>), of the plan's period length.</param>
    /// <returns>The rate, or <see langword="null"/> when no period had a base.</returns>
    public static Ratio? ChurnRate(IReadOnlyList<ChurnPeriod> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var lost = 0m;
        var held = 0m;
        foreach (var period in history)
        {
            ArgumentNullException.ThrowIfNull(period, nameof(history));
            lost += period.Lost;
            held += period.Base;
        }

        return held == 0m ? null : Ratio.FromFraction(lost / held);
    }

    /// <summary>Lists the managers there are in an organization: its people with a role.</summary>
    /// <param name="organization">The organization.</param>
    /// <param name="role">The role of a key-account manager (compared ignoring case); default <see cref="KeyAccountManagerRole"/>.</param>
    /// <param name="quality">A manager's own quality factor; a manager not listed has 1.</param>
    /// <returns>The managers, in the organization's order.</returns>
    /// <exception cref="KamValidationException">A quality factor is out of range (<c>quality['p7']</c>).</exception>
    public static IReadOnlyList<StaffingManager> ManagersOf(Organization organization, string role = KeyAccountManagerRole, IReadOnlyDictionary<PersonId, decimal>? quality = null)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(role);
        var errors = new ValidationCollector();
        var managers = new List<StaffingManager>();
        foreach (var person in organization.People.Where(p => string.Equals(p.Role, role, StringComparison.OrdinalIgnoreCase)))
        {
            var q = quality is not null && quality.TryGetValue(person.Id, out var own) ? own : 1m;
            var manager = KamJson.Nested(errors, $"quality['{person.Id}']", () => new StaffingManager(person.Id, q));
            if (manager is not null)
            {
                managers.Add(manager);
            }
        }

        errors.ThrowIfAny();
        return managers.AsReadOnly();
    }

    /// <summary>Plans the managers needed against a number of managers of standard quality.</summary>
    /// <param name="accounts">The accounts with their grades (the manager is not read).</param>
    /// <param name="periods">The plan's periods, at least one.</param>
    /// <param name="managers">How many managers there are, 0 or more.</param>
    /// <returns>The plan, without units.</returns>
    /// <exception cref="KamValidationException">An input is invalid; every problem is reported with its path and value (<c>accounts[3].grade</c>, <c>managers</c>).</exception>
    public StaffingPlan Plan(IReadOnlyList<AccountAssignment> accounts, IReadOnlyList<StaffingPeriod> periods, int managers)
    {
        if (managers < 0)
        {
            throw new KamValidationException(nameof(managers), KamErrorCodes.OutOfRange, managers.ToString(System.Globalization.CultureInfo.InvariantCulture), "The managers there are are 0 or more.");
        }

        return Plan(accounts, periods, null, managers, managers, null);
    }

    /// <summary>Plans the managers needed against the managers there are, by unit when an organization is given.</summary>
    /// <param name="accounts">The accounts with their managers and grades; with an organization an account belongs to its manager's unit.</param>
    /// <param name="periods">The plan's periods, at least one.</param>
    /// <param name="managers">The managers there are (for example <see cref="ManagersOf"/>); with an organization each belongs to the person's unit.</param>
    /// <param name="organization">Our organization, for the plan of every unit; <see langword="null"/> for the total only.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="KamValidationException">
    /// An input is invalid; every problem is reported with its path and value: a missing account or manager, an account
    /// listed twice (<c>accounts[3].account</c>), a grade without a load (<c>accounts[2].grade</c>, <see cref="KamErrorCodes.Unknown"/>),
    /// a manager listed twice (<c>managers[1].person</c>), a person not in the organization (<c>accounts[0].manager</c>,
    /// <c>managers[2].person</c>), no period.
    /// </exception>
    public StaffingPlan Plan(IReadOnlyList<AccountAssignment> accounts, IReadOnlyList<StaffingPeriod> periods, IReadOnlyList<StaffingManager> managers, Organization? organization = null)
    {
        ArgumentNullException.ThrowIfNull(managers);
        return Plan(accounts, periods, managers, managers.Count, 0m, organization);
    }

    /// <summary>Checks and copies the periods.</summary>
    internal static IReadOnlyList<StaffingPeriod> CheckPeriods(IReadOnlyList<StaffingPeriod> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var copy = periods.ToArray();
        var errors = new ValidationCollector();
        if (copy.Length == 0)
        {
            errors.Add("periods", KamErrorCodes.Empty, null, "A plan has at least one period.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < copy.Length; i++)
        {
            if (errors.Required($"periods[{i}]", copy[i]) && !names.Add(copy[i].Name))
            {
                errors.Add($"periods[{i}].name", KamErrorCodes.Duplicate, copy[i].Name, "Another period has this name.");
            }
        }

        errors.ThrowIfAny();
        return Array.AsReadOnly(copy);
    }

    private StaffingPlan Plan(IReadOnlyList<AccountAssignment> accounts, IReadOnlyList<StaffingPeriod> periods, IReadOnlyList<StaffingManager>? managers, long headcount, decimal anonymousFte, Organization? organization)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var errors = new ValidationCollector();
        IReadOnlyList<StaffingPeriod> copy = [];
        try
        {
            copy = CheckPeriods(periods);
        }
        catch (KamValidationException ex)
        {
            errors.AddRange(ex.Errors);
        }

        var grades = Options.Loads.Select((l, i) => (l.Grade, i)).ToDictionary(p => p.Grade, p => p.i, StringComparer.Ordinal);
        var total = new long[Options.Loads.Count];
        var units = new SortedDictionary<string, (UnitId Unit, long[] Counts, long Managers, decimal Fte)>(StringComparer.Ordinal);
        var seen = new HashSet<AccountId>();
        var given = accounts.ToArray();
        for (var i = 0; i < given.Length; i++)
        {
            if (given[i] is not { } a)
            {
                errors.Add($"accounts[{i}]", KamErrorCodes.Required, null, "An account is required.");
                continue;
            }

            if (!seen.Add(a.Account))
            {
                errors.Add($"accounts[{i}].account", KamErrorCodes.Duplicate, a.Account.Value, "This account is listed twice.");
            }

            if (!grades.TryGetValue(a.Grade, out var g))
            {
                errors.Add($"accounts[{i}].grade", KamErrorCodes.Unknown, a.Grade, "No load is set for this grade.");
                continue;
            }

            total[g]++;
            if (organization is not null)
            {
                if (!organization.Contains(a.Manager))
                {
                    errors.Add($"accounts[{i}].manager", KamErrorCodes.Unknown, a.Manager.Value, "No person of the organization has this identifier.");
                    continue;
                }

                foreach (var unit in UnitsOf(organization, a.Manager))
                {
                    Book(units, unit).Counts[g]++;
                }
            }
        }

        var fte = anonymousFte;
        var people = new HashSet<PersonId>();
        var list = managers?.ToArray() ?? [];
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is not { } m)
            {
                errors.Add($"managers[{i}]", KamErrorCodes.Required, null, "A manager is required.");
                continue;
            }

            if (!people.Add(m.Person))
            {
                errors.Add($"managers[{i}].person", KamErrorCodes.Duplicate, m.Person.Value, "This manager is listed twice.");
                continue;
            }

            fte += m.Quality;
            if (organization is null)
            {
                continue;
            }

            if (!organization.Contains(m.Person))
            {
                errors.Add($"managers[{i}].person", KamErrorCodes.Unknown, m.Person.Value, "No person of the organization has this identifier.");
                continue;
            }

            foreach (var unit in UnitsOf(organization, m.Person))
            {
                var book = Book(units, unit);
                units[unit.Value] = book with { Managers = book.Managers + 1, Fte = book.Fte + m.Quality };
            }
        }

        errors.ThrowIfAny();
        var options = Options;
        return Overflow.Guard("staffing plan", () => new StaffingPlan(
            options,
            copy,
            new StaffingBook(options, copy, null, total, headcount, fte),
            Array.AsReadOnly(units.Values.Select(u => new StaffingBook(options, copy, u.Unit, u.Counts, u.Managers, u.Fte)).ToArray())));
    }

    private static IEnumerable<UnitId> UnitsOf(Organization organization, PersonId person)
    {
        var unit = organization.Person(person).Unit;
        return organization.Ancestors(unit).Prepend(unit);
    }

    private (UnitId Unit, long[] Counts, long Managers, decimal Fte) Book(SortedDictionary<string, (UnitId Unit, long[] Counts, long Managers, decimal Fte)> units, UnitId unit)
    {
        if (!units.TryGetValue(unit.Value, out var book))
        {
            book = (unit, new long[Options.Loads.Count], 0, 0m);
            units[unit.Value] = book;
        }

        return book;
    }
}
