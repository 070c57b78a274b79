using System.Globalization;
using Kam.Core.Relationships.Activities;
using Kam.Core.Relationships.Health;
using Kam.Core.Serialization;

namespace Kam.Core.Relationships.Serialization;

/// <summary>Reads and writes the contact-standard and health rule files through <see cref="KamJson"/>; validation paths become JSON paths (<c>$.standards[2].visits</c>).</summary>
internal static class ActivitiesJson
{
    public static ContactStandards ReadStandards(string json) => KamJson.Read(json, RelationshipsJsonContext.Strict.ContactStandardsDto, FromDto);

    public static HealthPolicy ReadHealthPolicy(string json) => KamJson.Read(json, RelationshipsJsonContext.Strict.HealthPolicyDto, FromDto);

    public static string Write(ContactStandards standards) => KamJson.Serialize(
        new ContactStandardsDto
        {
            Standards = [.. standards.Standards.Select(s => new ContactStandardDto { Grade = s.Grade, Visits = s.Visits, VisitPeriod = s.VisitPeriod, Calls = s.Calls, CallPeriod = s.CallPeriod })],
            HoursPerVisit = standards.HoursPerVisit,
            HoursPerCall = standards.HoursPerCall,
            CapacityHoursPerMonth = standards.CapacityHoursPerMonth,
        },
        RelationshipsJsonContext.Strict.ContactStandardsDto);

    public static string Write(HealthPolicy policy) => KamJson.Serialize(
        new HealthPolicyDto
        {
            CheckItems = [.. policy.CheckItems.Select(i => new CheckItemDto { Id = i.Id, Level = i.Level, Text = i.Text, Weight = i.Weight })],
            CheckScale = policy.CheckScale,
            SatisfactionScale = policy.SatisfactionScale,
            Weights = Enum.GetValues<HealthPart>().ToDictionary(p => p.ToString(), p => policy.Weights[p], StringComparer.Ordinal),
            CompensatedCredit = policy.CompensatedCredit,
            PromiseWindowDays = policy.PromiseWindowDays,
            NoContactDays = policy.NoContactDays,
            FallingBy = policy.FallingBy,
            TrendPeriods = policy.TrendPeriods,
            LeftWithinDays = policy.LeftWithinDays,
        },
        RelationshipsJsonContext.Strict.HealthPolicyDto);

    private static ContactStandards FromDto(ContactStandardsDto dto)
    {
        var errors = new List<KamValidationError>();
        List<ContactStandard>? standards = null;
        if (dto.Standards is not null)
        {
            standards = [];
            for (var i = 0; i < dto.Standards.Count; i++)
            {
                var s = dto.Standards[i];
                var path = string.Create(CultureInfo.InvariantCulture, $"$.standards[{i}]");
                if (s is null)
                {
                    errors.Add(new KamValidationError(path, KamErrorCodes.Required, null, "A standard is required."));
                    continue;
                }

                Build(errors, path + ".", () => standards.Add(new ContactStandard(s.Grade!, s.Visits, s.VisitPeriod ?? PeriodKind.Quarter, s.Calls, s.CallPeriod ?? PeriodKind.Month)));
            }
        }

        ContactStandards? result = null;
        if (errors.Count == 0)
        {
            Build(errors, "$.", () => result = new ContactStandards(standards, dto.HoursPerVisit ?? 4m, dto.HoursPerCall ?? 0.5m, dto.CapacityHoursPerMonth ?? 56m));
        }

        return errors.Count > 0 ? throw new KamValidationException(errors) : result!;
    }

    private static HealthPolicy FromDto(HealthPolicyDto dto)
    {
        var errors = new List<KamValidationError>();
        List<PartnershipCheckItem>? items = null;
        if (dto.CheckItems is not null)
        {
            items = [];
            for (var i = 0; i < dto.CheckItems.Count; i++)
            {
                var item = dto.CheckItems[i];
                var path = string.Create(CultureInfo.InvariantCulture, $"$.checkItems[{i}]");
                if (item is null || item.Level is null)
                {
                    errors.Add(new KamValidationError(item is null ? path : path + ".level", KamErrorCodes.Required, null, item is null ? "An item is required." : "An item's level is required."));
                    continue;
                }

                Build(errors, path + ".", () => items.Add(new PartnershipCheckItem(item.Id!, item.Level.Value, item.Text!, item.Weight ?? 1m)));
            }
        }

        Dictionary<HealthPart, decimal>? weights = null;
        if (dto.Weights is not null)
        {
            weights = [];
            foreach (var (name, weight) in dto.Weights)
            {
                if (Enum.TryParse<HealthPart>(name, ignoreCase: false, out var part) && Enum.IsDefined(part) && part.ToString() == name)
                {
                    weights[part] = weight;
                }
                else
                {
                    errors.Add(new KamValidationError($"$.weights.{name}", KamErrorCodes.Unknown, name, "Not a part of the health index; the parts are " + string.Join(", ", Enum.GetNames<HealthPart>()) + "."));
                }
            }
        }

        HealthPolicy? result = null;
        if (errors.Count == 0)
        {
            Build(errors, "$.", () => result = new HealthPolicy(
                items,
                dto.CheckScale ?? 5,
                dto.SatisfactionScale ?? 10,
                weights,
                dto.CompensatedCredit ?? 0.5m,
                dto.PromiseWindowDays ?? 365,
                dto.NoContactDays ?? 60,
                dto.FallingBy ?? 0.1m,
                dto.TrendPeriods ?? 3,
                dto.LeftWithinDays ?? 90));
        }

        return errors.Count > 0 ? throw new KamValidationException(errors) : result!;
    }

    private static void Build(List<KamValidationError> errors, string prefix, Action build)
    {
        try
        {
            build();
        }
        catch (KamValidationException ex)
        {
            errors.AddRange(ex.Errors.Select(e => e with { Path = prefix + e.Path }));
        }
    }
}
