using System.Text;
using System.Text.Json;
using CsvHelper;

namespace Kam.Cli.Reporting;

/// <summary>Writes result tables to a text writer in a chosen <see cref="OutputFormat"/>.</summary>
/// <remarks>
/// JSON is written with <see cref="Utf8JsonWriter"/> (no reflection: trimming- and AOT-safe); CSV with CsvHelper's
/// writer. CSV and JSON write every row, streamed; the table format, for people, shows the first
/// <see cref="MaxTableRows"/> rows of a table and says how many there are.
/// </remarks>
internal static class ResultWriter
{
    /// <summary>The most rows the table format shows of one table; a longer table ends with a line giving the count.</summary>
    public const int MaxTableRows = 1000;

    /// <summary>The line that ends a table cut to <paramref name="shown"/> rows in people's views (terminal table, HTML report).</summary>
    /// <param name="shown">The rows shown.</param>
    /// <param name="total">The rows of the table.</param>
    /// <returns>The note, e.g. <c>showing 1,000 of 1,000,000 rows; use --format csv for all</c>.</returns>
    public static string TruncationNote(int shown, int total) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"showing {shown:N0} of {total:N0} rows; use --format csv for all");

    /// <summary>Writes the tables.</summary>
    /// <param name="output">The destination.</param>
    /// <param name="format">The format.</param>
    /// <param name="tables">The tables, in order.</param>
    public static void Write(TextWriter output, OutputFormat format, IReadOnlyList<ResultTable> tables)
    {
        switch (format)
        {
            case OutputFormat.Csv:
                WriteCsv(output, tables);
                break;
            case OutputFormat.Json:
                WriteJson(output, tables);
                break;
            default:
                WriteTables(output, tables);
                break;
        }
    }

    private static void WriteTables(TextWriter output, IReadOnlyList<ResultTable> tables)
    {
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            if (t > 0)
            {
                output.WriteLine();
            }

            output.WriteLine(table.Title + ":");
            var text = new TextTable(table.Columns.Select(c => c.RightAligned ? c.Name + ">" : c.Name).ToArray());
            var shown = Math.Min(table.Rows.Count, MaxTableRows);
            for (var r = 0; r < shown; r++)
            {
                text.Add(table.Rows[r].Select((cell, i) => (object)table.Display(i, cell)).ToArray());
            }

            text.Write(output);
            if (shown < table.Rows.Count)
            {
                output.WriteLine($"({TruncationNote(shown, table.Rows.Count)})");
            }
        }
    }

    private static void WriteCsv(TextWriter output, IReadOnlyList<ResultTable> tables)
    {
        var options = new CsvWriterOptions { NewLine = "\n", CommentPrefix = '#' };
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            using var csv = CsvWriter.Create(output, options, leaveOpen: true);
            if (tables.Count > 1)
            {
                if (t > 0)
                {
                    csv.Flush();
                    output.Write('\n');
                }

                csv.WriteComment(table.Name);
            }

            csv.WriteHeader(table.Columns.Select(c => c.Name).ToArray());
            foreach (var row in table.Rows)
            {
                csv.WriteRecord(row.Select(CsvCell).ToArray());
            }
        }
    }

    /// <summary>
    /// A cell as CSV text: numbers as they are (a negative amount stays a number); a text cell that a spreadsheet would
    /// read as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return) gets a
    /// leading <c>'</c>, the OWASP defense against CSV formula injection (account names and ids come from user files).
    /// </summary>
    /// <param name="value">The cell.</param>
    /// <returns>The text to write.</returns>
    internal static string CsvCell(object? value)
    {
        var text = ResultTable.Raw(value);
        return !ResultTable.IsNumber(value) && text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }

    private static void WriteJson(TextWriter output, IReadOnlyList<ResultTable> tables)
    {
        // Written in pieces: every few thousand rows the UTF-8 written so far (whole tokens) goes to the output.
        using var buffer = new MemoryStream();
        var chars = Array.Empty<char>();
        void Drain(Utf8JsonWriter json)
        {
            json.Flush();
            var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            if (chars.Length < bytes.Length)
            {
                chars = new char[bytes.Length]; // UTF-8 never decodes to more chars than bytes
            }

            output.Write(chars, 0, Encoding.UTF8.GetChars(bytes, chars));
            buffer.SetLength(0);
        }

        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            foreach (var table in tables)
            {
                json.WriteStartArray(table.Name);
                var written = 0;
                foreach (var row in table.Rows)
                {
                    if (++written % 4096 == 0)
                    {
                        Drain(json);
                    }

                    json.WriteStartObject();
                    for (var i = 0; i < row.Length; i++)
                    {
                        var name = table.Columns[i].Name;
                        switch (row[i])
                        {
                            case null:
                                json.WriteNull(name);
                                break;
                            case int v:
                                json.WriteNumber(name, v);
                                break;
                            case long v:
                                json.WriteNumber(name, v);
                                break;
                            case decimal v:
                                json.WriteNumber(name, v);
                                break;
                            case double v when double.IsFinite(v):
                                json.WriteNumber(name, v);
                                break;
                            case bool v:
                                json.WriteBoolean(name, v);
                                break;
                            case var v:
                                json.WriteString(name, ResultTable.Raw(v));
                                break;
                        }
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            Drain(json);
        }

        output.WriteLine();
    }
}
