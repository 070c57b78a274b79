namespace Kam.Cli.Features.Shared;

/// <summary>One file <c>kam init</c> writes: its name and its complete, commented content.</summary>
/// <param name="FileName">The file name (no folder).</param>
/// <param name="Content">The content.</param>
internal sealed record InitTemplate(string FileName, string Content);
