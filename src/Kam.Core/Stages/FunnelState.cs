using System.Text.Json.Serialization;

namespace Kam.Core.Stages;

/// <summary>
/// The sales-funnel state of a stage (销售漏斗; rule book: stages, the eight stages): search for stages 1-2, in the funnel for 3-5, best
/// for 6-8.
/// </summary>
/// <remarks>An opportunity that has not yet entered stage 1 is reported in <see cref="Search"/>.</remarks>
[JsonConverter(typeof(JsonStringEnumConverter<FunnelState>))]
public enum FunnelState
{
    /// <summary>客户搜索: the customer has found a problem or has a budget (stages 1-2).</summary>
    Search = 1,

    /// <summary>进入漏斗: the project is approved, with a procurement plan or criteria, solutions being screened (stages 3-5).</summary>
    InFunnel = 2,

    /// <summary>最佳状态: we are the preferred supplier, negotiating or signed (stages 6-8).</summary>
    Best = 3,
}
