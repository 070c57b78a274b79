using System.Globalization;
using Kam.Cli.Data;
using Kam.Core;
using Kam.Core.Stages;
using NodaTime;
using Kam.Core.Stages.Playbooks;

namespace Kam.Cli.Sample;

/// <summary>
/// Generates the demo's realistic sample portfolio, deterministically from a seed: accounts with a heavy-tailed
/// revenue distribution (a few large, lower-margin accounts; docs/rules/tiering.md, docs/rules/value.md), salespeople, opportunities moving
/// through the eight stages with some stuck, skipped or lost, the deals and collections pay is computed on, and
/// two years of repeat purchases with customers dropping out (the shape the BG/NBD family models).
/// </summary>
/// <remarks>Pure: the same seed and sizes give the same data set. Amounts are whole currency units.</remarks>
internal static class SampleGenerator
{
    /// <summary>The random seed <c>kam demo</c> uses.</summary>
    public const int DefaultSeed = 20260630;

    private static readonly string[] Regions = ["Huabei", "Huadong", "Huanan", "Xibei", "Xinan", "Dongbei", "Huazhong", "Bohai", "Lingnan", "Jiangnan"];
    private static readonly string[] Industries = ["Steel", "Automotive", "Energy", "Chemicals", "Shipbuilding", "Logistics", "Machinery", "Electronics", "Food", "Pharma", "Textiles", "Construction"];
    private static readonly string[] Suffixes = ["Group", "Co.", "Corp.", "Holdings", "Industries", "Works"];
    private static readonly string[] SalesRegions = ["North", "East", "South", "West"];
    private static readonly string[] People =
    [
        "Wang Lei", "Li Na", "Zhang Wei", "Liu Yang", "Chen Jing", "Yang Fan", "Zhao Min", "Huang Tao", "Zhou Qiang", "Wu Xia",
        "Xu Hui", "Sun Li", "Ma Jun", "Zhu Yan", "Hu Bin", "Guo Ping", "He Ying", "Gao Peng", "Lin Mei", "Luo Gang",
    ];

    private static readonly string[] LossReasons = ["price", "competitor relationship", "technical fit", "budget cut", "project cancelled"];

    // The close-reason code of each free-text loss reason above (the default close-reason list), and of the abandons.
    private static readonly string[] LossCodes = ["lost-price", "lost-relationship", "lost-solution", "lost-customer-business", "lost-no-decision"];
    private static readonly string[] WinCodes = ["won-value", "won-solution", "won-relationship", "won-price"];
    private static readonly double[] WinCodeWeights = [4, 3, 2, 1];
    private static readonly string[] Competitors = ["Huaxin Systems", "Dongfang Solutions", "Jinqiao Technology"];
    private static readonly double[] CompetitorWeights = [5, 3, 2];

    // The item keys the events name: each stage's required milestones (entry) and required success criteria (exit)
    // of the default playbook, so that every generated history replays on it.
    private static readonly string[][] Milestones = RequiredKeys(StageItemKind.Milestone);
    private static readonly string[][] Successes = RequiredKeys(StageItemKind.SuccessCriterion);

