using System.Globalization;
using System.Text.Json;
using Kam.Core;
using Kam.Core.Stages;
using Kam.Core.Stages.Playbooks;

namespace Kam.Cli.Features.Import;

/// <summary>The CRM a stage history comes from (the first argument of <c>kam import</c>).</summary>
internal enum CrmKind
{
    /// <summary>Salesforce: an OpportunityHistory export (and an Opportunity export for the accounts).</summary>
    Salesforce,

    /// <summary>Dynamics 365: an export of the opportunities' business-process-flow stage history.</summary>
    Dynamics,
}

/// <summary>An outcome a CRM stage or status stands for.</summary>
internal enum CrmOutcome
{
    /// <summary>Won (events.csv <c>won</c>).</summary>
    Won,

    /// <summary>Lost (events.csv <c>lost</c>).</summary>
    Lost,

    /// <summary>Given up (events.csv <c>abandoned</c>).</summary>
    Abandoned,
}

/// <summary>What one CRM stage name means under the eight-stage model: a position (stage entered, maybe completed, with the playbook items that implies) or an outcome.</summary>
internal sealed class CrmStage
{
    /// <summary>Creates a stage entry.</summary>
    public CrmStage(string name, int? stage, bool completed, IReadOnlyList<string> items, CrmOutcome? outcome, string? reason)
    {
        Name = name;
        Stage = stage;
        Completed = completed;
        Items = items;
        Outcome = outcome;
        Reason = reason;
    }

    /// <summary>Gets the CRM's stage name.</summary>
    public string Name { get; }

    /// <summary>Gets the sales stage 1..8 entered at this CRM stage, 0 for "opened, before stage 1", or <see langword="null"/> for an outcome.</summary>
    public int? Stage { get; }

    /// <summary>Gets whether the CRM stage also means the stage's success criteria are met (the stage is completed).</summary>
    public bool Completed { get; }

    /// <summary>Gets the playbook item keys reaching this CRM stage completes (milestones first), in playbook order.</summary>
    public IReadOnlyList<string> Items { get; }

    /// <summary>Gets the outcome this CRM stage stands for, or <see langword="null"/>.</summary>
    public CrmOutcome? Outcome { get; }

    /// <summary>Gets the reason written with a lost or abandoned outcome (default: the stage name).</summary>
    public string? Reason { get; }
}

/// <summary>
/// The mapping file of <c>kam import</c>: the CRM's stage names onto the eight sales stages (and the playbook items a
/// stage change implies), the outcomes, what to do with an unknown stage or a backward move, the owners and the currency.
/// </summary>
/// <remarks>
/// Read with <see cref="JsonDocument"/> (no reflection: trimming- and AOT-safe); every problem is reported at once with
/// its JSON path (<c>$.stages[2].stage</c>). The file's format is docs/cli.md's and <c>crm-mapping.schema.json</c>'s.
/// </remarks>
internal sealed class CrmMapping
{
    /// <summary>The file name of the mapping's JSON Schema, written beside the mapping files.</summary>
    public const string SchemaFileName = "crm-mapping.schema.json";

    private static readonly string[] Members = ["$schema", "crm", "currency", "unknownStages", "regressions", "stages", "statusReasons", "owners"];
    private static readonly string[] StageMembers = ["name", "stage", "completed", "milestones", "successCriteria", "outcome", "reason"];

    private readonly Dictionary<string, CrmStage> _stages;
    private readonly Dictionary<string, CrmOutcome> _statusReasons;
    private readonly Dictionary<string, PersonId> _owners;

    private CrmMapping(CrmKind? crm, Currency? currency, bool skipUnknown, bool refuseRegressions, Dictionary<string, CrmStage> stages, Dictionary<string, CrmOutcome> statusReasons, Dictionary<string, PersonId> owners)
    {
        Crm = crm;
        Currency = currency;
        SkipUnknownStages = skipUnknown;
        RefuseRegressions = refuseRegressions;
        _stages = stages;
        _statusReasons = statusReasons;
        _owners = owners;
    }

    /// <summary>Gets the CRM the file is for, or <see langword="null"/> when it does not say.</summary>
    public CrmKind? Crm { get; }

    /// <summary>Gets the currency of rows that carry none, or <see langword="null"/>.</summary>
    public Currency? Currency { get; }

