using System.Globalization;

namespace Kam.Core.Compensation;

/// <summary>
/// A commission schedule: a flat rate or tiered rates (marginal or retroactive, by volume or by quota attainment),
/// with optional accelerators above quota, a decelerator below a threshold, and a cap.
/// </summary>
/// <remarks>
/// <para>The constructor validates every part; <see cref="Flat"/> and <see cref="Tiered"/> are the short forms of a
/// schedule without accelerators, decelerator or cap. Validated when built:
/// bands start at 0, touch without gap or overlap, end open; rates lie in 0-100% (a
/// <see cref="Percentage"/>); multipliers are at least 1; the cap is not negative.</para>
/// <para>Volume bounds and the cap are stated per year; a period of <c>n</c> months uses <c>n/12</c> of them.
/// Attainment bounds are fractions of the period's quota. A negative basis earns nothing (it is treated as 0).</para>
/// <para>The rule book's base + commission plan pays 1%-10% by sales size or by target attainment
/// (docs/rules/performance-and-pay.md). Immutable and thread-safe.</para>
/// </remarks>
public sealed class CommissionSchedule
{
    private readonly CommissionBand[] _bands;
    private readonly string[] _bandLabels;
    private readonly string[] _acceleratorLabels;
    private readonly string _deceleratorLabel;
    private readonly string _capLabel;

    /// <summary>Creates a schedule.</summary>
    /// <param name="method">Marginal or retroactive.</param>
    /// <param name="measure">Volume or attainment bounds.</param>
    /// <param name="bands">The bands, from 0 upwards; copied.</param>
    /// <param name="accelerators">The accelerators, by strictly increasing threshold, or <see langword="null"/> for none; copied.</param>
    /// <param name="decelerator">The decelerator, or <see langword="null"/>.</param>
    /// <param name="annualCap">The cap on the commission per year in the plan's currency units (a month's cap is 1/12 of it), or <see langword="null"/>.</param>
    /// <exception cref="KamValidationException">The bands are empty, do not start at 0, overlap, leave a gap, or the last is not open; a method or measure is undefined; a multiplier is below 1 or the accelerator thresholds are not strictly increasing; or the cap is negative. Every problem is reported.</exception>
    public CommissionSchedule(BandMethod method, BandMeasure measure, IEnumerable<CommissionBand> bands, IEnumerable<Accelerator>? accelerators = null, Decelerator? decelerator = null, decimal? annualCap = null)
    {
        ArgumentNullException.ThrowIfNull(bands);
        var copy = bands.ToArray();
        var acceleratorCopy = accelerators?.ToArray() ?? [];
        var errors = new ValidationCollector();
        ValidateBands(errors, "bands", copy);
        if (!Enum.IsDefined(method))
        {
            errors.Add(nameof(method), KamErrorCodes.OutOfRange, method, "Not a defined tier method.");
        }

        if (!Enum.IsDefined(measure))
        {
            errors.Add(nameof(measure), KamErrorCodes.OutOfRange, measure, "Not a defined tier measure.");
        }

        ValidateAccelerators(errors, acceleratorCopy);
        if (annualCap < 0m)
        {
            errors.Add(nameof(annualCap), KamErrorCodes.OutOfRange, annualCap.Value, "A cap must not be negative.");
        }

        errors.ThrowIfAny();
        Method = method;
        Measure = measure;
        Bands = copy;
        _bands = copy;
        Accelerators = acceleratorCopy;
        Decelerator = decelerator;
        AnnualCap = annualCap;
        _bandLabels = copy.Select(b => (measure == BandMeasure.Attainment ? "attainment band " : "band ") + b + (measure == BandMeasure.Volume && copy.Length > 1 ? " (a year; × months/12)" : string.Empty) + (method == BandMethod.Retroactive ? " (applies to all)" : string.Empty)).ToArray();
        _acceleratorLabels = acceleratorCopy.Select(a => string.Create(CultureInfo.InvariantCulture, $"accelerator above {a.Above} of quota: commission on that slice × extra")).ToArray();
        _deceleratorLabel = decelerator is { } d ? string.Create(CultureInfo.InvariantCulture, $"decelerator below {d.Below} of quota: pays {d.Factor}") : string.Empty;
        _capLabel = annualCap is { } cap ? string.Create(CultureInfo.InvariantCulture, $"cap {DecimalText.Normalize(cap)} a year, pro rata") : string.Empty;
        Description = Describe();
    }

