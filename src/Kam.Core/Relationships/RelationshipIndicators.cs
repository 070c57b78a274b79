using System.Globalization;
using Kam.Core.Relationships.Health;
using Kam.Core.Tiering;
using Kam.Core.Tiering.Relationship;

namespace Kam.Core.Relationships;

/// <summary>
/// Turns the people data into the two indicators that place a relationship in its stage (rule book: relationship
/// stages) — how far it has moved from transactional to collaborative, and how broad and deep the contact is — as the
/// measures the relationship stage engine reads (<see cref="RelationshipStageEngine"/>).
/// </summary>
/// <remarks>
/// <para>
/// <b>Collaboration</b> (0 to 1) is read from the latest partnership check: the mean of its process-level and
/// strategic-level scores (either alone when the other level has no scored item). The transaction-level items measure
/// the transactional basis and do not count. An account with no check, or a check with neither level scored, has no
/// value (the measure is missing for it).
/// </para>
/// <para>
/// <b>Contact breadth</b> (0 to 1) is read from the buying-center map: half the share of the three levels with a covered
/// present contact, plus half the share of the functions present on the map with a covered contact. One link with one
/// buyer gives at most 1/6 + 1/2 × 1/(functions mapped); relationships at every level and in every function give 1. An
/// account without a map, or with nobody covered, has 0.
/// </para>
/// </remarks>
public static class RelationshipIndicators
{
    /// <summary>Computes both indicators for a list of accounts as a portfolio the relationship stage engine reads.</summary>
    /// <param name="accounts">The accounts, in the order of the result.</param>
    /// <param name="centers">The accounts' buying-center maps (for example <see cref="BuyingCenterHistory.AsOf(NodaTime.LocalDate)"/>); an account without one has a contact breadth of 0.</param>
    /// <param name="health">The accounts' health (partnership checks), or <see langword="null"/>; an account without a check has no collaboration value.</param>
    /// <param name="policy">The stage policy whose measure names the columns take; <see langword="null"/> for <see cref="RelationshipPolicy.Default"/>.</param>
    /// <param name="minStrength">The relationship strength from which a contact counts as covered, 1 to <see cref="Relationship.MaxStrength"/>; default 3, as the coverage policy's.</param>
    /// <returns>The portfolio with the two measures.</returns>
    /// <exception cref="KamValidationException">An account is listed twice or is the default identifier, a map is missing or given twice for an account (<c>centers[2]</c>), or the strength is out of range; every problem is reported.</exception>
    public static AccountMeasures Measure(IReadOnlyList<AccountId> accounts, IReadOnlyList<BuyingCenter> centers, HealthReport? health = null, RelationshipPolicy? policy = null, int minStrength = 3)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(centers);
        policy ??= RelationshipPolicy.Default;
        var errors = new ValidationCollector();
        errors.InRange("minStrength", minStrength, 1, Relationship.MaxStrength);
        var byAccount = new Dictionary<AccountId, BuyingCenter>(centers.Count);
        for (var i = 0; i < centers.Count; i++)
        {
            if (centers[i] is null)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"centers[{i}]"), KamErrorCodes.Required, null, "A buying center is required.");
            }
            else if (!byAccount.TryAdd(centers[i].Account, centers[i]))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"centers[{i}]"), KamErrorCodes.Duplicate, centers[i].Account, "A second map of this account.");
            }
        }

        errors.ThrowIfAny();
        var checks = new Dictionary<AccountId, HealthPoint>();
        if (health is not null)
        {
            foreach (var account in health.Accounts)
            {
                for (var p = account.Points.Count - 1; p >= 0; p--)
                {
                    if (account.Points[p].Process is not null || account.Points[p].Strategic is not null)
                    {
                        checks[account.Account] = account.Points[p];
                        break;
                    }
                }
            }
        }

        var collaboration = new double[accounts.Count];
        var missing = new bool[accounts.Count];
        var breadth = new double[accounts.Count];
        var ids = new AccountId[accounts.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = accounts[i];
            if (checks.TryGetValue(ids[i], out var point))
            {
                collaboration[i] = (double)(point.Process is { } process && point.Strategic is { } strategic ? (process + strategic) / 2m : point.Process ?? point.Strategic!.Value);
            }
            else
            {
                missing[i] = true;
            }

            breadth[i] = byAccount.TryGetValue(ids[i], out var center) ? Breadth(center, minStrength) : 0d;
        }

        return AccountMeasures.Create(ids, [MeasureColumn.Numbers(policy.CollaborationMeasure, collaboration, missing), MeasureColumn.Numbers(policy.ContactBreadthMeasure, breadth)]);
    }

    private static double Breadth(BuyingCenter center, int minStrength)
    {
        var contacts = center.ContactArray;
        var best = center.BestStrengths();
        Span<bool> levels = stackalloc bool[3];
        var functions = new Dictionary<string, bool>(StringComparer.Ordinal);
        for (var c = 0; c < contacts.Length; c++)
        {
            if (contacts[c].Left is not null)
            {
                continue;
            }

            var covered = best[c] >= minStrength;
            var function = contacts[c].Profile.Function.Name;
            functions[function] = (functions.TryGetValue(function, out var already) && already) || covered;
            if (covered)
            {
                levels[(int)contacts[c].Profile.Level] = true;
            }
        }

        if (functions.Count == 0)
        {
            return 0d;
        }

        var levelShare = ((levels[0] ? 1 : 0) + (levels[1] ? 1 : 0) + (levels[2] ? 1 : 0)) / 3d;
        var functionShare = functions.Values.Count(v => v) / (double)functions.Count;
        return (levelShare + functionShare) / 2d;
    }
}
