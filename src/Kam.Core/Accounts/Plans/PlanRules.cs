namespace Kam.Core.Accounts.Plans;

/// <summary>The small checks the key-account plan's parts share.</summary>
internal static class PlanRules
{
    /// <summary>Reports a period that is not a fiscal year, quarter or month (a half-year or the default value).</summary>
    /// <param name="errors">Where problems go.</param>
    /// <param name="path">The member's path.</param>
    /// <param name="period">The period.</param>
    public static void TargetPeriod(ValidationCollector errors, string path, FiscalPeriod period)
    {
        if (period.Kind is not (PeriodKind.Year or PeriodKind.Quarter or PeriodKind.Month))
        {
            errors.Add(path, KamErrorCodes.OutOfRange, Enum.IsDefined(period.Kind) ? period : null, "A fiscal year, a quarter or a month is expected.");
        }
    }

    /// <summary>Copies a list of texts, reporting a blank one (<c>notes[2]</c>) and, when asked, a repeated one.</summary>
    /// <param name="errors">Where problems go.</param>
    /// <param name="path">The list's path.</param>
    /// <param name="items">The texts, or <see langword="null"/> for none.</param>
    /// <param name="unique">Whether a text may occur only once (ordinal).</param>
    /// <returns>The copy.</returns>
    public static string[] Texts(ValidationCollector errors, string path, IReadOnlyList<string>? items, bool unique = false)
    {
        var copy = items is null ? [] : items.ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < copy.Length; i++)
        {
            if (!errors.Required($"{path}[{i}]", copy[i]))
            {
                continue;
            }

            if (unique && !seen.Add(copy[i]))
            {
                errors.Add($"{path}[{i}]", KamErrorCodes.Duplicate, copy[i], "This entry occurs more than once.");
            }
        }

        return copy;
    }

    /// <summary>Copies a list of parts, reporting a missing one (<c>actions[2]</c>).</summary>
    /// <typeparam name="T">The part's type.</typeparam>
    /// <param name="errors">Where problems go.</param>
    /// <param name="path">The list's path.</param>
    /// <param name="items">The parts, or <see langword="null"/> for none.</param>
    /// <returns>The copy.</returns>
    public static T[] Parts<T>(ValidationCollector errors, string path, IReadOnlyList<T>? items)
        where T : class
    {
        var copy = items is null ? [] : items.ToArray();
        for (var i = 0; i < copy.Length; i++)
        {
            if (copy[i] is null)
            {
                errors.Add($"{path}[{i}]", KamErrorCodes.Required, null, "An element is required.");
            }
        }

        return copy;
    }

    /// <summary>Reports an amount that is negative, beyond <see cref="Money.MaxAmount"/> or finer than its currency's minor unit.</summary>
    /// <param name="errors">Where problems go.</param>
    /// <param name="path">The member's path.</param>
    /// <param name="amount">The amount.</param>
    /// <returns><see langword="true"/> when the amount passed.</returns>
    public static bool Amount(ValidationCollector errors, string path, Money amount)
    {
        if (amount.Currency == Currency.None)
        {
            errors.Add(path, KamErrorCodes.Required, amount.Amount, "An amount needs a currency.");
            return false;
        }

        if (amount.Amount < 0m || amount.Amount > Money.MaxAmount)
        {
            errors.Add(path, KamErrorCodes.OutOfRange, amount, "An amount must be between 0 and 10^15.");
            return false;
        }

        if (decimal.Round(amount.Amount, amount.Currency.MinorUnits) != amount.Amount)
        {
            errors.Add(path, KamErrorCodes.InvalidFormat, amount, $"An amount of {amount.Currency.Code} has at most {amount.Currency.MinorUnits} decimal places (its minor unit).");
            return false;
        }

        return true;
    }

    /// <summary>Reports an amount in another currency than the plan's.</summary>
    /// <param name="errors">Where problems go.</param>
    /// <param name="path">The member's path.</param>
    /// <param name="amount">The amount.</param>
    /// <param name="currency">The plan's currency.</param>
    public static void SameCurrency(ValidationCollector errors, string path, Money? amount, Currency currency)
    {
        if (amount is { } a && a.Currency != currency && currency != Currency.None)
        {
            errors.Add(path, KamErrorCodes.CurrencyMismatch, a, $"The plan's amounts are in {currency.Code}.");
        }
    }

    /// <summary>Tells whether a period is the plan's year, one of its quarters or months, in the plan's calendar.</summary>
    /// <param name="calendar">The plan's calendar.</param>
    /// <param name="year">The plan's year.</param>
    /// <param name="period">The period.</param>
    /// <returns><see langword="true"/> when the period belongs to the year.</returns>
    public static bool InYear(FiscalCalendar calendar, FiscalPeriod year, FiscalPeriod period) =>
        Enum.IsDefined(period.Kind) && period.FiscalYear == year.FiscalYear && year.Contains(period) && calendar.PeriodOf(period.Start.OnDayOfMonth(1), period.Kind) == period;
}