    /// <summary>Gets how the rates apply.</summary>
    public BandMethod Method { get; }

    /// <summary>Gets what the band bounds measure.</summary>
    public BandMeasure Measure { get; }

    /// <summary>Gets the bands, from 0 upwards.</summary>
    public IReadOnlyList<CommissionBand> Bands { get; }

    /// <summary>Gets the accelerators, by increasing threshold.</summary>
    public IReadOnlyList<Accelerator> Accelerators { get; }

    /// <summary>Gets the decelerator, if any.</summary>
    public Decelerator? Decelerator { get; }

    /// <summary>Gets the cap on the commission per year, in the plan's currency units, if any.</summary>
    public decimal? AnnualCap { get; }

    /// <summary>Gets a value indicating whether the schedule needs the period's quota (attainment bands, accelerators or a decelerator).</summary>
    public bool NeedsQuota => Measure == BandMeasure.Attainment || Accelerators.Count > 0 || Decelerator is not null;

    /// <summary>Gets a text describing the schedule, shown on pay lines.</summary>
    public string Description { get; }

    /// <summary>Creates a flat-rate schedule.</summary>
    /// <param name="rate">The rate applied to the whole basis.</param>
    /// <returns>The schedule.</returns>
    public static CommissionSchedule Flat(Percentage rate) =>
        new(BandMethod.Marginal, BandMeasure.Volume, [new CommissionBand(0m, null, rate)]);

    /// <summary>Creates a tiered schedule.</summary>
    /// <param name="method">Marginal or retroactive.</param>
    /// <param name="measure">Volume or attainment bounds.</param>
    /// <param name="bands">The bands, from 0 upwards; copied.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="KamValidationException">The bands are empty, do not start at 0, overlap, leave a gap, or the last is not open.</exception>
    public static CommissionSchedule Tiered(BandMethod method, BandMeasure measure, IEnumerable<CommissionBand> bands) =>
        new(method, measure, bands);

    /// <summary>Returns a copy with accelerators above quota.</summary>
    /// <param name="accelerators">The accelerators, by strictly increasing threshold; copied.</param>
    /// <returns>The new schedule.</returns>
    /// <exception cref="KamValidationException">A multiplier is below 1 or the thresholds are not strictly increasing.</exception>
    internal CommissionSchedule WithAccelerators(IEnumerable<Accelerator> accelerators)
    {
        ArgumentNullException.ThrowIfNull(accelerators);
        return new CommissionSchedule(Method, Measure, _bands, accelerators, Decelerator, AnnualCap);
    }

    /// <summary>Returns a copy with a decelerator below an attainment threshold.</summary>
    /// <param name="decelerator">The decelerator, or <see langword="null"/> to remove it.</param>
    /// <returns>The new schedule.</returns>
    internal CommissionSchedule WithDecelerator(Decelerator? decelerator) =>
        new(Method, Measure, _bands, Accelerators, decelerator, AnnualCap);

    /// <summary>Returns a copy with a cap on the commission per year (a month's cap is 1/12 of it).</summary>
    /// <param name="annualCap">The cap in the plan's currency units, or <see langword="null"/> to remove it.</param>
    /// <returns>The new schedule.</returns>
    /// <exception cref="KamValidationException">The cap is negative.</exception>
    internal CommissionSchedule WithAnnualCap(decimal? annualCap) =>
        new(Method, Measure, _bands, Accelerators, Decelerator, annualCap);

