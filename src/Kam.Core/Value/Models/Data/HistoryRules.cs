using System.Globalization;

namespace Kam.Core.Value.Models.Data;

/// <summary>The checks every frequency/recency/age history passes before a model sees it.</summary>
internal static class HistoryRules
{
    /// <summary>Checks one (x, tₓ, T) history; errors are reported under <paramref name="prefix"/>.</summary>
    /// <returns>True when the history is valid.</returns>
    public static bool Check(ValidationCollector errors, string prefix, double frequency, double recency, double age)
    {
        var ok = errors.FiniteInRange(prefix + ".frequency", frequency, 0, double.MaxValue);
        if (ok && frequency != Math.Floor(frequency))
        {
            errors.Add(prefix + ".frequency", KamErrorCodes.InvalidFormat, frequency, "The frequency counts repeat transactions: it must be a whole number.");
            ok = false;
        }

        ok &= errors.FiniteInRange(prefix + ".recency", recency, 0, double.MaxValue);
        ok &= errors.FiniteInRange(prefix + ".age", age, 0, double.MaxValue);
        if (!ok)
        {
            return false;
        }

        if (recency > age)
        {
            errors.Add(prefix + ".recency", KamErrorCodes.OutOfOrder, recency,
                string.Create(CultureInfo.InvariantCulture, $"The recency (time of the last repeat transaction, {recency}) cannot exceed the age ({age})."));
            return false;
        }

        if (frequency == 0 && recency != 0)
        {
            errors.Add(prefix + ".recency", KamErrorCodes.OutOfRange, recency, "A customer with no repeat transaction has recency 0.");
            return false;
        }

        return true;
    }

    /// <summary>Checks a row weight (the number of customers a row stands for).</summary>
    public static bool CheckWeight(ValidationCollector errors, string path, double weight) =>
        errors.FiniteInRange(path, weight, double.Epsilon, double.MaxValue);
}
