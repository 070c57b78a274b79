namespace Kam.Core.Tiering.Scorecard;

/// <summary>Weighted account-scorecard tiering with its scorecard fixed at construction (see <see cref="AccountScorecardEngine"/>).</summary>
public interface IAccountScorecardEngine : ITieringEngine
{
    /// <summary>Gets the engine's scorecard.</summary>
    AccountScorecardPolicy Policy { get; }
}
