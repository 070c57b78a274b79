using System.Globalization;
using Kam.Cli.Data;
using Kam.Cli.Features.Shared;
using Kam.Cli.Terminal;
using Kam.Core;
using Kam.Core.Value.Models;
using Kam.Core.Value.Models.Data;
using Kam.Core.Value.Models.Fitting;
using Kam.Core.Value.Models.LifetimeValue;
using Kam.Core.Value.Summaries;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Kam.Cli.Features.Ltv;

/// <summary>The Value engines <c>kam ltv</c> runs, resolved from the composition root's services.</summary>
/// <param name="Summarizer">Turns the transactions into frequency, recency, age and mean value per customer.</param>
/// <param name="Fitter">Fits the customer-base models by maximum likelihood.</param>
/// <param name="Calculator">Projects discounted lifetime values.</param>
internal sealed record LtvEngines(ITransactionSummarizer Summarizer, ICustomerBaseModelFitter Fitter, ILifetimeValueCalculator Calculator)
{
    /// <summary>Resolves the engines from the run's services.</summary>
    /// <param name="services">The services (the composition root's).</param>
    /// <returns>The engines.</returns>
    public static LtvEngines From(IServiceProvider services) => new(
        services.GetRequiredService<ITransactionSummarizer>(),
        services.GetRequiredService<ICustomerBaseModelFitter>(),
        services.GetRequiredService<ILifetimeValueCalculator>());
}

/// <summary>What <c>kam ltv</c> is asked: the transactions and how to value them.</summary>
/// <param name="Source">The file's display name, for messages.</param>
/// <param name="Transactions">The transactions (one currency).</param>
/// <param name="Model">The model.</param>
/// <param name="CalibrationEnd">The last day of the calibration period.</param>
/// <param name="HorizonMonths">The prediction horizon in months.</param>
/// <param name="AnnualDiscountRate">The yearly discount rate.</param>
internal sealed record LtvInput(string Source, IReadOnlyList<TransactionRecord> Transactions, LtvModel Model, LocalDate CalibrationEnd, int HorizonMonths, Percentage AnnualDiscountRate);

/// <summary>One fitted model of a <c>kam ltv</c> run (the transaction or renewal model, and the spend model).</summary>
/// <param name="Name">The model's name (<c>BG/NBD</c>, <c>Gamma-Gamma</c>, ...).</param>
/// <param name="Parameters">The estimates with standard errors.</param>
/// <param name="Diagnostics">Convergence, iterations, log-likelihood.</param>
/// <param name="Customers">How many customers the model was fitted on.</param>
internal sealed record LtvFit(string Name, IReadOnlyList<ParameterEstimate> Parameters, FitDiagnostics Diagnostics, int Customers);

/// <summary>One customer's line of a <c>kam ltv</c> run.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="FirstPurchase">The first purchase day.</param>
/// <param name="LastPurchase">The last purchase day up to the calibration end.</param>
/// <param name="Purchases">Purchase occasions (days with a purchase) up to the calibration end.</param>
/// <param name="Spend">Amount spent up to the calibration end.</param>
/// <param name="ProbabilityAlive">P(alive) at the calibration end.</param>
/// <param name="ExpectedPurchases">Expected purchase occasions over the horizon.</param>
/// <param name="ExpectedSpend">Expected spend over the horizon (undiscounted).</param>
/// <param name="LifetimeValue">Expected spend over the horizon, discounted.</param>
internal sealed record LtvCustomer(AccountId Customer, LocalDate FirstPurchase, LocalDate LastPurchase, int Purchases, decimal Spend, double ProbabilityAlive, double ExpectedPurchases, double ExpectedSpend, double LifetimeValue);

/// <summary>The result of a <c>kam ltv</c> run.</summary>
/// <param name="Input">What was asked.</param>
/// <param name="Currency">The currency of every amount.</param>
/// <param name="TimeUnit">The time unit the model was fitted in (<c>weeks</c> or <c>quarters</c>).</param>
/// <param name="Fits">The fitted models.</param>
/// <param name="Customers">One line per customer, highest lifetime value first.</param>
/// <param name="Survival">The model's survival curve of a new customer: (months since the first purchase, share still active).</param>
/// <param name="Observed">The observed survival (sBG only: Kaplan-Meier over the quarterly cohorts), or empty.</param>
/// <param name="Report">The library's projection (BG/NBD and Pareto/NBD; <see langword="null"/> for sBG), which the account review reads.</param>
internal sealed record LtvResult(LtvInput Input, Currency Currency, string TimeUnit, IReadOnlyList<LtvFit> Fits, IReadOnlyList<LtvCustomer> Customers, IReadOnlyList<(double Months, double Share)> Survival, IReadOnlyList<(double Months, double Share)> Observed, LifetimeValueReport? Report = null)
{
    /// <summary>Gets the fits that did not converge.</summary>
    public IEnumerable<LtvFit> NotConverged => Fits.Where(f => !f.Diagnostics.Converged);
}

