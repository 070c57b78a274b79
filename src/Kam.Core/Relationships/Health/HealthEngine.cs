using System.Globalization;
using Kam.Core.Relationships.Activities;
using NodaTime;

namespace Kam.Core.Relationships.Health;

/// <summary>
/// Measures the health of each relationship month by month from the partnership checks, satisfaction scores, promises
/// and the activity log, with its trend and alerts: falling health, broken promises not compensated, no contact for too
/// long, a decision maker who left (rule book: accounts, relationship health). The rules are fixed at construction;
/// immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// <para>
/// At each month's end (the assessment date in the last month), the index is Σ weightₚ × partₚ ÷ Σ weightₚ over the
/// parts known by then (<see cref="HealthPart"/>); when no part of weight above zero is known, the index is the contact
/// part. Every part is between 0 and 1, so the index is too. A promise's status is what the host knows now: a promise
/// kept counts 1 at every month from its due date, a compensated one the policy's credit, a broken one (or an open one
/// past its due date) 0 — so a kept promise never gives a lower index than a broken one (FsCheck laws).
/// </para>
/// <para>Alerts are as of the assessment date.</para>
/// </remarks>
public sealed class HealthEngine
{
    private readonly HealthPolicy _policy;

    /// <summary>Creates the engine.</summary>
    /// <param name="policy">The health rules.</param>
    public HealthEngine(HealthPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
    }

    /// <summary>Gets the health rules.</summary>
    public HealthPolicy Policy => _policy;

    /// <summary>Assesses every account of the log month by month.</summary>
    /// <param name="log">The activity log: its accounts are the accounts assessed.</param>
    /// <param name="checks">The partnership checks.</param>
    /// <param name="satisfaction">The satisfaction scores.</param>
    /// <param name="promises">The promises.</param>
    /// <param name="from">The first assessed date (its month is the first point).</param>
    /// <param name="to">The assessment date, on or after <paramref name="from"/>.</param>
    /// <param name="history">The buying-center history, for the decision makers who left; <see langword="null"/> for no such alert.</param>
    /// <returns>The health of every account.</returns>
    /// <exception cref="KamValidationException">An input is missing or for an account not in the log, an item is not on the check list, a score is outside its scale, or the dates are out of order; every problem is reported (<c>checks[2].scores['delivery']</c>, <c>satisfaction[0].score</c>).</exception>
    public HealthReport Assess(ActivityLog log, IReadOnlyList<PartnershipCheck> checks, IReadOnlyList<SatisfactionScore> satisfaction, IReadOnlyList<Promise> promises, LocalDate from, LocalDate to, BuyingCenterHistory? history = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(satisfaction);
        ArgumentNullException.ThrowIfNull(promises);
        var errors = new ValidationCollector();
        if (to < from)
        {
            errors.Add("to", KamErrorCodes.OutOfOrder, to, $"The assessment date is before the first date ({ValidationCollector.Render(from)}).");
        }

        var n = log.Accounts.Count;
        var checkLists = new List<(int Day, decimal?[] Parts)>?[n];
        var scoreLists = new List<(int Day, decimal Value)>?[n];
        var promiseLists = new List<Promise>?[n];
        var checkArray = checks.ToArray();
        for (var i = 0; i < checkArray.Length; i++)
        {
            if (Account(errors, log, "checks", i, checkArray[i]?.Account) is { } a && CheckParts(errors, checkArray[i], i) is { } parts)
            {
                (checkLists[a] ??= []).Add((ActivityLog.Day(checkArray[i].Date), parts));
            }
        }

        var scoreArray = satisfaction.ToArray();
        for (var i = 0; i < scoreArray.Length; i++)
        {
            if (Account(errors, log, "satisfaction", i, scoreArray[i]?.Account) is { } a)
            {
                var s = scoreArray[i];
                if (s.Score < 0m || s.Score > _policy.SatisfactionScale)
                {
                    errors.InRange(Path("satisfaction", i) + ".score", s.Score, 0m, _policy.SatisfactionScale);
                }
                else
                {
                    (scoreLists[a] ??= []).Add((ActivityLog.Day(s.Date), s.Score / _policy.SatisfactionScale));
                }
            }
        }

        var promiseArray = promises.ToArray();
        for (var i = 0; i < promiseArray.Length; i++)
        {
            if (Account(errors, log, "promises", i, promiseArray[i]?.Account) is { } a)
            {
                (promiseLists[a] ??= []).Add(promiseArray[i]);
            }
        }

        errors.ThrowIfAny();
        var accounts = new AccountHealth[n];
        var alerts = new List<HealthAlert>();
        for (var a = 0; a < n; a++)
        {
            // Stable: of two results of the same date, the one given last is the latest.
            if (checkLists[a] is { } cl)
            {
                checkLists[a] = [.. cl.OrderBy(x => x.Day)];
            }

            if (scoreLists[a] is { } sl)
            {
                scoreLists[a] = [.. sl.OrderBy(x => x.Day)];
            }

            accounts[a] = Account(log, a, checkLists[a], scoreLists[a], promiseLists[a], from, to, history);
            alerts.AddRange(accounts[a].Alerts);
        }

        return new HealthReport(from, to, Array.AsReadOnly(accounts), alerts.AsReadOnly());
    }

