using System.CommandLine;
using Kam.Cli.Features.Portfolio;
using Kam.Cli.Hosting;

namespace Kam.Cli.Features.Review;

/// <summary>What <c>kam review</c> hands to its engine handler.</summary>
/// <param name="Account">The account to review, as typed.</param>
/// <param name="Folder">The folder of the files, the as-of day, the rule file, the format and the <c>--out</c> target, checked.</param>
internal sealed record ReviewRequest(string Account, PortfolioFolder Folder);

/// <summary>
/// <c>kam review ACCOUNT [DIR]</c>: one account reviewed as a whole — its tier, plan, pipeline, win/loss, profitability,
/// lifetime value, coverage and health, contact and receivables — with the risks and opportunities the review rules
/// find, their reasons and actions; <c>--out review.html</c> writes the one-page review, printable on A4 landscape.
/// </summary>
internal static class ReviewCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">The run's context.</param>
    /// <param name="handler">Runs the review on the request and returns the exit code.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context, Func<ReviewRequest, CliContext, int> handler)
    {
        var account = new Argument<string>("ACCOUNT") { Description = "The account to review: its account_id in accounts.csv." };
        var options = new PortfolioOptions("review.html");
        var command = new Command("review", "One account reviewed as a whole: every part's figures, the signals the rules read, the risks and opportunities with reasons and actions; --out writes the one-page review (A4 landscape).")
        {
            account,
        };
        options.AddTo(command);
        command.SetAction(parse => handler(new ReviewRequest(parse.GetValue(account)!, options.Read(parse)), context));
        return command;
    }
}
