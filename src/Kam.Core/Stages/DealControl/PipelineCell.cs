
namespace Kam.Core.Stages.DealControl;

/// <summary>The key of one cell of the pipeline: a salesperson, a period of expected close and a stage (0 = before stage 1).</summary>
internal readonly record struct PipelineKey(PersonId Owner, FiscalPeriod Period, int Stage);

/// <summary>The key of one cell of the pipeline by account: an account, a period of expected close and a stage (0 = before stage 1).</summary>
/// <remarks>A dimension of its own beside the owner cells (<see cref="PipelineKey"/>), so neither multiplies the other's cells.</remarks>
internal readonly record struct AccountKey(AccountId Account, FiscalPeriod Period, int Stage);

/// <summary>The running totals of one account cell and the smallest opportunity identifier in it (to name one when the account is refused).</summary>
internal struct AccountCell : IEquatable<AccountCell>
{
    /// <summary>The figures of the cell (a field, so that adding changes it in place).</summary>
    public PipelineCell Figures;

    /// <summary>The smallest opportunity identifier in the cell.</summary>
    public OpportunityId First;

    /// <inheritdoc />
    public readonly bool Equals(AccountCell other) => Figures == other.Figures && First == other.First;

    /// <inheritdoc />
    public override readonly bool Equals(object? obj) => obj is AccountCell other && Equals(other);

    /// <inheritdoc />
    public override readonly int GetHashCode() => HashCode.Combine(Figures, First);

    /// <summary>Adds another cell: the figures are summed and the smaller first opportunity kept, so adding is associative and commutative.</summary>
    /// <param name="other">The other cell.</param>
    public void Add(in AccountCell other)
    {
        Figures.Add(other.Figures);
        if (First == default || (other.First != default && other.First.CompareTo(First) < 0))
        {
            First = other.First;
        }
    }

    /// <summary>Adds one open opportunity (see <see cref="PipelineCell.Add(decimal, decimal, bool, bool)"/>).</summary>
    public void Add(OpportunityId opportunity, decimal value, decimal probability, bool commit, bool bestCase)
    {
        Figures.Add(value, probability, commit, bestCase);
        if (First == default || opportunity.CompareTo(First) < 0)
        {
            First = opportunity;
        }
    }
}

/// <summary>The running totals of one pipeline cell, as plain decimals in the summary's currency.</summary>
internal record struct PipelineCell(long Count, decimal Value, decimal Weighted, decimal Commit, decimal BestCase)
{
    /// <summary>The overflow path of the pipeline's total value.</summary>
    public const string ValuePath = "pipeline value";

    /// <summary>The overflow path of the pipeline's probability-weighted value.</summary>
    public const string WeightedPath = "pipeline weighted value";

    /// <summary>The overflow path of the commit forecast.</summary>
    public const string CommitPath = "pipeline commit forecast";

    /// <summary>The overflow path of the best-case forecast.</summary>
    public const string BestCasePath = "pipeline best-case forecast";

    public void Add(in PipelineCell other)
    {
        Count += other.Count;
        Value = Overflow.Add(Value, other.Value, ValuePath);
        Weighted = Overflow.Add(Weighted, other.Weighted, WeightedPath);
        Commit = Overflow.Add(Commit, other.Commit, CommitPath);
        BestCase = Overflow.Add(BestCase, other.BestCase, BestCasePath);
    }

    /// <summary>Adds one open opportunity's value to the cell, every sum checked.</summary>
    /// <param name="value">The opportunity's value.</param>
    /// <param name="probability">The win probability of its completed stage.</param>
    /// <param name="commit">Whether it counts towards the commit forecast.</param>
    /// <param name="bestCase">Whether it counts towards the best-case forecast.</param>
    public void Add(decimal value, decimal probability, bool commit, bool bestCase)
    {
        Count++;
        Value = Overflow.Add(Value, value, ValuePath);
        Weighted = Overflow.Add(Weighted, value * probability, WeightedPath);
        if (commit)
        {
            Commit = Overflow.Add(Commit, value, CommitPath);
        }

        if (bestCase)
        {
            BestCase = Overflow.Add(BestCase, value, BestCasePath);
        }
    }

    public readonly PipelineFigures ToFigures(Currency currency) =>
        new(Count, new Money(Value, currency), new Money(Weighted, currency), new Money(Commit, currency), new Money(BestCase, currency));
}
