using FsCheck;
using FsCheck.Xunit;
using Kam.Core.Relationships.Activities;
using Kam.Core.Relationships.Health;
using NodaTime;

namespace Kam.Core.Tests.Relationships;

/// <summary>
/// The laws of compliance and health over random logs built from a seed: adding an activity never lowers compliance;
/// the order of the activities changes nothing; the health index stays within 0 and 1; a kept promise never gives a
/// lower index than the same promise broken.
/// </summary>
public sealed class ContactHealthProperties
{
    private static readonly AccountId[] Accounts = [AccountId.Parse("A"), AccountId.Parse("B"), AccountId.Parse("C")];
    private static readonly PersonId[] Managers = [PersonId.Parse("m0"), PersonId.Parse("m1")];
    private static readonly LocalDate Start = new(2025, 11, 1);
    private static readonly Dictionary<AccountId, LocalDate> Since = Accounts.Select((a, i) => (a, i)).ToDictionary(p => p.a, p => Start.PlusDays(p.i * 20));

    private static Activity RandomActivity(Random random)
    {
        var a = random.Next(Accounts.Length);
        return new Activity(Since[Accounts[a]].PlusDays(random.Next(400)), Accounts[a], Managers[random.Next(2)], (ActivityKind)random.Next(5));
    }

    private static (List<Activity> Activities, AccountAssignment[] Assignments, LocalDate From, LocalDate AsOf) RandomCase(Random random)
    {
        var activities = Enumerable.Range(0, random.Next(0, 60)).Select(_ => RandomActivity(random)).ToList();
        var grades = ContactStandards.Default.Standards.Select(s => s.Grade).ToArray();
        var assignments = Accounts.Select(a => new AccountAssignment(a, Managers[random.Next(2)], grades[random.Next(grades.Length)])).ToArray();
        var from = Start.PlusDays(random.Next(200));
        return (activities, assignments, from, from.PlusDays(random.Next(300)));
    }

    private static string Describe(ComplianceReport report) => string.Join(
        "\n",
        report.Accounts.Select(a => $"{a.Account} {a.Status} {a.NextDue} {a.LastContact} {a.DaysSinceLastContact} {a.Credited}/{a.Required} "
            + string.Join(",", a.Periods.Select(p => $"{p.Measure}{p.Start}:{p.Done}/{p.Required}:{p.Status}")))
        .Concat(report.Managers.Select(m => $"{m.Manager} {m.Accounts} {m.Met} {m.Overdue} {m.Credited}/{m.Required}")));

    [Property(MaxTest = 300)]
    public bool Adding_an_activity_never_lowers_compliance(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var (activities, assignments, from, asOf) = RandomCase(random);
        var engine = new ContactComplianceEngine(ContactStandards.Default);
        var before = engine.Assess(new ActivityLog(activities, Since), assignments, from, asOf);
        activities.Add(RandomActivity(random));
        var after = engine.Assess(new ActivityLog(activities, Since), assignments, from, asOf);
        return before.Accounts.Zip(after.Accounts).All(p =>
            p.Second.Credited >= p.First.Credited && p.Second.Required == p.First.Required && p.Second.Rate >= p.First.Rate
            && p.Second.Status <= p.First.Status
            && (p.First.NextDue is null || p.Second.NextDue >= p.First.NextDue)
            && (p.First.DaysSinceLastContact is null || p.Second.DaysSinceLastContact <= p.First.DaysSinceLastContact)
            && p.First.Periods.Zip(p.Second.Periods).All(q => q.Second.Done >= q.First.Done));
    }

    [Property(MaxTest = 200)]
    public bool Compliance_does_not_depend_on_the_order_of_the_activities(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var (activities, assignments, from, asOf) = RandomCase(random);
        var engine = new ContactComplianceEngine(ContactStandards.Default);
        var shuffled = activities.OrderBy(_ => random.Next()).ToArray();
        return Describe(engine.Assess(new ActivityLog(activities, Since), assignments, from, asOf)) == Describe(engine.Assess(new ActivityLog(shuffled, Since), assignments, from, asOf));
    }

    private static (ActivityLog Log, PartnershipCheck[] Checks, SatisfactionScore[] Scores, Promise[] Promises, LocalDate From, LocalDate To) RandomHealth(Random random)
    {
        var (activities, _, from, to) = RandomCase(random);
        var items = HealthPolicy.Default.CheckItems.Select(i => i.Id).ToArray();
        var checks = Enumerable.Range(0, random.Next(0, 6)).Select(_ => new PartnershipCheck(
            Accounts[random.Next(3)],
            Start.PlusDays(random.Next(500)),
            items.Where(_ => random.Next(2) == 0).DefaultIfEmpty(items[0]).Distinct(StringComparer.Ordinal).ToDictionary(i => i, _ => random.Next(6), StringComparer.Ordinal))).ToArray();
        var scores = Enumerable.Range(0, random.Next(0, 6)).Select(_ => new SatisfactionScore(Accounts[random.Next(3)], Start.PlusDays(random.Next(500)), random.Next(11))).ToArray();
        var promises = Enumerable.Range(0, random.Next(1, 6)).Select(_ =>
        {
            var made = Start.PlusDays(random.Next(400));
            return new Promise(Accounts[random.Next(3)], "p", made, made.PlusDays(random.Next(60)), (PromiseStatus)random.Next(4));
        }).ToArray();
        return (new ActivityLog(activities, Since), checks, scores, promises, from, to);
    }

    [Property(MaxTest = 200)]
    public bool The_health_index_stays_within_0_and_1(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var (log, checks, scores, promises, from, to) = RandomHealth(random);
        var weights = Enum.GetValues<HealthPart>().ToDictionary(p => p, _ => (decimal)random.Next(0, 3));
        var policy = weights.Values.All(w => w == 0m) ? HealthPolicy.Default : new HealthPolicy(weights: weights);
        return new HealthEngine(policy).Assess(log, checks, scores, promises, from, to).Accounts
            .SelectMany(a => a.Points)
            .All(p => p.Index is >= 0m and <= 1m && p.Contact is >= 0m and <= 1m);
    }

    [Property(MaxTest = 200)]
    public bool A_kept_promise_never_lowers_health_against_the_same_promise_broken(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var (log, checks, scores, promises, from, to) = RandomHealth(random);
        var which = random.Next(promises.Length);
        var p = promises[which];
        Promise[] With(PromiseStatus status) => promises.Select((q, i) => i == which ? new Promise(p.Account, p.Description, p.Made, p.Due, status) : q).ToArray();
        var engine = new HealthEngine(HealthPolicy.Default);
        var kept = engine.Assess(log, checks, scores, With(PromiseStatus.Kept), from, to);
        var broken = engine.Assess(log, checks, scores, With(PromiseStatus.Broken), from, to);
        var compensated = engine.Assess(log, checks, scores, With(PromiseStatus.Compensated), from, to);
        return kept.Accounts.Zip(broken.Accounts, compensated.Accounts).All(t => t.First.Points.Zip(t.Second.Points, t.Third.Points)
            .All(q => q.First.Index >= q.Third.Index && q.Third.Index >= q.Second.Index));
    }
}
