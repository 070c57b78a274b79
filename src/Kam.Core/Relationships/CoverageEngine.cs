using System.Buffers;
using System.Globalization;
using System.Numerics;

namespace Kam.Core.Relationships;

/// <summary>
/// Analyzes how our relationships cover an account's buying center, or an opportunity's contacts in it (rule book:
/// accounts, coverage at every level): levels without a relationship, decisions and veto holders not covered, a
/// single-threaded account, no peer of ours at the decision level, influential opponents and contacts leaning to a
/// competitor, each finding with its reasons, and a coverage score whose weights are the policy's.
/// </summary>
/// <remarks>
/// <para>
/// Rules fixed at construction: <c>new CoverageEngine(policy)</c>. The maps and the levels of our people are inputs to
/// each call. A contact is <em>covered</em> when one of our people has a relationship with them of the policy's
/// strength or more; contacts who left by the map's date are not analyzed.
/// </para>
/// <para>
/// Our people's levels (for peer coverage, "executive to executive") are given by the host per person; a person not
/// listed counts as <see cref="DecisionLevel.Operational"/>, so no executive relationship is claimed unless the host
/// says so. Immutable and safe to share between threads; one call costs time linear in the contacts and relationships
/// of the map, and allocates only for the findings it reports.
/// </para>
/// </remarks>
public sealed class CoverageEngine
{
    private const int StackLimit = 256;
    private static readonly CoverageFinding[] NoFindings = [];
    private static readonly BuyingDecisions[] FiveDecisions = [BuyingDecisions.Whether, BuyingDecisions.When, BuyingDecisions.Budget, BuyingDecisions.Supplier, BuyingDecisions.Signature];
    private readonly bool[] _required = new bool[3];
    private readonly bool[] _peer = new bool[3];
    private readonly decimal[] _weights;
    private readonly decimal _totalWeight;

    /// <summary>Creates the engine.</summary>
    /// <param name="policy">The rules; <see cref="CoveragePolicy.Default"/> for the documented defaults.</param>
    public CoverageEngine(CoveragePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy;
        foreach (var level in policy.RequiredLevels)
        {
            _required[(int)level] = true;
        }

        foreach (var level in policy.PeerLevels)
        {
            _peer[(int)level] = true;
        }

        _weights = policy.WeightArray;
        foreach (var w in _weights)
        {
            _totalWeight += w;
        }
    }

    /// <summary>Gets the rules.</summary>
    public CoveragePolicy Policy { get; }

    /// <summary>Analyzes one account's buying center.</summary>
    /// <param name="center">The map, as of its date.</param>
    /// <param name="ourLevels">The level of each of our people; <see langword="null"/> or a person not listed: operational.</param>
    /// <returns>The report.</returns>
    /// <exception cref="KamValidationException">A level in <paramref name="ourLevels"/> is not defined.</exception>
    public CoverageReport Analyze(BuyingCenter center, IReadOnlyDictionary<PersonId, DecisionLevel>? ourLevels = null)
    {
        ArgumentNullException.ThrowIfNull(center);
        CheckLevels(ourLevels);
        return Run(center, null, null, ourLevels);
    }

