using Kam.Cli.Features.Portfolio;
using Kam.Cli.Features.Shared;
using Kam.Cli.Hosting;
using Kam.Core.Portfolio.Review;

namespace Kam.Cli.Features.Review;

/// <summary>Runs <c>kam review</c> on validated input: the command's handler and its part of <c>kam demo</c>.</summary>
internal static class ReviewRun
{
    /// <summary>Handles <c>kam review</c>.</summary>
    /// <param name="request">The validated request.</param>
    /// <param name="context">The run's context.</param>
    /// <returns>The exit code: <see cref="ExitCodes.InvalidInput"/> for an account not in accounts.csv.</returns>
    public static int Handle(ReviewRequest request, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var data = PortfolioLoad.Load(request.Folder, context.Services, context.Error.WriteLine);
        var rules = PortfolioLoad.Rules(request.Folder.Rules, data.Sources.Catalog);
        if (ReviewAnalysis.Run(data, rules, request.Account, out var error) is not { } result)
        {
            context.Error.WriteLine("kam: " + error);
            return ExitCodes.InvalidInput;
        }

        return RunOutput.Publish(
            context,
            request.Folder.Format,
            ReviewViews.Tables(result),
            request.Folder.ReportPath,
            () => ReviewPage.Render(result.Review, result.Page),
            currency: data.Currency.Code);
    }

    /// <summary>Writes this command's part of <c>kam demo</c>: the review of the account the default rules rank riskiest in the sample folder.</summary>
    /// <param name="demo">The demo's context.</param>
    public static void Demo(DemoContext demo)
    {
        ArgumentNullException.ThrowIfNull(demo);
        var data = PortfolioLoad.LoadSample(demo.Services);
        var reviewer = new AccountReviewer(data.Sources);
        var riskiest = reviewer.Dashboard().TopRisks(1);
        ReviewDemo.Write(demo, riskiest.Count == 0 ? null : ReviewAnalysis.Review(data, reviewer, riskiest[0].Account), data.Sources.Accounts.Count);
    }
}
