using System.Globalization;

namespace Kam.Core.Stages;

/// <summary>
/// What the library knows about each stage: its number, its Chinese and English names (the rule book's terms), its funnel
/// state, and the one-to-one mapping between <see cref="SalesStage"/> and <see cref="ProcurementStage"/>.
/// </summary>
/// <remarks>
/// Every method refuses an undefined stage value (such as <c>default(SalesStage)</c>) with a
/// <see cref="KamValidationException"/> (code <see cref="KamErrorCodes.OutOfRange"/>). Pure and thread-safe.
/// </remarks>
public static class StageExtensions
{
    private static readonly SalesStage[] AllSales = [SalesStage.AccountPlanning, SalesStage.CustomerVisit, SalesStage.PreliminaryProposal, SalesStage.SolutionDemonstration, SalesStage.FormalSolutionDesign, SalesStage.ProjectEvaluation, SalesStage.CommercialNegotiation, SalesStage.ContractSigned];

    /// <summary>The number of stages on each side of the process.</summary>
    public const int StageCount = 8;

    /// <summary>Gets the eight sales stages in order.</summary>
    public static IReadOnlyList<SalesStage> AllSalesStages => AllSales;

    /// <summary>Gets the stage's number, 1 to 8.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The number.</returns>
    public static int Number(this SalesStage stage) => Check((int)stage, nameof(SalesStage));

    /// <summary>Gets the stage's number, 1 to 8.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The number.</returns>
    public static int Number(this ProcurementStage stage) => Check((int)stage, nameof(ProcurementStage));

    /// <summary>Gets the sales stage with a number.</summary>
    /// <param name="number">The number, 1 to 8.</param>
    /// <returns>The stage.</returns>
    /// <exception cref="KamValidationException">The number is outside 1 to 8.</exception>
    public static SalesStage SalesStageOf(int number) => (SalesStage)Check(number, nameof(SalesStage));

    /// <summary>Gets the procurement stage with a number.</summary>
    /// <param name="number">The number, 1 to 8.</param>
    /// <returns>The stage.</returns>
    /// <exception cref="KamValidationException">The number is outside 1 to 8.</exception>
    public static ProcurementStage ProcurementStageOf(int number) => (ProcurementStage)Check(number, nameof(ProcurementStage));

    /// <summary>Tells whether the value is one of the eight stages.</summary>
    /// <param name="stage">The value.</param>
    /// <returns><see langword="true"/> for 1 to 8.</returns>
    public static bool IsDefined(this SalesStage stage) => stage is >= SalesStage.AccountPlanning and <= SalesStage.ContractSigned;

    /// <summary>Tells whether the value is one of the eight stages.</summary>
    /// <param name="stage">The value.</param>
    /// <returns><see langword="true"/> for 1 to 8.</returns>
    public static bool IsDefined(this ProcurementStage stage) => stage is >= ProcurementStage.DiscoverNeed and <= ProcurementStage.Sign;

    /// <summary>Gets the rule book's Chinese name of the stage, for example <c>提交初步方案</c>.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The name.</returns>
    public static string ChineseName(this SalesStage stage) => SalesZh((int)stage);

    /// <summary>Gets the English name of the stage, for example <c>Preliminary proposal</c>.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The name.</returns>
    public static string EnglishName(this SalesStage stage) => SalesEn((int)stage);

    /// <summary>Gets the rule book's Chinese name of the stage, for example <c>建立采购标准</c>.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The name.</returns>
    public static string ChineseName(this ProcurementStage stage) => ProcurementZh((int)stage);

    /// <summary>Gets the English name of the stage, for example <c>Set purchasing criteria</c>.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The name.</returns>
    public static string EnglishName(this ProcurementStage stage) => ProcurementEn((int)stage);

    /// <summary>Gets the funnel state of the stage: search (1-2), in funnel (3-5), best (6-8).</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The funnel state.</returns>
    public static FunnelState Funnel(this SalesStage stage) => FunnelOf(stage.Number());

