using System.Globalization;
using Kam.Cli.Data;
using Kam.Cli.Features.Shared;
using Kam.Core;
using Kam.Core.Tiering;
using NodaTime;

namespace Kam.Cli.Features.Tier;

/// <summary>
/// The measures <c>kam tier</c> derives from accounts.csv, under the names a tier policy uses (docs/cli.md lists them):
/// the money figures, contribution, credit risk, the Honeywell answers, the relationship indicators and RFM.
/// </summary>
/// <remarks>
/// Contribution = gross profit − cost to serve − discounts and rebates: gross profit is read as revenue less the cost
/// of goods, before discounts (as Kam.Core's <c>ProfitLines</c>: contribution = revenue − discounts − cost of goods −
/// cost to serve). A measure whose column is blank for an account is missing for that account (never 0).
/// </remarks>
internal static class TierMeasures
{
    public const string Revenue = "revenue";
    public const string GrossProfit = "grossProfit";
    public const string CostToServe = "costToServe";
    public const string Discounts = "discounts";
    public const string Contribution = "contribution";
    public const string CreditRisk = "creditRisk";
    public const string Collaboration = "collaboration";
    public const string ContactBreadth = "contactBreadth";
    public const string RelationshipStage = "relationshipStage";
    public const string RecencyDays = "recencyDays";
    public const string Frequency = "frequency";
    public const string Monetary = "monetary";
    public const string TenureDays = "tenureDays";

    /// <summary>The Honeywell criteria in <see cref="StrategicCriteria"/> order, by the default scorecard's names.</summary>
    private static readonly string[] Honeywell =
        ["seesStrengthsAsStrategicInvestment", "firstChoiceStrategicSupplier", "willingToFormAlliance", "willingToInvestInJointVentures", "globalNeeds"];