    /// <summary>Computes the commission on a basis, unrounded.</summary>
    /// <param name="basis">The credited basis of the period.</param>
    /// <param name="quota">The period's quota (needed when <see cref="NeedsQuota"/>).</param>
    /// <param name="months">The period's length in months (1 to 12); volume bounds and the cap scale by months/12.</param>
    /// <returns>The commission, not rounded.</returns>
    /// <exception cref="KamValidationException">The quota is needed but not positive, or months is outside 1-12, or the commission exceeds the range of <see cref="decimal"/> (code <see cref="KamErrorCodes.Overflow"/>).</exception>
    public decimal Calculate(decimal basis, decimal quota, int months) => Overflow.Guard("commission", () => Calculate(basis, quota, months, null));

    /// <summary>Computes the commission and appends the terms that explain it.</summary>
    /// <param name="basis">The credited basis.</param>
    /// <param name="quota">The period's quota.</param>
    /// <param name="months">The period's length in months.</param>
    /// <param name="terms">Receives the terms, or <see langword="null"/>.</param>
    /// <returns>The commission, not rounded: exactly the sum of the terms appended.</returns>
    internal decimal Calculate(decimal basis, decimal quota, int months, List<PayTerm>? terms)
    {
        if (months is < 1 or > 12)
        {
            throw new KamValidationException(nameof(months), KamErrorCodes.OutOfRange, months.ToString(CultureInfo.InvariantCulture), "A period lasts 1 to 12 months.");
        }

        if (NeedsQuota && quota <= 0m)
        {
            throw new KamValidationException(nameof(quota), KamErrorCodes.Required, quota.ToString(CultureInfo.InvariantCulture), "This schedule uses quota attainment; the quota must be positive.");
        }

        var b = Math.Max(basis, 0m);
        var scale = new BandScale(Measure == BandMeasure.Volume, months, quota);
        var total = 0m;
        if (Method == BandMethod.Marginal)
        {
            for (var i = 0; i < _bands.Length; i++)
            {
                var band = _bands[i];
                var lo = scale.Of(band.From);
                if (b <= lo)
                {
                    break;
                }

                var portion = band.To is { } to ? Math.Min(b, scale.Of(to)) - lo : b - lo;
                total += Add(terms, _bandLabels[i], portion, band.Rate.Fraction);
            }
        }
        else
        {
            var reached = ReachedBand(b, scale);
            total += Add(terms, _bandLabels[reached], b, _bands[reached].Rate.Fraction);
        }

        for (var i = 0; i < Accelerators.Count; i++)
        {
            var accelerator = Accelerators[i];
            var lo = accelerator.Above.Fraction * quota;
            if (b <= lo)
            {
                break;
            }

            var hi = i + 1 < Accelerators.Count ? Math.Min(b, Accelerators[i + 1].Above.Fraction * quota) : b;
            var earned = Method == BandMethod.Marginal
                ? MarginalUpTo(hi, scale) - MarginalUpTo(lo, scale)
                : (hi - lo) * _bands[ReachedBand(b, scale)].Rate.Fraction;
            total += Add(terms, _acceleratorLabels[i], earned, accelerator.Multiplier - 1m);
        }

        if (Decelerator is { } decelerator && b < decelerator.Below.Fraction * quota)
        {
            total += Add(terms, _deceleratorLabel, total, decelerator.Factor.Fraction - 1m);
        }

        if (AnnualCap is { } cap && total > cap * months / 12m)
        {
            var limit = cap * months / 12m;
            Add(terms, _capLabel, total - limit, -1m);
            total = limit;
        }

        return total;
    }

    private static decimal Add(List<PayTerm>? terms, string label, decimal quantity, decimal factor)
    {
        terms?.Add(new PayTerm(label, quantity, factor));
        return quantity * factor;
    }

    private static void ValidateAccelerators(ValidationCollector errors, Accelerator[] accelerators)
    {
        for (var i = 0; i < accelerators.Length; i++)
        {
            if (!errors.Required($"accelerators[{i}]", accelerators[i]))
            {
                continue;
            }

            if (accelerators[i].Multiplier < 1m)
            {
                errors.Add($"accelerators[{i}].multiplier", KamErrorCodes.OutOfRange, accelerators[i].Multiplier, "An accelerator's multiplier is at least 1.");
            }

            if (i > 0 && accelerators[i - 1] is { } previous && accelerators[i].Above <= previous.Above)
            {
                errors.Add($"accelerators[{i}].above", KamErrorCodes.OutOfOrder, accelerators[i].Above, "Accelerator thresholds must be strictly increasing.");
            }
        }
    }

