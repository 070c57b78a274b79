
namespace Kam.Core.Stages.Playbooks;

public sealed partial class Playbook
{
    private static readonly Lazy<Playbook> DefaultPlaybook = new(BuildDefault);

    /// <summary>
    /// Gets the rule book's playbook: the stage contents turned into milestone and success-criteria
    /// items, with the rule book's probability table (10, 20, 25, 30, 50, 75, 90, 100%).
    /// </summary>
    /// <remarks>
    /// Each stage's required success criterion is the customer's commitment the rule book names for the end of the
    /// stage (rule book: stages, milestones and success criteria); its milestones are the work it lists as the stage's content. Items it
    /// describes as helpful rather than essential ("也很重要", supporting work) are tracked but not required. The keys
    /// are stable: <c>s{stage}.{name}</c>. See docs/stages.md for the full table.
    /// </remarks>
    public static Playbook Default => DefaultPlaybook.Value;

    /// <summary>Builds the rule book's playbook afresh; <see cref="Default"/> is the one built once per process.</summary>
    /// <remarks>
    /// Internal so that the tests of the table's contents can check a freshly built table: a mutation tester that reuses
    /// its test host activates a changed item here in the tests that call this method, never in the cached
    /// <see cref="Default"/> (see docs/mutation-testing.md).
    /// </remarks>
    /// <returns>A new playbook equal to <see cref="Default"/>.</returns>
    internal static Playbook BuildDefault()
    {
        const StageItemKind M = StageItemKind.Milestone;
        const StageItemKind S = StageItemKind.SuccessCriterion;
        return new Playbook(
        [
            // 1 客户规划与电话邀约
            new PlaybookItem("s1.customer-info-gathered", SalesStage.AccountPlanning, M, "客户信息的搜集", "Customer information gathered"),
            new PlaybookItem("s1.opportunity-evaluated", SalesStage.AccountPlanning, M, "评估销售机会（项目等级、资金、技术、客情、信誉、竞争）", "Sales opportunity evaluated (grade, funding, technology, relationship, credit, competition)"),
            new PlaybookItem("s1.customer-graded", SalesStage.AccountPlanning, M, "判断客户级别（A/B/C/D）", "Customer graded A/B/C/D"),
            new PlaybookItem("s1.phone-invitation", SalesStage.AccountPlanning, M, "电话邀约，激发客户兴趣", "Phone invitation made, customer's interest raised"),
            new PlaybookItem("s1.meeting-agreed", SalesStage.AccountPlanning, S, "客户同意当面沟通", "Customer agrees to a face-to-face meeting"),
            // 2 客户拜访与初步调研
            new PlaybookItem("s2.customer-visited", SalesStage.CustomerVisit, M, "客户拜访", "Customer visited"),
            new PlaybookItem("s2.project-info-confirmed", SalesStage.CustomerVisit, M, "对前期项目信息进一步确认和分析", "Project information confirmed and analysed"),
            new PlaybookItem("s2.organisation-mapped", SalesStage.CustomerVisit, M, "理清客户组织和角色，发现权力人士", "Customer organisation and roles mapped, people with power found"),
            new PlaybookItem("s2.company-presented", SalesStage.CustomerVisit, M, "介绍公司品牌、技术优势与客户见证", "Company, technology and references presented", required: false),
            new PlaybookItem("s2.candidate-supplier", SalesStage.CustomerVisit, S, "成为客户选定的候选供应商", "Chosen as a candidate supplier", required: false),
            new PlaybookItem("s2.proposal-requested", SalesStage.CustomerVisit, S, "客户提出让我们提交初步方案", "Customer asks for a preliminary proposal"),
            // 3 提交初步方案
            new PlaybookItem("s3.proposal-submitted", SalesStage.PreliminaryProposal, M, "设计并提交初步解决方案", "Preliminary solution designed and submitted"),
            new PlaybookItem("s3.internal-endorsement", SalesStage.PreliminaryProposal, M, "获得客户内部相关人员对方案的认同", "Proposal endorsed by people inside the customer", required: false),
            new PlaybookItem("s3.information-updated", SalesStage.PreliminaryProposal, M, "收集新信息，进行机会分析", "New information gathered, opportunity re-analysed", required: false),
            new PlaybookItem("s3.buying-team-engaged", SalesStage.PreliminaryProposal, M, "与采购小组建立关系", "Relationship extended to the buying team", required: false),
            new PlaybookItem("s3.technical-exchange-agreed", SalesStage.PreliminaryProposal, S, "客户承诺同意进行技术交流", "Customer agrees to a technical exchange"),
            // 4 方案演示与技术交流
            new PlaybookItem("s4.solution-demonstrated", SalesStage.SolutionDemonstration, M, "方案演示、公司参观、客户参观或提交建议书", "Solution demonstrated (demo, company visit, reference visit, proposal)"),
            new PlaybookItem("s4.criteria-influenced", SalesStage.SolutionDemonstration, M, "影响或参与制定客户的采购标准", "Purchasing criteria influenced"),
            new PlaybookItem("s4.decision-makers-influenced", SalesStage.SolutionDemonstration, M, "影响主要决策人和关键人", "Main decision makers and key people influenced", required: false),
            new PlaybookItem("s4.formal-design-allowed", SalesStage.SolutionDemonstration, S, "被允许进行正式的方案设计", "Allowed to do the formal solution design"),
            // 5 需求分析与正式方案设计
            new PlaybookItem("s5.needs-analysed", SalesStage.FormalSolutionDesign, M, "根据招标通知书进行需求分析", "Needs analysed against the tender notice"),
            new PlaybookItem("s5.formal-solution-designed", SalesStage.FormalSolutionDesign, M, "设计出正式方案", "Formal solution designed"),
            new PlaybookItem("s5.bid-submitted", SalesStage.FormalSolutionDesign, S, "撰写并提交应标书", "Bid written and submitted"),
            new PlaybookItem("s5.screening-passed", SalesStage.FormalSolutionDesign, S, "正式方案获认可，通过初步筛选", "Formal solution accepted, first screening passed"),
            // 6 项目评估
            new PlaybookItem("s6.bid-meets-criteria", SalesStage.ProjectEvaluation, M, "标书符合采购标准", "Bid meets the purchasing criteria"),
            new PlaybookItem("s6.evaluators-favourable", SalesStage.ProjectEvaluation, M, "与项目评估小组成员建立倾向性的客户关系", "Favourable relationships with the evaluation team"),
            new PlaybookItem("s6.implementation-signal", SalesStage.ProjectEvaluation, S, "获得明确信号，项目由公司负责实施", "Clear signal that we will implement the project", required: false),
            new PlaybookItem("s6.preferred-supplier", SalesStage.ProjectEvaluation, S, "被确认为首选供应商", "Confirmed as preferred supplier"),
            // 7 商务谈判
            new PlaybookItem("s7.executive-visit", SalesStage.CommercialNegotiation, M, "安排公司高层拜访客户", "Executive visit to the customer"),
            new PlaybookItem("s7.terms-negotiated", SalesStage.CommercialNegotiation, M, "磋商价格、到货期、实施进度、售后服务、付款方式", "Price, delivery, schedule, service and payment negotiated"),
            new PlaybookItem("s7.contract-terms-agreed", SalesStage.CommercialNegotiation, S, "形成合同条款", "Contract terms agreed"),
            new PlaybookItem("s7.signing-arranged", SalesStage.CommercialNegotiation, S, "商谈签约事宜，双方利益达成共识", "Signing arrangements agreed", required: false),
            // 8 签约成交
            new PlaybookItem("s8.executives-engaged", SalesStage.ContractSigned, M, "双方高层进行互动", "Both sides' executives engaged"),
            new PlaybookItem("s8.contract-signed", SalesStage.ContractSigned, S, "项目签约，形成法律保障", "Contract signed"),
            new PlaybookItem("s8.conditions-fixed", SalesStage.ContractSigned, S, "明确成交条件与付款方式", "Conditions and payment terms fixed"),
        ]);
    }
}
