using System.Text;
using System.Text.Json;
using CsvHelper;

namespace Kam.Cli.Output;

/// <summary>Writes result tables to a text writer in a chosen <see cref="OutputFormat"/>.</summary>
/// <remarks>JSON is written with <see cref="Utf8JsonWriter"/> (no reflection: trimming- and AOT-safe); CSV with CsvHelper's writer.</remarks>
internal static class ResultWriter
{
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
            foreach (var row in table.Rows)
            {
                text.Add(row.Select((cell, i) => (object)table.Display(i, cell)).ToArray());
            }

            text.Write(output);
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
    /// leading <c>'</c>, the OWASP defence against CSV formula injection (account names and ids come from user files).
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
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            foreach (var table in tables)
            {
                json.WriteStartArray(table.Name);
                foreach (var row in table.Rows)
                {
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
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