    private static string Path(string list, int i) => string.Create(CultureInfo.InvariantCulture, $"{list}[{i}]");

    private static int? Account(ValidationCollector errors, ActivityLog log, string list, int i, AccountId? account)
    {
        if (account is not { } id)
        {
            errors.Add(Path(list, i), KamErrorCodes.Required, null, "A value is required.");
            return null;
        }

        if (!log.TryIndexOf(id, out var a))
        {
            errors.Add(Path(list, i) + ".account", KamErrorCodes.Unknown, id, "No account of the activity log has this identifier.");
            return null;
        }

        return a;
    }

    private static decimal? Mean(decimal sum, decimal weight) => weight == 0m ? null : sum / weight;

    private decimal?[]? CheckParts(ValidationCollector errors, PartnershipCheck check, int index)
    {
        Span<decimal> sums = stackalloc decimal[4];
        Span<decimal> weights = stackalloc decimal[4];
        var ok = true;
        for (var k = 0; k < check.ItemIds.Length; k++)
        {
            var id = check.ItemIds[k];
            var score = check.Values[k];
            var item = _policy.ItemIndex(id);
            if (item < 0)
            {
                errors.Add($"{Path("checks", index)}.scores['{id}']", KamErrorCodes.Unknown, id, "Not an item of the check list.");
                ok = false;
            }
            else if (score < 0 || score > _policy.CheckScale)
            {
                errors.InRange($"{Path("checks", index)}.scores['{id}']", score, 0, _policy.CheckScale);
                ok = false;
            }
            else
            {
                var it = _policy.CheckItems[item];
                var value = it.Weight * score / _policy.CheckScale;
                sums[0] += value;
                weights[0] += it.Weight;
                sums[1 + (int)it.Level] += value;
                weights[1 + (int)it.Level] += it.Weight;
            }
        }

        return ok ? [Mean(sums[0], weights[0]), Mean(sums[1], weights[1]), Mean(sums[2], weights[2]), Mean(sums[3], weights[3])] : null;
    }

