using System.Globalization;
using System.Text;

namespace Kam.Cli.Reporting;

/// <summary>A plain-text table with a header row, aligned columns and right-aligned numbers.</summary>
internal sealed class TextTable
{
    private readonly string[] _headers;
    private readonly bool[] _rightAligned;
    private readonly List<string[]> _rows = [];

    /// <summary>Creates a table; a header ending in <c>&gt;</c> marks a right-aligned column (the marker is not printed).</summary>
    /// <param name="headers">The column headers.</param>
    public TextTable(params string[] headers)
    {
        _rightAligned = headers.Select(h => h.EndsWith('>')).ToArray();
        _headers = headers.Select(h => h.TrimEnd('>')).ToArray();
    }

    /// <summary>Adds a row; values are formatted with the invariant culture.</summary>
    /// <param name="cells">One value per column.</param>
    public void Add(params object?[] cells)
    {
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"Expected {_headers.Length} cells, got {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells.Select(c => c switch
        {
            null => string.Empty,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => c.ToString() ?? string.Empty,
        }).ToArray());
    }

    /// <summary>Writes the table.</summary>
    /// <param name="writer">The destination.</param>
    public void Write(TextWriter writer)
    {
        var widths = _headers.Select((h, i) => Math.Max(Width(h), _rows.Count == 0 ? 0 : _rows.Max(r => Width(r[i])))).ToArray();
        WriteRow(writer, _headers, widths);
        writer.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows)
        {
            WriteRow(writer, row, widths);
        }
    }

    // East Asian wide characters take two terminal columns.
    private static int Width(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += rune.Value is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 ? 2 : 1;
        }

        return width;
    }

    private void WriteRow(TextWriter writer, string[] cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            var pad = new string(' ', widths[i] - Width(cells[i]));
            line.Append(_rightAligned[i] ? pad + cells[i] : cells[i] + pad);
            if (i < cells.Length - 1)
            {
                line.Append("  ");
            }
        }

        writer.WriteLine(line.ToString().TrimEnd());
    }
}
