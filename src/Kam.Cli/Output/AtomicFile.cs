using Kam.Core;

namespace Kam.Cli.Output;

/// <summary>Publishes an output file all at once: the content goes to a temporary file beside the target, which then replaces the target.</summary>
/// <remarks>A reader of the target sees the old file or the complete new one, never half a file; on failure the temporary file is deleted and the target is untouched.</remarks>
internal static class AtomicFile
{
    /// <summary>Writes text (UTF-8, no BOM) to <paramref name="path"/> atomically.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="content">The complete content.</param>
    /// <exception cref="KamValidationException">The folder does not exist or the file cannot be written.</exception>
    public static void WriteAllText(string path, string content)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            throw new KamValidationException(path, KamErrorCodes.Unknown, path, $"cannot write: the folder {folder} does not exist.");
        }

        var temp = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            File.WriteAllText(temp, content, new System.Text.UTF8Encoding(false));
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new KamValidationException(path, KamErrorCodes.InvalidState, path, $"cannot write: {ex.Message}");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the temporary file is hidden and uniquely named.
        }
        catch (UnauthorizedAccessException)
        {
            // Best effort.
        }
    }
}
