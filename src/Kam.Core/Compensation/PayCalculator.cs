using System.Globalization;

namespace Kam.Core.Compensation;

/// <summary>The default <see cref="IPayCalculator"/>: one pass over deals and collections, then lean statements per payee and month.</summary>
/// <remarks>
/// <para>Monthly statements carry, in plan order: fixed components, performance pay (month's grade), commission
/// (with clawbacks as a separate line) and draw lines. The year-end statement carries the commission true-up, draw
/// recovery, the year-end bonus (annual grade) and the team bonus. Every line is rounded once with the plan's
/// mode.</para>
/// <para>Immutable and thread-safe; one instance serves every thread.</para>
/// </remarks>
public sealed class PayCalculator : IPayCalculator
{
    private readonly FiscalCalendar _calendar;

    /// <summary>Creates the calculator.</summary>
    /// <param name="calendar">The fiscal calendar that names years and months.</param>
    public PayCalculator(FiscalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        _calendar = calendar;
    }

    /// <inheritdoc />
    public PayrollResult CalculateYear(PayPlan plan, int fiscalYear, IReadOnlyList<Payee> payees, IReadOnlyList<Deal> deals, IReadOnlyList<CashReceipt> collections)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(payees);
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(collections);
        var year = _calendar.Year(fiscalYear);
        var payeeIndex = ValidatePayees(plan, year, payees);
        var firstMonth = (year.Start.Year * 12) + year.Start.Month - 1;
        var ledger = CreditLedger.Build(plan, firstMonth, payeeIndex, deals, collections);
        var context = Overflow.Guard("plan.components", () => new StatementContext(plan, year));
        var statements = new PayStatement[payees.Count * PayrollResult.StatementsPerPayee];
        var clawbacksByPayee = ledger.Clawbacks.ToLookup(c => c.Payee);
        for (var p = 0; p < payees.Count; p++)
        {
            var payee = p;
            Overflow.Guard(string.Create(CultureInfo.InvariantCulture, $"payees[{p}].pay"), () => context.WriteYear(payees[payee], payee, ledger.Basis, clawbacksByPayee[payee], statements));
        }

