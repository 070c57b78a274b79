namespace Kam.Cli.Demo.Sample;

/// <summary>
/// The item keys the sample's events use for each of the eight stages: milestone items (the project has entered
/// the stage) and success-criteria items (the stage is completed), after SPEC §1 (000…txt:2474-2616).
/// </summary>
/// <remarks>
/// These are the sample's own keys. When the Stages engine's default playbook lands, the lead maps them to its
/// item keys (or makes the generator read them from the playbook), so that the sample's events are recognised.
/// </remarks>
internal static class SamplePlaybookItems
{
    /// <summary>Gets the milestone item keys of stages 1..8 (index 0 = stage 1).</summary>
    public static IReadOnlyList<string[]> Milestones { get; } =
    [
        ["s1.customer-info", "s1.opportunity-evaluated", "s1.customer-graded"],
        ["s2.visit-done", "s2.needs-researched"],
        ["s3.project-approved", "s3.buying-team-known"],
        ["s4.criteria-known", "s4.demo-scheduled"],
        ["s5.tender-received", "s5.needs-analysed"],
        ["s6.evaluation-started", "s6.references-given"],
        ["s7.negotiation-opened"],
        ["s8.contract-drafted"],
    ];

    /// <summary>Gets the success-criteria item keys of stages 1..8.</summary>
    public static IReadOnlyList<string[]> Successes { get; } =
    [
        ["s1.meeting-agreed"],
        ["s2.proposal-requested"],
        ["s3.technical-exchange-agreed"],
        ["s4.formal-design-allowed"],
        ["s5.first-screening-passed"],
        ["s6.preferred-supplier"],
        ["s7.terms-agreed"],
        ["s8.contract-signed", "s8.payment-terms-fixed"],
    ];
}
