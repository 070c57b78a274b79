using Kam.Cli.IO.Csv;
using Kam.Core;

namespace Kam.Cli.IO;

/// <summary>Reads a JSON rule file (tier policy, playbook, pay plan) through its engine's loader, naming the file in every error.</summary>
internal static class RuleFile
{
    /// <summary>Reads and parses a rule file.</summary>
    /// <typeparam name="T">The rule set.</typeparam>
    /// <param name="path">The file.</param>
    /// <param name="option">The argument or option that named it (e.g. <c>--policy</c>), for the message when it cannot be read.</param>
    /// <param name="parse">The engine's loader (e.g. <c>Playbook.FromJson</c>), which validates and reports JSON paths.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="KamValidationException">
    /// The file cannot be read, is not UTF-8 text (path <c>file:line</c>), or the loader refused it; each error's path
    /// is then <c>file:$.json.path</c>, like a CSV cell's <c>file:line:column</c>.
    /// </exception>
    public static T Load<T>(string path, string option, Func<string, T> parse)
    {
        string json;
        try
        {
            var bytes = File.ReadAllBytes(path);
            Utf8Check.Verify(bytes, path);
            json = System.Text.Encoding.UTF8.GetString(bytes.AsSpan(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KamValidationException(path, KamErrorCodes.InvalidState, path, $"{option}: cannot be read: {ex.Message}");
        }

        try
        {
            return parse(json);
        }
        catch (KamValidationException ex)
        {
            throw new KamValidationException(ex.Errors.Select(e => e with { Path = $"{path}:{e.Path}" }));
        }
    }
}
