using System.Globalization;
using System.Text.Json;
using Kam.Cli.Data;
using Kam.Cli.Features.Pipeline;
using Kam.Cli.IO.Csv.Schemas;
using Kam.Core;
using Kam.Core.Accounts;
using Kam.Core.Accounts.Attainment;
using Kam.Core.Accounts.Plans;
using Kam.Core.Accounts.Targets;
using Kam.Core.Stages;
using NodaTime;
using Kam.Cli.Features.Shared;

namespace Kam.Cli.Features.Plan;

/// <summary>What <c>kam plan</c> computed: the hierarchy, the targets, the plans, the attainment report and the plan checks.</summary>
/// <param name="Hierarchy">The accounts and our organization.</param>
/// <param name="Targets">The target plan.</param>
/// <param name="Plans">The key-account plans, in file order.</param>
/// <param name="AsOf">The as-of day.</param>
/// <param name="Attainment">Attainment, forecast and gap per account and unit.</param>
/// <param name="Checks">The plan checks' findings.</param>
/// <param name="Names">Each account's name.</param>
/// <param name="Period">The one period the tables show (<c>--period</c>), or <see langword="null"/> for the fiscal year and the as-of day's quarter.</param>
internal sealed record PlanResult(
    AccountHierarchy Hierarchy,
    TargetPlan Targets,
    IReadOnlyList<KeyAccountPlan> Plans,
    LocalDate AsOf,
    AttainmentReport Attainment,
    PlanCheckReport Checks,
    IReadOnlyDictionary<AccountId, string> Names,
    FiscalPeriod? Period = null)
{
    /// <summary>Gets the periods the tables show: <see cref="Period"/>, or the fiscal year and the quarter of the as-of day.</summary>
    public IReadOnlyList<FiscalPeriod> Periods => Period is { } period ? [period] : [Targets.Year, Targets.Calendar.PeriodOf(AsOf, PeriodKind.Quarter)];
}

/// <summary>Where the inputs of <c>kam plan</c> came from, to name the file and cell or JSON path of an error the library reports.</summary>
/// <param name="Accounts">The account records (their rows).</param>
/// <param name="OrganizationFile">organization.json's display name.</param>
/// <param name="TargetsFile">targets.json's display name.</param>
/// <param name="PlansFile">plans.json's display name.</param>
/// <param name="PlansListPath">The JSON path of plans.json's list of plans (<c>$.plans</c>, or <c>$</c> for an array: paths <c>$.plans[i]</c>, <c>$[i]</c>), or <see langword="null"/> for one plan (<c>$</c>).</param>
/// <param name="Actuals">The actuals of the measures other than bookings (actuals.csv, <c>--actuals</c>, with their rows), or <see langword="null"/> for none.</param>
internal sealed record PlanSources(IReadOnlyList<PlanAccountRecord> Accounts, string OrganizationFile, string TargetsFile, string PlansFile, string? PlansListPath, IReadOnlyList<PlanActualRecord>? Actuals = null);

/// <summary>Builds the hierarchy and runs the plan checks and the attainment engine, naming the file and place of every error.</summary>
internal static class PlanAnalysis
{
    /// <summary>
    /// Parses plans.json: an object <c>{ "$schema": …, "plans": [ … ] }</c> (what <c>kam init --sample</c> writes, so
    /// that an editor validates it with plans.schema.json), a JSON array of key-account plans, or one plan object.
    /// </summary>
    /// <param name="json">The file's text.</param>
    /// <returns>The plans and the JSON path of their list: <c>$.plans</c>, <c>$</c> for an array, <see langword="null"/> for one plan.</returns>
    /// <exception cref="KamValidationException">The text is not JSON, not an array or object, or a plan is invalid (paths <c>$.plans[i].member</c>, <c>$[i].member</c>).</exception>
    public static (IReadOnlyList<KeyAccountPlan> Plans, string? ListPath) ParsePlans(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new KamValidationException("$", KamErrorCodes.InvalidFormat, null, $"Not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("plans", out var list))
            {
                var errors = new List<KamValidationError>();
                foreach (var member in root.EnumerateObject())
                {
                    if (member.NameEquals("$schema") ? member.Value.ValueKind != JsonValueKind.String : !member.NameEquals("plans"))
                    {
                        errors.Add(new KamValidationError("$." + member.Name, KamErrorCodes.Unknown, member.Name, "plans.json holds { \"$schema\": \"…\", \"plans\": [ … ] }: \"$schema\" (a string) and \"plans\" are its only members."));
                    }
                }

                if (list.ValueKind != JsonValueKind.Array)
                {
                    errors.Add(new KamValidationError("$.plans", KamErrorCodes.InvalidFormat, list.ValueKind.ToString(), "\"plans\" is a JSON array of key-account plans."));
                }

                return errors.Count > 0 ? throw new KamValidationException(errors) : (ParseList(list, "$.plans"), "$.plans");
            }

            if (root.ValueKind == JsonValueKind.Object)
            {
                return ([KeyAccountPlan.FromJson(root.GetRawText())], null);
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                throw new KamValidationException("$", KamErrorCodes.InvalidFormat, root.ValueKind.ToString(), "plans.json holds { \"plans\": [ … ] }, a JSON array of key-account plans, or one plan object.");
            }

            return (ParseList(root, "$"), "$");
        }
    }

