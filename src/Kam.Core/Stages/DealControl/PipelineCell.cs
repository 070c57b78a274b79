namespace Kam.Core.Stages;

/// <summary>The key of one cell of the pipeline: a salesperson, a period of expected close and a stage (0 = before stage 1).</summary>
internal readonly record struct PipelineKey(PersonId Owner, FiscalPeriod Period, int Stage);

/// <summary>The running totals of one pipeline cell, as plain decimals in the summary's currency.</summary>
internal record struct PipelineCell(long Count, decimal Value, decimal Weighted, decimal Commit, decimal BestCase)
{
    public void Add(in PipelineCell other)
    {
        Count += other.Count;
        Value += other.Value;
        Weighted += other.Weighted;
        Commit += other.Commit;
        BestCase += other.BestCase;
    }

    public readonly PipelineFigures ToFigures(Currency currency) =>
        new(Count, new Money(Value, currency), new Money(Weighted, currency), new Money(Commit, currency), new Money(BestCase, currency));
}
