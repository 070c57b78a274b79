using Kam.Cli.Data;
using Kam.Cli.Terminal;
using Kam.Core.Value.Models;
using Kam.Core.Value.Models.Data;

namespace Kam.Cli.Features.Ltv;

/// <summary>
/// <c>kam ltv --model sbg</c>: the shifted-beta-geometric model on contractual renewals derived from transactions.
/// </summary>
/// <remarks>
/// <para>
/// Periods are quarters counted back from the calibration end (the last quarter ends on it, so every quarter is
/// complete). A customer's cohort is the quarter of its first purchase; it counts as active (it "renewed") in every
/// quarter from that one through the quarter of its last purchase, and as lapsed after it. A customer that skipped a
/// quarter but bought again later is therefore active throughout, and one that has not bought in the latest quarter is
/// counted as lapsed: the derivation suits accounts that buy at least every quarter, and is conservative for slower
/// buyers. Customers already buying when the file starts count as acquired in its first quarter.
/// </para>
/// <para>
/// The cohorts' alive counts are fitted together (one γ, δ). A customer active in the latest quarter after n quarters
/// is active in the k-th quarter ahead with probability rₙ·rₙ₊₁·…·rₙ₊ₖ₋₁ (the model's retention rates), and then buys
/// its own mean purchases and spend per active quarter; lapsed customers are worth nothing. The horizon's last
/// quarter counts pro rata when the months are not a multiple of three; cash is discounted quarterly.
/// </para>
/// </remarks>
internal static class LtvRenewals
{
    /// <summary>Months in a renewal period.</summary>
    public const int MonthsPerPeriod = 3;

    /// <summary>Derives the cohorts, fits the model and predicts each customer's value.</summary>
    /// <param name="input">What was asked.</param>
    /// <param name="inCalibration">The transactions up to the calibration end.</param>
    /// <param name="fitter">The fitter.</param>
    /// <param name="progress">Progress, or <see langword="null"/>.</param>
    /// <returns>The model's result.</returns>
    public static LtvModelResult Run(LtvInput input, TransactionRecord[] inCalibration, ICustomerBaseModelFitter fitter, IProgress<ProgressUpdate>? progress)
    {
        progress?.Report(new ProgressUpdate("deriving quarterly renewals", 0, 3));
        var end = input.CalibrationEnd;
        int QuartersBack(NodaTime.LocalDate day)
        {
            var k = 0;
            while (day <= end.PlusMonths(-MonthsPerPeriod * (k + 1)))
            {
                k++;
            }

            return k;
        }

        var customers = inCalibration.GroupBy(t => t.Customer).Select(g =>
        {
            var dates = g.Select(t => t.Date).Distinct().ToArray();
            return (Customer: g.Key, FirstBack: QuartersBack(dates.Min()), LastBack: QuartersBack(dates.Max()), Purchases: dates.Length, Spend: (double)g.Sum(t => t.Amount.Amount));
        }).ToArray();
        var periods = customers.Max(c => c.FirstBack) + 1;

        // Index quarters from the oldest (0) to the latest (periods − 1).
        var cohorts = new List<RenewalCohort>();
        for (var first = 0; first < periods - 1; first++)
        {
            var members = customers.Where(c => periods - 1 - c.FirstBack == first).Select(c => periods - 1 - c.LastBack).ToArray();
            if (members.Length > 0)
            {
                cohorts.Add(RenewalCohort.FromAliveCounts(Enumerable.Range(0, periods - first).Select(t => (long)members.Count(last => last >= first + t))));
            }
        }

        if (cohorts.Count == 0)
        {
            throw LtvAnalysis.Unusable(input, $"every customer's first purchase is in the last quarter before {LtvAnalysis.Day(end)}, so no renewal is observed; sBG needs purchases in at least two quarters.", 0);
        }

        progress?.Report(new ProgressUpdate("fitting sBG", 1, 3));
        var fit = fitter.FitShiftedBetaGeometricCohorts(cohorts);
        var model = fit.Model;
        progress?.Report(new ProgressUpdate("predicting", 2, 3));
        var horizon = (int)Math.Ceiling(input.HorizonMonths / (double)MonthsPerPeriod);
        var lastWeight = (input.HorizonMonths - (MonthsPerPeriod * (horizon - 1))) / (double)MonthsPerPeriod;
        var discount = 1 / (1 + LtvAnalysis.PerPeriodRate(input.AnnualDiscountRate, 12 / MonthsPerPeriod));
        var lines = customers.Select(c =>
        {
            if (c.LastBack > 0)
            {
                return new LtvLine(c.Customer, 0, 0, 0, 0);
            }

            var active = c.FirstBack - c.LastBack + 1;
            var tenure = c.FirstBack + 1; // quarters active so far; the next renewal decision is the tenure-th
            double alive = 1, quarters = 0, discounted = 0, factor = 1;
            for (var k = 1; k <= horizon; k++)
            {
                alive *= model.RetentionRate(tenure + k - 1);
                factor *= discount;
                var weight = k == horizon ? lastWeight : 1;
                quarters += alive * weight;
                discounted += alive * weight * factor;
            }

            return new LtvLine(c.Customer, 1, quarters * c.Purchases / active, quarters * c.Spend / active, discounted * c.Spend / active);
        }).ToArray();

        var curve = Enumerable.Range(0, periods + horizon).Select(t => ((double)(t * MonthsPerPeriod), model.Survival(t))).ToArray();
        var observed = new List<(double, double)> { (0, 1) };
        var share = 1.0;
        for (var t = 1; t < periods; t++)
        {
            var at = cohorts.Where(c => c.Periods >= t).ToArray();
            var before = at.Sum(c => c.Alive[t - 1]);
            if (before == 0)
            {
                break;
            }

            share *= (double)at.Sum(c => c.Alive[t]) / before;
            observed.Add((t * MonthsPerPeriod, share));
        }

        progress?.Report(new ProgressUpdate("predicting", 3, 3));
        var fitted = new LtvFit("sBG", fit.Parameters, fit.Diagnostics, (int)cohorts.Sum(c => c.Alive[0]));
        return new LtvModelResult("quarters", [fitted], lines, curve, observed);
    }
}
