using System.Globalization;
using System.Text.Json.Nodes;
using Kam.Cli.Data;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Core;
using Kam.Core.Accounts;
using Kam.Core.Accounts.Plans;
using Kam.Core.Accounts.Targets;

namespace Kam.Cli.Sample;

/// <summary>The sample's organization, account hierarchy, targets and key-account plans.</summary>
/// <param name="Organization">HQ → four regions → two branches each → an office under each region's first branch, with the salespeople and a territory per branch.</param>
/// <param name="Accounts">Every sample account with its place in both hierarchies (some grouped: a group with two branch accounts).</param>
/// <param name="Targets">Bookings targets per account (year and quarters) and per region and the head office (year) of the as-of day's fiscal year.</param>
/// <param name="Plans">Key-account plans for several accounts, some with the faults the plan checks flag.</param>
/// <param name="Actuals">The gross profit earned on the deals of the accounts with a gross profit target (actuals.csv).</param>
internal sealed record SamplePlanSet(Organization Organization, IReadOnlyList<PlanAccountRecord> Accounts, TargetPlan Targets, IReadOnlyList<KeyAccountPlan> Plans, IReadOnlyList<PlanActualRecord> Actuals)
{
    /// <summary>Gets plans.json: <c>{ "plans": [ … ] }</c>, the object form, which can carry a <c>"$schema"</c> reference.</summary>
    public string PlansJson => "{\n  \"plans\": [\n" + string.Join(",\n", Plans.Select(p => "    " + p.ToJson().TrimEnd().ReplaceLineEndings("\n").Replace("\n", "\n    ", StringComparison.Ordinal))) + "\n  ]\n}\n";
}

/// <summary>
/// Derives the plan part of the sample from the generated portfolio, deterministically and without drawing from the
/// portfolio's random stream (so every other part of the sample stays as it was).
/// </summary>
internal static class SamplePlans
{
    /// <summary>The organization file's name.</summary>
    public const string OrganizationFileName = "organization.json";

    /// <summary>The targets file's name.</summary>
    public const string TargetsFileName = "targets.json";

    /// <summary>The plans file's name.</summary>
    public const string PlansFileName = "plans.json";

    /// <summary>The share of the bookings target that is an account's gross profit target (for every fifth account with a target).</summary>
    private const decimal GrossProfitShare = 0.22m;

    private static readonly (string Region, string Name, (string Id, string Name)[] Branches)[] Regions =
    [
        ("North", "North region", [("BR-BJ", "Beijing"), ("BR-TJ", "Tianjin")]),
        ("East", "East region", [("BR-SH", "Shanghai"), ("BR-HZ", "Hangzhou")]),
        ("South", "South region", [("BR-GZ", "Guangzhou"), ("BR-SZ", "Shenzhen")]),
        ("West", "West region", [("BR-CD", "Chengdu"), ("BR-XA", "Xi'an")]),
    ];

    private static readonly string[] Offerings = ["Sensors", "Controllers", "Drives", "Service contract"];

    /// <summary>Generates the plan part of a sample.</summary>
    /// <param name="sample">The sample portfolio.</param>
    /// <returns>The organization, accounts, targets and plans.</returns>
    public static SamplePlanSet Generate(SampleDataSet sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var (organization, unitOf) = Organization(sample);
        var accounts = Accounts(sample, organization, unitOf);
        var targets = Targets(sample, accounts);
        var plans = Plans(sample, accounts, targets);
        return new SamplePlanSet(organization, accounts, targets, plans, Actuals(sample, targets));
    }