    /// <summary>Gets whether a row with a stage name the mapping does not list is skipped and reported (<c>"unknownStages": "skip"</c>) instead of refused.</summary>
    public bool SkipUnknownStages { get; }

    /// <summary>Gets whether a move back to an earlier stage is refused (<c>"regressions": "refuse"</c>) instead of reported.</summary>
    public bool RefuseRegressions { get; }

    /// <summary>Gets the stage entries, by CRM stage name.</summary>
    public IReadOnlyDictionary<string, CrmStage> Stages => _stages;

    /// <summary>Finds a CRM stage (names compare case-insensitively, trimmed).</summary>
    /// <param name="name">The stage name.</param>
    /// <returns>The entry, or <see langword="null"/>.</returns>
    public CrmStage? Stage(string name) => _stages.GetValueOrDefault(name.Trim());

    /// <summary>Gets the outcome of a Dynamics status reason of a closed opportunity (<c>statuscode</c>), or <see langword="null"/> when the file does not list it.</summary>
    /// <param name="statusReason">The status reason.</param>
    /// <returns>The outcome, or <see langword="null"/>.</returns>
    public CrmOutcome? StatusReason(string statusReason) => _statusReasons.TryGetValue(statusReason.Trim(), out var o) ? o : null;

    /// <summary>Gets the person a CRM user id stands for: the <c>owners</c> entry, or the id itself.</summary>
    /// <param name="crmUser">The CRM user id.</param>
    /// <param name="person">The person.</param>
    /// <returns><see langword="true"/> when the id maps to a valid person id.</returns>
    public bool TryOwner(string crmUser, out PersonId person)
    {
        if (_owners.TryGetValue(crmUser.Trim(), out person))
        {
            return true;
        }

        var ok = IdentifierRules.Check(crmUser, nameof(PersonId)) is null;
        person = ok ? PersonId.Parse(crmUser) : default;
        return ok;
    }