/// <summary>
/// The analysis behind <c>kam ltv</c>: summarize the transactions at the calibration end, fit the model by maximum
/// likelihood, and predict each customer's P(alive), purchases, spend and discounted lifetime value over the horizon.
/// </summary>
/// <remarks>
/// BG/NBD and Pareto/NBD are fitted in weeks (the unit of the literature, e.g. the CDNOW papers), with Gamma-Gamma for
/// the spend per purchase; the horizon is cut into months of 365.25/12 days discounted monthly at the rate equivalent
/// to the yearly one. The sBG model works on quarterly renewals derived from the transactions (<see cref="LtvRenewals"/>).
/// Lifetime value here is discounted expected spend (revenue): no margin is applied.
/// </remarks>
internal static class LtvAnalysis
{
    /// <summary>The fewest customers a model is fitted on.</summary>
    public const int MinimumCustomers = 10;

    /// <summary>The fewest customers with a repeat purchase (of positive value) BG/NBD, Pareto/NBD and Gamma-Gamma are fitted on.</summary>
    public const int MinimumRepeatCustomers = 5;

    /// <summary>Days in a mean Gregorian month.</summary>
    public const double DaysPerMonth = 365.25 / 12;

    /// <summary>Runs the analysis.</summary>
    /// <param name="input">What to analyze.</param>
    /// <param name="engines">The engines.</param>
    /// <param name="progress">Progress, or <see langword="null"/>.</param>
    /// <returns>The result.</returns>
    /// <exception cref="KamValidationException">The data cannot be used by the model (too few customers or repeat buyers).</exception>
    public static LtvResult Run(LtvInput input, LtvEngines engines, IProgress<ProgressUpdate>? progress)
    {
        var inCalibration = input.Transactions.Where(t => t.Date <= input.CalibrationEnd).ToArray();
        var currency = input.Transactions[0].Amount.Currency;
        var histories = inCalibration.GroupBy(t => t.Customer).ToDictionary(
            g => g.Key,
            g => (First: g.Min(t => t.Date), Last: g.Max(t => t.Date), Purchases: g.Select(t => t.Date).Distinct().Count(), Spend: g.Sum(t => t.Amount.Amount)));
        if (histories.Count < MinimumCustomers)
        {
            throw Unusable(input, $"{histories.Count} customers bought by {Day(input.CalibrationEnd)}; a model needs at least {MinimumCustomers}.", histories.Count);
        }

        var result = input.Model == LtvModel.Sbg
            ? LtvRenewals.Run(input, inCalibration, engines.Fitter, progress)
            : RunRepeatBuying(input, inCalibration, engines, progress);
        var customers = result.Lines
            .Select(l => (Line: l, History: histories[l.Customer]))
            .Select(x => new LtvCustomer(x.Line.Customer, x.History.First, x.History.Last, x.History.Purchases, x.History.Spend, x.Line.ProbabilityAlive, x.Line.ExpectedPurchases, x.Line.ExpectedSpend, x.Line.LifetimeValue))
            .OrderByDescending(c => c.LifetimeValue)
            .ThenBy(c => c.Customer.Value, StringComparer.Ordinal)
            .ToArray();
        return new LtvResult(input, currency, result.TimeUnit, result.Fits, customers, result.Survival, result.Observed, result.Report);
    }

    /// <summary>The monthly rate equivalent to a yearly one: (1 + d)^(1/12) − 1.</summary>
    public static double PerPeriodRate(Percentage annual, int periodsPerYear) => Math.Pow(1 + (double)annual.Fraction, 1.0 / periodsPerYear) - 1;

    /// <summary>The error for data a model cannot use, naming the file.</summary>
    public static KamValidationException Unusable(LtvInput input, string why, int found) =>
        new(input.Source, KamErrorCodes.OutOfRange, found.ToString(CultureInfo.InvariantCulture), $"{ModelName(input.Model)} cannot be fitted: {why}");

    /// <summary>The model's display name.</summary>
    public static string ModelName(LtvModel model) => model switch
    {
        LtvModel.ParetoNbd => "Pareto/NBD",
        LtvModel.Sbg => "sBG",
        _ => "BG/NBD",
    };

