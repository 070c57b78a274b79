using System.Globalization;
using System.Runtime.CompilerServices;

namespace Kam.Core.Accounts.Targets;

/// <summary>
/// The targets engine (rule book: accounts, targets): splits a unit's target top-down among accounts and months,
/// rolls account targets up the organization bottom-up, and reconciles the two.
/// </summary>
/// <remarks>
/// <para>
/// <b>Top-down.</b> The target (a whole number of the currency's minor unit, fen for CNY) is split among the
/// accounts in proportion to their weights (<see cref="AllocationPolicy.Basis"/>), then each account's part among the
/// months of the period in proportion to the <see cref="AllocationPolicy.Seasonality"/> weights of those months. Both
/// splits use the largest-remainder method in minor units: every part first gets the whole units of its exact share
/// (rounded down); the units left over, fewer than the number of parts, go one each to the parts with the largest
/// remainders. <b>Ties</b> between equal remainders go to the account whose identifier sorts first (ordinal), and to
/// the earlier month. So the parts always add up to the whole exactly, no part is negative, a zero weight gets
/// nothing, every part is within one minor unit of its exact share, and no account's part depends on the order the
/// accounts are given in. All arithmetic is exact integer arithmetic (see docs/accounts.md for a worked example).
/// </para>
/// <para>
/// <b>Bottom-up and the gap.</b> <see cref="Reconcile"/> sums, for each unit and each period of the plan's year, the
/// targets of the accounts the unit and the units below it hold, and sets the unit's own target against that sum.
/// Each account counts its own target only (a group account's target is what is booked at group level; its outlets'
/// targets are theirs). Where a subject has no target for a quarter but has one for each of its months, the quarter
/// is their sum; likewise a year from its four quarters.
/// </para>
/// <para>
/// Bad input is refused with a <see cref="KamValidationException"/> naming the path and value: a negative target or
/// one finer than the minor unit (<c>target</c>), a period that is not a year, quarter or month or lies outside the
/// plan's year (<c>period</c>), a duplicate or unknown account or one outside the unit (<c>accounts[3].account</c>),
/// a negative weight (<c>accounts[3].lastYear</c>), an unknown tier (<c>accounts[3].tier</c>), weights that are all
/// zero (<c>accounts</c>), seasonality that is zero for every month of the period (<c>period</c>), a measure that is not
/// money (<c>measure</c>). Nothing the caller passed is changed. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class TargetAllocator : ITargetAllocator
{
    private static readonly int[] OutputOrder = [0, 1, 5, 6, 7, 2, 8, 9, 10, 3, 11, 12, 13, 4, 14, 15, 16];
    private readonly long[] _seasonality;
    private readonly Lazy<MonthSplitter?>[] _splitters;

    /// <summary>Creates the allocator.</summary>
    /// <param name="policy">The allocation rules.</param>
    public TargetAllocator(AllocationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy;
        _seasonality = new long[12];
        LargestRemainder.TryScale(policy.Seasonality.ToArray(), _seasonality, out _);
        _splitters = new Lazy<MonthSplitter?>[17];
        for (var slot = 0; slot < 17; slot++)
        {
            var (first, count) = slot == 0 ? (0, 12) : slot <= 4 ? ((slot - 1) * 3, 3) : (slot - 5, 1);
            _splitters[slot] = new Lazy<MonthSplitter?>(() => Splitter(first, count));
        }
    }

    /// <inheritdoc />
    public AllocationPolicy Policy { get; }

    /// <summary>Splits a target among accounts and the months of a period (see the remarks on <see cref="TargetAllocator"/>).</summary>
    /// <param name="target">The amount to split: not negative, a whole number of the currency's minor unit.</param>
    /// <param name="period">The period the target is for: a fiscal year, quarter or month.</param>
    /// <param name="accounts">The accounts and what they are weighed by; each account once.</param>
    /// <returns>The allocation.</returns>
    /// <exception cref="KamValidationException">An input is invalid; every problem is reported.</exception>
    public TargetAllocation Allocate(Money target, FiscalPeriod period, IReadOnlyList<AllocationFacts> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var errors = new ValidationCollector();
        var units = ToUnits(errors, "target", target);
        var slot = -1;
        if (period.Kind is not (PeriodKind.Year or PeriodKind.Quarter or PeriodKind.Month))
        {
            errors.Add("period", KamErrorCodes.OutOfRange, Enum.IsDefined(period.Kind) ? period : null, "A target is allocated for a fiscal year, a quarter or a month.");
        }
        else
        {
            slot = Slot(period);
            if (units > 0 && _splitters[slot].Value is null)
            {
                errors.Add("period", KamErrorCodes.InvalidSum, period, "The seasonality weights of every month of this period are zero: nothing to split the target by.");
            }
        }

        var n = accounts.Count;
        var ids = new AccountId[n];
        var scaled = new long[n];
        var accountUnits = new long[n];
        long sum;
        if (errors.HasErrors || !TryReadFacts(accounts, ids, scaled, accountUnits, out sum))
        {
            // Anything unusual (a missing or repeated account, a negative or unknown weight, all zero, weights beyond 64
            // bits): the checking path, which reports every problem, or splits by weights of any size.
            var weights = new decimal[n];
            ReadFacts(errors, accounts, ids, weights);
            errors.ThrowIfAny();
            if (!LargestRemainder.TryScale(weights, scaled, out sum))
            {
                LargestRemainder.SplitExact(units, weights, new ByAccountId(ids), accountUnits);
                return SplitMonths(target, period, slot, ids, accountUnits);
            }
        }

        // The scaled weights are not needed after the split: their array keeps the remainders.
        LargestRemainder.Split(units, scaled, sum, new ByAccountId(ids), accountUnits, remainders: scaled);
        return SplitMonths(target, period, slot, ids, accountUnits);
    }

    /// <summary>The allocation: the accounts' parts, and the splitter that works out their month parts when read.</summary>
    private TargetAllocation SplitMonths(Money target, FiscalPeriod period, int slot, AccountId[] ids, long[] accountUnits) =>
        new(target, period, period.Children(PeriodKind.Month).ToArray(), ids, accountUnits, _splitters[slot].Value);

    /// <summary>
    /// The usual case in one pass over the facts: every account present and listed once, every weight known, not
    /// negative and a decimal whose digits fit 64 bits, not all zero. Reads the identifiers and the weights scaled to
    /// integers with a common number of decimal places (the same integers as <see cref="LargestRemainder.TryScale"/>);
    /// <see langword="false"/> as soon as anything is unusual, and then the caller takes the checking path.
    /// </summary>
    /// <param name="accounts">The facts.</param>
    /// <param name="ids">Receives the identifiers.</param>
    /// <param name="scaled">Receives the scaled weights.</param>
    /// <param name="work">A work array as long as the others (its contents are overwritten).</param>
    /// <param name="sum">The sum of the scaled weights, above zero.</param>
    /// <returns><see langword="true"/> when the facts are usual and the scaled weights and their sum fit 64 bits.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryReadFacts(IReadOnlyList<AllocationFacts> accounts, AccountId[] ids, long[] scaled, long[] work, out long sum)
    {
        sum = 0;
        var n = ids.Length;
        if (n == 0)
        {
            return false;
        }

        var basis = Policy.Basis;
        var tiers = Policy.TierWeights;
        byte[]? scales = null;
        int firstScale = -1, maxScale = 0;
        Span<int> bits = stackalloc int[4];
        for (var i = 0; i < n; i++)
        {
            var facts = accounts[i];
            if (facts is null)
            {
                return false;
            }

            ids[i] = facts.Account;
            decimal weight;
            switch (basis)
            {
                case AllocationBasis.LastYear:
                    weight = facts.LastYear;
                    break;
                case AllocationBasis.Potential:
                    weight = facts.Potential;
                    break;
                case AllocationBasis.Weight:
                    weight = facts.Weight;
                    break;
                case AllocationBasis.Equal:
                    weight = 1m;
                    break;
                default:
                    if (facts.Tier is not { } tier || !tiers.TryGetValue(tier, out weight))
                    {
                        return false;
                    }

                    break;
            }

            // The 96-bit digits (low, middle, high 32 bits), then the flags: sign in bit 31, scale in bits 16-23.
            decimal.GetBits(weight, bits);
            if (bits[2] != 0 || bits[1] < 0)
            {
                return false;
            }

            var digits = ((long)(uint)bits[1] << 32) | (uint)bits[0];
            scaled[i] = digits;
            if (digits == 0)
            {
                continue;
            }

            if (bits[3] < 0)
            {
                return false;
            }

            var scale = (bits[3] >> 16) & 0xFF;
            if (firstScale < 0)
            {
                firstScale = scale;
            }
            else if (scale != firstScale && scales is null)
            {
                scales = new byte[n];
                scales.AsSpan(0, i).Fill((byte)firstScale);
            }

            if (scales is not null)
            {
                scales[i] = (byte)scale;
            }

            maxScale = Math.Max(maxScale, scale);
        }

        if (firstScale < 0 || DuplicateFinder.Any(ids, work, new long[n]))
        {
            return false;
        }

        for (var i = 0; i < n; i++)
        {
            var value = scaled[i];
            if (value == 0)
            {
                continue;
            }

            for (var shift = scales is null ? maxScale - firstScale : maxScale - scales[i]; shift > 0; shift--)
            {
                if (value > long.MaxValue / 10)
                {
                    return false;
                }

                value *= 10;
            }

            if (value > long.MaxValue - sum)
            {
                return false;
            }

            scaled[i] = value;
            sum += value;
        }

        return true;
    }

    /// <summary>
    /// Splits a unit's target from a plan among accounts the unit (or a unit below it) holds, and among the months of
    /// the period.
    /// </summary>
    /// <param name="plan">The plan holding the unit's target.</param>
    /// <param name="hierarchy">The accounts and the organization.</param>
    /// <param name="unit">The unit whose target is split.</param>
    /// <param name="measure">The key of a money measure of the plan.</param>
    /// <param name="accounts">The accounts that share the target and what they are weighed by; each must be held by <paramref name="unit"/> or a unit below it.</param>
    /// <param name="period">The period of the unit's target: the plan's year (the default), a quarter or a month of it.</param>
    /// <returns>The allocation.</returns>
    /// <exception cref="KamValidationException">An input is invalid or the plan has no target for the unit, measure and period; every problem is reported.</exception>
    public TargetAllocation Allocate(TargetPlan plan, AccountHierarchy hierarchy, UnitId unit, string measure, IReadOnlyList<AllocationFacts> accounts, FiscalPeriod? period = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(accounts);
        var errors = new ValidationCollector();
        var when = period ?? plan.Year;
        var money = MoneyMeasure(errors, plan, measure);
        if (!plan.Year.Contains(when) || when.FiscalYear != plan.FiscalYear)
        {
            errors.Add("period", KamErrorCodes.OutOfRange, when, $"The plan covers {plan.Year}; the period must be that year, one of its quarters or one of its months.");
        }

        var unitKnown = hierarchy.Organization.TryIndexOf(unit, out var unitIndex);
        if (!unitKnown)
        {
            errors.Add("unit", KamErrorCodes.Unknown, unit, "No unit of the organization has this identifier.");
        }

        for (var i = 0; i < accounts.Count; i++)
        {
            if (accounts[i] is not { } facts)
            {
                continue;
            }

            if (!hierarchy.TryIndexOf(facts.Account, out var accountIndex))
            {
                errors.Add($"accounts[{i}].account", KamErrorCodes.Unknown, facts.Account, "No account of the hierarchy has this identifier.");
            }
            else if (unitKnown && !hierarchy.IsWithin(accountIndex, unitIndex))
            {
                errors.Add($"accounts[{i}].account", KamErrorCodes.InvalidState, facts.Account, $"The account is held by unit '{hierarchy.UnitOf(facts.Account)}', which is not '{unit}' or a unit below it.");
            }
        }

        Target? target = null;
        if (money && unitKnown && !errors.HasErrors)
        {
            target = plan.Find(TargetSubject.ForUnit(unit), measure, when);
            if (target is null)
            {
                errors.Add("unit", KamErrorCodes.Required, unit, $"The plan has no '{measure}' target for this unit for {when}.");
            }
        }

        errors.ThrowIfAny();
        return Allocate(new Money(target!.Value, target.Currency), when, accounts);
    }

    /// <summary>
    /// Rolls the targets of one money measure up the organization (bottom-up) and sets each unit's own target
    /// (top-down) against the roll-up, for every unit and every period of the plan's year.
    /// </summary>
    /// <param name="plan">The plan.</param>
    /// <param name="hierarchy">The accounts and the organization; every account and unit the plan names must be in it.</param>
    /// <param name="measure">The key of a money measure of the plan.</param>
    /// <returns>The reconciliation.</returns>
    /// <exception cref="KamValidationException">The measure is unknown or not money, or a target names an unknown account or unit (<c>targets[3].account</c>).</exception>
    public TargetReconciliation Reconcile(TargetPlan plan, AccountHierarchy hierarchy, string measure)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(measure);
        var errors = new ValidationCollector();
        MoneyMeasure(errors, plan, measure);
        errors.ThrowIfAny();
        var organization = hierarchy.Organization;
        int accountCount = hierarchy.Accounts.Count, unitCount = organization.Units.Count;
        var accountValue = new decimal[accountCount * 17];
        var accountHas = new bool[accountCount * 17];
        var unitValue = new decimal[unitCount * 17];
        var unitHas = new bool[unitCount * 17];
        for (var i = 0; i < plan.Targets.Count; i++)
        {
            var target = plan.Targets[i];
            if (!string.Equals(target.Measure, measure, StringComparison.Ordinal))
            {
                continue;
            }

            var slot = Slot(target.Period);
            if (target.Subject.Account is { } account)
            {
                if (hierarchy.TryIndexOf(account, out var index))
                {
                    accountValue[(index * 17) + slot] = target.Value;
                    accountHas[(index * 17) + slot] = true;
                }
                else
                {
                    errors.Add($"targets[{i}].account", KamErrorCodes.Unknown, account, "No account of the hierarchy has this identifier.");
                }
            }
            else if (target.Subject.Unit is { } unit)
            {
                if (organization.TryIndexOf(unit, out var index))
                {
                    unitValue[(index * 17) + slot] = target.Value;
                    unitHas[(index * 17) + slot] = true;
                }
                else
                {
                    errors.Add($"targets[{i}].unit", KamErrorCodes.Unknown, unit, "No unit of the organization has this identifier.");
                }
            }
        }

        errors.ThrowIfAny();
        var currency = plan.Measure(measure).Currency;
        return Overflow.Guard($"roll-up of '{measure}'", () =>
        {
            Complete(accountValue, accountHas, accountCount);
            Complete(unitValue, unitHas, unitCount);
            var sum = new decimal[unitCount * 17];
            var count = new int[unitCount * 17];
            for (var a = 0; a < accountCount; a++)
            {
                var u = hierarchy.UnitIndexOf(a);
                for (var s = 0; s < 17; s++)
                {
                    if (accountHas[(a * 17) + s])
                    {
                        sum[(u * 17) + s] += accountValue[(a * 17) + s];
                        count[(u * 17) + s]++;
                    }
                }
            }

            var tree = organization.Tree;
            for (var k = unitCount - 1; k >= 0; k--)
            {
                var u = tree.Preorder[k];
                var p = tree.Parent[u];
                for (var s = 0; p >= 0 && s < 17; s++)
                {
                    sum[(p * 17) + s] += sum[(u * 17) + s];
                    count[(p * 17) + s] += count[(u * 17) + s];
                }
            }

            var periods = Periods(plan.Year);
            var lines = new List<ReconciliationLine>();
            for (var k = 0; k < unitCount; k++)
            {
                var u = tree.Preorder[k];
                foreach (var s in OutputOrder)
                {
                    var at = (u * 17) + s;
                    if (unitHas[at] || count[at] > 0)
                    {
                        lines.Add(new ReconciliationLine(organization.Units[u].Id, periods[s], unitHas[at] ? new Money(unitValue[at], currency) : null, new Money(sum[at], currency), count[at]));
                    }
                }
            }

            return new TargetReconciliation(plan.Measure(measure), lines);
        });
    }

    /// <summary>The position of a period among the year (0), its quarters (1-4) and its months (5-16).</summary>
    private static int Slot(FiscalPeriod period) => period.Kind switch
    {
        PeriodKind.Year => 0,
        PeriodKind.Quarter => period.Index,
        _ => 4 + period.Index,
    };

    private static FiscalPeriod[] Periods(FiscalPeriod year)
    {
        var result = new FiscalPeriod[17];
        result[0] = year;
        var quarters = year.Children(PeriodKind.Quarter);
        var months = year.Children(PeriodKind.Month);
        for (var q = 0; q < 4; q++)
        {
            result[1 + q] = quarters[q];
        }

        for (var m = 0; m < 12; m++)
        {
            result[5 + m] = months[m];
        }

        return result;
    }

    /// <summary>Fills a missing quarter from its three months and a missing year from its four quarters, where all are present.</summary>
    private static void Complete(decimal[] value, bool[] has, int count)
    {
        for (var node = 0; node < count; node++)
        {
            var b = node * 17;
            for (var q = 1; q <= 4; q++)
            {
                var first = b + 5 + ((q - 1) * 3);
                if (!has[b + q] && has[first] && has[first + 1] && has[first + 2])
                {
                    value[b + q] = value[first] + value[first + 1] + value[first + 2];
                    has[b + q] = true;
                }
            }

            if (!has[b] && has[b + 1] && has[b + 2] && has[b + 3] && has[b + 4])
            {
                value[b] = value[b + 1] + value[b + 2] + value[b + 3] + value[b + 4];
                has[b] = true;
            }
        }
    }

    private static bool MoneyMeasure(ValidationCollector errors, TargetPlan plan, string measure)
    {
        var found = plan.Measures.FirstOrDefault(m => string.Equals(m.Key, measure, StringComparison.Ordinal));
        if (found is null)
        {
            errors.Add("measure", KamErrorCodes.Unknown, measure, "The plan has no measure with this key.");
            return false;
        }

        if (found.Kind != TargetMeasureKind.Money)
        {
            errors.Add("measure", KamErrorCodes.InvalidState, measure, $"The measure is a {found.Kind.ToString().ToLowerInvariant()}: only money targets are split and summed.");
            return false;
        }

        return true;
    }

    private static long ToUnits(ValidationCollector errors, string path, Money amount)
    {
        var minor = amount.Currency.MinorUnits;
        if (amount.Currency == Currency.None)
        {
            errors.Add(path, KamErrorCodes.Required, amount, "A target to allocate needs a currency.");
        }
        else if (amount.Amount < 0m)
        {
            errors.Add(path, KamErrorCodes.OutOfRange, amount, "A target to allocate must not be negative.");
        }
        else if (decimal.Round(amount.Amount, minor) != amount.Amount)
        {
            errors.Add(path, KamErrorCodes.InvalidFormat, amount, string.Create(CultureInfo.InvariantCulture, $"An amount of {amount.Currency.Code} has at most {minor} decimal places (its minor unit); the parts could not add up to it exactly."));
        }
        else
        {
            var units = decimal.Truncate(amount.Amount * Scale(minor));
            if (units <= long.MaxValue)
            {
                return (long)units;
            }

            errors.Add(path, KamErrorCodes.Overflow, amount, "The target has more minor units than can be allocated (about 9.2 × 10^18).");
        }

        return 0;
    }

    private static decimal Scale(int minor)
    {
        var result = 1m;
        for (var i = 0; i < minor; i++)
        {
            result *= 10m;
        }

        return result;
    }

    private void ReadFacts(ValidationCollector errors, IReadOnlyList<AllocationFacts> accounts, AccountId[] ids, decimal[] weights)
    {
        var n = accounts.Count;
        if (n == 0)
        {
            errors.Add("accounts", KamErrorCodes.Empty, null, "At least one account is needed to allocate a target to.");
            return;
        }

        var basis = Policy.Basis;
        var member = basis switch
        {
            AllocationBasis.LastYear => "lastYear",
            AllocationBasis.Potential => "potential",
            AllocationBasis.Tier => "tier",
            _ => "weight",
        };
        var present = new bool[n];
        for (var i = 0; i < n; i++)
        {
            if (accounts[i] is { } facts)
            {
                ids[i] = facts.Account;
                present[i] = true;
            }
        }

        var duplicate = DuplicateFinder.Find(ids, present);
        var anyPositive = false;
        for (var i = 0; i < n; i++)
        {
            var facts = accounts[i];
            if (facts is null)
            {
                errors.Add($"accounts[{i}]", KamErrorCodes.Required, null, "The facts of an account are required.");
                continue;
            }

            if (duplicate[i])
            {
                errors.Add($"accounts[{i}].account", KamErrorCodes.Duplicate, facts.Account, "The account is listed more than once.");
            }

            var weight = basis switch
            {
                AllocationBasis.LastYear => facts.LastYear,
                AllocationBasis.Potential => facts.Potential,
                AllocationBasis.Weight => facts.Weight,
                AllocationBasis.Equal => 1m,
                _ => TierWeight(errors, i, facts.Tier),
            };
            if (weight < 0m)
            {
                errors.Add($"accounts[{i}].{member}", KamErrorCodes.OutOfRange, weight, "A weight must not be negative.");
            }

            weights[i] = weight;
            anyPositive |= weight > 0m;
        }

        if (!errors.HasErrors && !anyPositive)
        {
            errors.Add("accounts", KamErrorCodes.InvalidSum, 0m, $"Every account's {member} weight is zero: nothing to split the target by.");
        }
    }

    private decimal TierWeight(ValidationCollector errors, int i, string? tier)
    {
        if (tier is not null && Policy.TierWeights.TryGetValue(tier, out var weight))
        {
            return weight;
        }

        errors.Add($"accounts[{i}].tier", tier is null ? KamErrorCodes.Required : KamErrorCodes.Unknown, tier, "The policy has no weight for this tier.");
        return 0m;
    }

    private MonthSplitter? Splitter(int first, int count)
    {
        var weights = _seasonality.AsSpan(first, count).ToArray();
        var gcd = 0L;
        foreach (var w in weights)
        {
            gcd = Gcd(gcd, w);
        }

        if (gcd == 0)
        {
            return null;
        }

        for (var k = 0; k < weights.Length; k++)
        {
            weights[k] /= gcd;
        }

        return new MonthSplitter(weights);
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