        return new PayrollResult(plan, year, statements, payeeIndex);
    }

    private static Dictionary<PersonId, int> ValidatePayees(PayPlan plan, FiscalPeriod year, IReadOnlyList<Payee> payees)
    {
        var errors = new ValidationCollector();
        var interval = year.Interval;
        if (plan.EffectiveFrom > interval.End || plan.EffectiveTo is { } to && to < interval.Start)
        {
            errors.Add("fiscalYear", KamErrorCodes.OutOfRange, year, $"The plan '{plan.Name}' is not effective in {year}.");
        }

        var needsQuota = plan.Commission?.Schedule.NeedsQuota == true;
        var index = new Dictionary<PersonId, int>(payees.Count);
        for (var i = 0; i < payees.Count; i++)
        {
            var payee = payees[i];
            var at = $"payees[{i}]";
            if (!errors.Required(at, payee))
            {
                continue;
            }

            if (!index.TryAdd(payee.Person, i))
            {
                errors.Add($"{at}.person", KamErrorCodes.Duplicate, payee.Person, "A person is paid once per run.");
            }

            if (payee.AnnualQuota.Currency != plan.Currency)
            {
                errors.Add($"{at}.annualQuota", KamErrorCodes.CurrencyMismatch, payee.AnnualQuota, $"The plan pays in {plan.Currency.Code}; currencies never mix.");
            }
            else if (Payee.QuotaProblem(payee.AnnualQuota, needsQuota) is { } problem)
            {
                errors.Add($"{at}.annualQuota", KamErrorCodes.OutOfRange, payee.AnnualQuota, problem);
            }

            foreach (var component in plan.Components)
            {
                CheckGrades(errors, at, payee, component);
            }

            if (errors.Errors.Count >= 100)
            {
                break;
            }
        }

        errors.ThrowIfAny();
        return index;
    }

    private static void CheckGrades(ValidationCollector errors, string at, Payee payee, PayComponent component)
    {
        switch (component)
        {
            case ScaledPayComponent { Kind: PayComponentKind.PerformancePay } performance:
                if (payee.MonthlyGrades is not { Count: 12 } grades)
                {
                    errors.Add($"{at}.monthlyGrades", KamErrorCodes.Required, payee.MonthlyGrades?.Count, "Performance pay needs the appraisal grade of each of the 12 months.");
                    break;
                }

                for (var m = 0; m < 12; m++)
                {
                    if (grades[m] is null || !performance.Factors.Factors.ContainsKey(grades[m]))
                    {
                        errors.Add($"{at}.monthlyGrades[{m}]", KamErrorCodes.Unknown, grades[m], $"Not a grade of '{component.Name}' ({performance.Factors}).");
                    }
                }

                break;
            case ScaledPayComponent bonus:
                if (payee.AnnualGrade is null || !bonus.Factors.Factors.ContainsKey(payee.AnnualGrade))
                {
                    errors.Add($"{at}.annualGrade", KamErrorCodes.Unknown, payee.AnnualGrade, $"The year-end bonus needs an annual grade of '{component.Name}' ({bonus.Factors}).");
                }

                break;
            case TeamBonusComponent when payee.TeamAttainment is null:
                errors.Add($"{at}.teamAttainment", KamErrorCodes.Required, null, "The team bonus needs the team's attainment.");
                break;
            default:
                break;
        }
    }

    /// <summary>Per-run state shared by every payee: the plan, the periods, the precomputed fixed lines.</summary>
    private sealed class StatementContext
    {
        private readonly PayPlan _plan;
        private readonly FiscalPeriod _year;
        private readonly IReadOnlyList<FiscalPeriod> _months;
        private readonly PayLine?[] _fixedLines;
        private readonly List<PayTerm> _terms = new(8);
        private readonly List<PayLine> _lines = new(12);
        private readonly Dictionary<(ScaledPayComponent, string), PayLine> _scaledLines = [];

        public StatementContext(PayPlan plan, FiscalPeriod year)
        {
            _plan = plan;
            _year = year;
            _months = year.Children(PeriodKind.Month);
            _fixedLines = new PayLine?[plan.Components.Count];
            for (var i = 0; i < plan.Components.Count; i++)
            {
                if (plan.Components[i] is FixedPayComponent fixedPay)
                {
                    _fixedLines[i] = new PayLine(fixedPay.Name, fixedPay.Kind, fixedPay.Rule, [new PayTerm("1 month", 1m, fixedPay.Monthly.Amount)], plan.Round(fixedPay.Monthly.Amount));
                }
            }
        }

        public void WriteYear(Payee payee, int p, decimal[] basis, IEnumerable<Clawback> clawbacks, PayStatement[] into)
        {
            var currency = _plan.Currency;
            var monthlyQuota = payee.AnnualQuota.Amount / 12m;
            var effectiveRate = new decimal[12];
            var clawbackList = clawbacks as IReadOnlyList<Clawback> ?? clawbacks.ToArray();
            var paidCommission = 0m;
            var clawedBasis = 0m;
            var drawBalance = 0m;
            var yearBasis = 0m;
            for (var m = 0; m < 12; m++)
            {
                var lines = _lines;
                lines.Clear();
                for (var i = 0; i < _plan.Components.Count; i++)
                {
                    switch (_plan.Components[i])
                    {
                        case FixedPayComponent:
                            lines.Add(_fixedLines[i]!);
                            break;
                        case ScaledPayComponent { Kind: PayComponentKind.PerformancePay } performance:
                            lines.Add(Scaled(performance, payee.MonthlyGrades![m], "month's grade"));
                            break;
                        case CommissionComponent c:
                            var monthBasis = basis[(p * 12) + m];
                            yearBasis += monthBasis;
                            _terms.Clear();
                            var amount = c.Schedule.Calculate(monthBasis, monthlyQuota, 1, _terms);
                            if (c.MonthlyAdvance.Fraction < 1m && amount != 0m)
                            {
                                _terms.Add(new PayTerm("share not advanced monthly", amount, c.MonthlyAdvance.Fraction - 1m));
                                amount *= c.MonthlyAdvance.Fraction;
                            }

                            effectiveRate[m] = monthBasis > 0m ? amount / monthBasis : 0m;
                            var line = Line(c, _terms, "basis", monthBasis);
                            lines.Add(line);
                            var net = line.Amount.Amount;
                            var clawback = Clawbacks(c, clawbackList, m, effectiveRate, ref clawedBasis);
                            if (clawback is not null)
                            {
                                lines.Add(clawback);
                                net += clawback.Amount.Amount;
                            }

                            paidCommission += net;
                            if (c.Draw is { } draw)
                            {
                                AddDraw(lines, c, draw, net, ref drawBalance);
                            }

                            break;
                        default:
                            break;
                    }
                }

                into[(p * PayrollResult.StatementsPerPayee) + m] = new PayStatement(payee.Person, _months[m], StatementKind.Monthly, currency, _plan.Rounding, lines.ToArray(), new Money(drawBalance, currency));
            }

            into[(p * PayrollResult.StatementsPerPayee) + 12] = YearEnd(payee, yearBasis - clawedBasis, paidCommission, ref drawBalance);
        }

        private PayStatement YearEnd(Payee payee, decimal yearBasis, decimal paidCommission, ref decimal drawBalance)
        {
            var lines = new List<PayLine>(4);
            foreach (var component in _plan.Components)
            {
                switch (component)
                {
                    case CommissionComponent { YearEndTrueUp: true } c:
                        _terms.Clear();
                        c.Schedule.Calculate(yearBasis, payee.AnnualQuota.Amount, 12, _terms);
                        _terms.Add(new PayTerm("commission already paid monthly (net of clawbacks)", paidCommission, -1m));
                        var unrounded = Sum(_terms);
                        if (unrounded < 0m)
                        {
                            _terms.Add(new PayTerm("overpayment not recovered at year end", -unrounded, 1m));
                        }

                        var trueUp = Line(c, _terms, "year basis", yearBasis);
                        lines.Add(trueUp);
                        if (c.Draw is { Recoverable: true } && drawBalance > 0m && trueUp.Amount.Amount > 0m)
                        {
                            var recovered = Math.Min(drawBalance, trueUp.Amount.Amount);
                            drawBalance -= recovered;
                            lines.Add(new PayLine(c.Name + " draw recovery", c.Kind, "recoverable draw recovered from the true-up", [new PayTerm("draw recovered", recovered, -1m)], _plan.Round(-recovered)));
                        }

                        break;
                    case ScaledPayComponent { Kind: PayComponentKind.YearEndBonus } bonus:
                        lines.Add(Scaled(bonus, payee.AnnualGrade!, "annual grade"));
                        break;
                    case TeamBonusComponent team:
                        var attainment = Math.Min(payee.TeamAttainment!.Value.Fraction, team.Cap.Fraction);
                        lines.Add(new PayLine(team.Name, team.Kind, team.Rule, [new PayTerm("team attainment " + Ratio.FromFraction(attainment), attainment, team.Target.Amount)], _plan.Round(attainment * team.Target.Amount)));
                        break;
                    default:
                        break;
                }
            }

            return new PayStatement(payee.Person, _year, StatementKind.YearEnd, _plan.Currency, _plan.Rounding, lines.ToArray(), new Money(drawBalance, _plan.Currency));
        }

        private PayLine? Clawbacks(CommissionComponent c, IReadOnlyList<Clawback> clawbacks, int month, decimal[] effectiveRate, ref decimal clawedBasis)
        {
            List<PayTerm>? terms = null;
            foreach (var clawback in clawbacks)
            {
                if (clawback.Month != month)
                {
                    continue;
                }

                for (var k = 0; k <= month; k++)
                {
                    var credited = clawback.PaidBasis[k] * clawback.Share;
                    if (credited == 0m)
                    {
                        continue;
                    }

                    clawedBasis += credited;
                    (terms ??= []).Add(new PayTerm(
                        string.Create(CultureInfo.InvariantCulture, $"deal {clawback.Deal} cancelled: basis paid in {_months[k]} × that month's effective rate"),
                        -credited,
                        effectiveRate[k]));
                }
            }

            return terms is null ? null : new PayLine(c.Name + " clawback", c.Kind, string.Create(CultureInfo.InvariantCulture, $"deals cancelled within {c.ClawbackWindowMonths} months of booking give back their commission"), terms, _plan.Round(Sum(terms)));
        }

        private void AddDraw(List<PayLine> lines, CommissionComponent c, DrawPolicy draw, decimal net, ref decimal drawBalance)
        {
            var monthly = draw.Monthly.Amount;
            var rule = draw.Recoverable ? $"recoverable draw of {draw.Monthly} a month" : $"guaranteed (non-recoverable) draw of {draw.Monthly} a month";
            if (net < monthly)
            {
                var topUp = monthly - net;
                lines.Add(new PayLine(c.Name + " draw", c.Kind, rule, [new PayTerm("draw", monthly, 1m), new PayTerm("commission earned", net, -1m)], _plan.Round(topUp)));
                if (draw.Recoverable)
                {
                    drawBalance += _plan.Round(topUp).Amount;
                }
            }
            else if (drawBalance > 0m)
            {
                var recovered = Math.Min(drawBalance, net - monthly);
                drawBalance -= recovered;
                lines.Add(new PayLine(c.Name + " draw recovery", c.Kind, rule, [new PayTerm("draw recovered from commission above the draw", recovered, -1m)], _plan.Round(-recovered)));
            }
        }

        private PayLine Scaled(ScaledPayComponent component, string grade, string which)
        {
            // Lines of one component and grade are identical (and immutable), so each is built once per run.
            var key = (component, grade);
            if (!_scaledLines.TryGetValue(key, out var line))
            {
                var factor = component.Factors.Factors[grade].Fraction;
                line = new PayLine(component.Name, component.Kind, component.Rule, [new PayTerm(which + " " + grade, factor, component.Target.Amount)], _plan.Round(factor * component.Target.Amount));
                _scaledLines[key] = line;
            }

            return line;
        }

        private PayLine Line(CommissionComponent c, List<PayTerm> terms, string label, decimal basis)
        {
            var array = terms.Count == 0 ? [new PayTerm(label + " " + Text(basis) + " earns nothing", basis, 0m)] : terms.ToArray();
            return new PayLine(c.Name, c.Kind, c.Rule, array, _plan.Round(Sum(terms)));
        }

        private static decimal Sum(List<PayTerm> terms)
        {
            var sum = 0m;
            foreach (var term in terms)
            {
                sum += term.Value;
            }

            return sum;
        }

        private static string Text(decimal value) => DecimalText.Normalize(value).ToString(CultureInfo.InvariantCulture);
    }
}
