namespace Kam.Core.Tiering;

/// <summary>The one validation rule of every gate's range: at least one limit, both finite, minimum not above maximum.</summary>
internal static class GateLimits
{
    public static void Validate(ValidationCollector errors, string path, double? minimum, double? maximum)
    {
        if (minimum is null && maximum is null)
        {
            errors.Add(path.Length == 0 ? "minimum" : path, KamErrorCodes.Required, null, "A gate needs a minimum, a maximum or both.");
            return;
        }

        var ok = (minimum is not { } lo || errors.FiniteInRange(Paths.Member(path, "minimum"), lo))
            & (maximum is not { } hi || errors.FiniteInRange(Paths.Member(path, "maximum"), hi));
        if (ok && minimum is { } min && maximum is { } max && min > max)
        {
            errors.Add(Paths.Member(path, "maximum"), KamErrorCodes.OutOfOrder, max, "The gate's maximum must not be below its minimum.");
        }
    }
}
