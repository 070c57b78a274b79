using System.Text.Json.Serialization;
using Kam.Core.Serialization;

namespace Kam.Core.Accounts.Serialization;

/// <summary>Source-generated JSON metadata for the Accounts rule files, over Kam.Core's strict settings.</summary>
[JsonSerializable(typeof(TargetPlanDto))]
[JsonSerializable(typeof(AllocationPolicyDto))]
[JsonSerializable(typeof(OrganizationDto))]
[JsonSerializable(typeof(KeyAccountPlanDto))]
[JsonSerializable(typeof(PlanCheckPolicyDto))]
[JsonSerializable(typeof(AttainmentPolicyDto))]
internal sealed partial class AccountsJsonContext : JsonSerializerContext
{
    /// <summary>Gets the context built over <see cref="KamJson.CreateOptions"/>.</summary>
    public static AccountsJsonContext Strict { get; } = new(KamJson.CreateOptions());
}