    /// <summary>Generates a data set.</summary>
    /// <param name="seed">The random seed.</param>
    /// <param name="accountCount">The number of accounts.</param>
    /// <param name="salespersonCount">The number of salespeople (at most 20).</param>
    /// <param name="opportunityCount">The number of opportunities.</param>
    /// <returns>The data set, ending on 2026-06-30.</returns>
    public static SampleDataSet Generate(int seed = DefaultSeed, int accountCount = 200, int salespersonCount = 20, int opportunityCount = 500)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(accountCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(salespersonCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(salespersonCount, People.Length);
        ArgumentOutOfRangeException.ThrowIfNegative(opportunityCount);
        var random = new SampleRandom(seed);
        var asOf = new LocalDate(2026, 6, 30);
        var currency = Currency.CNY;
        var accounts = Enumerable.Range(1, accountCount).Select(i => Account(random, i, asOf, currency)).ToArray();
        var salespeople = Enumerable.Range(1, salespersonCount).Select(i => new SalespersonRecord(
            PersonId.Parse($"S{i:00}"), People[i - 1], SalesRegions[(i - 1) % SalesRegions.Length], new Money(Math.Round((decimal)random.Uniform(2, 6), 1) * 1_000_000m, currency))).ToArray();
        var opportunities = CloseReasons(Opportunities(random, opportunityCount, accounts, salespeople, asOf, currency), seed);
        var deals = Deals(random, opportunities, accounts, salespeople, asOf, currency);
        var collections = Collections(random, deals, asOf);
        var transactions = Transactions(random, accounts, asOf, currency);
        return new SampleDataSet(seed, asOf, currency, accounts, salespeople, opportunities, deals, collections, transactions);
    }

    private static AccountRow Account(SampleRandom random, int index, LocalDate asOf, Currency currency)
    {
        var revenue = Math.Round(random.LogNormal(1_200_000, 1.25) / 1000) * 1000;
        var size = Math.Clamp(Math.Log10(revenue / 1_000_000) / 2, 0, 1); // 0 at 1M, 1 at 100M
        var margin = random.Uniform(0.18, 0.36) - (0.1 * size); // volume discounts: the largest earn less (rule book: Volume discounts can make the largest customers unprofitable)
        var industry = random.Pick(Industries);
        var stage = Math.Clamp((int)Math.Round(1 + (size * 3) + random.Normal()), 1, 5);
        var firstOrder = asOf.PlusDays(-random.Next(200, 16 * 365));
        var lastOrder = asOf.PlusDays(-(int)Math.Min(random.Exponential(45), 400));
        if (lastOrder < firstOrder)
        {
            lastOrder = firstOrder;
        }

        StrategicCriteria? criteria = stage >= 3
            ? new StrategicCriteria(random.Chance(0.2 * stage), random.Chance(0.15 * stage), random.Chance(0.1 * stage), random.Chance(0.06 * stage), random.Chance(0.3))
            : null;
        return new AccountRow
        {
            Id = AccountId.Parse($"C{index:000}"),
            Name = $"{random.Pick(Regions)} {industry} {random.Pick(Suffixes)}",
            Industry = industry,
            Currency = currency,
            Revenue = (decimal)revenue,
            GrossProfit = Math.Round((decimal)(revenue * margin)),
            CostToServe = Math.Round((decimal)((revenue * random.Uniform(0.03, 0.12)) + random.Uniform(20_000, 120_000))),
            Discounts = Math.Round((decimal)(revenue * ((0.01 + (0.06 * size)) * random.Uniform(0.5, 1.5)))),
            FirstOrder = firstOrder,
            LastOrder = lastOrder,
            Orders = Math.Max(1, (int)Math.Round(random.LogNormal(4 + (20 * size), 0.5))),
            CreditOk = random.Chance(0.9),
            RelationshipStage = stage,
            Collaboration = Math.Clamp(stage + random.Next(-1, 2), 1, 5),
            ContactBreadth = Math.Clamp(stage + random.Next(-1, 1), 1, 5),
            Strategic = criteria,
        };
    }

    private static OpportunityRecord[] Opportunities(SampleRandom random, int count, AccountRow[] accounts, SalespersonRecord[] salespeople, LocalDate asOf, Currency currency)
    {
        var accountWeights = accounts.Select(a => Math.Sqrt((double)a.Revenue)).ToArray();
        var ownerWeights = salespeople.Select((_, i) => 1.0 + (i % 5 == 0 ? 1.5 : i % 3 == 0 ? 0.6 : 0)).ToArray();
        var end = asOf.At(new LocalTime(18, 0)).InUtc().ToInstant();
        var result = new OpportunityRecord[count];
        for (var i = 0; i < count; i++)
        {
            var owner = salespeople[random.PickWeighted(ownerWeights)].Id;
            var account = accounts[random.PickWeighted(accountWeights)];
            var start = end - Duration.FromDays(random.Uniform(5, 540));
            var value = new Money(Math.Round((decimal)random.LogNormal(600_000, 0.9) / 1000) * 1000, currency);
            var events = Events(random, owner, start, end);
            var expected = events[0].At.InUtc().Date.PlusDays(random.Next(90, 360));
            result[i] = new OpportunityRecord
            {
                Id = OpportunityId.Parse($"OP-{i + 1:0000}"),
                Owner = owner,
                Account = account.Id,
                Value = value,
                ExpectedClose = expected,
                Events = Reestimated(events, expected, i),
            };
        }

        return result;
    }

    /// <summary>
    /// Gives each event the expected close of its row: the final one, except that some opportunities re-estimated it
    /// halfway through their history — every fourth (from the second) had promised a quarter earlier and slipped, every
    /// ninth (from the fifth) a quarter later and was pulled in. Chosen by position, with no random draw, so every other
    /// figure of the sample is the same as without the re-estimates.
    /// </summary>
    private static List<EventRow> Reestimated(List<EventRow> events, LocalDate expected, int index)
    {
        var half = events.Count / 2;
        var earlier = index % 4 == 1 ? expected.PlusDays(-91) : index % 9 == 4 ? expected.PlusDays(92) : expected;
        var moved = events.Count >= 4 && earlier != expected && earlier > events[half].At.InUtc().Date;
        for (var e = 0; e < events.Count; e++)
        {
            events[e] = events[e] with { ExpectedClose = moved && e < half ? earlier : expected };
        }

        return events;
    }

    /// <summary>
    /// Gives each closing event its close-reason code (of the default list) and each loss to a competitor the one who
    /// won it. Drawn from a random sequence of their own, so every other figure of the sample is the same as without them:
    /// a loss's code follows its free-text reason; wins are mostly for value and solution fit; four in five losses on
    /// price, relationship or solution name one of three competitors; every abandon was too far behind.
    /// </summary>
    private static OpportunityRecord[] CloseReasons(OpportunityRecord[] opportunities, int seed)
    {
        var random = new SampleRandom(unchecked(seed + 1));
        for (var i = 0; i < opportunities.Length; i++)
        {
            var o = opportunities[i];
            var last = o.Events[^1];
            var (code, competitor) = last.Kind switch
            {
                OpportunityEventKind.Won => (WinCodes[random.PickWeighted(WinCodeWeights)], null),
                OpportunityEventKind.Lost => LostTo(random, LossCodes[Array.IndexOf(LossReasons, last.Reason)]),
                OpportunityEventKind.Abandoned => ("abandoned-behind", (string?)null),
                _ => (null, null),
            };
            if (code is not null)
            {
                opportunities[i] = o with { Events = [.. o.Events.Take(o.Events.Count - 1), last with { ReasonCode = code, Competitor = competitor }] };
            }
        }

        return opportunities;
    }

    private static (string Code, string? Competitor) LostTo(SampleRandom random, string code) =>
        (code, code is "lost-price" or "lost-relationship" or "lost-solution" && random.Chance(0.8) ? Competitors[random.PickWeighted(CompetitorWeights)] : null);

    private static List<EventRow> Events(SampleRandom random, PersonId owner, Instant start, Instant end)
    {
        // Probability of completing stage k once entered; some projects stall (stuck), skip a stage, or are lost.
        double[] advance = [0.85, 0.8, 0.75, 0.75, 0.7, 0.7, 0.8, 0.95];
        var events = new List<EventRow>();
        var at = start;
        var pace = random.Uniform(4, 20); // mean days between events
        bool Add(OpportunityEventKind kind, int? stage, string? item, string? reason = null)
        {
            at += Duration.FromHours(random.Exponential(pace * 24) + 1);
            if (at > end)
            {
                return false;
            }

            events.Add(new EventRow(at, kind, stage, item, owner, reason));
            return true;
        }

        for (var stage = 1; stage <= 8; stage++)
        {
            var skip = stage is > 2 and < 7 && random.Chance(0.04);
            if (!skip)
            {
                foreach (var item in Milestones[stage - 1])
                {
                    if (!Add(OpportunityEventKind.Milestone, stage, item))
                    {
                        return Ensure(events, start, owner);
                    }
                }
            }

            var procurement = Math.Min(8, stage + (random.Chance(0.12) ? 2 : random.Chance(0.3) ? 1 : 0));
            if (!Add(OpportunityEventKind.Procurement, procurement, null))
            {
                return Ensure(events, start, owner);
            }

            if (!random.Chance(advance[stage - 1]))
            {
                var roll = random.Uniform();
                if (roll < 0.45)
                {
                    Add(OpportunityEventKind.Lost, null, null, random.Pick(LossReasons));
                }
                else if (roll < 0.65)
                {
                    Add(OpportunityEventKind.Abandoned, null, null, "low chance of winning");
                }

                // Otherwise the project stays open and stuck at this stage.
                return Ensure(events, start, owner);
            }

            if (!skip)
            {
                foreach (var item in Successes[stage - 1])
                {
                    if (!Add(OpportunityEventKind.Success, stage, item))
                    {
                        return Ensure(events, start, owner);
                    }
                }
            }
        }

        Add(OpportunityEventKind.Won, null, null);
        return Ensure(events, start, owner);
    }

    // Every opportunity has at least its first milestone (an opportunity starts when it is recorded).
    private static List<EventRow> Ensure(List<EventRow> events, Instant start, PersonId owner)
    {
        if (events.Count == 0)
        {
            events.Add(new EventRow(start, OpportunityEventKind.Milestone, 1, Milestones[0][0], owner));
        }

        return events;
    }

    private static string[][] RequiredKeys(StageItemKind kind) =>
        StageExtensions.AllSalesStages
            .Select(stage => Playbook.Default.ItemsOf(stage, kind).Where(i => i.Required).Select(i => i.Key).ToArray())
            .ToArray();

    private static DealRecord[] Deals(SampleRandom random, OpportunityRecord[] opportunities, AccountRow[] accounts, SalespersonRecord[] salespeople, LocalDate asOf, Currency currency)
    {
        var deals = new List<DealRecord>();
        foreach (var won in opportunities.Where(o => o.Events[^1].Kind == OpportunityEventKind.Won))
        {
            deals.Add(new DealRecord
            {
                DealId = string.Empty,
                Salesperson = won.Owner,
                Account = won.Account,
                Opportunity = won.Id,
                BookedOn = won.Events[^1].At.InUtc().Date,
                Amount = new Money(Math.Round(won.Value.Amount * (decimal)random.Uniform(0.9, 1.05) / 100) * 100, currency),
                GrossMargin = Percentage.FromPercent(Math.Round((decimal)random.Uniform(12, 35), 1)),
            });
        }

        // Repeat orders booked by each salesperson over the last eighteen months.
        foreach (var person in salespeople)
        {
            var orders = random.Next(8, 20);
            for (var i = 0; i < orders; i++)
            {
                deals.Add(new DealRecord
                {
                    DealId = string.Empty,
                    Salesperson = person.Id,
                    Account = random.Pick(accounts).Id,
                    BookedOn = asOf.PlusDays(-random.Next(0, 540)),
                    Amount = new Money(Math.Round((decimal)random.LogNormal(180_000, 0.8) / 100) * 100, currency),
                    GrossMargin = Percentage.FromPercent(Math.Round((decimal)random.Uniform(15, 40), 1)),
                });
            }
        }

        return deals.OrderBy(d => d.BookedOn).ThenBy(d => d.Salesperson).ThenBy(d => d.Account)
            .Select((d, i) => d with { DealId = "D-" + (i + 1).ToString("0000", CultureInfo.InvariantCulture) })
            .ToArray();
    }

    private static CollectionRecord[] Collections(SampleRandom random, DealRecord[] deals, LocalDate asOf)
    {
        var collections = new List<CollectionRecord>();
        foreach (var deal in deals)
        {
            var instalments = random.Next(1, 4);
            var parts = deal.Amount.Allocate(Enumerable.Repeat(1m, instalments).ToArray());
            var day = deal.BookedOn;
            foreach (var part in parts)
            {
                day = day.PlusDays(random.Next(20, 75));
                if (day > asOf || random.Chance(0.03))
                {
                    break; // not yet collected, or overdue
                }

                collections.Add(new CollectionRecord(deal.DealId, day, part));
            }
        }

        return collections.OrderBy(c => c.CollectedOn).ThenBy(c => c.DealId, StringComparer.Ordinal).ToArray();
    }

    private static TransactionRecord[] Transactions(SampleRandom random, AccountRow[] accounts, LocalDate asOf, Currency currency)
    {
        var start = asOf.PlusYears(-2).PlusDays(1);
        var days = Period.Between(start, asOf, PeriodUnits.Days).Days + 1;
        var transactions = new List<TransactionRecord>();
        foreach (var account in accounts)
        {
            // BG/NBD-shaped: a heterogeneous purchase rate (gamma), and after each purchase a chance to become inactive that
            // differs between customers (beta, mean 11%): heterogeneous enough in dropout that Pareto/NBD and the sBG on
            // quarterly renewals identify it too (with one dropout chance for all, their fits run to the edge of the space).
            var perYear = Math.Max(0.5, random.Gamma(1.6, (account.Orders ?? 6) / 1.6));
            var dropout = Beta(random, 0.9, 7.0);
            // Spend per purchase grows with the account's size, damped (revenue^0.4): a population whose mean spend per
            // purchase is finite, as the Gamma-Gamma spend model assumes (revenue / purchases itself is too heavy-tailed).
            var spend = 60_000 * Math.Pow((double)account.Revenue / 1_200_000, 0.4);
            var joined = random.Chance(0.25) ? random.Next(0, days - 30) : 0; // a quarter were acquired during the window
            var day = joined + (int)random.Exponential(365 / perYear);
            while (day < days)
            {
                var amount = Math.Round((decimal)random.LogNormal(spend, 0.45), 0);
                transactions.Add(new TransactionRecord(account.Id, start.PlusDays(day), new Money(Math.Max(1, amount), currency)));
                if (random.Chance(dropout))
                {
                    break;
                }

                day += 1 + (int)random.Exponential(365 / perYear);
            }
        }

        return transactions.OrderBy(t => t.Date).ThenBy(t => t.Customer).ToArray();
    }

    private static double Beta(SampleRandom random, double a, double b)
    {
        var x = random.Gamma(a, 1);
        return x / (x + random.Gamma(b, 1));
    }
}
