namespace Kam.Core.Portfolio.Review;

/// <summary>How fired rules add up to an account's score and value at stake.</summary>
internal static class Scores
{
    /// <summary>The sum of the rules' weights.</summary>
    public static double Sum(IEnumerable<RuleFinding> findings) => findings.Sum(f => f.Rule.Weight);

    /// <summary>The largest value at stake among the findings (values at stake of one account overlap, so they are not added), 0 when none.</summary>
    public static double Stake(IEnumerable<RuleFinding> findings)
    {
        var max = 0d;
        foreach (var f in findings)
        {
            if (f.ValueAtStake is { } v && v > max)
            {
                max = v;
            }
        }

        return max;
    }
}
