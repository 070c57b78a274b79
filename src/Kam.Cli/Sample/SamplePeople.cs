using Kam.Cli.Data;
using Kam.Core;
using Kam.Core.Relationships;
using Kam.Core.Relationships.Activities;
using Kam.Core.Relationships.Health;
using NodaTime;

namespace Kam.Cli.Sample;

/// <summary>The people part of a generated sample: the key accounts' buying centers, our relationships, a year of activity, promises and checks.</summary>
/// <param name="Grades">The contact-standard grade of each key account (the 30 with the highest revenue).</param>
/// <param name="Contacts">The rows of contacts.csv.</param>
/// <param name="Relationships">The rows of relationships.csv.</param>
/// <param name="Activities">The rows of activities.csv.</param>
/// <param name="Promises">The rows of promises.csv.</param>
/// <param name="Checks">The rows of checks.csv.</param>
internal sealed record SamplePeopleSet(
    IReadOnlyDictionary<AccountId, string> Grades,
    IReadOnlyList<ContactRecord> Contacts,
    IReadOnlyList<RelationshipRecord> Relationships,
    IReadOnlyList<ActivityRecord> Activities,
    IReadOnlyList<PromiseRecord> Promises,
    IReadOnlyList<CheckRecord> Checks);

/// <summary>
/// Generates the people part of the sample (deterministic): the 30 accounts with the highest revenue are the key
/// accounts, graded KA1 (the largest) to KA6 and A; each has a buying center of four to seven contacts (a general
/// manager, often a CFO, a head of engineering with a veto, a purchasing manager, users), our relationships with them
/// (the account's owner, and the head of key accounts with some general managers), a year of visits, calls and messages
/// with a compliance that varies by account, a few promises and quarterly partnership checks.
/// </summary>
internal static class SamplePeople
{
    /// <summary>The number of key accounts with a buying center and activity.</summary>
    public const int KeyAccounts = 30;

    private const int Seed = 1207;

    private static readonly string[] Grades = ["KA1", "KA1", "KA2", "KA2", "KA3", "KA3", "KA3", "KA4", "KA4", "KA4", "KA4", "KA5", "KA5", "KA5", "KA5", "KA5", "KA6", "KA6", "KA6", "KA6", "KA6", "KA6", "A", "A", "A", "A", "A", "A", "A", "A"];

    private static readonly string[] Surnames = ["Chen", "Li", "Wang", "Zhang", "Liu", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Hu", "Zhu", "Gao", "Lin", "He", "Guo", "Ma", "Luo"];

    private static readonly string[] Given = ["Wei", "Fang", "Min", "Jie", "Lei", "Tao", "Jing", "Yan", "Qiang", "Hui", "Ping", "Hong", "Bo", "Xin", "Lin", "Yu"];

    private static readonly string[] Competitors = ["Rival Corp", "Orion Automation", "Delta Controls"];

    private static readonly PersonId Executive = PersonId.Parse("KAM-HEAD");

    /// <summary>Generates the people part.</summary>
    /// <param name="sample">The sample portfolio.</param>
    /// <param name="plans">Its plan part (each account's owner).</param>
    /// <returns>The people part.</returns>
    public static SamplePeopleSet Generate(SampleDataSet sample, SamplePlanSet plans)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(plans);
        var random = new SampleRandom(Seed);
        var owners = plans.Accounts.ToDictionary(a => a.Id, a => a.Owner);
        var key = sample.Accounts.OrderByDescending(a => a.Revenue).ThenBy(a => a.Id.Value, StringComparer.Ordinal).Take(KeyAccounts).ToArray();
        var grades = new Dictionary<AccountId, string>();
        var contacts = new List<ContactRecord>();
        var relationships = new List<RelationshipRecord>();
        var activities = new List<ActivityRecord>();
        var promises = new List<PromiseRecord>();
        var checks = new List<CheckRecord>();
        var start = sample.AsOf.PlusMonths(-12).PlusDays(1);
        for (var k = 0; k < key.Length; k++)
        {
            var account = key[k];
            var grade = Grades[k];
            grades[account.Id] = grade;
            var since = account.FirstOrder is { } f && f > start.PlusMonths(-6) ? f : start.PlusMonths(-6);
            var owner = owners[account.Id];
            var map = BuyingCenter(random, account.Id, since, sample, contacts, relationships, owner);
            Activity(random, account.Id, grade, owner, since > start ? since : start, sample.AsOf, map, activities);
            Promises(random, account.Id, since > start ? since : start, sample.AsOf, promises);
            Checks(random, account.Id, since > start ? since : start, sample.AsOf, checks);
        }

        return new SamplePeopleSet(grades, contacts, relationships, activities, promises, checks);
    }

