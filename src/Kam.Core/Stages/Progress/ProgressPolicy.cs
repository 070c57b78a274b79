using System.Globalization;

namespace Kam.Core.Stages;

/// <summary>
/// The thresholds of the progress comparison (000…txt:2614-2616, SPEC.md §1): how far the sales stage may trail or
/// lead the procurement stage and still be "in step", and from which procurement stage a lagging project becomes an
/// abandon candidate.
/// </summary>
/// <remarks>
/// <para>
/// The rule, in order: no observation → <see cref="ProgressAlignment.NotObserved"/>; the customer at
/// <see cref="AbandonFrom"/> or later while our completed stage is below the stage just before the customer's (we
/// have not earned entry to its current step, for example not through first screening while it picks its preferred
/// supplier) → <see cref="ProgressAlignment.AbandonCandidate"/>; customer more than <see cref="BehindTolerance"/>
/// stages ahead → <see cref="ProgressAlignment.Behind"/>; we more than <see cref="AheadTolerance"/> stages ahead →
/// <see cref="ProgressAlignment.Ahead"/>; otherwise <see cref="ProgressAlignment.InStep"/>.
/// </para>
/// <para>
/// Defaults: tolerances 0 and abandon from 确定首选供应商 (stage 6), the lowest defensible reading of the seed. Immutable
/// and thread-safe; equality is structural.
/// </para>
/// </remarks>
public sealed record ProgressPolicy
{
    /// <summary>Gets the default policy.</summary>
    public static ProgressPolicy Default { get; } = new();

    /// <summary>Gets how many stages the customer may be ahead of the entered sales stage while still "in step". Default 0.</summary>
    public int BehindTolerance { get; init; }

    /// <summary>Gets how many stages the entered sales stage may be ahead of the customer while still "in step". Default 0.</summary>
    public int AheadTolerance { get; init; }

    /// <summary>Gets the procurement stage from which a lagging project is an abandon candidate. Default: choose preferred supplier (6).</summary>
    public ProcurementStage AbandonFrom { get; init; } = ProcurementStage.ChoosePreferredSupplier;

    /// <summary>Compares an opportunity's progress with its customer's.</summary>
    /// <param name="state">The opportunity.</param>
    /// <returns>The comparison.</returns>
    public ProgressComparison Compare(in OpportunityState state)
    {
        var data = state.Data;
        int procurement = data.Procurement, sales = data.Stage;
        if (procurement == 0)
        {
            return new ProgressComparison(ProgressAlignment.NotObserved, state.Stage, null, 0);
        }

        var gap = procurement - sales;
        var alignment =
            procurement >= (int)AbandonFrom && data.Completed < procurement - 1 ? ProgressAlignment.AbandonCandidate
            : gap > BehindTolerance ? ProgressAlignment.Behind
            : -gap > AheadTolerance ? ProgressAlignment.Ahead
            : ProgressAlignment.InStep;
        return new ProgressComparison(alignment, state.Stage, (ProcurementStage)procurement, gap);
    }

    /// <summary>Reads the policy from JSON (camelCase members, each optional with its default) and validates it.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="KamValidationException">The text is not a valid policy; errors carry JSON paths.</exception>
    public static ProgressPolicy FromJson(string json) =>
        StagesPoliciesJson.Read(json, StagesPoliciesJsonContext.Shared.ProgressPolicyDto, StagesPoliciesJson.ToPolicy, static (policy, path) => policy.Validate(path));

    /// <summary>Writes the policy as JSON; <see cref="FromJson"/> reads it back to an equal policy.</summary>
    /// <returns>Indented JSON text.</returns>
    public string ToJson() => Kam.Core.Serialization.KamJson.Serialize(StagesPoliciesJson.ToDto(this), StagesPoliciesJsonContext.Shared.ProgressPolicyDto);

    /// <summary>Checks the policy.</summary>
    /// <param name="path">The path of the policy, for example <c>options.Stages.Progress</c>.</param>
    /// <returns>The problems found; empty when valid.</returns>
    public IReadOnlyList<KamValidationError> Validate(string path)
    {
        var errors = new ValidationCollector();
        errors.InRange(path + "." + nameof(BehindTolerance), BehindTolerance, 0, 7);
        errors.InRange(path + "." + nameof(AheadTolerance), AheadTolerance, 0, 7);
        if (!AbandonFrom.IsDefined())
        {
            errors.Add(path + "." + nameof(AbandonFrom), KamErrorCodes.OutOfRange, ((int)AbandonFrom).ToString(CultureInfo.InvariantCulture), "Not a defined procurement stage.");
        }

        return errors.Errors;
    }
}
