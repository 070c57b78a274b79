namespace Kam.Core;

/// <summary>
/// One thing wrong with an input: where it is, what kind of problem it is, the offending value, and a sentence for
/// a person.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Path"/> uses the notation of the input it came from: a JSON path (<c>$.stages[2].probability</c>) for a
/// rule file, a member path (<c>options.FiscalYearStartMonth</c>, <c>accounts[3].revenue</c>) for objects built in
/// code, <c>file.csv:12:3</c> for a CSV cell.
/// Indices in paths are 0-based (<c>accounts[0]</c> is the first account,
/// <c>$.components[0]</c> the first component); a host that reads files maps them to 1-based lines itself. Dates in
/// <see cref="AttemptedValue"/> and <see cref="Message"/> are ISO (<c>2026-01-02</c>), never a culture's long date.
/// </para>
/// <para>
/// For rule files, the path uses the file's own member names, as written, and <see cref="AttemptedValue"/> carries
/// the value found there; messages never name an internal type.
/// </para>
/// <para>
/// <see cref="Code"/> is stable across versions and meant for programs (see <see cref="KamErrorCodes"/>);
/// <see cref="Message"/> is meant for people and may be reworded.
/// </para>
/// <para>Equality is structural over all four members.</para>
/// </remarks>
/// <param name="Path">Where the problem is: the field path of the offending value.</param>
/// <param name="Code">A stable, machine-readable error code, usually one of <see cref="KamErrorCodes"/>.</param>
/// <param name="AttemptedValue">The offending value rendered as text (invariant culture), or <see langword="null"/> when there was none.</param>
/// <param name="Message">A human-readable description of the problem.</param>
public sealed record KamValidationError(string Path, string Code, string? AttemptedValue, string Message)
{
    /// <summary>
    /// Gets the input record the error is about when <see cref="Path"/> names one (<c>deals[3].amount</c>: collection
    /// <c>deals</c>, index 3, member <c>amount</c>), or <see langword="null"/> for any other path. A host that read the
    /// records from a file uses it to point at the row and column instead of parsing the path itself.
    /// </summary>
    public KamRecordLocator? Record => KamRecordLocator.Parse(Path);

    /// <summary>Renders the error as <c>path: message (code, value 'x')</c>.</summary>
    /// <returns>A single line describing the error.</returns>
    public override string ToString() =>
        AttemptedValue is null
            ? $"{Path}: {Message} ({Code})"
            : $"{Path}: {Message} ({Code}, value '{AttemptedValue}')";
}