    /// <summary>Gets every measure name with the accounts.csv column(s) it comes from, in the order documented.</summary>
    public static IReadOnlyDictionary<string, string> Sources { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Revenue] = "revenue",
        [GrossProfit] = "gross_profit",
        [CostToServe] = "cost_to_serve",
        [Discounts] = "discounts",
        [Contribution] = "gross_profit, cost_to_serve, discounts",
        [CreditRisk] = "credit_ok",
        [Honeywell[0]] = "strategic_investment",
        [Honeywell[1]] = "first_choice_supplier",
        [Honeywell[2]] = "alliance",
        [Honeywell[3]] = "joint_ventures",
        [Honeywell[4]] = "global_needs",
        [Collaboration] = "collaboration",
        [ContactBreadth] = "contact_breadth",
        [RelationshipStage] = "relationship_stage",
        [RecencyDays] = "last_order",
        [Frequency] = "orders",
        [Monetary] = "revenue",
        [TenureDays] = "first_order",
    };

    /// <summary>Contribution after cost to serve and discounts.</summary>
    public static decimal ContributionOf(AccountRow account) => AccountColumns.Contribution(account.GrossProfit, account.CostToServe, account.Discounts);

    /// <summary>The day RFM recency and tenure are counted to: the option, or else the latest last order of the file.</summary>
    /// <exception cref="KamValidationException">An account's last order is after the <c>--as-of</c> day.</exception>
    public static LocalDate? AsOf(AccountColumns accounts, LocalDate? option)
    {
        var lastOrders = accounts.LastOrder;
        LocalDate? latest = null; // a plain loop: a million accounts
        foreach (var order in lastOrders)
        {
            if (order is { } last && (latest is null || last > latest.Value))
            {
                latest = last;
            }
        }

        if (option is not { } asOf)
        {
            return latest;
        }

        var late = new List<string>(5);
        for (var i = 0; i < lastOrders.Length && late.Count < 5; i++)
        {
            if (lastOrders[i] is { } last && last > asOf)
            {
                late.Add($"{accounts.Ids[i]} ({last:yyyy-MM-dd})");
            }
        }

        return late.Count == 0
            ? asOf
            : throw new KamValidationException("--as-of", KamErrorCodes.OutOfOrder, asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                $"is before the last order of {string.Join(", ", late)}; recency cannot be counted back in time.");
    }

    /// <summary>Builds the portfolio of the accounts, every measure present as a column (blank cells missing).</summary>
    /// <param name="accounts">The accounts (one currency, validated by the reader).</param>
    /// <param name="asOf">The day recency and tenure are counted to, or <see langword="null"/> when no account has a last order.</param>
    /// <param name="creditAlerts">Per account, whether its receivables flag it as a credit risk (then <c>creditRisk</c> is 1 whatever credit_ok says), or <see langword="null"/>.</param>
    /// <remarks>
    /// Plain loops over the columns into working arrays (a million accounts, twenty measures): each measure column
    /// copies them. The columns are built in two halves side by side, each with its own working arrays, and kept in
    /// the documented order.
    /// </remarks>
    public static AccountMeasures Build(AccountColumns accounts, LocalDate? asOf, bool[]? creditAlerts = null)
    {
        var currency = accounts.Count > 0 ? accounts.CurrencyAt(0) : Currency.CNY;
        var n = accounts.Count;
        var halves = SideBySide.Run(
            () =>
            {
                var work = new Work(n);
                var columns = new List<MeasureColumn>(9)
                {
                    work.Amounts(Revenue, currency, accounts.Revenue),
                    work.Amounts(GrossProfit, currency, accounts.GrossProfit),
                    work.Amounts(CostToServe, currency, accounts.CostToServe),
                    work.Amounts(Discounts, currency, accounts.Discounts),
                };
                for (var i = 0; i < n; i++)
                {
                    work.Values[i] = (double)accounts.ContributionAt(i);
                }

                columns.Add(MeasureColumn.Amounts(Contribution, currency, work.Values));
                var creditOk = accounts.CreditOk;
                for (var i = 0; i < n; i++)
                {
                    work.Flags[i] = !creditOk[i] || (creditAlerts is not null && creditAlerts[i]);
                }

                columns.Add(MeasureColumn.Flags(CreditRisk, work.Flags));
                for (var c = 0; c < Honeywell.Length; c++)
                {
                    for (var i = 0; i < n; i++)
                    {
                        var answer = accounts.StrategicAnswer(i, c);
                        work.Flags[i] = answer ?? false;
                        work.Missing[i] = answer is null;
                    }

                    columns.Add(MeasureColumn.Flags(Honeywell[c], work.Flags, work.Missing));
                }

                return columns;
            },
            () =>
            {
                var work = new Work(n);
                var columns = new List<MeasureColumn>(7)
                {
                    work.Indicators(Collaboration, accounts.Collaboration, scaled: true),
                    work.Indicators(ContactBreadth, accounts.ContactBreadth, scaled: true),
                    work.Indicators(RelationshipStage, accounts.RelationshipStage, scaled: false),
                    work.Days(RecencyDays, accounts.LastOrder, asOf, notAfter: false),
                };
                var orders = accounts.Orders;
                var counts = new long[n];
                for (var i = 0; i < n; i++)
                {
                    counts[i] = orders[i] ?? 0;
                    work.Missing[i] = orders[i] is null;
                }

                columns.Add(MeasureColumn.Counts(Frequency, counts, work.Missing));
                columns.Add(work.Amounts(Monetary, currency, accounts.Revenue));
                columns.Add(work.Days(TenureDays, accounts.FirstOrder, asOf, notAfter: true));
                return columns;
            });
        return AccountMeasures.Create(accounts.Ids, [.. halves[0], .. halves[1]]);
    }

    /// <summary>The working arrays of one thread building measure columns (each column copies them).</summary>
    private sealed class Work(int n)
    {
        public double[] Values { get; } = new double[n];

        public bool[] Missing { get; } = new bool[n];

        public bool[] Flags { get; } = new bool[n];

        public MeasureColumn Amounts(string name, Currency currency, ReadOnlySpan<decimal> amounts)
        {
            for (var i = 0; i < Values.Length; i++)
            {
                Values[i] = (double)amounts[i];
            }

            return MeasureColumn.Amounts(name, currency, Values);
        }

        public MeasureColumn Indicators(string name, ReadOnlySpan<int?> assessments, bool scaled)
        {
            for (var i = 0; i < Values.Length; i++)
            {
                var v = scaled ? Indicator(assessments[i]) : assessments[i];
                Values[i] = v ?? 0d;
                Missing[i] = v is null;
            }

            return MeasureColumn.Numbers(name, Values, Missing);
        }

        public MeasureColumn Days(string name, ReadOnlySpan<LocalDate?> days, LocalDate? asOf, bool notAfter)
        {
            for (var i = 0; i < Values.Length; i++)
            {
                var known = asOf is { } day && days[i] is { } d && (!notAfter || d <= day);
                Values[i] = known ? Period.DaysBetween(days[i]!.Value, asOf!.Value) : 0d;
                Missing[i] = !known;
            }

            return MeasureColumn.Numbers(name, Values, Missing);
        }
    }

    /// <summary>A 1..5 assessment as the 0..1 indicator the relationship policy reads: (x − 1) ÷ 4.</summary>
    private static double? Indicator(int? assessment) => assessment is { } x ? (x - 1) / 4d : null;
}