    /// <summary>Gets the funnel state of the stage: search (1-2), in funnel (3-5), best (6-8).</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The funnel state.</returns>
    public static FunnelState Funnel(this ProcurementStage stage) => FunnelOf(stage.Number());

    /// <summary>Gets the procurement stage that this sales stage answers (same number).</summary>
    /// <param name="stage">The sales stage.</param>
    /// <returns>The procurement stage.</returns>
    public static ProcurementStage ToProcurementStage(this SalesStage stage) => (ProcurementStage)stage.Number();

    /// <summary>Gets the sales stage that answers this procurement stage (same number).</summary>
    /// <param name="stage">The procurement stage.</param>
    /// <returns>The sales stage.</returns>
    public static SalesStage ToSalesStage(this ProcurementStage stage) => (SalesStage)stage.Number();

    /// <summary>Gets the Chinese name of a funnel state (客户搜索, 进入漏斗, 最佳状态).</summary>
    /// <param name="state">The funnel state.</param>
    /// <returns>The name.</returns>
    public static string ChineseName(this FunnelState state) => state switch
    {
        FunnelState.Search => "客户搜索",
        FunnelState.InFunnel => "进入漏斗",
        FunnelState.Best => "最佳状态",
        _ => throw OutOfRange(nameof(FunnelState), (int)state),
    };

    // The names are switch expressions rather than static arrays: no type initializer, and the switch refuses an undefined
    // stage itself. (A name in a static array is fixed once per process, so a mutation tester that reuses its test host
    // can never see a changed name; see docs/mutation-testing.md.)
    private static string SalesZh(int number) => number switch
    {
        1 => "客户规划与电话邀约",
        2 => "客户拜访与初步调研",
        3 => "提交初步方案",
        4 => "方案演示与技术交流",
        5 => "需求分析与正式方案设计",
        6 => "项目评估",
        7 => "商务谈判",
        8 => "签约成交",
        _ => throw OutOfRange(nameof(SalesStage), number),
    };

    private static string SalesEn(int number) => number switch
    {
        1 => "Account planning & phone invitation",
        2 => "Customer visit & initial research",
        3 => "Preliminary proposal",
        4 => "Solution demo & technical exchange",
        5 => "Needs analysis & formal solution design",
        6 => "Project evaluation",
        7 => "Commercial negotiation",
        8 => "Contract signed",
        _ => throw OutOfRange(nameof(SalesStage), number),
    };

    private static string ProcurementZh(int number) => number switch
    {
        1 => "发现问题，提出需求",
        2 => "研究可行性，确定预算",
        3 => "项目立项，组建采购小组",
        4 => "建立采购标准",
        5 => "招标，初步筛选",
        6 => "确定首选供应商",
        7 => "商务谈判",
        8 => "签约",
        _ => throw OutOfRange(nameof(ProcurementStage), number),
    };

    private static string ProcurementEn(int number) => number switch
    {
        1 => "Discover problem, raise need",
        2 => "Study feasibility, set budget",
        3 => "Approve project, form buying team",
        4 => "Set purchasing criteria",
        5 => "Tender, first screening",
        6 => "Choose preferred supplier",
        7 => "Commercial negotiation",
        8 => "Sign",
        _ => throw OutOfRange(nameof(ProcurementStage), number),
    };

    internal static FunnelState FunnelOf(int number) => number switch
    {
        <= 2 => FunnelState.Search,
        <= 5 => FunnelState.InFunnel,
        _ => FunnelState.Best,
    };

    private static int Check(int number, string what) =>
        number is >= 1 and <= StageCount ? number : throw OutOfRange(what, number);

    private static KamValidationException OutOfRange(string what, int value) =>
        new(what, KamErrorCodes.OutOfRange, value.ToString(CultureInfo.InvariantCulture), "Not a defined stage; stages are numbered 1 to 8.");
}
