using System.Text.Json.Serialization;

namespace Kam.Core.Stages;

/// <summary>
/// One of the eight stages of the customer's internal procurement process (客户内部采购流程; rule book: stages, the eight stages),
/// numbered 1 to 8.
/// </summary>
/// <remarks>
/// Procurement stage <c>k</c> corresponds one-to-one to <see cref="SalesStage"/> <c>k</c>; the default value (0) is
/// not a stage ("not observed" is <see langword="null"/>).
/// </remarks>
[JsonConverter(typeof(JsonStringEnumConverter<ProcurementStage>))]
public enum ProcurementStage
{
    /// <summary>Stage 1, 发现问题，提出需求: the customer discovers a problem and raises a need.</summary>
    DiscoverNeed = 1,

    /// <summary>Stage 2, 研究可行性，确定预算: the customer studies feasibility and sets a budget.</summary>
    StudyFeasibility = 2,

    /// <summary>Stage 3, 项目立项，组建采购小组: the project is approved and a buying team formed.</summary>
    ApproveProject = 3,

    /// <summary>Stage 4, 建立采购标准: the buying team sets the purchasing criteria.</summary>
    SetCriteria = 4,

    /// <summary>Stage 5, 招标，初步筛选: tender and first screening of suppliers.</summary>
    TenderAndScreen = 5,

    /// <summary>Stage 6, 确定首选供应商: the customer chooses its preferred supplier.</summary>
    ChoosePreferredSupplier = 6,

    /// <summary>Stage 7, 商务谈判: commercial negotiation.</summary>
    CommercialNegotiation = 7,

    /// <summary>Stage 8, 签约: the contract is signed.</summary>
    Sign = 8,
}
