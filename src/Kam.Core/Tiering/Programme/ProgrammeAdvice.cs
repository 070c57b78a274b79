namespace Kam.Core.Tiering;

/// <summary>Whether a supplier should consider a key-account department, in which form, and how many managers it needs.</summary>
/// <remarks>Immutable; equality is structural (the list by reference).</remarks>
/// <param name="ConsiderDepartment">Whether either threshold of 003…txt:12-13 is reached.</param>
/// <param name="Reasons">The thresholds reached or missed, in words.</param>
/// <param name="Form">The form suggested for the company's size.</param>
/// <param name="ManagersNeeded">Key-account managers needed for the key accounts at the policy's accounts per manager (rounded up).</param>
public sealed record ProgrammeAdvice(bool ConsiderDepartment, IReadOnlyList<string> Reasons, ProgrammeForm Form, int ManagersNeeded);
