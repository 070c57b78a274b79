using System.Globalization;
using Kam.Core.Serialization;

namespace Kam.Core.Portfolio.Serialization;

/// <summary>Reads and writes the Portfolio rule files through <see cref="KamJson"/>; validation paths become JSON paths (<c>$.reasons[2].code</c>).</summary>
internal static class PortfolioJson
{
    public static CloseReasonCatalog ReadCloseReasons(string json) => KamJson.Read(json, PortfolioJsonContext.Strict.CloseReasonsDto, FromDto);

    public static string Write(CloseReasonCatalog catalog) => KamJson.Serialize(
        new CloseReasonsDto
        {
            Reasons = [.. catalog.Reasons.Select(r => new CloseReasonDto { Code = r.Code, Label = r.Label, Outcome = r.Outcome, Cause = r.Cause })],
        },
        PortfolioJsonContext.Strict.CloseReasonsDto);

    private static CloseReasonCatalog FromDto(CloseReasonsDto dto)
    {
        var errors = new ValidationCollector();
        if (dto.Reasons is null)
        {
            errors.Add("$.reasons", KamErrorCodes.Required, null, "A reason list needs its reasons.");
            errors.ThrowIfAny();
        }

        var reasons = new List<CloseReason>();
        for (var i = 0; i < dto.Reasons!.Count; i++)
        {
            var r = dto.Reasons[i];
            var path = string.Create(CultureInfo.InvariantCulture, $"$.reasons[{i}]");
            if (r is null)
            {
                errors.Add(path, KamErrorCodes.Required, null, "A reason is required.");
                continue;
            }

            if (r.Outcome is null)
            {
                errors.Add(path + ".outcome", KamErrorCodes.Required, null, "A reason names the outcome it explains: Won, Lost or Abandoned.");
            }

            var reason = KamJson.Nested(errors, path, () => new CloseReason(r.Code!, r.Label!, r.Outcome ?? Stages.OpportunityStatus.Won, r.Cause));
            if (reason is not null)
            {
                reasons.Add(reason);
            }
        }

        errors.ThrowIfAny();
        return KamJson.AtPath("$.", () => new CloseReasonCatalog(reasons));
    }
}
