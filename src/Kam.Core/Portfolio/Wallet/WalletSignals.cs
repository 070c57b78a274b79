using Kam.Core.Portfolio.Review;

namespace Kam.Core.Portfolio.Wallet;

/// <summary>
/// Share of wallet as signals of the account review: <c>wallet.share</c> (our share of the account's estimated spend),
/// <c>wallet.headroom</c> (the estimated spend we do not have) and <c>wallet.whitespace</c> (the estimated value of
/// the white space of its plan), read from the accounts' <see cref="WalletLine"/>s, so that a rule can say "a loyal
/// account where we hold less than a third of the spend".
/// </summary>
/// <remarks>
/// <para>
/// Pass it to <see cref="AccountReviewSources"/> in <c>extensions</c> and check rules against
/// <c>SignalCatalog.BuiltIn.With(source.Signals)</c>. An account without a line has every signal absent; one with a
/// line but no estimate (or an estimate of zero) has <c>wallet.share</c> and <c>wallet.headroom</c> absent and its
/// white space (0 without a plan). Amounts are in the lines' currency: give the review parts in the same one.
/// </para>
/// <para>Reads the lines once, when built; immutable and thread-safe afterwards.</para>
/// </remarks>
public sealed class WalletSignals : IAccountSignalSource
{
    private static readonly SignalDefinition[] Definitions =
    [
        new("wallet.share", SignalUnit.Ratio, ReviewPart.Extension, "WalletLine.Share", "Our sales ÷ the account's estimated spend in the category, 0 to 1 (absent without an estimate)."),
        new("wallet.headroom", SignalUnit.Money, ReviewPart.Extension, "WalletLine.Headroom", "The account's estimated spend we do not have (absent without an estimate)."),
        new("wallet.whitespace", SignalUnit.Money, ReviewPart.Extension, "WalletLine.Whitespace", "Estimated value of the white space of the account's plan (0 without a plan)."),
    ];

    private readonly Dictionary<AccountId, WalletLine> _lines;

    /// <summary>Creates the signals of the accounts' wallet lines.</summary>
    /// <param name="lines">One line per account (<see cref="WalletSummary.Lines"/>, or the lines of several summaries of disjoint accounts); not changed.</param>
    /// <exception cref="KamValidationException">A line is missing (<c>lines[2]</c>) or an account has two (<c>lines[3].account</c>, <see cref="KamErrorCodes.Duplicate"/>, with the account as value); every problem is reported.</exception>
    public WalletSignals(IEnumerable<WalletLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var errors = new ValidationCollector();
        _lines = [];
        var i = 0;
        foreach (var line in lines)
        {
            var path = $"lines[{i++}]";
            if (errors.Required(path, line) && !_lines.TryAdd(line.Account, line))
            {
                errors.Add(path + ".account", KamErrorCodes.Duplicate, line.Account.Value, "The account has another wallet line; give one per account.");
            }
        }

        errors.ThrowIfAny();
    }

    /// <summary>Gets <c>wallet.share</c>, <c>wallet.headroom</c> and <c>wallet.whitespace</c>, in this order.</summary>
    public IReadOnlyList<SignalDefinition> Signals { get; } = Array.AsReadOnly(Definitions);

    /// <summary>Writes the account's share, headroom and white space; all absent when it has no line.</summary>
    /// <param name="account">The account.</param>
    /// <param name="values">Room for the three values.</param>
    public void Fill(AccountId account, Span<double?> values)
    {
        if (values.Length < Definitions.Length || !_lines.TryGetValue(account, out var line))
        {
            return;
        }

        values[0] = line.Share is { } share ? (double)share.Fraction : null;
        values[1] = line.Headroom is { } headroom ? (double)headroom.Amount : null;
        values[2] = (double)line.Whitespace.Amount;
    }
}
