using System.Globalization;
using Kam.Core.Serialization;

namespace Kam.Core.Portfolio.Matrices.Serialization;

/// <summary>Reads and writes the portfolio matrix file through <see cref="KamJson"/>; every problem of the axes and cells is reported at once, at its JSON path (<c>$.x.thresholds[0]</c>).</summary>
internal static class MatrixJson
{
    public static PortfolioMatrix Read(string json) => KamJson.Read(json, MatrixJsonContext.Strict.MatrixDto, FromDto);

    public static string Write(PortfolioMatrix matrix) => KamJson.Serialize(
        new MatrixDto
        {
            Name = matrix.Name,
            X = ToDto(matrix.X),
            Y = ToDto(matrix.Y),
            Cells = [.. matrix.Cells.Select(c => new MatrixCellDto { Code = c.Code, Name = c.Name, X = c.XBand, Y = c.YBand, StrategyCode = c.StrategyCode, Strategy = c.Strategy })],
        },
        MatrixJsonContext.Strict.MatrixDto);

    private static MatrixAxisDto ToDto(MatrixAxis axis) => new()
    {
        Name = axis.Name,
        Description = axis.Description,
        Min = axis.Min,
        Max = axis.Max,
        Thresholds = [.. axis.Thresholds],
    };

    private static PortfolioMatrix FromDto(MatrixDto dto)
    {
        var errors = new ValidationCollector();
        errors.Required("$.name", dto.Name);
        var x = Axis(errors, "$.x", dto.X);
        var y = Axis(errors, "$.y", dto.Y);
        var cells = new List<MatrixCell>();
        if (dto.Cells is null)
        {
            errors.Add("$.cells", KamErrorCodes.Required, null, "A matrix lists its cells.");
        }
        else
        {
            for (var i = 0; i < dto.Cells.Count; i++)
            {
                var path = string.Create(CultureInfo.InvariantCulture, $"$.cells[{i}]");
                if (dto.Cells[i] is not { } c)
                {
                    errors.Add(path, KamErrorCodes.Required, null, "A cell is required.");
                    continue;
                }

                var xOk = errors.Required(path + ".x", c.X);
                var yOk = errors.Required(path + ".y", c.Y);
                if (xOk && yOk && KamJson.Nested(errors, path, () => new MatrixCell(c.Code!, c.Name!, c.X!.Value, c.Y!.Value, c.StrategyCode!, c.Strategy!)) is { } cell)
                {
                    cells.Add(cell);
                }
            }
        }

        errors.ThrowIfAny();
        return KamJson.AtPath("$.", () => new PortfolioMatrix(dto.Name!, x!, y!, cells));
    }

    private static MatrixAxis? Axis(ValidationCollector errors, string path, MatrixAxisDto? dto)
    {
        if (dto is null)
        {
            errors.Add(path, KamErrorCodes.Required, null, "A matrix has two axes, x and y.");
            return null;
        }

        return KamJson.Nested(errors, path, () => new MatrixAxis(dto.Name!, dto.Thresholds ?? [], dto.Min, dto.Max, dto.Description));
    }
}