    // One account's buying center: the contacts' rows (with a later change for some), our relationships; returns each contact's first and last day.
    private static List<(ContactId Id, LocalDate From, LocalDate? Left)> BuyingCenter(
        SampleRandom random, AccountId account, LocalDate since, SampleDataSet sample, List<ContactRecord> rows, List<RelationshipRecord> relationships, PersonId owner)
    {
        var map = new List<(ContactId, LocalDate, LocalDate?)>();
        var opportunities = sample.Opportunities.Where(o => o.Account == account).Select(o => o.Id).ToArray();
        var mapped = since.PlusDays(random.Next(0, 30));
        var n = 0;
        ContactId Add(string title, DecisionLevel level, ContactFunction function, BuyingRoles roles, BuyingDecisions decisions, bool veto, int influence, ContactId? boss, Committees committees, string? leaning = null, LocalDate? day = null)
        {
            var id = ContactId.Parse($"{account}-K{++n}");
            var name = $"{random.Pick(Surnames)} {random.Pick(Given)}";
            var attitude = (Attitude)random.PickWeighted([0.08, 0.17, 0.35, 0.25, 0.15]) - 2;
            if (leaning is not null && attitude > Attitude.Neutral)
            {
                attitude = Attitude.Skeptical;
            }

            var style = random.Chance(0.7) ? (DecisionStyle?)random.Next(0, 4) : null;
            var inOpportunities = opportunities.Where(_ => random.Chance(0.5)).ToArray();
            var first = day ?? mapped;
            LocalDate? left = level == DecisionLevel.Operational && random.Chance(0.1) ? sample.AsOf.PlusDays(-random.Next(20, 200)) : null;
            if (left is { } l && l <= first.PlusDays(30))
            {
                left = null;
            }

            var profile = new ContactProfile(name, level, function, roles, decisions, veto, influence, attitude, style, boss, null, committees, leaning, title);
            rows.Add(new ContactRecord(first, id, account, profile, inOpportunities, left));
            if (random.Chance(0.2))
            {
                // A later change: the attitude moves one step (after a visit that went well, or badly).
                var moved = (Attitude)Math.Clamp((int)attitude + (random.Chance(0.6) ? 1 : -1), -2, 2);
                var changed = new ContactProfile(name, level, function, roles, decisions, veto, influence, moved, style, boss, null, committees, leaning, title);
                var on = first.PlusDays(random.Next(60, 240));
                if (on < (left ?? sample.AsOf))
                {
                    rows.Add(new ContactRecord(on, id, account, changed, inOpportunities));
                }
            }

            map.Add((id, first, left));
            return id;
        }

        var gm = Add("General manager", DecisionLevel.Decision, new ContactFunction("general management"), BuyingRoles.DecisionMaker, BuyingDecisions.Whether | BuyingDecisions.Signature, false, 5, null, Committees.Buying);
        var cfo = random.Chance(0.7)
            ? Add("CFO", DecisionLevel.Decision, new ContactFunction("finance"), BuyingRoles.DecisionMaker, BuyingDecisions.Budget | BuyingDecisions.When, false, 4, gm, Committees.Buying)
            : (ContactId?)null;
        var engineering = Add("Head of engineering", DecisionLevel.Management, ContactFunction.Technical, BuyingRoles.Designer | BuyingRoles.Evaluator, BuyingDecisions.None, true, 4, gm, Committees.Evaluation);
        var purchasing = Add("Purchasing manager", DecisionLevel.Management, ContactFunction.Purchasing, BuyingRoles.Evaluator, BuyingDecisions.Supplier | (cfo is null ? BuyingDecisions.Budget | BuyingDecisions.When : BuyingDecisions.None), false, 3, cfo ?? gm, Committees.Buying,
            random.Chance(0.25) ? random.Pick(Competitors) : null);
        var users = new List<ContactId>();
        for (var u = random.Next(1, 4); u > 0; u--)
        {
            users.Add(Add(random.Chance(0.5) ? "Process engineer" : "Maintenance lead", DecisionLevel.Operational, ContactFunction.User, BuyingRoles.User | (u == 1 ? BuyingRoles.Initiator : BuyingRoles.None), BuyingDecisions.None, false, random.Next(1, 3), engineering, Committees.None,
                day: mapped.PlusDays(random.Next(0, 90))));
        }

        // Our relationships: the owner with most of the customer's people, the head of key accounts with some general managers.
        var ownerLevel = DecisionLevel.Management;
        relationships.Add(new RelationshipRecord(mapped.PlusDays(3), owner, engineering, random.Next(3, 6), ownerLevel));
        relationships.Add(new RelationshipRecord(mapped.PlusDays(5), owner, purchasing, random.Next(1, 5), ownerLevel));
        if (random.Chance(0.6))
        {
            relationships.Add(new RelationshipRecord(mapped.PlusDays(9), owner, gm, random.Next(1, 4), ownerLevel));
        }

        if (cfo is { } c && random.Chance(0.5))
        {
            relationships.Add(new RelationshipRecord(mapped.PlusDays(12), owner, c, random.Next(2, 5), ownerLevel));
        }

        if (random.Chance(0.5))
        {
            relationships.Add(new RelationshipRecord(mapped.PlusDays(20), Executive, gm, random.Next(2, 6), DecisionLevel.Decision));
        }

        foreach (var user in users.Where(_ => random.Chance(0.6)))
        {
            relationships.Add(new RelationshipRecord(map.First(m => m.Item1 == user).Item2.PlusDays(7), owner, user, random.Next(2, 6), ownerLevel));
        }

        return map;
    }

