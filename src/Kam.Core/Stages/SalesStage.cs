using System.Text.Json.Serialization;

namespace Kam.Core.Stages;

/// <summary>
/// One of the eight stages of the supplier's project-sales process (项目型销售推进流程; rule book: stages, the eight stages), numbered 1 to 8.
/// </summary>
/// <remarks>
/// <para>
/// Sales stage <c>k</c> corresponds one-to-one to <see cref="ProcurementStage"/> <c>k</c> (rule book: stages, the eight stages); see
/// <see cref="StageExtensions"/> for the mapping, the Chinese and English names and the funnel state.
/// </para>
/// <para>
/// The default value (0) is not a stage: "before stage 1" is written <c>SalesStage?</c> = <see langword="null"/>
/// throughout the library, and every API that takes a stage refuses an undefined value.
/// </para>
/// </remarks>
[JsonConverter(typeof(JsonStringEnumConverter<SalesStage>))]
public enum SalesStage
{
    /// <summary>Stage 1, 客户规划与电话邀约: account planning and phone invitation.</summary>
    AccountPlanning = 1,

    /// <summary>Stage 2, 客户拜访与初步调研: customer visit and initial research.</summary>
    CustomerVisit = 2,

    /// <summary>Stage 3, 提交初步方案: submit a preliminary proposal.</summary>
    PreliminaryProposal = 3,

    /// <summary>Stage 4, 方案演示与技术交流: solution demonstration and technical exchange.</summary>
    SolutionDemonstration = 4,

    /// <summary>Stage 5, 需求分析与正式方案设计: needs analysis and formal solution design.</summary>
    FormalSolutionDesign = 5,

    /// <summary>Stage 6, 项目评估: project evaluation (the customer chooses its preferred supplier).</summary>
    ProjectEvaluation = 6,

    /// <summary>Stage 7, 商务谈判: commercial negotiation.</summary>
    CommercialNegotiation = 7,

    /// <summary>Stage 8, 签约成交: contract signed.</summary>
    ContractSigned = 8,
}
