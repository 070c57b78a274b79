using System.Globalization;
using Kam.Core.Serialization;

namespace Kam.Core.Portfolio.Staffing.Serialization;

/// <summary>Reads and writes the staffing options file through <see cref="KamJson"/>; validation paths become JSON paths (<c>$.loads[1].hoursPerMonth</c>).</summary>
internal static class StaffingJson
{
    public static StaffingOptions Read(string json) => KamJson.Read(json, StaffingJsonContext.Strict.StaffingOptionsDto, FromDto);

    public static string Write(StaffingOptions options) => KamJson.Serialize(
        new StaffingOptionsDto
        {
            Currency = options.Currency?.Code,
            Loads = [.. options.Loads.Select(l => new GradeLoadDto { Grade = l.Grade, HoursPerMonth = l.HoursPerMonth, CostPerManagerMonth = l.CostPerManagerMonth?.Amount })],
            CapacityHoursPerMonth = options.CapacityHoursPerMonth,
            NewAccountFactor = options.NewAccountFactor,
            CostPerManagerMonth = options.CostPerManagerMonth?.Amount,
            Period = options.Period,
        },
        StaffingJsonContext.Strict.StaffingOptionsDto);

    private static StaffingOptions FromDto(StaffingOptionsDto dto)
    {
        var errors = new ValidationCollector();
        var currency = Currency.None;
        if (dto.Currency is { } code && !Currency.TryParse(code, out currency))
        {
            errors.Add("$.currency", KamErrorCodes.Unknown, code, "Not a known ISO 4217 currency code.");
        }
        else if (dto.Currency is null && (dto.CostPerManagerMonth is not null || dto.Loads?.Any(l => l?.CostPerManagerMonth is not null) == true))
        {
            errors.Add("$.currency", KamErrorCodes.Required, null, "A file with costs names their currency.");
        }

        List<GradeLoad>? loads = null;
        if (dto.Loads is not null)
        {
            loads = [];
            for (var i = 0; i < dto.Loads.Count; i++)
            {
                var l = dto.Loads[i];
                var path = string.Create(CultureInfo.InvariantCulture, $"$.loads[{i}]");
                if (l is null)
                {
                    errors.Add(path, KamErrorCodes.Required, null, "A load is required.");
                    continue;
                }

                if (l.HoursPerMonth is null)
                {
                    errors.Add(path + ".hoursPerMonth", KamErrorCodes.Required, null, "A load gives the hours a month of one account of its grade.");
                    continue;
                }

                var load = KamJson.Nested(errors, path, () => new GradeLoad(l.Grade!, l.HoursPerMonth.Value, Cost(l.CostPerManagerMonth, currency)));
                if (load is not null)
                {
                    loads.Add(load);
                }
            }
        }

        errors.ThrowIfAny();
        return KamJson.AtPath("$.", () => new StaffingOptions(
            loads,
            dto.CapacityHoursPerMonth ?? 56m,
            dto.NewAccountFactor ?? 2m,
            Cost(dto.CostPerManagerMonth, currency),
            dto.Period ?? PeriodKind.Quarter));
    }

    private static Money? Cost(decimal? amount, Currency currency) => amount is { } a && currency != Currency.None ? new Money(a, currency) : null;
}
