using System.Globalization;
using Kam.Cli.Data;
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
    public static decimal ContributionOf(AccountRow account) => account.GrossProfit - account.CostToServe - account.Discounts;

    /// <summary>The day RFM recency and tenure are counted to: the option, or else the latest last order of the file.</summary>
    /// <exception cref="KamValidationException">An account's last order is after the <c>--as-of</c> day.</exception>
    public static LocalDate? AsOf(IReadOnlyList<AccountRow> accounts, LocalDate? option)
    {
        LocalDate? latest = null; // a plain loop: a million accounts
        for (var i = 0; i < accounts.Count; i++)
        {
            if (accounts[i].LastOrder is { } last && (latest is null || last > latest.Value))
            {
                latest = last;
            }
        }

        if (option is not { } asOf)
        {
            return latest;
        }

        var late = accounts.Where(a => a.LastOrder > asOf).Select(a => $"{a.Id} ({a.LastOrder:yyyy-MM-dd})").Take(5).ToArray();
        return late.Length == 0
            ? asOf
            : throw new KamValidationException("--as-of", KamErrorCodes.OutOfOrder, asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                $"is before the last order of {string.Join(", ", late)}; recency cannot be counted back in time.");
    }

    /// <summary>Builds the portfolio of the accounts, every measure present as a column (blank cells missing).</summary>
    /// <param name="accounts">The accounts (one currency, validated by the reader).</param>
    /// <param name="asOf">The day recency and tenure are counted to, or <see langword="null"/> when no account has a last order.</param>
    public static AccountMeasures Build(IReadOnlyList<AccountRow> accounts, LocalDate? asOf)
    {
        var currency = accounts.Count > 0 ? accounts[0].Currency : Currency.CNY;
        var n = accounts.Count;
        // Plain loops: a million accounts, twenty measures.
        MeasureColumn Amounts(string name, Func<AccountRow, decimal> value)
        {
            var values = new double[n];
            for (var i = 0; i < n; i++)
            {
                values[i] = (double)value(accounts[i]);
            }

            return MeasureColumn.Amounts(name, currency, values);
        }

        MeasureColumn Numbers(string name, Func<AccountRow, double?> value)
        {
            var values = new double[n];
            var missing = new bool[n];
            for (var i = 0; i < n; i++)
            {
                var v = value(accounts[i]);
                values[i] = v ?? 0d;
                missing[i] = v is null;
            }

            return MeasureColumn.Numbers(name, values, missing);
        }

        MeasureColumn Flags(string name, Func<AccountRow, bool?> value)
        {
            var values = new bool[n];
            var missing = new bool[n];
            for (var i = 0; i < n; i++)
            {
                var v = value(accounts[i]);
                values[i] = v ?? false;
                missing[i] = v is null;
            }

            return MeasureColumn.Flags(name, values, missing);
        }

        var columns = new List<MeasureColumn>
        {
            Amounts(Revenue, a => a.Revenue),
            Amounts(GrossProfit, a => a.GrossProfit),
            Amounts(CostToServe, a => a.CostToServe),
            Amounts(Discounts, a => a.Discounts),
            Amounts(Contribution, ContributionOf),
            MeasureColumn.Flags(CreditRisk, accounts.Select(a => !a.CreditOk).ToArray()),
        };
        for (var c = 0; c < Honeywell.Length; c++)
        {
            var criterion = c;
            columns.Add(Flags(Honeywell[c], a => a.Strategic is { } s ? Answer(s, criterion) : null));
        }

        columns.Add(Numbers(Collaboration, a => Indicator(a.Collaboration)));
        columns.Add(Numbers(ContactBreadth, a => Indicator(a.ContactBreadth)));
        columns.Add(Numbers(RelationshipStage, a => a.RelationshipStage));
        columns.Add(Numbers(RecencyDays, a => asOf is { } day && a.LastOrder is { } last ? Period.DaysBetween(last, day) : null));
        columns.Add(MeasureColumn.Counts(Frequency, accounts.Select(a => (long)(a.Orders ?? 0)).ToArray(), accounts.Select(a => a.Orders is null).ToArray()));
        columns.Add(Amounts(Monetary, a => a.Revenue));
        columns.Add(Numbers(TenureDays, a => asOf is { } day && a.FirstOrder is { } first && first <= day ? Period.DaysBetween(first, day) : null));
        var ids = new AccountId[n];
        for (var i = 0; i < n; i++)
        {
            ids[i] = accounts[i].Id;
        }

        return AccountMeasures.Create(ids, columns);
    }

    /// <summary>A 1..5 assessment as the 0..1 indicator the relationship policy reads: (x − 1) ÷ 4.</summary>
    private static double? Indicator(int? assessment) => assessment is { } x ? (x - 1) / 4d : null;

    private static bool Answer(StrategicCriteria s, int criterion) => criterion switch
    {
        0 => s.SeesOurStrengthsAsStrategic,
        1 => s.CommitsAsFirstChoiceSupplier,
        2 => s.WillingToFormAlliance,
        3 => s.WillingToInvestInJointVentures,
        _ => s.HasGlobalNeeds,
    };
}
