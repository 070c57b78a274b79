using BenchmarkDotNet.Attributes;
using Kam.Core.Accounts;
using Kam.Core.Accounts.Attainment;
using Kam.Core.Accounts.Targets;
using Kam.Core.Stages;
using NodaTime;

namespace Kam.Core.Benchmarks.Accounts;

/// <summary>
/// The issue-11 goal: attainment + forecast + gap for 100,000 accounts with 20 targets each (bookings for the year,
/// its quarters and months; gross profit, service level and satisfaction for the year) against 1,000,000
/// opportunities (and 300,000 actuals of the other measures), rolled up over a 4-level organization (1 head office,
/// 10 regions, 100 branches, 1,000 offices) and over the accounts' groups (one group per 10 accounts), under 1
/// second on one core. The plan, the hierarchy and the inputs are built once in the setup; the measured call
/// validates and tallies every opportunity and actual, rolls both hierarchies up, and reads every account's year line
/// and every unit's line of every period.
/// </summary>
[MemoryDiagnoser]
public class AttainmentBenchmarks
{
    private const int AccountCount = 100_000;
    private const int OpportunityCount = 1_000_000;
    private static readonly LocalDate AsOf = new(2026, 6, 30);
    private readonly AttainmentEngine _engine = new();
    private TargetPlan _plan = null!;
    private AccountHierarchy _hierarchy = null!;
    private AttainmentOpportunity[] _opportunities = null!;
    private AttainmentActual[] _actuals = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var units = new List<OrganizationUnit> { new(UnitId.Parse("HQ"), "Head office", UnitLevel.HeadOffice) };
        var people = new List<Person>();
        var offices = new List<UnitId>();
        for (var r = 0; r < 10; r++)
        {
            var region = UnitId.Parse($"R{r}");
            units.Add(new OrganizationUnit(region, $"Region {r}", UnitLevel.Region, UnitId.Parse("HQ")));
            for (var b = 0; b < 10; b++)
            {
                var branch = UnitId.Parse($"R{r}-B{b}");
                units.Add(new OrganizationUnit(branch, $"Branch {r}.{b}", UnitLevel.Branch, region));
                people.Add(new Person(PersonId.Parse($"kam-{r}-{b}"), $"Manager {r}.{b}", branch));
                for (var o = 0; o < 10; o++)
                {
                    var office = UnitId.Parse($"R{r}-B{b}-O{o}");
                    units.Add(new OrganizationUnit(office, $"Office {r}.{b}.{o}", UnitLevel.Office, branch));
                    offices.Add(office);
                }
            }
        }

        var organization = new Organization(units, people);
        var ids = new AccountId[AccountCount];
        var accounts = new Account[AccountCount];
        for (var i = 0; i < AccountCount; i++)
        {
            ids[i] = AccountId.Parse($"acct-{i:000000}");
            var office = offices[(i / 10) % offices.Count];
            var owner = PersonId.Parse($"kam-{office.Value[1]}-{office.Value[4]}");
            accounts[i] = i % 10 == 0
                ? new Account(ids[i], $"Group {i}", AccountLevel.Group, owner, office)
                : new Account(ids[i], $"Branch {i}", AccountLevel.Branch, owner, office, parent: ids[i - (i % 10)]);
        }

        _hierarchy = new AccountHierarchy(organization, accounts);
        var calendar = FiscalCalendar.Calendar;
        var year = calendar.Year(2026);
        var quarters = year.Children(PeriodKind.Quarter);
        var months = year.Children(PeriodKind.Month);
        var targets = new List<Target>((AccountCount * 20) + units.Count);
        for (var i = 0; i < AccountCount; i++)
        {
            var subject = TargetSubject.ForAccount(ids[i]);
            var monthly = random.Next(1_000, 100_000);
            targets.Add(new Target(subject, "bookings", year, Money.Of(monthly * 12m, "CNY")));
            foreach (var quarter in quarters)
            {
                targets.Add(new Target(subject, "bookings", quarter, Money.Of(monthly * 3m, "CNY")));
            }

            foreach (var month in months)
            {
                targets.Add(new Target(subject, "bookings", month, Money.Of(monthly, "CNY")));
            }

            targets.Add(new Target(subject, "grossProfit", year, Money.Of(monthly * 3m, "CNY")));
            targets.Add(new Target(subject, "serviceLevel", year, 0.95m));
            targets.Add(new Target(subject, "satisfaction", year, 8m));
        }

        foreach (var unit in units)
        {
            targets.Add(new Target(TargetSubject.ForUnit(unit.Id), "bookings", year, Money.Of(1_000_000_000m, "CNY")));
        }

        _plan = new TargetPlan(calendar, 2026, [TargetMeasure.Bookings(Currency.CNY), TargetMeasure.GrossProfit(Currency.CNY), TargetMeasure.ServiceLevel, TargetMeasure.Satisfaction], targets);
        var start = new LocalDate(2026, 1, 1);
        _opportunities = new AttainmentOpportunity[OpportunityCount];
        for (var k = 0; k < OpportunityCount; k++)
        {
            var account = ids[random.Next(AccountCount)];
            var value = Money.Of(random.Next(1_000, 5_000_000) / 100m, "CNY");
            var roll = random.Next(10);
            _opportunities[k] = roll < 3
                ? new AttainmentOpportunity(account, value, start.PlusDays(random.Next(181)), SalesStage.ContractSigned, OpportunityStatus.Won, start.PlusDays(random.Next(181)))
                : roll < 9
                    ? new AttainmentOpportunity(account, value, start.PlusDays(random.Next(150, 400)), (SalesStage)random.Next(1, 8))
                    : new AttainmentOpportunity(account, value, start.PlusDays(random.Next(181)), SalesStage.ProjectEvaluation, OpportunityStatus.Lost, start.PlusDays(random.Next(181)));
        }

        _actuals = new AttainmentActual[300_000];
        for (var k = 0; k < _actuals.Length; k++)
        {
            var account = ids[random.Next(AccountCount)];
            var day = start.PlusDays(random.Next(181));
            _actuals[k] = (k % 3) switch
            {
                0 => new AttainmentActual(account, "grossProfit", day, Money.Of(random.Next(100, 1_000_000) / 100m, "CNY")),
                1 => new AttainmentActual(account, "serviceLevel", day, random.Next(80, 101) / 100m),
                _ => new AttainmentActual(account, "satisfaction", day, random.Next(1, 11)),
            };
        }
    }

    /// <summary>Evaluate, then read every account's year line and every unit's line of every period (bookings).</summary>
    [Benchmark]
    public decimal AttainmentForecastGap()
    {
        var report = _engine.Evaluate(_plan, _hierarchy, AsOf, _opportunities, _actuals);
        var gap = 0m;
        foreach (var line in report.Accounts("bookings", report.Periods[0]))
        {
            gap += line.Gap ?? 0m;
        }

        foreach (var period in report.Periods)
        {
            foreach (var line in report.Units("bookings", period))
            {
                gap += line.Gap ?? 0m;
            }
        }

        return gap;
    }
}
