using Kam.Core.Stages.Events;
using Kam.Core.Stages.Playbooks;

namespace Kam.Core.Stages.Opportunities;

/// <summary>
/// The stage changes in an opportunity's history, in order: every advance, every regression (an undo that moved the
/// project back) and every skip, each with the event that caused it.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class OpportunityHistory
{
    private OpportunityHistory(StageChange[] changes) => Changes = changes;

    /// <summary>Gets every change of the entered or completed stage, oldest first.</summary>
    public IReadOnlyList<StageChange> Changes { get; }

    /// <summary>Gets the changes that moved the project back.</summary>
    public IReadOnlyList<StageChange> Regressions => Changes.Where(c => c.IsRegression).ToArray();

    /// <summary>Gets the changes that left a stage skipped.</summary>
    public IReadOnlyList<StageChange> Skips => Changes.Where(c => c.NewlySkipped.Count > 0).ToArray();

    internal static OpportunityHistory Of(Playbook playbook, IReadOnlyList<OpportunityEvent> events)
    {
        var changes = new List<StageChange>();
        var state = OpportunityState.Initial(playbook);
        foreach (var @event in events)
        {
            var next = state.Apply(@event);
            var newlySkipped = next.SkippedStages.Except(state.SkippedStages).ToArray();
            if (next.Stage != state.Stage || next.CompletedStage != state.CompletedStage || newlySkipped.Length > 0)
            {
                changes.Add(new StageChange(@event.At, @event.By, @event, state.Stage, next.Stage, state.CompletedStage, next.CompletedStage, newlySkipped));
            }

            state = next;
        }

        return new OpportunityHistory([.. changes]);
    }
}
