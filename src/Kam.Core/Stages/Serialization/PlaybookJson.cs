using System.Globalization;
using System.Text.Json.Serialization;
using Kam.Core.Serialization;
using Kam.Core.Stages.Playbooks;

namespace Kam.Core.Stages.Serialization;

/// <summary>The playbook rule file (format in docs/stages.md): reading with JSON paths in every error, and writing.</summary>
internal static class PlaybookJson
{
    public static Playbook Read(string json) => KamJson.Read(json, PlaybookJsonContext.Shared.PlaybookDto, FromDto);

    public static string Write(Playbook playbook) => KamJson.Serialize(ToDto(playbook), PlaybookJsonContext.Shared.PlaybookDto);

    /// <summary>Builds a playbook from its JSON form; errors have paths rooted at <c>$</c>.</summary>
    public static Playbook Build(PlaybookDto dto) => FromDto(dto);

    public static PlaybookDto ToDto(Playbook playbook)
    {
        var stages = StageExtensions.AllSalesStages.Select(stage => new StageDto
        {
            Stage = stage,
            Probability = playbook.Probabilities[stage],
            Milestones = playbook.ItemsOf(stage, StageItemKind.Milestone).Select(ToDto).ToArray(),
            SuccessCriteria = playbook.ItemsOf(stage, StageItemKind.SuccessCriterion).Select(ToDto).ToArray(),
        }).ToArray();
        return new PlaybookDto { Stages = stages };

        static ItemDto ToDto(PlaybookItem item) =>
            new() { Key = item.Key, ChineseName = item.ChineseName, EnglishName = item.EnglishName, Required = item.Required };
    }

    private static Playbook FromDto(PlaybookDto dto)
    {
        var errors = new ValidationCollector();
        var stages = dto.Stages ?? [];
        if (stages.Count != StageExtensions.StageCount)
        {
            errors.Add("$.stages", KamErrorCodes.OutOfRange, stages.Count, "A playbook lists exactly eight stages, stage 1 first.");
            errors.ThrowIfAny();
        }

        var items = new List<PlaybookItem>();
        var paths = new List<string>();
        for (var s = 0; s < stages.Count; s++)
        {
            var stageDto = stages[s];
            var stage = (SalesStage)(s + 1);
            var stagePath = At("$.stages[{0}]", s);
            if (stageDto.Stage != stage)
            {
                errors.Add(stagePath + ".stage", KamErrorCodes.OutOfOrder, stageDto.Stage, string.Create(CultureInfo.InvariantCulture, $"Stages are listed in order; expected {stage} here."));
            }

            Collect(stageDto.Milestones, StageItemKind.Milestone, stagePath + ".milestones");
            Collect(stageDto.SuccessCriteria, StageItemKind.SuccessCriterion, stagePath + ".successCriteria");

            void Collect(IReadOnlyList<ItemDto>? list, StageItemKind kind, string listPath)
            {
                for (var i = 0; i < (list?.Count ?? 0); i++)
                {
                    var item = list![i];
                    var path = At(listPath + "[{0}]", i);
                    try
                    {
                        items.Add(new PlaybookItem(item.Key, stage, kind, item.ChineseName, item.EnglishName, item.Required ?? true));
                        paths.Add(path);
                    }
                    catch (KamValidationException ex)
                    {
                        errors.AddRange(ex.Errors.Select(e => e with { Path = path + "." + e.Path }));
                    }
                }
            }
        }

        var table = WinProbabilityTable.Validate(stages.Select(s => s.Probability).ToArray(), i => At("$.stages[{0}].probability", i), "$.stages", errors);
        errors.ThrowIfAny();
        return Playbook.Create(items, table!, i => paths[i], st => At("$.stages[{0}]", (int)st - 1));

        static string At(string format, int index) => string.Format(CultureInfo.InvariantCulture, format, index);
    }
}

internal sealed record PlaybookDto
{
    public required IReadOnlyList<StageDto> Stages { get; init; }
}

internal sealed record StageDto
{
    public required SalesStage Stage { get; init; }

    public required Percentage Probability { get; init; }

    public required IReadOnlyList<ItemDto> Milestones { get; init; }

    public required IReadOnlyList<ItemDto> SuccessCriteria { get; init; }
}

internal sealed record ItemDto
{
    public required string Key { get; init; }

    public required string ChineseName { get; init; }

    public required string EnglishName { get; init; }

    // Nullable: the source-generated reader assigns every init-only member, so an initializer would not survive an absent "required".
    public bool? Required { get; init; }
}

/// <summary>The source-generated JSON metadata of the playbook rule file (trimming- and AOT-safe).</summary>
[JsonSerializable(typeof(PlaybookDto))]
internal sealed partial class PlaybookJsonContext : JsonSerializerContext
{
    /// <summary>Gets the context built over <see cref="KamJson.CreateOptions"/>.</summary>
    public static PlaybookJsonContext Shared { get; } = new(KamJson.CreateOptions());
}