    private static (Organization Organization, Dictionary<PersonId, UnitId> UnitOf) Organization(SampleDataSet sample)
    {
        var units = new List<OrganizationUnit> { new(UnitId.Parse("HQ"), "Head office", UnitLevel.HeadOffice) };
        var territories = new List<Territory>();
        var people = new List<Person> { new(PersonId.Parse("KAM-HEAD"), "Head of key accounts", UnitId.Parse("HQ"), "key-account head") };
        var unitOf = new Dictionary<PersonId, UnitId>();
        foreach (var (region, name, branches) in Regions)
        {
            var regionId = UnitId.Parse("R-" + region.ToUpperInvariant());
            units.Add(new OrganizationUnit(regionId, name, UnitLevel.Region, UnitId.Parse("HQ")));
            people.Add(new Person(PersonId.Parse("RM-" + region.ToUpperInvariant()), name + " manager", regionId, "regional sales manager"));
            foreach (var (id, city) in branches)
            {
                units.Add(new OrganizationUnit(UnitId.Parse(id), city + " branch", UnitLevel.Branch, regionId));
            }

            units.Add(new OrganizationUnit(UnitId.Parse("OF-" + branches[0].Id[3..]), branches[0].Name + " office", UnitLevel.Office, UnitId.Parse(branches[0].Id)));

            // The region's salespeople in turn: first branch, second branch, the office.
            var members = sample.Salespeople.Where(s => s.Region == region).ToArray();
            for (var i = 0; i < members.Length; i++)
            {
                var unit = (i % 3) switch
                {
                    0 => UnitId.Parse(branches[0].Id),
                    1 => UnitId.Parse(branches[1].Id),
                    _ => UnitId.Parse("OF-" + branches[0].Id[3..]),
                };
                unitOf[members[i].Id] = unit;
                people.Add(new Person(members[i].Id, members[i].Name, unit, "key-account manager"));
            }

            foreach (var (id, city) in branches)
            {
                var manager = members.FirstOrDefault(m => unitOf[m.Id] == UnitId.Parse(id));
                territories.Add(new Territory(TerritoryId.Parse("T-" + id[3..]), city, UnitId.Parse(id), manager?.Id));
            }
        }

        return (new Organization(units, people, territories), unitOf);
    }

    private static PlanAccountRecord[] Accounts(SampleDataSet sample, Organization organization, Dictionary<PersonId, UnitId> unitOf)
    {
        // The owner: the salesperson with the most opportunities on the account (ties: the smaller identifier).
        var owners = sample.Opportunities
            .GroupBy(o => o.Account)
            .ToDictionary(g => g.Key, g => g.GroupBy(o => o.Owner).OrderByDescending(o => o.Count()).ThenBy(o => o.Key.Value, StringComparer.Ordinal).First().Key);
        var result = new PlanAccountRecord[sample.Accounts.Count];
        for (var i = 0; i < sample.Accounts.Count; i++)
        {
            var account = sample.Accounts[i];
            var owner = owners.TryGetValue(account.Id, out var o) ? o : sample.Salespeople[i % sample.Salespeople.Count].Id;
            var unit = unitOf[owner];
            var territory = organization.Territories.FirstOrDefault(t => t.Unit == unit)?.Id;
            var region = sample.Salespeople.First(s => s.Id == owner).Region;

            // Every 25th account (C001, C026, ...) is a group; the two after it are its branch accounts.
            var position = i % 25;
            var (level, parent) = position switch
            {
                0 => (AccountLevel.Group, (AccountId?)null),
                1 or 2 => (AccountLevel.Branch, sample.Accounts[i - position].Id),
                _ => (AccountLevel.Headquarters, null),
            };
            result[i] = new PlanAccountRecord(account.Id, account.Name, level, parent, owner, unit, territory, account.Industry.Length > 0 ? account.Industry : null, region);
        }

        return result;
    }

