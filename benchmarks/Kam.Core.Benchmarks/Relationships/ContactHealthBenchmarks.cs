using BenchmarkDotNet.Attributes;
using Kam.Core.Relationships.Activities;
using Kam.Core.Relationships.Health;
using NodaTime;

namespace Kam.Core.Benchmarks.Relationships;

/// <summary>
/// The issue-12 speed goal for contact standards and health: 10,000 accounts with two years of activity (5,000,000
/// activities, 500 a year per account for 50 contacts), assessed in well under 2 seconds on one core. The log, a monthly
/// partnership check and satisfaction score and four promises per account are built once, in the setup; the measured
/// calls assess compliance over the two years and health month by month, materializing every period, point and alert.
/// </summary>
[MemoryDiagnoser]
public class ContactHealthBenchmarks
{
    private const int Accounts = 10_000;
    private const int ActivitiesPerAccount = 500;
    private static readonly LocalDate Start = new(2025, 1, 1);
    private static readonly LocalDate End = new(2026, 12, 31);
    private readonly ContactComplianceEngine _compliance = new(ContactStandards.Default);
    private readonly HealthEngine _health = new(HealthPolicy.Default);
    private ActivityLog _log = null!;
    private AccountAssignment[] _assignments = null!;
    private PartnershipCheck[] _checks = null!;
    private SatisfactionScore[] _scores = null!;
    private Promise[] _promises = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var managers = Enumerable.Range(0, 400).Select(i => PersonId.Parse($"m{i:000}")).ToArray();
        var grades = ContactStandards.Default.Standards.Select(s => s.Grade).ToArray();
        var ids = Enumerable.Range(0, Accounts).Select(a => AccountId.Parse($"acct-{a:00000}")).ToArray();
        var since = ids.ToDictionary(a => a, _ => Start);
        var activities = new Activity[Accounts * ActivitiesPerAccount];
        var k = 0;
        for (var a = 0; a < Accounts; a++)
        {
            for (var i = 0; i < ActivitiesPerAccount; i++)
            {
                activities[k++] = new Activity(Start.PlusDays(random.Next(730)), ids[a], managers[a % managers.Length], (ActivityKind)random.Next(5));
            }
        }

        _log = new ActivityLog(activities, since);
        _assignments = ids.Select((a, i) => new AccountAssignment(a, managers[i % managers.Length], grades[random.Next(grades.Length)])).ToArray();
        var items = HealthPolicy.Default.CheckItems.Select(i => i.Id).ToArray();
        _checks = ids.SelectMany(a => Enumerable.Range(0, 24).Select(m => new PartnershipCheck(a, Start.PlusMonths(m).PlusDays(27), items.ToDictionary(i => i, _ => random.Next(6), StringComparer.Ordinal)))).ToArray();
        _scores = ids.SelectMany(a => Enumerable.Range(0, 24).Select(m => new SatisfactionScore(a, Start.PlusMonths(m).PlusDays(20), random.Next(11)))).ToArray();
        _promises = ids.SelectMany(a => Enumerable.Range(0, 4).Select(p => new Promise(a, "promise", Start.PlusDays(p * 150), Start.PlusDays((p * 150) + 30), (PromiseStatus)random.Next(4)))).ToArray();
    }

    /// <summary>Every account's compliance over the two years (24 monthly and 8 quarterly periods each).</summary>
    [Benchmark]
    public ComplianceReport Compliance() => _compliance.Assess(_log, _assignments, Start, End);

    /// <summary>Every account's health, month by month over the two years, with its alerts.</summary>
    [Benchmark]
    public HealthReport Health() => _health.Assess(_log, _checks, _scores, _promises, Start, End);
}
