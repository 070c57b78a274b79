using Kam.Core;

namespace Kam.Cli.IO;

/// <summary>Checks on the files a command reads, before it reads them.</summary>
internal static class InputFiles
{
    /// <summary>Checks that an optional input file exists (its content is read and validated later, by its reader).</summary>
    /// <param name="option">The option or argument that named the file, for the message.</param>
    /// <param name="path">The path, or <see langword="null"/> when the option was not given.</param>
    /// <returns><paramref name="path"/>.</returns>
    /// <exception cref="KamValidationException">The file does not exist.</exception>
    public static string? RequireExisting(string option, string? path)
    {
        if (path is not null && !File.Exists(Excel.WorkbookPath.FileOf(path)))
        {
            throw new KamValidationException(path, KamErrorCodes.Unknown, path, $"{option}: file not found.");
        }

        return path;
    }

    /// <summary>Tells whether an optional input file of a folder is there (a folder of the standard files, <c>kam portfolio</c> and <c>kam review</c>).</summary>
    /// <param name="path">The path.</param>
    /// <returns>Whether a file exists at the path.</returns>
    public static bool Exists(string path) => File.Exists(path);

    /// <summary>Tells whether an input folder exists.</summary>
    /// <param name="folder">The folder.</param>
    /// <returns>Whether a folder exists at the path.</returns>
    public static bool FolderExists(string folder) => Directory.Exists(folder);
}