    private static TargetPlan Targets(SampleDataSet sample, PlanAccountRecord[] accounts)
    {
        var calendar = new FiscalCalendar(firstMonth: 1);
        var year = calendar.PeriodOf(sample.AsOf, PeriodKind.Year);
        var quarters = year.Children(PeriodKind.Quarter);
        var currency = sample.Currency;
        decimal[] seasonality = [0.20m, 0.25m, 0.25m, 0.30m];
        var targets = new List<Target>();
        var byRegion = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var grossProfit = TargetMeasure.GrossProfit(currency);
        var withTarget = 0;

        // Each account with opportunities this year: a quarter of their value as the year's bookings target, in steps of 10,000.
        var value = sample.Opportunities
            .Where(o => year.Interval.Contains(o.ExpectedClose))
            .GroupBy(o => o.Account)
            .ToDictionary(g => g.Key, g => g.Sum(o => o.Value.Amount));
        foreach (var account in accounts)
        {
            if (!value.TryGetValue(account.Id, out var total))
            {
                continue;
            }

            var annual = Math.Max(50_000m, Math.Round(total * 0.25m / 40_000m, MidpointRounding.ToEven) * 40_000m);
            targets.Add(new Target(TargetSubject.ForAccount(account.Id), "bookings", year, new Money(annual, currency)));
            for (var q = 0; q < quarters.Count; q++)
            {
                targets.Add(new Target(TargetSubject.ForAccount(account.Id), "bookings", quarters[q], new Money(annual * seasonality[q], currency)));
            }

            // Every fifth account with a bookings target also has a gross profit target: 22% of it, by the same seasonality.
            if (withTarget++ % 5 == 0)
            {
                var profit = Math.Round(annual * GrossProfitShare / 1_000m, MidpointRounding.ToEven) * 1_000m;
                targets.Add(new Target(TargetSubject.ForAccount(account.Id), grossProfit.Key, year, new Money(profit, currency)));
                for (var q = 0; q < quarters.Count; q++)
                {
                    targets.Add(new Target(TargetSubject.ForAccount(account.Id), grossProfit.Key, quarters[q], new Money(profit * seasonality[q], currency)));
                }
            }

            byRegion[account.Region!] = byRegion.GetValueOrDefault(account.Region!) + annual;
        }

        // Top-down: each region's own target is 10% above its accounts' (a reconciliation gap to close), the head office's the sum.
        var company = 0m;
        foreach (var (region, _, _) in Regions)
        {
            var own = Math.Round(byRegion.GetValueOrDefault(region) * 1.1m / 10_000m, MidpointRounding.ToEven) * 10_000m;
            company += own;
            targets.Add(new Target(TargetSubject.ForUnit(UnitId.Parse("R-" + region.ToUpperInvariant())), "bookings", year, new Money(own, currency)));
        }

        targets.Add(new Target(TargetSubject.ForUnit(UnitId.Parse("HQ")), "bookings", year, new Money(company, currency)));
        return new TargetPlan(calendar, year.FiscalYear, [TargetMeasure.Bookings(currency), grossProfit], targets);
    }

    // The gross profit actuals: each deal of the year of an account with a gross profit target, amount × gross margin,
    // on its booking day (up to the day of the latest event, the as-of day kam plan takes by default).
    private static PlanActualRecord[] Actuals(SampleDataSet sample, TargetPlan targets)
    {
        var key = TargetMeasure.GrossProfit(sample.Currency).Key;
        var accounts = targets.Targets.Where(t => t.Measure == key && t.Subject.Account is not null).Select(t => t.Subject.Account!.Value).ToHashSet();
        var events = sample.Opportunities.SelectMany(o => o.Events).Select(e => e.At.InUtc().Date).DefaultIfEmpty(sample.AsOf).Max();
        var last = events < sample.AsOf ? events : sample.AsOf;
        return sample.Deals
            .Where(d => accounts.Contains(d.Account) && d.GrossMargin is not null && targets.Year.Interval.Contains(d.BookedOn) && d.BookedOn <= last)
            .Select(d => new PlanActualRecord(d.Account, key, d.BookedOn, Math.Round(d.Amount.Amount * d.GrossMargin!.Value.Fraction, 2, MidpointRounding.ToEven), d.Amount.Currency))
            .ToArray();
    }