    // A year of activity: visits and calls per month around the grade's standard, times the account's diligence; a few messages.
    private static void Activity(SampleRandom random, AccountId account, string grade, PersonId owner, LocalDate from, LocalDate asOf, List<(ContactId Id, LocalDate From, LocalDate? Left)> map, List<ActivityRecord> rows)
    {
        ContactStandards.Default.TryGet(grade, out var standard);
        var diligence = random.Uniform(0.35, 1.25);
        for (var month = new LocalDate(from.Year, from.Month, 1); month <= asOf; month = month.PlusMonths(1))
        {
            var visits = (double)standard.VisitsPerMonth * diligence;
            var calls = (double)standard.CallsPerMonth * diligence;
            var kinds = new List<ActivityKind>();
            for (var v = Count(random, visits); v > 0; v--)
            {
                kinds.Add(random.Chance(0.1) ? ActivityKind.ExecutiveVisit : random.Chance(0.3) ? ActivityKind.Meeting : ActivityKind.Visit);
            }

            for (var c = Count(random, calls); c > 0; c--)
            {
                kinds.Add(ActivityKind.Call);
            }

            if (random.Chance(0.4))
            {
                kinds.Add(ActivityKind.Message);
            }

            foreach (var kind in kinds)
            {
                var day = month.PlusDays(random.Next(0, month.Calendar.GetDaysInMonth(month.Year, month.Month)));
                if (day < from || day > asOf)
                {
                    continue;
                }

                var present = map.Where(m => m.From <= day && (m.Left is null || m.Left > day)).Select(m => m.Id).ToArray();
                ContactId[] met = present.Length == 0 ? [] : random.Chance(0.4) && present.Length > 1 ? [present[0], random.Pick(present)] : [random.Pick(present)];
                var person = kind == ActivityKind.ExecutiveVisit ? Executive : owner;
                var outcome = kind switch { ActivityKind.Call => "follow-up", ActivityKind.Message => null, _ => random.Chance(0.5) ? "reviewed the open projects" : "discussed next year's volumes" };
                rows.Add(new ActivityRecord(new Activity(day, account, person, kind, met.Distinct().ToArray(), null, outcome)));
            }
        }

        rows.Sort((a, b) => a.Activity.Date.CompareTo(b.Activity.Date) is var byDate and not 0 ? byDate : string.CompareOrdinal(a.Activity.Account.Value, b.Activity.Account.Value));
    }

    private static void Promises(SampleRandom random, AccountId account, LocalDate from, LocalDate asOf, List<PromiseRecord> rows)
    {
        string[] what = ["samples", "price list", "technical proposal", "delivery schedule", "service visit"];
        for (var p = random.Next(1, 4); p > 0; p--)
        {
            var made = from.PlusDays(random.Next(0, Math.Max(1, Period.DaysBetween(from, asOf) - 10)));
            var due = made.PlusDays(random.Next(10, 60));
            var status = due > asOf ? PromiseStatus.Open : (PromiseStatus)random.PickWeighted([0.1, 0.65, 0.15, 0.1]);
            rows.Add(new PromiseRecord(new Promise(account, random.Pick(what), made, due, status)));
        }
    }

    private static void Checks(SampleRandom random, AccountId account, LocalDate from, LocalDate asOf, List<CheckRecord> rows)
    {
        var quality = random.Uniform(2.0, 4.6);
        for (var day = new LocalDate(from.Year, from.Month, 1).PlusMonths(3).PlusDays(-1); day <= asOf; day = day.PlusDays(1).PlusMonths(3).PlusDays(-1))
        {
            if (day < from)
            {
                continue;
            }

            foreach (var item in HealthPolicy.DefaultCheckItems)
            {
                rows.Add(new CheckRecord(account, day, item.Id, Math.Clamp((int)Math.Round(quality + random.Uniform(-1.2, 1.2)), 0, 5)));
            }

            rows.Add(new CheckRecord(account, day.PlusDays(-7), "satisfaction", Math.Clamp((int)Math.Round((quality * 2) + random.Uniform(-1.5, 1.5)), 0, 10)));
            quality = Math.Clamp(quality + random.Uniform(-0.5, 0.4), 1, 5);
        }
    }

    private static int Count(SampleRandom random, double mean)
    {
        var whole = (int)Math.Floor(mean);
        return whole + (random.Chance(mean - whole) ? 1 : 0);
    }
}