    /// <summary>Builds the hierarchy, checks the plans and evaluates attainment.</summary>
    /// <param name="organization">Our organization.</param>
    /// <param name="targets">The target plan.</param>
    /// <param name="plans">The plans.</param>
    /// <param name="opportunities">The replayed opportunities.</param>
    /// <param name="asOf">The as-of day.</param>
    /// <param name="checker">The plan checker.</param>
    /// <param name="engine">The attainment engine.</param>
    /// <param name="sources">Where the inputs came from.</param>
    /// <returns>The result.</returns>
    /// <exception cref="KamValidationException">An input is refused; each error names its file and cell or JSON path.</exception>
    public static PlanResult Run(
        Organization organization,
        TargetPlan targets,
        IReadOnlyList<KeyAccountPlan> plans,
        IReadOnlyList<ReplayedOpportunity> opportunities,
        LocalDate asOf,
        IPlanChecker checker,
        AttainmentEngine engine,
        PlanSources sources)
    {
        AccountHierarchy hierarchy;
        try
        {
            hierarchy = new AccountHierarchy(organization, sources.Accounts.Select(a => a.ToAccount()).ToArray());
        }
        catch (KamValidationException ex)
        {
            throw Locate(ex, sources, opportunities);
        }

        try
        {
            var checks = checker.Check(plans, hierarchy, targets, asOf);
            var items = opportunities.Select(ToAttainment).ToArray();
            var actuals = sources.Actuals is { } rows ? rows.Select(a => a.ToActual()).ToArray() : [];
            var attainment = engine.Evaluate(targets, hierarchy, asOf, items, actuals);
            return new PlanResult(hierarchy, targets, plans, asOf, attainment, checks, sources.Accounts.ToDictionary(a => a.Id, a => a.Name));
        }
        catch (KamValidationException ex)
        {
            throw Locate(ex, sources, opportunities);
        }
    }

    /// <summary>Maps a replayed opportunity to the attainment engine's input: account, value, expected close, completed stage, status and close day (UTC).</summary>
    /// <param name="opportunity">The opportunity.</param>
    /// <returns>The engine's item.</returns>
    public static AttainmentOpportunity ToAttainment(ReplayedOpportunity opportunity)
    {
        var state = opportunity.State;
        var closed = state.ClosedAt is { } at && state.Status == OpportunityStatus.Won ? at.InUtc().Date : (LocalDate?)null;
        return new AttainmentOpportunity(state.Account, state.Value, state.ExpectedClose, state.CompletedStage, state.Status, closed);
    }

    // The library names its inputs (accounts[3].parent, plans[0].actions[1].owner, opportunities[12].account,
    // targets[4].account, asOf): point at the row and cell of the CSV file, or at the JSON path of the file.
    private static KamValidationException Locate(KamValidationException ex, PlanSources sources, IReadOnlyList<ReplayedOpportunity> opportunities) =>
        new(ex.Errors.Select(e => LocateActual(e, sources) ?? e with { Path = Locate(e.Path, sources, opportunities) }));