    private AccountHealth Account(ActivityLog log, int a, List<(int Day, decimal?[] Parts)>? checks, List<(int Day, decimal Value)>? scores, List<Promise>? promises, LocalDate from, LocalDate to, BuyingCenterHistory? history)
    {
        var account = log.Accounts[a];
        var since = log.SinceDay(a);
        var toDay = ActivityLog.Day(to);
        var w = _policy.WeightArray;
        var points = new List<HealthPoint>();
        int c = -1, s = -1;
        decimal? previous = null;
        for (var month = ActivityLog.MonthIndex(from); month <= ActivityLog.MonthIndex(to); month++)
        {
            var monthEnd = new LocalDate(month / 12, (month % 12) + 1, 1).PlusMonths(1).PlusDays(-1);
            var date = monthEnd < to ? monthEnd : to;
            var day = ActivityLog.Day(date);
            if (day < since)
            {
                continue;
            }

            while (checks is not null && c + 1 < checks.Count && checks[c + 1].Day <= day)
            {
                c++;
            }

            while (scores is not null && s + 1 < scores.Count && scores[s + 1].Day <= day)
            {
                s++;
            }

            var check = c >= 0 ? checks![c].Parts : null;
            decimal? satisfaction = s >= 0 ? scores![s].Value : null;
            var promise = PromisePart(promises, day);
            var contact = ContactPart(log, a, day, since);
            decimal sum = 0m, weight = 0m;
            Add(ref sum, ref weight, w[(int)HealthPart.Checks], check?[0]);
            Add(ref sum, ref weight, w[(int)HealthPart.Satisfaction], satisfaction);
            Add(ref sum, ref weight, w[(int)HealthPart.Promises], promise);
            Add(ref sum, ref weight, w[(int)HealthPart.Contact], contact);
            var index = weight == 0m ? contact : sum / weight;
            points.Add(new HealthPoint(date, index, check?[0], check?[1], check?[2], check?[3], satisfaction, promise, contact, index - previous));
            previous = index;
        }

        decimal? trend = points.Count > _policy.TrendPeriods ? points[^1].Index - points[^(1 + _policy.TrendPeriods)].Index : null;
        var alerts = new List<HealthAlert>();
        if (toDay >= since)
        {
            if (trend is { } t && t <= -_policy.FallingBy)
            {
                alerts.Add(new HealthAlert(HealthAlertKind.FallingHealth, account, to, null, string.Create(CultureInfo.InvariantCulture, $"Health fell from {points[^(1 + _policy.TrendPeriods)].Index:0.###} to {points[^1].Index:0.###} over {_policy.TrendPeriods} months.")));
            }

            foreach (var p in promises ?? [])
            {
                var due = ActivityLog.Day(p.Due);
                if (due <= toDay && due > toDay - _policy.PromiseWindowDays && (p.Status == PromiseStatus.Broken || (p.Status == PromiseStatus.Open && due < toDay)))
                {
                    alerts.Add(new HealthAlert(HealthAlertKind.BrokenPromise, account, p.Due, p.Description, $"The promise '{p.Description}' due {ValidationCollector.Render(p.Due)} is {(p.Status == PromiseStatus.Open ? "past due" : "broken")} and not compensated: apologize and compensate now."));
                }
            }

            var last = log.LastAtOrBefore(a, toDay);
            var days = toDay - (last < 0 ? since : log.Days[last]);
            if (days >= _policy.NoContactDays)
            {
                alerts.Add(new HealthAlert(HealthAlertKind.NoContact, account, last < 0 ? to : ActivityLog.Date(log.Days[last]), null, string.Create(CultureInfo.InvariantCulture, $"No contact for {days} days{(last < 0 ? " (none logged)" : string.Empty)}.")));
            }

            if (history is not null)
            {
                foreach (var contact in history.AsOf(account, to).Contacts)
                {
                    if (contact.Left is { } left && ActivityLog.Day(left) > toDay - _policy.LeftWithinDays
                        && (contact.Profile.Roles.HasFlag(BuyingRoles.DecisionMaker) || contact.Profile.Decisions != BuyingDecisions.None))
                    {
                        alerts.Add(new HealthAlert(HealthAlertKind.DecisionMakerLeft, account, left, contact.Id.Value, $"{contact.Profile.Name} ({contact.Id}), a decision maker, left on {ValidationCollector.Render(left)}: map the successor and rebuild the relationship."));
                    }
                }
            }
        }

        return new AccountHealth(account, points.ToArray(), trend, alerts.ToArray());
    }

    private static void Add(ref decimal sum, ref decimal weight, decimal w, decimal? part)
    {
        if (part is { } p && w > 0m)
        {
            sum += w * p;
            weight += w;
        }
    }

    private decimal? PromisePart(List<Promise>? promises, int day)
    {
        if (promises is null)
        {
            return null;
        }

        decimal sum = 0m;
        var count = 0;
        foreach (var p in promises)
        {
            var due = ActivityLog.Day(p.Due);
            if (due > day || due <= day - _policy.PromiseWindowDays || (p.Status == PromiseStatus.Open && due == day))
            {
                continue;
            }

            count++;
            sum += p.Status switch
            {
                PromiseStatus.Kept => 1m,
                PromiseStatus.Compensated => _policy.CompensatedCredit,
                _ => 0m,
            };
        }

        return count == 0 ? null : sum / count;
    }

    private decimal ContactPart(ActivityLog log, int a, int day, int since)
    {
        var last = log.LastAtOrBefore(a, day);
        var days = day - (last < 0 ? since : log.Days[last]);
        return days >= _policy.NoContactDays ? 0m : 1m - ((decimal)days / _policy.NoContactDays);
    }
}
