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

    /// <summary>Tells whether an optional input file exists (a file of a folder convention that may be left out).</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>Whether the file exists.</returns>
    public static bool Exists(string path) => File.Exists(path);

    /// <summary>Checks that an input folder exists.</summary>
    /// <param name="option">The argument or option that named the folder, for the message.</param>
    /// <param name="folder">The folder.</param>
    /// <param name="holds">What the folder should hold, for the message.</param>
    /// <exception cref="KamValidationException">The folder does not exist.</exception>
    public static void RequireFolder(string option, string folder, string holds)
    {
        if (!Directory.Exists(folder))
        {
            throw new KamValidationException(folder, KamErrorCodes.Unknown, folder, $"{option}: folder not found (it should hold {holds}).");
        }
    }
}
