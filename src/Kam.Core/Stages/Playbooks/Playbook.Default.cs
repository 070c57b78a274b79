namespace Kam.Core.Stages;

public sealed partial class Playbook
{
    private static readonly Lazy<Playbook> DefaultPlaybook = new(BuildDefault);

    /// <summary>
    /// Gets the seed's playbook: the stage contents of 000…txt:2474-2590 turned into milestone and success-criteria
    /// items, with the seed's probability table (10, 20, 25, 30, 50, 75, 90, 100%).
    /// </summary>
    /// <remarks>
    /// Each stage's required success criterion is the customer's commitment the seed names for the end of the stage
    /// (SPEC.md §1); its milestones are the work the seed lists as the stage's content. Items the seed describes as
    /// helpful rather than essential ("也很重要", supporting work) are tracked but not required. The keys are stable:
    /// <c>s{stage}.{name}</c>. See docs/stages.md for the full table with line references.
    /// </remarks>
    public static Playbook Default => DefaultPlaybook.Value;

    private static Playbook BuildDefault()
    {
        const StageItemKind M = StageItemKind.Milestone;
        const StageItemKind S = StageItemKind.SuccessCriterion;
        return new PlaybookBuilder()
            // 1 客户规划与电话邀约 (000…txt:2474-2513)
            .Add(SalesStage.AccountPlanning, M, "s1.customer-info-gathered", "客户信息的搜集", "Customer information gathered")
            .Add(SalesStage.AccountPlanning, M, "s1.opportunity-evaluated", "评估销售机会（项目等级、资金、技术、客情、信誉、竞争）", "Sales opportunity evaluated (grade, funding, technology, relationship, credit, competition)")
            .Add(SalesStage.AccountPlanning, M, "s1.customer-graded", "判断客户级别（A/B/C/D）", "Customer graded A/B/C/D")
            .Add(SalesStage.AccountPlanning, M, "s1.phone-invitation", "电话邀约，激发客户兴趣", "Phone invitation made, customer's interest raised")
            .Add(SalesStage.AccountPlanning, S, "s1.meeting-agreed", "客户同意当面沟通", "Customer agrees to a face-to-face meeting")
            // 2 客户拜访与初步调研 (000…txt:2514-2534)
            .Add(SalesStage.CustomerVisit, M, "s2.customer-visited", "客户拜访", "Customer visited")
            .Add(SalesStage.CustomerVisit, M, "s2.project-info-confirmed", "对前期项目信息进一步确认和分析", "Project information confirmed and analysed")
            .Add(SalesStage.CustomerVisit, M, "s2.organisation-mapped", "理清客户组织和角色，发现权力人士", "Customer organisation and roles mapped, people with power found")
            .Add(SalesStage.CustomerVisit, M, "s2.company-presented", "介绍公司品牌、技术优势与客户见证", "Company, technology and references presented", required: false)
            .Add(SalesStage.CustomerVisit, S, "s2.candidate-supplier", "成为客户选定的候选供应商", "Chosen as a candidate supplier", required: false)
            .Add(SalesStage.CustomerVisit, S, "s2.proposal-requested", "客户提出让我们提交初步方案", "Customer asks for a preliminary proposal")
            // 3 提交初步方案 (000…txt:2536-2545)
            .Add(SalesStage.PreliminaryProposal, M, "s3.proposal-submitted", "设计并提交初步解决方案", "Preliminary solution designed and submitted")
            .Add(SalesStage.PreliminaryProposal, M, "s3.internal-endorsement", "获得客户内部相关人员对方案的认同", "Proposal endorsed by people inside the customer", required: false)
            .Add(SalesStage.PreliminaryProposal, M, "s3.information-updated", "收集新信息，进行机会分析", "New information gathered, opportunity re-analysed", required: false)
            .Add(SalesStage.PreliminaryProposal, M, "s3.buying-team-engaged", "与采购小组建立关系", "Relationship extended to the buying team", required: false)
            .Add(SalesStage.PreliminaryProposal, S, "s3.technical-exchange-agreed", "客户承诺同意进行技术交流", "Customer agrees to a technical exchange")
            // 4 方案演示与技术交流 (000…txt:2547-2557)
            .Add(SalesStage.SolutionDemonstration, M, "s4.solution-demonstrated", "方案演示、公司参观、客户参观或提交建议书", "Solution demonstrated (demo, company visit, reference visit, proposal)")
            .Add(SalesStage.SolutionDemonstration, M, "s4.criteria-influenced", "影响或参与制定客户的采购标准", "Purchasing criteria influenced")
            .Add(SalesStage.SolutionDemonstration, M, "s4.decision-makers-influenced", "影响主要决策人和关键人", "Main decision makers and key people influenced", required: false)
            .Add(SalesStage.SolutionDemonstration, S, "s4.formal-design-allowed", "被允许进行正式的方案设计", "Allowed to do the formal solution design")
            // 5 需求分析与正式方案设计 (000…txt:2559-2563, 2610)
            .Add(SalesStage.FormalSolutionDesign, M, "s5.needs-analysed", "根据招标通知书进行需求分析", "Needs analysed against the tender notice")
            .Add(SalesStage.FormalSolutionDesign, M, "s5.formal-solution-designed", "设计出正式方案", "Formal solution designed")
            .Add(SalesStage.FormalSolutionDesign, S, "s5.bid-submitted", "撰写并提交应标书", "Bid written and submitted")
            .Add(SalesStage.FormalSolutionDesign, S, "s5.screening-passed", "正式方案获认可，通过初步筛选", "Formal solution accepted, first screening passed")
            // 6 项目评估 (000…txt:2565-2571)
            .Add(SalesStage.ProjectEvaluation, M, "s6.bid-meets-criteria", "标书符合采购标准", "Bid meets the purchasing criteria")
            .Add(SalesStage.ProjectEvaluation, M, "s6.evaluators-favourable", "与项目评估小组成员建立倾向性的客户关系", "Favourable relationships with the evaluation team")
            .Add(SalesStage.ProjectEvaluation, S, "s6.implementation-signal", "获得明确信号，项目由公司负责实施", "Clear signal that we will implement the project", required: false)
            .Add(SalesStage.ProjectEvaluation, S, "s6.preferred-supplier", "被确认为首选供应商", "Confirmed as preferred supplier")
            // 7 商务谈判 (000…txt:2573-2581)
            .Add(SalesStage.CommercialNegotiation, M, "s7.executive-visit", "安排公司高层拜访客户", "Executive visit to the customer")
            .Add(SalesStage.CommercialNegotiation, M, "s7.terms-negotiated", "磋商价格、到货期、实施进度、售后服务、付款方式", "Price, delivery, schedule, service and payment negotiated")
            .Add(SalesStage.CommercialNegotiation, S, "s7.contract-terms-agreed", "形成合同条款", "Contract terms agreed")
            .Add(SalesStage.CommercialNegotiation, S, "s7.signing-arranged", "商谈签约事宜，双方利益达成共识", "Signing arrangements agreed", required: false)
            // 8 签约成交 (000…txt:2583-2589)
            .Add(SalesStage.ContractSigned, M, "s8.executives-engaged", "双方高层进行互动", "Both sides' executives engaged")
            .Add(SalesStage.ContractSigned, S, "s8.contract-signed", "项目签约，形成法律保障", "Contract signed")
            .Add(SalesStage.ContractSigned, S, "s8.conditions-fixed", "明确成交条件与付款方式", "Conditions and payment terms fixed")
            .Build();
    }
}
