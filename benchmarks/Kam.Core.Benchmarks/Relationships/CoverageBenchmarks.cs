using BenchmarkDotNet.Attributes;
using Kam.Core.Relationships;
using NodaTime;

namespace Kam.Core.Benchmarks.Relationships;

/// <summary>
/// The issue-12 speed goal for coverage: 10,000 accounts × 50 contacts (500,000 contacts, 1,000,000 relationships with
/// 20 people of ours) analyzed in well under a second on one core. The maps are replayed from their history once, in
/// the setup; the measured call analyzes every account with the default policy and materializes every report, finding
/// and reason.
/// </summary>
[MemoryDiagnoser]
public class CoverageBenchmarks
{
    private const int Accounts = 10_000;
    private const int ContactsPerAccount = 50;
    private const int RelationshipsPerAccount = 100;
    private readonly CoverageEngine _engine = new(CoveragePolicy.Default);
    private IReadOnlyList<BuyingCenter> _centers = null!;
    private Dictionary<PersonId, DecisionLevel> _ourLevels = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var people = Enumerable.Range(0, 20).Select(i => PersonId.Parse($"p{i:00}")).ToArray();
        _ourLevels = people.ToDictionary(p => p, p => (DecisionLevel)(int.Parse(p.Value[1..], System.Globalization.CultureInfo.InvariantCulture) % 3));
        var start = new LocalDate(2025, 1, 1);
        var events = new List<BuyingCenterEvent>(Accounts * (ContactsPerAccount + RelationshipsPerAccount));
        for (var a = 0; a < Accounts; a++)
        {
            var account = AccountId.Parse($"acct-{a:00000}");
            var ids = new ContactId[ContactsPerAccount];
            for (var c = 0; c < ContactsPerAccount; c++)
            {
                ids[c] = ContactId.Parse($"a{a:00000}-c{c:00}");
                var level = c < 3 ? DecisionLevel.Decision : c < 12 ? DecisionLevel.Management : DecisionLevel.Operational;
                var profile = new ContactProfile(
                    $"Contact {c}",
                    level,
                    c % 3 == 0 ? ContactFunction.Purchasing : ContactFunction.Technical,
                    BuyingRoles.Evaluator,
                    level == DecisionLevel.Decision ? (BuyingDecisions)(1 << random.Next(5)) | (BuyingDecisions)(1 << random.Next(5)) : BuyingDecisions.None,
                    veto: random.Next(10) == 0,
                    influence: random.Next(ContactProfile.MaxInfluence + 1),
                    attitude: (Attitude)random.Next(-2, 3),
                    reportsTo: c == 0 ? null : ids[random.Next(c)],
                    leaningTo: random.Next(20) == 0 ? "Rival" : null);
                events.Add(new ContactJoined(start.PlusDays(c), ids[c], account, profile));
            }

            for (var r = 0; r < RelationshipsPerAccount; r++)
            {
                events.Add(new RelationshipChanged(start.PlusDays(60 + r), people[random.Next(people.Length)], ids[random.Next(ContactsPerAccount)], random.Next(1, Relationship.MaxStrength + 1)));
            }
        }

        _centers = new BuyingCenterHistory(events).AsOf(start.PlusDays(365));
    }

    /// <summary>Every account's coverage report.</summary>
    [Benchmark]
    public IReadOnlyList<CoverageReport> AnalyzeAll() => _engine.AnalyzeAll(_centers, _ourLevels);
}
