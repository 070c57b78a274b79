using Kam.Core;

namespace Kam.Cli.IO.Csv;

/// <summary>
/// Holds one read of a file to one currency: the first valid currency cell sets the file's currency, and a row in
/// another is refused at its currency cell (sums, shares and rankings compare amounts across rows).
/// </summary>
/// <param name="fileKind">What the file holds, for the message (e.g. <c>accounts</c>).</param>
internal sealed class SingleCurrency(string fileKind)
{
    private (Currency Currency, int Line)? _first;

    /// <summary>Gets the file's currency (its first valid currency cell), or <see langword="null"/> before any.</summary>
    public Currency? Currency => _first?.Currency;

    /// <summary>Checks a row's currency against the file's.</summary>
    /// <param name="row">The row.</param>
    /// <param name="column">The row's currency column, where a mismatch is reported.</param>
    /// <param name="currency">The row's currency; <see langword="default"/> when the cell was already reported as bad.</param>
    public void Check(CsvRow row, CsvColumn<Currency> column, Currency currency)
    {
        if (currency == default)
        {
            return;
        }

        if (_first is null)
        {
            _first = (currency, row.Line);
        }
        else if (_first.Value.Currency != currency)
        {
            row.Fail(column, KamErrorCodes.CurrencyMismatch, $"the file is in {_first.Value.Currency} (line {_first.Value.Line}); one {fileKind} file cannot mix currencies.");
        }
    }
}
