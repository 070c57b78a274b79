using System.Globalization;
using Kam.Core.Serialization;

namespace Kam.Core.Portfolio.Serialization;

/// <summary>Reads and writes the Portfolio rule files through <see cref="KamJson"/>; validation paths become JSON paths (<c>$.reasons[2].code</c>).</summary>
internal static class PortfolioJson
{
    public static CloseReasonCatalog ReadCloseReasons(string json) => KamJson.Read(json, PortfolioJsonContext.Strict.CloseReasonsDto, FromDto);

    public static string Write(CloseReasonCatalog catalog) => KamJson.Serialize(ToDto(catalog), PortfolioJsonContext.Strict.CloseReasonsDto);

    public static WinLossOptions ReadWinLossOptions(string json) => KamJson.Read(json, PortfolioJsonContext.Strict.WinLossOptionsDto, FromDto);

    public static string Write(WinLossOptions options) => KamJson.Serialize(
        new WinLossOptionsDto
        {
            Reasons = ToDto(options.Reasons),
            SizeBands = [.. options.SizeBands.Select(b => new SizeBandDto { Name = b.Name, From = b.From, To = b.To })],
            Period = options.Period,
            TimeZone = options.TimeZone.Id,
        },
        PortfolioJsonContext.Strict.WinLossOptionsDto);

    private static CloseReasonsDto ToDto(CloseReasonCatalog catalog) => new()
    {
        Reasons = [.. catalog.Reasons.Select(r => new CloseReasonDto { Code = r.Code, Label = r.Label, Outcome = r.Outcome, Cause = r.Cause })],
    };

    private static WinLossOptions FromDto(WinLossOptionsDto dto)
    {
        var errors = new List<KamValidationError>();
        var reasons = KamJson.Section<CloseReasonsDto, CloseReasonCatalog>(errors, "$.reasons", dto.Reasons, FromDto);
        List<SizeBand>? bands = null;
        var collector = new ValidationCollector();
        if (dto.SizeBands is not null)
        {
            bands = [];
            for (var i = 0; i < dto.SizeBands.Count; i++)
            {
                var b = dto.SizeBands[i];
                var path = string.Create(CultureInfo.InvariantCulture, $"$.sizeBands[{i}]");
                if (b is null)
                {
                    collector.Add(path, KamErrorCodes.Required, null, "A band is required.");
                    continue;
                }

                if (b.From is null)
                {
                    collector.Add(path + ".from", KamErrorCodes.Required, null, "A band names the value it starts at.");
                    continue;
                }

                var band = KamJson.Nested(collector, path, () => new SizeBand(b.Name!, b.From.Value, b.To));
                if (band is not null)
                {
                    bands.Add(band);
                }
            }
        }

        NodaTime.DateTimeZone? zone = null;
        if (dto.TimeZone is { } id && (zone = NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(id)) is null)
        {
            collector.Add("$.timeZone", KamErrorCodes.Unknown, id, "Not a time zone of the IANA database (for example \"Asia/Shanghai\" or \"UTC\").");
        }

        errors.AddRange(collector.Errors);
        if (errors.Count > 0)
        {
            throw new KamValidationException(errors);
        }

        return KamJson.AtPath("$.", () => new WinLossOptions(reasons, bands, dto.Period ?? PeriodKind.Quarter, zone));
    }

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