    private static void ValidateBands(ValidationCollector errors, string path, CommissionBand[] bands)
    {
        if (bands.Length == 0)
        {
            errors.Add(path, KamErrorCodes.Empty, null, "A schedule needs at least one band.");
            return;
        }

        for (var i = 0; i < bands.Length; i++)
        {
            var band = bands[i];
            var at = $"{path}[{i}]";
            if (!errors.Required(at, band))
            {
                continue;
            }

            if (i == 0 && band.From != 0m)
            {
                errors.Add($"{at}.from", KamErrorCodes.OutOfRange, band.From, "The first band starts at 0.");
            }

            if (band.To is { } to && to <= band.From)
            {
                errors.Add($"{at}.to", KamErrorCodes.OutOfOrder, to, "A band ends above where it starts.");
            }

            if (i == bands.Length - 1 && band.To is not null)
            {
                errors.Add($"{at}.to", KamErrorCodes.InvalidState, band.To, "The last band is open (no upper bound) so every basis has a rate.");
            }

            if (i > 0 && bands[i - 1] is { } previous)
            {
                if (previous.To is null)
                {
                    errors.Add($"{path}[{i - 1}].to", KamErrorCodes.InvalidState, null, "Only the last band may be open.");
                }
                else if (band.From > previous.To)
                {
                    errors.Add($"{at}.from", KamErrorCodes.OutOfOrder, band.From, $"Gap: the previous band ends at {previous.To}.");
                }
                else if (band.From < previous.To)
                {
                    errors.Add($"{at}.from", KamErrorCodes.OutOfOrder, band.From, $"Overlap: the previous band ends at {previous.To}.");
                }
            }
        }
    }

    private int ReachedBand(decimal basis, BandScale scale)
    {
        var reached = 0;
        for (var i = 1; i < _bands.Length; i++)
        {
            if (basis >= scale.Of(_bands[i].From))
            {
                reached = i;
            }
        }

        return reached;
    }

    private decimal MarginalUpTo(decimal basis, BandScale scale)
    {
        var total = 0m;
        foreach (var band in _bands)
        {
            var lo = scale.Of(band.From);
            if (basis <= lo)
            {
                break;
            }

            total += ((band.To is { } to ? Math.Min(basis, scale.Of(to)) : basis) - lo) * band.Rate.Fraction;
        }

        return total;
    }

    private string Describe()
    {
        var text = Bands.Count == 1
            ? $"flat {Bands[0].Rate}"
            : $"{Method.ToString().ToLowerInvariant()} tiers by {Measure.ToString().ToLowerInvariant()}: {string.Join("; ", Bands)}";
        if (Accelerators.Count > 0)
        {
            text += "; accelerators " + string.Join(", ", Accelerators.Select(a => string.Create(CultureInfo.InvariantCulture, $"×{DecimalText.Normalize(a.Multiplier)} above {a.Above}")));
        }

        if (Decelerator is { } d)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"; ×{d.Factor} below {d.Below}");
        }

        if (AnnualCap is { } cap)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"; cap {DecimalText.Normalize(cap)} a year");
        }

        return text;
    }

    /// <summary>Turns band bounds into amounts: annual volume × months ÷ 12 (divided last, so whole bounds stay exact), or attainment × quota.</summary>
    /// <param name="IsVolume">Whether the bounds are annual volumes.</param>
    /// <param name="Months">The period's months.</param>
    /// <param name="Quota">The period's quota.</param>
    private readonly record struct BandScale(bool IsVolume, int Months, decimal Quota)
    {
        public decimal Of(decimal bound) => IsVolume ? (Months == 12 ? bound : bound * Months / 12m) : bound * Quota;
    }
}
