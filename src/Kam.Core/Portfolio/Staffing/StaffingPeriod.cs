namespace Kam.Core.Portfolio.Staffing;

/// <summary>One period of a staffing plan: its name, the share of accounts expected to be lost in it (and replaced by new ones) and its demand surge.</summary>
/// <remarks>Immutable and valid from construction.</remarks>
public sealed class StaffingPeriod
{
    /// <summary>Creates a period.</summary>
    /// <param name="name">The period's name (for example <c>FY2027-Q1</c>); not blank.</param>
    /// <param name="churnRate">The share of accounts expected to be lost in the period, 0 to 100% (for example the rate of <see cref="StaffingPlanner.ChurnRate"/>); each lost account is replaced by a new one.</param>
    /// <param name="surge">The demand multiplier of the period (1.2: a fifth more work than usual, a season or a launch), above 0 and at most 10; default 1.</param>
    /// <exception cref="KamValidationException">The name is blank, the churn rate is above 100% or the surge is out of range; every problem is reported.</exception>
    public StaffingPeriod(string name, Ratio churnRate, decimal surge = 1m)
    {
        var errors = new ValidationCollector();
        errors.Required("name", name);
        errors.InRange("churnRate", churnRate.Fraction, 0m, 1m);
        if (surge <= 0m || surge > 10m)
        {
            errors.Add("surge", KamErrorCodes.OutOfRange, surge, "A demand surge is above 0 and at most 10 (1 for none).");
        }

        errors.ThrowIfAny();
        Name = name;
        ChurnRate = churnRate;
        Surge = surge;
    }

    /// <summary>Gets the period's name.</summary>
    public string Name { get; }

    /// <summary>Gets the share of accounts expected to be lost in the period.</summary>
    public Ratio ChurnRate { get; }

    /// <summary>Gets the demand multiplier of the period.</summary>
    public decimal Surge { get; }

    /// <summary>Tells whether two periods are planned alike.</summary>
    internal bool SameAs(StaffingPeriod other) => Name == other.Name && ChurnRate == other.ChurnRate && Surge == other.Surge;
}
