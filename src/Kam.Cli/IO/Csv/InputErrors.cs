using System.Globalization;
using Kam.Core;

namespace Kam.Cli.IO.Csv;

/// <summary>
/// Collects the problems found while the input files are read, so that every problem is reported at once; throws
/// them together as one <see cref="KamValidationException"/>.
/// </summary>
internal sealed class InputErrors
{
    private readonly List<KamValidationError> _errors = [];

    /// <summary>Gets the problems collected so far.</summary>
    public IReadOnlyList<KamValidationError> Errors => _errors;

    /// <summary>Adds a problem.</summary>
    /// <param name="path">Where the problem is (<c>file.csv:12:3</c>, <c>plan.json:$.member</c>).</param>
    /// <param name="code">The stable error code (see <see cref="KamErrorCodes"/>).</param>
    /// <param name="attemptedValue">The offending value, rendered with the invariant culture; may be null.</param>
    /// <param name="message">A description of the problem.</param>
    public void Add(string path, string code, object? attemptedValue, string message) =>
        _errors.Add(new KamValidationError(path, code, attemptedValue switch
        {
            null => null,
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => attemptedValue.ToString(),
        }, message));

    /// <summary>Throws every collected problem, if there is any.</summary>
    /// <exception cref="KamValidationException">At least one problem was collected.</exception>
    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new KamValidationException(_errors);
        }
    }
}
