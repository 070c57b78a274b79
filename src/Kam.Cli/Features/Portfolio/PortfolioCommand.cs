using System.CommandLine;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;

namespace Kam.Cli.Features.Portfolio;

/// <summary>What <c>kam portfolio</c> hands to its engine handler.</summary>
/// <param name="Folder">The folder, the as-of day, the rule file, the format and the report target.</param>
/// <param name="Top">How many risks and opportunities the tables show one by one (0: every one).</param>
/// <param name="MatrixPath">The matrix file (<c>--matrix</c>; it exists), or <see langword="null"/> for the two default matrices.</param>
internal sealed record PortfolioRequest(PortfolioFolder Folder, int Top, string? MatrixPath);

/// <summary>
/// <c>kam portfolio [DIR]</c>: the portfolio view of a folder of the standard files — the account review's risks and
/// opportunities ranked with their reasons and actions, and every account's cell in the portfolio matrices.
/// </summary>
internal static class PortfolioCommand
{
    /// <summary>The default of <c>--top</c>.</summary>
    public const int DefaultTop = 20;

    /// <summary>Creates the command.</summary>
    /// <param name="context">The run's context.</param>
    /// <param name="handler">Runs the engines on the request and returns the exit code.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context, Func<PortfolioRequest, CliContext, int> handler)
    {
        var options = new PortfolioOptions("portfolio.html");
        var top = new Option<int>("--top") { HelpName = "N", Description = "How many risks and opportunities the tables show one by one; the others are one row (0: every one).", DefaultValueFactory = _ => DefaultTop };
        var matrix = new Option<string?>("--matrix") { HelpName = "matrix.json", Description = "A portfolio matrix file (kam's matrix schema) on attractiveness x strength or current x future value, instead of that default matrix." };
        var command = new Command("portfolio", "The portfolio view of a folder (kam init DIR --sample): risks and opportunities ranked with reasons and actions, and each account's cell in the attractiveness x strength and current x future value matrices.");
        options.AddTo(command);
        command.Options.Add(top);
        command.Options.Add(matrix);
        command.Validators.Add(result =>
        {
            if (result.GetValue(top) is < 0 or > 100_000)
            {
                result.AddError("--top must be from 0 (every one) to 100000.");
            }
        });
        command.SetAction(parse =>
        {
            var folder = options.Read(parse, parse.GetValue(matrix));
            var matrixPath = CommonOptions.RequireExistingFile("--matrix", parse.GetValue(matrix));
            return handler(new PortfolioRequest(folder, parse.GetValue(top), matrixPath), context);
        });
        return command;
    }
}
