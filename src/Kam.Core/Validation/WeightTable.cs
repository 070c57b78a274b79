using System.Globalization;

namespace Kam.Core;

/// <summary>Validates the weights a policy gives to the values of an enum (the kinds of a finding, the parts of an index).</summary>
internal static class WeightTable
{
    /// <summary>
    /// Builds the weight of every value of <typeparamref name="TEnum"/> (indexed by its position in the enum): the
    /// default unless <paramref name="weights"/> gives one. A given weight is 0 to 1,000 with at most 4 decimal places;
    /// an undefined key is refused; not every weight may be zero. Problems are reported under <c>weights</c>.
    /// </summary>
    /// <typeparam name="TEnum">The weighted values; numbered 0, 1, 2 … in declaration order.</typeparam>
    /// <param name="errors">Collects the problems.</param>
    /// <param name="weights">The weights given, or <see langword="null"/>.</param>
    /// <param name="defaultWeight">The weight of a value not given.</param>
    /// <param name="notDefined">The message for a key that is not a value of the enum.</param>
    /// <returns>The weights, one per value.</returns>
    public static decimal[] Build<TEnum>(ValidationCollector errors, IReadOnlyDictionary<TEnum, decimal>? weights, Func<TEnum, decimal> defaultWeight, string notDefined)
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        var result = Array.ConvertAll(values, v => defaultWeight(v));
        if (weights is not null)
        {
            foreach (var (key, weight) in weights.OrderBy(p => p.Key))
            {
                if (!Enum.IsDefined(key))
                {
                    errors.Add("weights", KamErrorCodes.Unknown, Convert.ToInt32(key, CultureInfo.InvariantCulture), notDefined);
                }
                else if (decimal.Round(weight, 4) != weight)
                {
                    errors.Add($"weights.{key}", KamErrorCodes.InvalidFormat, weight, "A weight has at most 4 decimal places.");
                }
                else if (errors.InRange($"weights.{key}", weight, 0m, 1000m))
                {
                    result[Array.IndexOf(values, key)] = weight;
                }
            }
        }

        if (Array.TrueForAll(result, w => w == 0m))
        {
            errors.Add("weights", KamErrorCodes.InvalidSum, 0m, "At least one weight must be above zero.");
        }

        return result;
    }
}
