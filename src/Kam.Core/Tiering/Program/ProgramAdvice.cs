namespace Kam.Core.Tiering.Program;

/// <summary>Whether a supplier should consider a key-account department, in which form, and how many managers it needs.</summary>
/// <remarks>Immutable.</remarks>
public sealed class ProgramAdvice
{
    /// <summary>Creates the program advice.</summary>
    /// <param name="considerDepartment">Whether either threshold of the rule book (key-account program) is reached.</param>
    /// <param name="reasons">The thresholds reached or missed, in words.</param>
    /// <param name="form">The form suggested for the company's size.</param>
    /// <param name="managersNeeded">Key-account managers needed for the key accounts at the policy's accounts per manager (rounded up).</param>
    internal ProgramAdvice(bool considerDepartment, IReadOnlyList<string> reasons, ProgramForm form, int managersNeeded)
    {
        ConsiderDepartment = considerDepartment;
        Reasons = reasons;
        Form = form;
        ManagersNeeded = managersNeeded;
    }

    /// <summary>Gets a value indicating whether either threshold of the rule book (key-account program) is reached.</summary>
    public bool ConsiderDepartment { get; }

    /// <summary>Gets the thresholds reached or missed, in words.</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>Gets the form suggested for the company's size.</summary>
    public ProgramForm Form { get; }

    /// <summary>Gets key-account managers needed for the key accounts at the policy's accounts per manager (rounded up).</summary>
    public int ManagersNeeded { get; }
}
