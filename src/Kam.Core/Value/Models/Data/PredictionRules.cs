
namespace Kam.Core.Value.Models.Data;

/// <summary>Checks shared by the prediction methods.</summary>
internal static class PredictionRules
{
    public static void CheckDuration(double duration, string path = "duration")
    {
        var errors = new ValidationCollector();
        errors.FiniteInRange(path, duration, 0, double.MaxValue);
        errors.ThrowIfAny();
    }

    public static double Finite(double value, string path, double attempted)
    {
        if (double.IsFinite(value))
        {
            return value;
        }

        throw new KamValidationException(path, KamErrorCodes.OutOfRange, attempted.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "The prediction cannot be computed accurately for this input (the hypergeometric series does not converge this close to its boundary); use a shorter horizon.");
    }

    public static void CheckParameter(ValidationCollector errors, string name, double value) =>
        errors.FiniteInRange("parameters." + name, value, double.Epsilon, double.MaxValue);
}
