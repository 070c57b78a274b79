namespace Kam.Cli.IO.Csv;

/// <summary>A column of a CSV input file as the schema declares it: its header name, whether it must be present, and its documentation.</summary>
/// <remarks>Header names are matched case-insensitively after trimming; the typed subclass <see cref="CsvColumn{T}"/> parses the cells.</remarks>
internal abstract class CsvColumn
{
    private protected CsvColumn(string name, string typeName, bool required, string description, string example, bool summed)
    {
        Summed = summed;
        Name = name;
        TypeName = typeName;
        Required = required;
        Description = description;
        Example = example;
    }

    /// <summary>Gets the header name.</summary>
    public string Name { get; }

    /// <summary>Gets the name of the value type, for documentation (<c>decimal</c>, <c>date yyyy-MM-dd</c>, ...).</summary>
    public string TypeName { get; }

    /// <summary>Gets a value indicating whether the header must contain the column and every row must give a value.</summary>
    public bool Required { get; }

    /// <summary>Gets a one-line description for the commented example files and the docs.</summary>
    public string Description { get; }

    /// <summary>Gets an example value.</summary>
    public string Example { get; }

    /// <summary>Gets a value indicating whether the column is an amount whose file total is bounded (<see cref="CsvColumns.MaxColumnTotal"/>).</summary>
    public bool Summed { get; }

    /// <summary>Gets the type of the parsed values (how a typed worksheet cell becomes the column's text: a number in a date column is a serial date).</summary>
    public abstract Type ValueType { get; }
}

/// <summary>A typed CSV column: a <see cref="CsvColumn"/> with the parser of its cells.</summary>
/// <typeparam name="T">The parsed value type.</typeparam>
internal sealed class CsvColumn<T> : CsvColumn
{
    private readonly CsvCellParser<T> _parse;

    /// <summary>Creates a column; use the factories of <see cref="CsvColumns"/>.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="typeName">The documented value type.</param>
    /// <param name="required">Whether the column is required.</param>
    /// <param name="description">The documentation line.</param>
    /// <param name="example">An example value.</param>
    /// <param name="parse">The cell parser.</param>
    /// <param name="summed">Whether the column is an amount whose file total is bounded.</param>
    /// <param name="fast">The fast parser of a short ASCII cell (no string made), or <see langword="null"/>.</param>
    public CsvColumn(string name, string typeName, bool required, string description, string example, CsvCellParser<T> parse, bool summed = false, CsvFastParser<T>? fast = null)
        : base(name, typeName, required, description, example, summed)
    {
        _parse = parse;
        FastParser = fast;
    }

    /// <inheritdoc/>
    public override Type ValueType => typeof(T);

    /// <summary>Gets the fast parser of the column's common cell forms, or <see langword="null"/> when every cell goes through <see cref="TryParse"/>.</summary>
    public CsvFastParser<T>? FastParser { get; }

    /// <summary>Parses a non-empty cell.</summary>
    /// <param name="text">The trimmed cell text.</param>
    /// <param name="value">The value when the cell is valid.</param>
    /// <param name="problem">Why the cell is invalid, when it is.</param>
    /// <returns><see langword="true"/> when the cell is valid.</returns>
    public bool TryParse(string text, out T value, out CsvCellProblem? problem) => _parse(text, out value, out problem);
}

/// <summary>Parses the text of one CSV cell.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="text">The trimmed, non-empty cell text.</param>
/// <param name="value">The value when valid.</param>
/// <param name="problem">What is wrong when invalid; <see langword="null"/> when valid.</param>
/// <returns><see langword="true"/> when the text is valid.</returns>
internal delegate bool CsvCellParser<T>(string text, out T value, out CsvCellProblem? problem);

/// <summary>
/// Parses the common, valid forms of a cell without making a string: returns <see langword="true"/> only for a cell the
/// column's <see cref="CsvCellParser{T}"/> accepts with the same value; for anything else <see langword="false"/>, and the
/// cell goes to that parser (which gives the messages).
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="text">The cell: ASCII, non-empty, nothing to trim.</param>
/// <param name="value">The value when accepted.</param>
/// <returns><see langword="true"/> when the cell is valid and read.</returns>
internal delegate bool CsvFastParser<T>(ReadOnlySpan<char> text, out T value);

/// <summary>Why a CSV cell is invalid: a <see cref="Kam.Core.KamErrorCodes"/> code and a sentence.</summary>
/// <param name="Code">The stable error code.</param>
/// <param name="Message">What is wrong, for a person.</param>
internal sealed record CsvCellProblem(string Code, string Message)
{
    /// <summary>A format problem (<see cref="Kam.Core.KamErrorCodes.InvalidFormat"/>).</summary>
    public static CsvCellProblem Format(string message) => new(Kam.Core.KamErrorCodes.InvalidFormat, message);

    /// <summary>A range problem (<see cref="Kam.Core.KamErrorCodes.OutOfRange"/>).</summary>
    public static CsvCellProblem Range(string message) => new(Kam.Core.KamErrorCodes.OutOfRange, message);
}