    // Plans for the six group accounts with the largest year targets, and the two largest stand-alone accounts; each
    // plan but the first carries one or two of the faults the book warns about.
    private static KeyAccountPlan[] Plans(SampleDataSet sample, PlanAccountRecord[] accounts, TargetPlan targets)
    {
        var year = targets.Year;
        decimal YearTarget(AccountId id) => targets.Find(TargetSubject.ForAccount(id), "bookings", year)?.Value ?? 0m;
        var groups = accounts.Where(a => a.Level == AccountLevel.Group && YearTarget(a.Id) > 0).OrderByDescending(a => YearTarget(a.Id)).ThenBy(a => a.Id.Value, StringComparer.Ordinal).Take(6);
        var standalone = accounts.Where(a => a.Level == AccountLevel.Headquarters && YearTarget(a.Id) > 0).OrderByDescending(a => YearTarget(a.Id)).ThenBy(a => a.Id.Value, StringComparer.Ordinal).Take(2);
        var chosen = standalone.Take(1).Concat(groups).Concat(standalone.Skip(1)).ToArray();
        var plans = new KeyAccountPlan[chosen.Length];
        for (var i = 0; i < chosen.Length; i++)
        {
            var branches = accounts.Where(a => a.Parent == chosen[i].Id).Select(a => a.Name).ToArray();
            plans[i] = KeyAccountPlan.FromJson(Plan(i, chosen[i], branches, sample, targets).ToJsonString());
        }

        return plans;
    }