    /// <summary>Reads a mapping file's text against a playbook.</summary>
    /// <param name="json">The JSON text (comments and trailing commas allowed).</param>
    /// <param name="playbook">The playbook whose items the stages imply.</param>
    /// <returns>The mapping.</returns>
    /// <exception cref="KamValidationException">The file is not valid; every problem with its JSON path.</exception>
    public static CrmMapping Parse(string json, Playbook playbook)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new KamValidationException("$", KamErrorCodes.JsonInvalid, null, $"not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var errors = new List<KamValidationError>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new KamValidationException("$", KamErrorCodes.JsonInvalid, null, "a mapping file is a JSON object with a \"stages\" list.");
            }

            Unknown(root, "$", Members, errors);
            var crm = Word(root, "crm", "$", ["salesforce", "dynamics"], errors) switch
            {
                "salesforce" => CrmKind.Salesforce,
                "dynamics" => (CrmKind?)CrmKind.Dynamics,
                _ => null,
            };
            Currency? currency = null;
            if (root.TryGetProperty("currency", out var c))
            {
                if (c.ValueKind == JsonValueKind.String && Kam.Core.Currency.TryParse(c.GetString()!, out var parsed))
                {
                    currency = parsed;
                }
                else
                {
                    errors.Add(new("$.currency", KamErrorCodes.InvalidFormat, c.ToString(), "not a known ISO 4217 currency code (e.g. CNY, USD, EUR)."));
                }
            }

            var skipUnknown = Word(root, "unknownStages", "$", ["refuse", "skip"], errors) == "skip";
            var refuseRegressions = Word(root, "regressions", "$", ["report", "refuse"], errors) == "refuse";
            var stages = ReadStages(root, playbook, errors);
            var statusReasons = StatusReasons(root, errors);
            var owners = Owners(root, errors);
            return errors.Count == 0
                ? new CrmMapping(crm, currency, skipUnknown, refuseRegressions, stages, statusReasons, owners)
                : throw new KamValidationException(errors);
        }
    }

    private static Dictionary<string, CrmStage> ReadStages(JsonElement root, Playbook playbook, List<KamValidationError> errors)
    {
        var result = new Dictionary<string, CrmStage>(StringComparer.OrdinalIgnoreCase);
        if (!root.TryGetProperty("stages", out var list))
        {
            errors.Add(new("$.stages", KamErrorCodes.JsonMissingMember, null, "the CRM's stage names and what each means are required."));
            return result;
        }

        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            errors.Add(new("$.stages", KamErrorCodes.Empty, null, "a list of at least one stage entry is required."));
            return result;
        }

        var i = 0;
        foreach (var entry in list.EnumerateArray())
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.stages[{i++}]");
            if (entry.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(path, KamErrorCodes.JsonInvalid, entry.ToString(), "each stage entry is an object with a \"name\" and a \"stage\" or an \"outcome\"."));
                continue;
            }

            Unknown(entry, path, StageMembers, errors);
            var name = entry.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()!.Trim() : null;
            if (string.IsNullOrEmpty(name))
            {
                errors.Add(new(path + ".name", KamErrorCodes.Required, null, "the CRM's stage name is required."));
            }

            var hasStage = entry.TryGetProperty("stage", out var s);
            var hasOutcome = entry.TryGetProperty("outcome", out _);
            if (hasStage == hasOutcome)
            {
                errors.Add(new(path, hasStage ? KamErrorCodes.InvalidState : KamErrorCodes.Required, name,
                    hasStage ? "a stage entry has a \"stage\" or an \"outcome\", not both." : "give the sales stage 0..8 (\"stage\") or the outcome won, lost or abandoned (\"outcome\")."));
                continue;
            }

            var outcomeWord = Word(entry, "outcome", path, ["won", "lost", "abandoned"], errors);
            if (hasOutcome && outcomeWord is null)
            {
                continue;
            }

            int? stage = null;
            if (hasStage)
            {
                if (s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var k) && k is >= 0 and <= 8)
                {
                    stage = k;
                }
                else
                {
                    errors.Add(new(path + ".stage", KamErrorCodes.OutOfRange, s.ToString(), "the eight-stage model has stages 1..8 (0 = opened, before stage 1); there is no such stage."));
                    continue;
                }
            }

            var completed = false;
            if (entry.TryGetProperty("completed", out var done))
            {
                if (done.ValueKind is JsonValueKind.True or JsonValueKind.False && stage is > 0)
                {
                    completed = done.GetBoolean();
                }
                else
                {
                    errors.Add(new(path + ".completed", KamErrorCodes.InvalidState, done.ToString(), "\"completed\" is true or false, for an entry with a stage 1..8."));
                }
            }

            string? reason = null;
            if (entry.TryGetProperty("reason", out var r))
            {
                reason = r.ValueKind == JsonValueKind.String && r.GetString()!.Trim().Length > 0 && outcomeWord is "lost" or "abandoned" ? r.GetString()!.Trim() : null;
                if (reason is null)
                {
                    errors.Add(new(path + ".reason", KamErrorCodes.InvalidState, r.ToString(), "a reason is text, for a lost or abandoned outcome."));
                }
            }

            var items = stage is { } st ? Items(entry, path, playbook, st, completed, errors) : [];
            var outcome = outcomeWord switch { "won" => CrmOutcome.Won, "lost" => CrmOutcome.Lost, "abandoned" => (CrmOutcome?)CrmOutcome.Abandoned, _ => null };
            if (name is { Length: > 0 } && !result.TryAdd(name, new CrmStage(name, stage, completed, items, outcome, outcome is CrmOutcome.Lost or CrmOutcome.Abandoned ? reason ?? name : null)))
            {
                errors.Add(new(path + ".name", KamErrorCodes.Duplicate, name, "this stage name is listed more than once (names compare without regard to case)."));
            }
        }

        return result;
    }

    // The items reaching stage k completes: by default the required milestones of k and the required success criteria
    // of every stage before k (and of k itself when the entry says "completed"); "milestones" / "successCriteria"
    // replace the default list of their kind.
    private static string[] Items(JsonElement entry, string path, Playbook playbook, int stage, bool completed, List<KamValidationError> errors)
    {
        var milestones = Keys(entry, "milestones", path, playbook, StageItemKind.Milestone, errors)
            ?? (stage == 0 ? [] : [.. playbook.ItemsOf((SalesStage)stage, StageItemKind.Milestone).Where(i => i.Required).Select(i => i.Key)]);
        var success = Keys(entry, "successCriteria", path, playbook, StageItemKind.SuccessCriterion, errors)
            ?? [.. StageExtensions.AllSalesStages.Where(s => s.Number() < stage || (completed && s.Number() == stage))
                .SelectMany(s => playbook.ItemsOf(s, StageItemKind.SuccessCriterion).Where(i => i.Required).Select(i => i.Key))];
        return [.. milestones, .. success];
    }

    private static string[]? Keys(JsonElement entry, string member, string path, Playbook playbook, StageItemKind kind, List<KamValidationError> errors)
    {
        if (!entry.TryGetProperty(member, out var list))
        {
            return null;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new($"{path}.{member}", KamErrorCodes.JsonInvalid, list.ToString(), "a list of playbook item keys is expected."));
            return [];
        }

        var keys = new List<string>();
        var j = 0;
        foreach (var key in list.EnumerateArray())
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{path}.{member}[{j++}]");
            var text = key.ValueKind == JsonValueKind.String ? key.GetString()! : null;
            if (text is null || playbook.IndexOf(text) < 0)
            {
                errors.Add(new(at, KamErrorCodes.Unknown, key.ToString(), "the playbook has no item with this key (see playbook.json)."));
            }
            else if (playbook[text].Kind != kind)
            {
                errors.Add(new(at, KamErrorCodes.InvalidState, text, kind == StageItemKind.Milestone ? "this item is a success criterion, not a milestone." : "this item is a milestone, not a success criterion."));
            }
            else
            {
                keys.Add(text);
            }
        }

        return [.. keys];
    }

    private static Dictionary<string, CrmOutcome> StatusReasons(JsonElement root, List<KamValidationError> errors)
    {
        var result = new Dictionary<string, CrmOutcome>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value, path) in Entries(root, "statusReasons", errors))
        {
            var outcome = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            switch (outcome)
            {
                case "won": result[name] = CrmOutcome.Won; break;
                case "lost": result[name] = CrmOutcome.Lost; break;
                case "abandoned": result[name] = CrmOutcome.Abandoned; break;
                default: errors.Add(new(path, KamErrorCodes.InvalidFormat, value.ToString(), "must be one of won, lost, abandoned.")); break;
            }
        }

        return result;
    }

    private static Dictionary<string, PersonId> Owners(JsonElement root, List<KamValidationError> errors)
    {
        var result = new Dictionary<string, PersonId>(StringComparer.Ordinal);
        foreach (var (name, value, path) in Entries(root, "owners", errors))
        {
            var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            if (IdentifierRules.Check(text, nameof(PersonId)) is { } error)
            {
                errors.Add(new(path, error.Code, value.ToString(), error.Message));
            }
            else
            {
                result[name] = PersonId.Parse(text!);
            }
        }

        return result;
    }

    private static IEnumerable<(string Name, JsonElement Value, string Path)> Entries(JsonElement root, string member, List<KamValidationError> errors)
    {
        if (!root.TryGetProperty(member, out var map))
        {
            yield break;
        }

        if (map.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("$." + member, KamErrorCodes.JsonInvalid, map.ToString(), "an object of names is expected."));
            yield break;
        }

        foreach (var property in map.EnumerateObject())
        {
            yield return (property.Name.Trim(), property.Value, $"$.{member}['{property.Name}']");
        }
    }

    private static string? Word(JsonElement parent, string member, string path, string[] allowed, List<KamValidationError> errors)
    {
        if (!parent.TryGetProperty(member, out var value))
        {
            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (text is not null && allowed.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }

        errors.Add(new($"{path}.{member}", KamErrorCodes.InvalidFormat, value.ToString(), "must be one of " + string.Join(", ", allowed) + "."));
        return null;
    }

    private static void Unknown(JsonElement element, string path, string[] known, List<KamValidationError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.Add(new($"{path}.{property.Name}", KamErrorCodes.JsonUnknownMember, property.Name, "the mapping file has no such member (known: " + string.Join(", ", known.Where(k => k != "$schema")) + ")."));
            }
            else if (!seen.Add(property.Name))
            {
                errors.Add(new($"{path}.{property.Name}", KamErrorCodes.Duplicate, property.Name, "this member is given twice."));
            }
        }
    }
}
