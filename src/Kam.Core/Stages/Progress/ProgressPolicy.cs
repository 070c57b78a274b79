using System.Globalization;
using Kam.Core.Stages.Serialization;
using Kam.Core.Stages.Opportunities;

namespace Kam.Core.Stages.Progress;

/// <summary>
/// The thresholds of the progress comparison (rule book: progress against the customer's procurement): how far the sales stage may trail or
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
/// Defaults: tolerances 0 and abandon from 确定首选供应商 (stage 6), the lowest defensible reading of the rule book.
/// Valid from the moment it exists (the constructor checks every value), immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class ProgressPolicy
{
    /// <summary>Creates a policy; every argument is optional and defaults to the documented value.</summary>
    /// <param name="behindTolerance">How many stages the customer may be ahead while still "in step"; 0..7. Default 0.</param>
    /// <param name="aheadTolerance">How many stages the entered sales stage may be ahead while still "in step"; 0..7. Default 0.</param>
    /// <param name="abandonFrom">The procurement stage from which a lagging project is an abandon candidate. Default: choose preferred supplier (6).</param>
    /// <exception cref="KamValidationException">A value is out of range (paths <c>behindTolerance</c>, <c>aheadTolerance</c>, <c>abandonFrom</c>).</exception>
    public ProgressPolicy(int behindTolerance = 0, int aheadTolerance = 0, ProcurementStage abandonFrom = ProcurementStage.ChoosePreferredSupplier)
    {
        var errors = new ValidationCollector();
        errors.InRange("behindTolerance", behindTolerance, 0, 7);
        errors.InRange("aheadTolerance", aheadTolerance, 0, 7);
        if (!abandonFrom.IsDefined())
        {
            errors.Add("abandonFrom", KamErrorCodes.OutOfRange, ((int)abandonFrom).ToString(CultureInfo.InvariantCulture), "Not a defined procurement stage.");
        }

        errors.ThrowIfAny();
        BehindTolerance = behindTolerance;
        AheadTolerance = aheadTolerance;
        AbandonFrom = abandonFrom;
    }

    /// <summary>Gets the default policy.</summary>
    public static ProgressPolicy Default { get; } = new();

    /// <summary>Gets how many stages the customer may be ahead of the entered sales stage while still "in step". Default 0.</summary>
    public int BehindTolerance { get; }

    /// <summary>Gets how many stages the entered sales stage may be ahead of the customer while still "in step". Default 0.</summary>
    public int AheadTolerance { get; }

    /// <summary>Gets the procurement stage from which a lagging project is an abandon candidate. Default: choose preferred supplier (6).</summary>
    public ProcurementStage AbandonFrom { get; }

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
    /// <exception cref="KamValidationException">The text is not a valid policy; errors carry JSON paths (<c>$.behindTolerance</c>).</exception>
    public static ProgressPolicy FromJson(string json) => StagesPoliciesJson.ReadProgressPolicy(json);

    /// <summary>Writes the policy as JSON; <see cref="FromJson"/> reads it back to an equal policy.</summary>
    /// <returns>Indented JSON text.</returns>
    public string ToJson() => StagesPoliciesJson.Write(this);
}
