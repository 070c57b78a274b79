using System.Globalization;

namespace Kam.Cli.Terminal;

/// <summary>A one-line progress bar on a terminal's standard error: <c>reading transactions.csv [#########-----------]  45%</c>.</summary>
/// <remarks>
/// Redraws only when the shown text changes (whole percent or activity), so frequent reports cost little;
/// <see cref="Dispose"/> clears the line. Reports may come from any thread; drawing is serialized.
/// </remarks>
internal sealed class TerminalProgressBar : IProgress<ProgressUpdate>, IDisposable
{
    private const int BarWidth = 30;
    private readonly TextWriter _error;
    private readonly Lock _gate = new();
    private string _last = string.Empty;

    /// <summary>Creates a bar drawing on <paramref name="error"/>.</summary>
    /// <param name="error">The terminal's standard error.</param>
    public TerminalProgressBar(TextWriter error) => _error = error;

    /// <inheritdoc />
    public void Report(ProgressUpdate value)
    {
        var text = Render(value);
        lock (_gate)
        {
            if (text == _last)
            {
                return;
            }

            var pad = _last.Length > text.Length ? new string(' ', _last.Length - text.Length) : string.Empty;
            _error.Write("\r" + text + pad);
            _error.Flush();
            _last = text;
        }
    }

    /// <summary>Clears the bar's line.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_last.Length > 0)
            {
                _error.Write("\r" + new string(' ', _last.Length) + "\r");
                _error.Flush();
                _last = string.Empty;
            }
        }
    }

    /// <summary>Renders an update as the bar's text.</summary>
    /// <param name="value">The update.</param>
    /// <returns>The line (without carriage return).</returns>
    internal static string Render(ProgressUpdate value)
    {
        if (value.Total is not { } total || total <= 0)
        {
            return $"{value.Activity} {value.Completed.ToString("N0", CultureInfo.InvariantCulture)}";
        }

        var fraction = Math.Clamp((double)value.Completed / total, 0d, 1d);
        var filled = (int)Math.Round(fraction * BarWidth);
        var percent = (int)Math.Floor(fraction * 100);
        return $"{value.Activity} [{new string('#', filled)}{new string('-', BarWidth - filled)}] {percent,3}%";
    }
}
