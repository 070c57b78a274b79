using System.Text.Json.Serialization;

namespace Kam.Core.Value.Economics;

/// <summary>What an amount spent on winning an account was spent on: the visible and hidden costs the rule book lists (docs/rules/value.md, The cost of winning a customer).</summary>
/// <remarks>
/// Values below 100 are visible costs (they appear in budgets and expense reports); values from 100 are hidden costs
/// (they are real but rarely booked against the account). <see cref="AcquisitionCost.IsHidden"/> tells
/// them apart.
/// </remarks>
[JsonConverter(typeof(JsonStringEnumConverter<AcquisitionCostKind>))]
public enum AcquisitionCostKind
{
    /// <summary>Trial and first-order discounts.</summary>
    TrialDiscount = 0,

    /// <summary>Start-up costs the customer imposes ("buying your way in"), including its switching costs the supplier bears.</summary>
    StartUpCost = 1,

    /// <summary>People's time spent winning the account.</summary>
    PeopleTime = 2,

    /// <summary>Extra travel.</summary>
    Travel = 3,

    /// <summary>Presentations and meetings.</summary>
    Presentations = 4,

    /// <summary>Entertainment.</summary>
    Entertainment = 5,

    /// <summary>The cost of carrying the higher inventory a new customer needs.</summary>
    Inventory = 6,

    /// <summary>The cost of extended credit or long-term price guarantees offered as an inducement.</summary>
    ExtendedCredit = 7,

    /// <summary>Another visible cost.</summary>
    OtherVisible = 99,

    /// <summary>Hidden: the distraction of the best people from existing accounts (and the business lost through it).</summary>
    Distraction = 100,

    /// <summary>Hidden: new systems and procedures set up for the new customer.</summary>
    NewSystems = 101,

    /// <summary>Hidden: training.</summary>
    Training = 102,

    /// <summary>Hidden: database changes and new promotional material.</summary>
    DatabaseChanges = 103,

    /// <summary>Another hidden cost.</summary>
    OtherHidden = 199,
}