    /// <summary>Formats a day as yyyy-MM-dd.</summary>
    public static string Day(LocalDate day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static LtvModelResult RunRepeatBuying(LtvInput input, TransactionRecord[] inCalibration, LtvEngines engines, IProgress<ProgressUpdate>? progress)
    {
        const long Steps = 4;
        var name = ModelName(input.Model);
        progress?.Report(new ProgressUpdate("summarising transactions", 0, Steps));
        TransactionSummary summary;
        try
        {
            summary = engines.Summarizer.Summarize(
                inCalibration.Select(t => new Transaction(t.Customer.Value, t.Date, t.Amount.Amount)),
                input.CalibrationEnd,
                SummaryTimeUnit.Weeks);
        }
        catch (KamValidationException ex)
        {
            throw RecordErrors.Locate(ex, RecordErrors.Transactions(inCalibration)); // log[i] is the i-th purchase handed over
        }

        var rows = summary.Customers;
        var repeaters = rows.Where(c => c.Frequency > 0 && c.MonetaryValue > 0).ToArray();
        if (repeaters.Length < MinimumRepeatCustomers)
        {
            throw Unusable(input, $"{repeaters.Length} of {rows.Count} customers made a repeat purchase (of positive value) by {Day(input.CalibrationEnd)}; repeat buying and the Gamma-Gamma spend model need at least {MinimumRepeatCustomers}.", repeaters.Length);
        }

        progress?.Report(new ProgressUpdate("fitting " + name, 1, Steps));
        var data = FrequencyRecencyData.FromSummaries(rows);
        ITransactionModel model;
        LtvFit fit;
        Func<double, double> survival;
        if (input.Model == LtvModel.ParetoNbd)
        {
            var pareto = engines.Fitter.FitParetoNbd(data);
            (model, survival) = (pareto.Model, pareto.Model.Survival);
            fit = new LtvFit(name, pareto.Parameters, pareto.Diagnostics, rows.Count);
        }
        else
        {
            var bgnbd = engines.Fitter.FitBgNbd(data);
            (model, survival) = (bgnbd.Model, bgnbd.Model.Survival);
            fit = new LtvFit(name, bgnbd.Parameters, bgnbd.Diagnostics, rows.Count);
        }

        progress?.Report(new ProgressUpdate("fitting Gamma-Gamma", 2, Steps));
        var spend = engines.Fitter.FitGammaGamma(SpendData.FromSummaries(repeaters));
        progress?.Report(new ProgressUpdate("predicting", 3, Steps));
        var weeksPerMonth = DaysPerMonth / 7;
        var horizon = new LifetimeValueHorizon(input.HorizonMonths, weeksPerMonth, PerPeriodRate(input.AnnualDiscountRate, 12));
        LifetimeValueReport report;
        try
        {
            report = engines.Calculator.Project(model, spend.Model, rows, horizon, profitMargin: 1.0);
        }
        catch (KamValidationException ex)
        {
            // A degenerate fit (estimates at the edge of the parameter space) can make the predictions' series diverge.
            var estimates = string.Join(", ", fit.Parameters.Concat(spend.Parameters).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.Value:G4}")));
            throw Unusable(input, $"its predictions cannot be computed at the estimates ({estimates}; converged: {(fit.Diagnostics.Converged ? "yes" : "no")}): {ex.Errors[0].Message}", rows.Count);
        }

        var lines = report.Customers.Select(c => new LtvLine(
            AccountId.Parse(c.CustomerId), c.ProbabilityAlive, c.ExpectedTransactions, c.ExpectedTransactions * c.ExpectedSpendPerTransaction, c.LifetimeValue)).ToArray();

        // The survival curve of a new customer over the longest observed age plus the horizon, monthly.
        var months = (int)Math.Ceiling(rows.Max(c => c.Age) / weeksPerMonth) + input.HorizonMonths;
        var curve = Enumerable.Range(0, months + 1).Select(m => ((double)m, survival(m * weeksPerMonth))).ToArray();
        progress?.Report(new ProgressUpdate("predicting", Steps, Steps));
        return new LtvModelResult("weeks", [fit, new LtvFit("Gamma-Gamma", spend.Parameters, spend.Diagnostics, repeaters.Length)], lines, curve, [], report);
    }
}

/// <summary>A model's prediction for one customer.</summary>
/// <param name="Customer">The customer.</param>
/// <param name="ProbabilityAlive">P(alive) at the calibration end.</param>
/// <param name="ExpectedPurchases">Expected purchases over the horizon.</param>
/// <param name="ExpectedSpend">Expected spend over the horizon.</param>
/// <param name="LifetimeValue">Discounted expected spend over the horizon.</param>
internal sealed record LtvLine(AccountId Customer, double ProbabilityAlive, double ExpectedPurchases, double ExpectedSpend, double LifetimeValue);

/// <summary>What one model produced.</summary>
/// <param name="TimeUnit">The unit it was fitted in.</param>
/// <param name="Fits">The fits.</param>
/// <param name="Lines">One line per customer.</param>
/// <param name="Survival">The model's survival curve (months, share).</param>
/// <param name="Observed">The observed survival curve, or empty.</param>
/// <param name="Report">The library's projection, or <see langword="null"/> (sBG).</param>
internal sealed record LtvModelResult(string TimeUnit, IReadOnlyList<LtvFit> Fits, IReadOnlyList<LtvLine> Lines, IReadOnlyList<(double Months, double Share)> Survival, IReadOnlyList<(double Months, double Share)> Observed, LifetimeValueReport? Report = null);
