using System.Text.Json.Serialization;

namespace Kam.Core.Tiering.Program;

/// <summary>The organisational form of a key-account program, by company size (rule book: key-account program).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProgramForm>))]
public enum ProgramForm
{
    /// <summary>A small cross-functional team (重点客户管理小组), for small companies.</summary>
    CrossFunctionalTeam,

    /// <summary>A key-account department of 3-4 people (重点客户管理部), for mid-sized companies.</summary>
    Department,

    /// <summary>A key-account service center (重点客户服务中心), for large domestic enterprises.</summary>
    ServiceCenter,

    /// <summary>A key-account committee with management, service and evaluation centres (重点客户管理委员会), for groups.</summary>
    Committee,
}
