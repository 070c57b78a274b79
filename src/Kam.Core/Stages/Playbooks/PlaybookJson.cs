using System.Globalization;
using System.Text.Json.Serialization;
using Kam.Core.Serialization;

namespace Kam.Core.Stages;

public sealed partial class Playbook
{
    /// <summary>Reads a playbook from its JSON rule file (format in docs/stages.md) and validates it.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The playbook.</returns>
    /// <exception cref="KamValidationException">
    /// The text is not a valid playbook; every error carries its JSON path, such as <c>$.stages[2].probability</c> or
    /// <c>$.stages[0].milestones[1].key</c>.
    /// </exception>
    public static Playbook FromJson(string json) => KamJson.Read(json, PlaybookJsonContext.Shared.PlaybookDto, FromDto);

    /// <summary>Writes the playbook as its JSON rule file; <see cref="FromJson"/> reads it back to an equal playbook.</summary>
    /// <returns>Indented JSON text.</returns>
    public string ToJson()
    {
        var stages = StageExtensions.AllSalesStages.Select(stage => new StageDto
        {
            Stage = stage,
            Probability = Probabilities[stage],
            Milestones = ItemsOf(stage, StageItemKind.Milestone).Select(ToDto).ToArray(),
            SuccessCriteria = ItemsOf(stage, StageItemKind.SuccessCriterion).Select(ToDto).ToArray(),
        }).ToArray();
        return KamJson.Serialize(new PlaybookDto { Stages = stages }, PlaybookJsonContext.Shared.PlaybookDto);

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
                    items.Add(new PlaybookItem(item.Key, stage, kind, item.ChineseName, item.EnglishName, item.Required));
                    paths.Add(At(listPath + "[{0}]", i));
                }
            }
        }

        var table = WinProbabilityTable.Validate(stages.Select(s => s.Probability).ToArray(), i => At("$.stages[{0}].probability", i), "$.stages", errors);
        errors.ThrowIfAny();
        return Create(items, table!, i => paths[i], st => At("$.stages[{0}]", (int)st - 1), errors);

        static string At(string format, int index) => string.Format(CultureInfo.InvariantCulture, format, index);
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

        public bool Required { get; init; } = true;
    }
}

/// <summary>The source-generated JSON metadata of the playbook rule file (trimming- and AOT-safe).</summary>
[JsonSerializable(typeof(Playbook.PlaybookDto))]
internal sealed partial class PlaybookJsonContext : JsonSerializerContext
{
    /// <summary>Gets the context built over <see cref="KamJson.CreateOptions"/>.</summary>
    public static PlaybookJsonContext Shared { get; } = new(KamJson.CreateOptions());
}
