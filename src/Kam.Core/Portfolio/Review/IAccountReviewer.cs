namespace Kam.Core.Portfolio.Review;

/// <summary>Reviews accounts: one account's <see cref="AccountReview"/>, or the <see cref="PortfolioDashboard"/> over all of them (hosts mock this interface).</summary>
public interface IAccountReviewer
{
    /// <summary>Gets the sources reviewed.</summary>
    AccountReviewSources Sources { get; }

    /// <summary>Gets the rules applied.</summary>
    ReviewRuleSet Rules { get; }

    /// <summary>Reviews one account.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The review.</returns>
    /// <exception cref="KamValidationException">The account is in neither the hierarchy nor any part (<c>account</c>, <see cref="KamErrorCodes.Unknown"/>).</exception>
    AccountReview Review(AccountId account);

    /// <summary>Ranks every account of the sources by risk and by opportunity.</summary>
    /// <returns>The dashboard.</returns>
    PortfolioDashboard Dashboard();
}