    /// <summary>Analyzes the contacts of one opportunity, a part of an account's buying center the host names.</summary>
    /// <param name="center">The account's map, as of its date.</param>
    /// <param name="opportunity">The opportunity.</param>
    /// <param name="contacts">The opportunity's contacts, each a contact of the map (a contact listed twice counts once).</param>
    /// <param name="ourLevels">The level of each of our people; <see langword="null"/> or a person not listed: operational.</param>
    /// <returns>The report, for those contacts only: levels, decisions and veto holders are looked for among them.</returns>
    /// <exception cref="KamValidationException">The opportunity is the default identifier, a contact is not on the map (<c>contacts[2]</c>), or a level is not defined; every problem is reported.</exception>
    public CoverageReport AnalyzeOpportunity(BuyingCenter center, OpportunityId opportunity, IReadOnlyList<ContactId> contacts, IReadOnlyDictionary<PersonId, DecisionLevel>? ourLevels = null)
    {
        ArgumentNullException.ThrowIfNull(center);
        ArgumentNullException.ThrowIfNull(contacts);
        var errors = new ValidationCollector();
        if (opportunity.Value.Length == 0)
        {
            errors.Add("opportunity", KamErrorCodes.Required, null, "An identifier is required (the default value has none).");
        }

        var scope = new bool[center.ContactArray.Length];
        for (var i = 0; i < contacts.Count; i++)
        {
            if (center.TryIndexOf(contacts[i], out var index))
            {
                scope[index] = true;
            }
            else
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"contacts[{i}]"), KamErrorCodes.Unknown, contacts[i], $"No contact of account '{center.Account}' has this identifier on {ValidationCollector.Render(center.Date)}.");
            }
        }

        AddLevelErrors(errors, ourLevels);
        errors.ThrowIfAny();
        return Run(center, opportunity, scope, ourLevels);
    }

    /// <summary>Analyzes many accounts' buying centers (for example <see cref="BuyingCenterHistory.AsOf(NodaTime.LocalDate)"/>).</summary>
    /// <param name="centers">The maps.</param>
    /// <param name="ourLevels">The level of each of our people; <see langword="null"/> or a person not listed: operational.</param>
    /// <returns>One report per map, in the same order.</returns>
    /// <exception cref="KamValidationException">A map is missing (<c>centers[3]</c>) or a level is not defined; every problem is reported.</exception>
    public IReadOnlyList<CoverageReport> AnalyzeAll(IReadOnlyList<BuyingCenter> centers, IReadOnlyDictionary<PersonId, DecisionLevel>? ourLevels = null)
    {
        ArgumentNullException.ThrowIfNull(centers);
        var errors = new ValidationCollector();
        for (var i = 0; i < centers.Count; i++)
        {
            if (centers[i] is null)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"centers[{i}]"), KamErrorCodes.Required, null, "A buying center is required.");
            }
        }

        AddLevelErrors(errors, ourLevels);
        errors.ThrowIfAny();
        var reports = new CoverageReport[centers.Count];
        for (var i = 0; i < reports.Length; i++)
        {
            reports[i] = Run(centers[i], null, null, ourLevels);
        }

        return Array.AsReadOnly(reports);
    }

    private static void CheckLevels(IReadOnlyDictionary<PersonId, DecisionLevel>? ourLevels)
    {
        var errors = new ValidationCollector();
        AddLevelErrors(errors, ourLevels);
        errors.ThrowIfAny();
    }

    private static void AddLevelErrors(ValidationCollector errors, IReadOnlyDictionary<PersonId, DecisionLevel>? ourLevels)
    {
        if (ourLevels is null)
        {
            return;
        }

        foreach (var (person, level) in ourLevels)
        {
            if (!Enum.IsDefined(level))
            {
                errors.Add($"ourLevels[{person}]", KamErrorCodes.OutOfRange, level, "Not a defined level.");
            }
        }
    }

    private CoverageReport Run(BuyingCenter center, OpportunityId? opportunity, bool[]? scope, IReadOnlyDictionary<PersonId, DecisionLevel>? ourLevels)
    {
        var contacts = center.ContactArray;
        var n = contacts.Length;
        int[]? rented = null;
        var work = 2 * n <= StackLimit ? stackalloc int[2 * n] : (rented = ArrayPool<int>.Shared.Rent(2 * n)).AsSpan(0, 2 * n);
        try
        {
            var scan = new Scan(this, center, scope, ourLevels, work[..n], work[n..]);
            scan.Run();
            return Report(scan, opportunity);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    private CoverageReport Report(in Scan scan, OpportunityId? opportunity)
    {
        var p = Policy;
        Span<decimal> done = stackalloc decimal[_weights.Length];
        var requiredCount = 0;
        var requiredCovered = 0;
        var peerCount = 0;
        var peerCovered = 0;
        for (var l = 0; l < 3; l++)
        {
            if (_required[l])
            {
                requiredCount++;
                requiredCovered += scan.LevelCovered[l] ? 1 : 0;
            }

            if (_peer[l])
            {
                peerCount++;
                peerCovered += scan.PeerCovered[l] ? 1 : 0;
            }
        }

        done[(int)CoverageFindingKind.LevelUncovered] = requiredCount == 0 ? 1m : (decimal)requiredCovered / requiredCount;
        done[(int)CoverageFindingKind.DecisionUncovered] = BitOperations.PopCount((uint)(scan.DecisionsCovered & BuyingDecisions.All)) / 5m;
        done[(int)CoverageFindingKind.VetoHolderUncovered] = scan.VetoHolders == 0 ? 1m : (decimal)scan.VetoCovered / scan.VetoHolders;
        done[(int)CoverageFindingKind.SingleThreaded] = (decimal)Math.Min(scan.Covered, p.MinThreads) / p.MinThreads;
        done[(int)CoverageFindingKind.NoPeerCoverage] = peerCount == 0 ? 1m : (decimal)peerCovered / peerCount;
        done[(int)CoverageFindingKind.InfluentialOpponent] = 1m / (1 + scan.Opponents);
        done[(int)CoverageFindingKind.LeaningToCompetitor] = 1m / (1 + scan.Leaning);
        var sum = 0m;
        for (var k = 0; k < done.Length; k++)
        {
            sum += _weights[k] * done[k];
        }

        var score = sum / _totalWeight;
        var complete = requiredCovered == requiredCount && scan.DecisionsCovered == BuyingDecisions.All && scan.VetoCovered == scan.VetoHolders
            && scan.Covered >= p.MinThreads && peerCovered == peerCount && scan.Opponents == 0 && scan.Leaning == 0;
        var findings = complete ? NoFindings : Findings(scan, requiredCount != requiredCovered, peerCount != peerCovered);
        return new CoverageReport(scan.Center.Account, opportunity, scan.Center.Date, score, scan.Analyzed, scan.Covered, findings);
    }

    private CoverageFinding[] Findings(in Scan scan, bool levelGap, bool peerGap)
    {
        var p = Policy;
        var list = new List<CoverageFinding>();
        var contacts = scan.Center.ContactArray;
        if (levelGap)
        {
            for (var l = 0; l < 3; l++)
            {
                if (_required[l] && !scan.LevelCovered[l])
                {
                    var level = (DecisionLevel)l;
                    var reasons = new List<string>();
                    if (!scan.LevelMapped[l])
                    {
                        reasons.Add($"No contact at the {Name(level)} level is mapped{scan.ForOpportunity}.");
                    }
                    else
                    {
                        for (var c = 0; c < contacts.Length; c++)
                        {
                            if (scan.InScope(c) && contacts[c].Profile.Level == level)
                            {
                                reasons.Add($"{scan.Who(c)}: {scan.Tie(c)}.");
                            }
                        }
                    }

                    list.Add(new CoverageFinding(CoverageFindingKind.LevelUncovered, $"The {Name(level)} level has no contact with a relationship of strength {p.MinStrength} or more.", reasons, level: level));
                }
            }
        }

        foreach (var decision in FiveDecisions)
        {
            if ((scan.DecisionsCovered & decision) == BuyingDecisions.None)
            {
                var reasons = new List<string>();
                for (var c = 0; c < contacts.Length; c++)
                {
                    if (scan.InScope(c) && (contacts[c].Profile.Decisions & decision) != BuyingDecisions.None)
                    {
                        reasons.Add($"{scan.Who(c)} holds it: {scan.Tie(c)}.");
                    }
                }

                if (reasons.Count == 0)
                {
                    reasons.Add($"No contact{scan.ForOpportunity} is known to hold this decision.");
                }

                list.Add(new CoverageFinding(CoverageFindingKind.DecisionUncovered, $"No holder of the decision on {Name(decision)} is covered.", reasons, decision: decision));
            }
        }

        if (scan.VetoCovered != scan.VetoHolders)
        {
            for (var c = 0; c < contacts.Length; c++)
            {
                if (scan.InScope(c) && contacts[c].Profile.Veto && !scan.IsCovered(c))
                {
                    var reasons = new List<string> { $"{scan.Who(c)}: {scan.Tie(c)}." };
                    AddReach(scan, c, reasons);
                    list.Add(new CoverageFinding(CoverageFindingKind.VetoHolderUncovered, $"{contacts[c].Profile.Name} can veto the purchase and is not covered.", reasons, contact: contacts[c].Id));
                }
            }
        }

        if (scan.Covered < p.MinThreads)
        {
            var reasons = new List<string>();
            ContactId? only = null;
            for (var c = 0; c < contacts.Length; c++)
            {
                if (scan.InScope(c) && scan.IsCovered(c))
                {
                    reasons.Add($"{scan.Who(c)} carries it: {scan.Tie(c)}.");
                    only = contacts[c].Id;
                }
            }

            reasons.Add(Invariant($"{scan.Analyzed - scan.Covered} of {scan.Analyzed} contact(s){scan.ForOpportunity} have no relationship of strength {p.MinStrength} or more; the policy asks for at least {p.MinThreads} covered contact(s)."));
            var message = Invariant($"Single-threaded: {scan.Covered} contact(s) carry the relationship.");
            list.Add(new CoverageFinding(CoverageFindingKind.SingleThreaded, message, reasons, contact: scan.Covered == 1 ? only : null));
        }

        if (peerGap)
        {
            for (var l = 0; l < 3; l++)
            {
                if (_peer[l] && !scan.PeerCovered[l])
                {
                    var level = (DecisionLevel)l;
                    var reasons = new List<string>();
                    for (var c = 0; c < contacts.Length; c++)
                    {
                        if (scan.InScope(c) && contacts[c].Profile.Level == level)
                        {
                            reasons.Add(scan.IsCovered(c)
                                ? $"{scan.Who(c)}: {scan.Tie(c)}; the highest level of ours covering this contact is {Name((DecisionLevel)scan.OurBest[c])}."
                                : $"{scan.Who(c)}: {scan.Tie(c)}.");
                        }
                    }

                    if (reasons.Count == 0)
                    {
                        reasons.Add($"No contact at the {Name(level)} level is mapped{scan.ForOpportunity}.");
                    }

                    list.Add(new CoverageFinding(CoverageFindingKind.NoPeerCoverage, $"No contact at the {Name(level)} level is covered by one of our people at that level or above.", reasons, level: level));
                }
            }
        }

        for (var c = 0; c < contacts.Length && scan.Opponents > 0; c++)
        {
            var profile = contacts[c].Profile;
            if (scan.InScope(c) && IsInfluentialOpponent(profile))
            {
                var reasons = new List<string> { Invariant($"{scan.Who(c)} is {Name(profile.Attitude)} to us with influence {profile.Influence} of {ContactProfile.MaxInfluence}{Holds(profile)}."), $"Our relationship: {scan.Tie(c)}." };
                list.Add(new CoverageFinding(CoverageFindingKind.InfluentialOpponent, $"{profile.Name} is an influential opponent.", reasons, contact: contacts[c].Id));
            }
        }

        for (var c = 0; c < contacts.Length && scan.Leaning > 0; c++)
        {
            var profile = contacts[c].Profile;
            if (scan.InScope(c) && profile.LeaningTo is { } competitor)
            {
                var reasons = new List<string> { Invariant($"{scan.Who(c)} leans to {competitor}; influence {profile.Influence} of {ContactProfile.MaxInfluence}, attitude to us {Name(profile.Attitude)}{Holds(profile)}."), $"Our relationship: {scan.Tie(c)}." };
                list.Add(new CoverageFinding(CoverageFindingKind.LeaningToCompetitor, $"{profile.Name} leans to {competitor}.", reasons, contact: contacts[c].Id));
            }
        }

        return [.. list];
    }

    /// <summary>Who could reach an uncovered contact: the boss, and the contacts who influence the contact informally.</summary>
    private static void AddReach(in Scan scan, int c, List<string> reasons)
    {
        var contacts = scan.Center.ContactArray;
        var id = contacts[c].Id;
        if (contacts[c].Profile.ReportsTo is { } boss && scan.Center.TryIndexOf(boss, out var b))
        {
            reasons.Add($"Reports to {scan.Who(b)}, {(scan.IsCovered(b) ? "who is covered" : "who is not covered either")}.");
        }

        for (var k = 0; k < contacts.Length; k++)
        {
            if (k != c && contacts[k].Left is null)
            {
                var lines = contacts[k].Profile.Influences;
                for (var j = 0; j < lines.Count; j++)
                {
                    if (lines[j] == id)
                    {
                        reasons.Add($"Influenced informally by {scan.Who(k)}, {(scan.IsCovered(k) ? "who is covered" : "who is not covered either")}.");
                        break;
                    }
                }
            }
        }
    }

    private bool IsInfluentialOpponent(ContactProfile profile) => profile.Attitude <= Policy.OpponentAt && profile.Influence >= Policy.InfluentialAt;

    private static string Holds(ContactProfile profile)
    {
        var parts = new List<string>(2);
        if (profile.Decisions != BuyingDecisions.None)
        {
            parts.Add("holds " + string.Join(", ", FiveDecisions.Where(d => (profile.Decisions & d) != BuyingDecisions.None).Select(Name)));
        }

        if (profile.Veto)
        {
            parts.Add("can veto");
        }

        return parts.Count == 0 ? string.Empty : "; " + string.Join("; ", parts);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Name(DecisionLevel level) => level switch
    {
        DecisionLevel.Operational => "operational",
        DecisionLevel.Management => "management",
        _ => "decision",
    };

    private static string Name(Attitude attitude) => attitude switch
    {
        Attitude.Opponent => "an opponent",
        Attitude.Skeptical => "skeptical",
        Attitude.Neutral => "neutral",
        Attitude.Favorable => "favorable",
        _ => "a supporter",
    };

    private static string Name(BuyingDecisions decision) => decision switch
    {
        BuyingDecisions.Whether => "whether to buy",
        BuyingDecisions.When => "when to buy",
        BuyingDecisions.Budget => "the budget",
        BuyingDecisions.Supplier => "which supplier",
        _ => "the signature",
    };

    /// <summary>One pass over the relationships and one over the contacts, into counters and two per-contact spans.</summary>
    private ref struct Scan
    {
        private readonly CoverageEngine _engine;
        private readonly bool[]? _scope;
        private readonly IReadOnlyDictionary<PersonId, DecisionLevel>? _ourLevels;

        public Scan(CoverageEngine engine, BuyingCenter center, bool[]? scope, IReadOnlyDictionary<PersonId, DecisionLevel>? ourLevels, Span<int> bestRelationship, Span<int> ourBest)
        {
            _engine = engine;
            Center = center;
            _scope = scope;
            _ourLevels = ourLevels;
            BestRelationship = bestRelationship;
            OurBest = ourBest;
            ForOpportunity = scope is null ? string.Empty : " among the opportunity's contacts";
        }

        public BuyingCenter Center { get; }

        /// <summary>Gets, per contact, the index of the strongest relationship with us, or -1.</summary>
        public Span<int> BestRelationship { get; }

        /// <summary>Gets, per contact, the highest level of ours among the relationships that cover the contact, or -1.</summary>
        public Span<int> OurBest { get; }

        public string ForOpportunity { get; }

        public int Analyzed { get; private set; }

        public int Covered { get; private set; }

        public BuyingDecisions DecisionsCovered { get; private set; }

        public int VetoHolders { get; private set; }

        public int VetoCovered { get; private set; }

        public int Opponents { get; private set; }

        public int Leaning { get; private set; }

        public LevelFlags LevelMapped;

        public LevelFlags LevelCovered;

        public LevelFlags PeerCovered;

        public readonly bool InScope(int c) => Center.ContactArray[c].Left is null && (_scope is null || _scope[c]);

        public readonly bool IsCovered(int c) => BestRelationship[c] >= 0 && Center.RelationshipArray[BestRelationship[c]].Strength >= _engine.Policy.MinStrength;

        public void Run()
        {
            BestRelationship.Fill(-1);
            OurBest.Fill(-1);
            var relationships = Center.RelationshipArray;
            var contactOf = Center.RelationshipContact;
            var min = _engine.Policy.MinStrength;
            for (var r = 0; r < relationships.Length; r++)
            {
                var c = contactOf[r];
                if (!InScope(c))
                {
                    continue;
                }

                var strength = relationships[r].Strength;
                var best = BestRelationship[c];
                if (best < 0 || strength > relationships[best].Strength)
                {
                    BestRelationship[c] = r;
                }

                if (strength >= min)
                {
                    var ours = _ourLevels is not null && _ourLevels.TryGetValue(relationships[r].Person, out var level) ? (int)level : 0;
                    if (ours > OurBest[c])
                    {
                        OurBest[c] = ours;
                    }
                }
            }

            var contacts = Center.ContactArray;
            var held = BuyingDecisions.None;
            for (var c = 0; c < contacts.Length; c++)
            {
                if (!InScope(c))
                {
                    continue;
                }

                var profile = contacts[c].Profile;
                var covered = IsCovered(c);
                var level = (int)profile.Level;
                Analyzed++;
                LevelMapped[level] = true;
                held |= profile.Decisions;
                if (covered)
                {
                    Covered++;
                    LevelCovered[level] = true;
                    DecisionsCovered |= profile.Decisions;
                    if (OurBest[c] >= level)
                    {
                        PeerCovered[level] = true;
                    }
                }

                if (profile.Veto)
                {
                    VetoHolders++;
                    VetoCovered += covered ? 1 : 0;
                }

                if (_engine.IsInfluentialOpponent(profile))
                {
                    Opponents++;
                }

                if (profile.LeaningTo is not null)
                {
                    Leaning++;
                }
            }
        }

        /// <summary>Names a contact: <c>Li Wei (li, decision level, CFO)</c>.</summary>
        public readonly string Who(int c)
        {
            var contact = Center.ContactArray[c];
            var title = contact.Profile.Title is { } t ? ", " + t : string.Empty;
            return $"{contact.Profile.Name} ({contact.Id}, {Name(contact.Profile.Level)} level{title})";
        }

        /// <summary>Describes a contact's strongest relationship with us.</summary>
        public readonly string Tie(int c)
        {
            var best = BestRelationship[c];
            if (best < 0)
            {
                return "no relationship with us";
            }

            var r = Center.RelationshipArray[best];
            var min = _engine.Policy.MinStrength;
            return r.Strength >= min
                ? Invariant($"covered by {r.Person} at strength {r.Strength} of {Relationship.MaxStrength}")
                : Invariant($"strongest relationship {r.Strength} of {Relationship.MaxStrength} (with {r.Person}), below the {min} that covers");
        }
    }

    /// <summary>One flag per level, without an allocation.</summary>
    [System.Runtime.CompilerServices.InlineArray(3)]
    private struct LevelFlags
    {
        private bool _flag;
    }
}