    // actuals[i].account/measure/date/value: the cell of actuals.csv; a money value in the wrong (or no) currency is
    // the currency cell, and a bookings row says where bookings come from.
    private static KamValidationError? LocateActual(KamValidationError error, PlanSources sources)
    {
        if (!LibraryPaths.Indexed(error.Path, "actuals", out var index, out var rest) || sources.Actuals is not { } actuals || index >= actuals.Count)
        {
            return null;
        }

        var column = rest switch
        {
            ".measure" => PlanActualsCsv.Measure.Name,
            ".date" => PlanActualsCsv.Date.Name,
            ".value" when error.Code == KamErrorCodes.CurrencyMismatch => PlanActualsCsv.Currency.Name,
            ".value" => PlanActualsCsv.Value.Name,
            _ => PlanActualsCsv.AccountId.Name,
        };
        var path = actuals[index].Source?.Location(column) ?? string.Create(CultureInfo.InvariantCulture, $"actuals.csv row {index + 1}{rest}");
        var message = rest == ".measure" && error.Code == KamErrorCodes.InvalidState
            ? error.Message + " Give bookings in events.csv; actuals.csv holds the other measures."
            : error.Message;
        return error with { Path = path, Message = message };
    }

    private static string Locate(string path, PlanSources sources, IReadOnlyList<ReplayedOpportunity> opportunities)
    {
        if (LibraryPaths.Indexed(path, "accounts", out var index, out var rest) && index < sources.Accounts.Count)
        {
            var column = rest switch
            {
                ".parent" => AccountHierarchyCsv.ParentId.Name,
                ".owner" => AccountHierarchyCsv.Owner.Name,
                ".unit" => AccountHierarchyCsv.Unit.Name,
                ".territory" => AccountHierarchyCsv.Territory.Name,
                ".level" => AccountHierarchyCsv.Level.Name,
                ".name" => AccountsCsv.Name.Name,
                _ => AccountsCsv.AccountId.Name,
            };
            return sources.Accounts[index].Source?.Location(column) ?? path;
        }

        if (LibraryPaths.Indexed(path, "opportunities", out index, out rest) && index < opportunities.Count)
        {
            var record = opportunities[index].Record;
            var column = rest switch
            {
                ".value" => EventsCsv.Value.Name,
                ".expectedClose" => EventsCsv.ExpectedClose.Name,
                ".closedOn" or ".status" or ".completedStage" => EventsCsv.At.Name,
                _ => EventsCsv.AccountId.Name,
            };
            return record.Events.Count > 0 && record.Events[0].Source is { } source
                ? source.Location(column)
                : string.Create(CultureInfo.InvariantCulture, $"opportunity '{record.Id}'{rest}");
        }

        if (LibraryPaths.Indexed(path, "plans", out index, out rest))
        {
            return sources.PlansListPath is { } list
                ? string.Create(CultureInfo.InvariantCulture, $"{sources.PlansFile}:{list}[{index}]{rest}")
                : $"{sources.PlansFile}:${rest}";
        }

        if (path.StartsWith("targets", StringComparison.Ordinal) || path.StartsWith("measures", StringComparison.Ordinal))
        {
            return $"{sources.TargetsFile}:$.{path}";
        }

        if (path.StartsWith("units", StringComparison.Ordinal) || path.StartsWith("people", StringComparison.Ordinal) || path.StartsWith("territories", StringComparison.Ordinal))
        {
            return $"{sources.OrganizationFile}:$.{path}";
        }

        return path == "asOf" ? "--as-of" : path;
    }

    private static List<KeyAccountPlan> ParseList(JsonElement array, string listPath)
    {
        var plans = new List<KeyAccountPlan>();
        var errors = new List<KamValidationError>();
        var i = 0;
        foreach (var element in array.EnumerateArray())
        {
            try
            {
                plans.Add(KeyAccountPlan.FromJson(element.GetRawText()));
            }
            catch (KamValidationException ex)
            {
                var prefix = string.Create(CultureInfo.InvariantCulture, $"{listPath}[{i}]");
                errors.AddRange(ex.Errors.Select(e => e with { Path = e.Path.StartsWith('$') ? prefix + e.Path[1..] : prefix + "." + e.Path }));
            }

            i++;
        }

        return errors.Count == 0 ? plans : throw new KamValidationException(errors);
    }
}