    private static JsonObject Plan(int index, PlanAccountRecord account, string[] branches, SampleDataSet sample, TargetPlan targets)
    {
        var y = targets.FiscalYear;
        var q1 = targets.Calendar.Parse(Invariant($"FY{y}-Q1"));
        var q1Target = targets.Find(TargetSubject.ForAccount(account.Id), "bookings", q1)?.Value ?? 0m;
        var owner = account.Owner.Value;
        var supervisor = "RM-" + account.Region!.ToUpperInvariant();
        var sites = branches.Length > 0 ? ["Headquarters", .. branches.Select(b => b.Length > 22 ? b[..22] : b)] : new[] { "Headquarters", "Plant" };
        var fault = index; // 0: a clean plan; 1..: the faults below
        var plan = new JsonObject
        {
            ["account"] = account.Id.Value,
            ["fiscalYear"] = y,
            ["currency"] = sample.Currency.Code,
        };
        if (fault != 1)
        {
            plan["coPlannedOn"] = Invariant($"{y - 1}-12-{10 + index:00}");
        }

        plan["situation"] = new JsonObject
        {
            ["revenue"] = sample.Accounts.First(a => a.Id == account.Id).Revenue,
            ["shareOfSpend"] = 0.12m + (0.03m * index),
            ["competitors"] = new JsonArray("Globex", "Initech"),
            ["buyingProcess"] = "Annual frame contract; sites order against it.",
        };
        var objectiveTargets = new JsonArray(
            new JsonObject { ["measure"] = "bookings", ["period"] = Invariant($"FY{y}") },
            new JsonObject { ["measure"] = "bookings", ["period"] = Invariant($"FY{y}-Q1") });
        var objectives = new JsonArray(new JsonObject { ["key"] = "grow", ["description"] = "Grow bookings with the account", ["targets"] = objectiveTargets });
        objectives.Add(fault == 6
            ? new JsonObject { ["key"] = "service", ["description"] = "Best service", ["targets"] = new JsonArray(new JsonObject { ["measure"] = "satisfaction", ["period"] = Invariant($"FY{y}"), ["value"] = 8.5m }) }
            : new JsonObject { ["key"] = "service", ["description"] = "Best service", ["targets"] = new JsonArray(new JsonObject { ["measure"] = "satisfaction", ["period"] = Invariant($"FY{y}-Q4"), ["value"] = 8.5m }) });
        plan["objectives"] = objectives;

        var cells = new JsonArray();
        for (var r = 0; r < Offerings.Length; r++)
        {
            for (var c = 0; c < sites.Length; c++)
            {
                var cell = new JsonObject { ["offering"] = Offerings[r], ["unit"] = sites[c] };
                switch ((r + c + index) % 5)
                {
                    case 0: cell["state"] = "Ours"; break;
                    case 1: cell["state"] = "Competitor"; cell["competitor"] = (r + index) % 2 == 0 ? "Globex" : "Initech"; break;
                    case 2: cell["state"] = "WhiteSpace"; cell["estimatedValue"] = 50_000m * (1 + ((r * 3 + c + index) % 6)); break;
                    case 3: cell["state"] = "OpenOpportunity"; cell["opportunity"] = sample.Opportunities.FirstOrDefault(o => o.Account == account.Id)?.Id.Value ?? "OP-0001"; break;
                    default: cell["state"] = r == 3 ? "WhiteSpace" : "NotApplicable"; if (r == 3) { cell["estimatedValue"] = 80_000m; } break;
                }

                cells.Add(cell);
            }
        }

        plan["whitespace"] = new JsonObject { ["offerings"] = new JsonArray(Offerings.Select(o => (JsonNode)JsonValue.Create(o)!).ToArray()), ["units"] = new JsonArray(sites.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray()), ["cells"] = cells };

        var actions = new JsonArray(
            new JsonObject { ["title"] = "Present the site roll-out proposal", ["owner"] = owner, ["due"] = Invariant($"{y}-{(fault == 3 ? 5 : 7):00}-15"), ["status"] = fault == 3 ? "InProgress" : "Open", ["objective"] = "grow" },
            new JsonObject { ["title"] = "Quarterly service report", ["owner"] = owner, ["due"] = Invariant($"{y}-03-31"), ["status"] = "Done", ["objective"] = "service" });
        if (fault == 2)
        {
            actions.Add(new JsonObject { ["title"] = "Map the purchasing team", ["due"] = Invariant($"{y}-08-31"), ["objective"] = "grow" });
        }

        plan["actions"] = actions;
        plan["resources"] = new JsonArray(new JsonObject { ["period"] = Invariant($"FY{y}-Q3"), ["purpose"] = "Solution design", ["person"] = owner, ["days"] = 10, ["budget"] = 20_000m });
        plan["differentiation"] = fault == 4 ? new JsonArray() : new JsonArray(Invariant($"Dedicated service engineer for {account.Name}"));
        plan["projects"] = new JsonArray(new JsonObject
        {
            ["name"] = "Site roll-out",
            ["start"] = fault == 5 ? Invariant($"{y}-06-20") : Invariant($"{y}-02-01"),
            ["due"] = Invariant($"{y}-07-01"),
            ["objective"] = "grow",
        });
        var months = new JsonArray();
        if (fault != 7)
        {
            for (var m = 1; m <= sample.AsOf.Month; m++)
            {
                var day = fault == 5 && m == 4 ? 9 : 2 + (m % 3);
                months.Add(new JsonObject { ["month"] = Invariant($"FY{y}-M{m:00}"), ["setOn"] = Invariant($"{y}-{m:00}-{day:00}"), ["priorities"] = new JsonArray(Invariant($"Month {m} priorities")) });
            }
        }

        plan["operatingPlan"] = months;
        var reviews = new JsonArray();
        if (fault != 3)
        {
            reviews.Add(new JsonObject
            {
                ["period"] = Invariant($"FY{y}-Q1"),
                ["heldOn"] = Invariant($"{y}-04-{8 + index:00}"),
                ["customerTookPart"] = fault != 2,
                ["supervisor"] = supervisor,
                ["lines"] = new JsonArray(new JsonObject
                {
                    ["measure"] = "bookings", ["period"] = Invariant($"FY{y}-Q1"), ["planned"] = q1Target, ["actual"] = Math.Round(q1Target * 0.9m, 2),
                    ["reasons"] = "One site order slipped to the second quarter.",
                }),
            });
        }

        plan["reviews"] = reviews;
        return plan;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
