using System.Text.Json.Nodes;
using Json.Schema;
using Kam.Core.Portfolio.Matrices;

namespace Kam.Core.Tests.Portfolio.Matrices;

/// <summary>Portfolio matrices: the defaults, where a point on a threshold falls, tallies, movements, JSON and refused input.</summary>
public sealed class MatrixTests
{
    private const string SchemaFile = "docs/schemas/portfolio-matrix.schema.json";

    private static AccountId A(string id) => AccountId.Parse(id);

    private static Money Cny(decimal amount) => new(amount, Currency.CNY);

    private static MatrixPoint Score(string id, decimal attractiveness, decimal strength, decimal value = 0m) => new(A(id), attractiveness, strength, Cny(value));

    [Theory]
    [InlineData(7.0, 8.0, "strategic", "invest")]
    [InlineData(7.0, 3.0, "development", "build")]
    [InlineData(2.0, 8.0, "status", "maintain")]
    [InlineData(2.0, 3.0, "streamline", "minimise")]
    [InlineData(5.0, 5.0, "strategic", "invest")] // exactly on both thresholds: high on both
    [InlineData(4.999, 5.0, "status", "maintain")]
    [InlineData(5.0, 4.999, "development", "build")]
    [InlineData(0.0, 0.0, "streamline", "minimise")] // the ends of the range are in it
    [InlineData(10.0, 10.0, "strategic", "invest")]
    public void Attractiveness_is_horizontal_strength_vertical_and_a_threshold_value_is_high(double x, double y, string cell, string strategy)
    {
        var placed = Assert.Single(PortfolioMatrix.AttractivenessAndStrength.Place([Score("A", (decimal)x, (decimal)y)], Currency.CNY).Accounts);
        Assert.Equal(cell, placed.Cell.Code);
        Assert.Equal(strategy, placed.Cell.StrategyCode);
    }

    [Fact]
    public void The_reason_names_each_value_against_its_threshold_and_the_strategy()
    {
        var point = new MatrixPoint(A("A"), 5m, 3.5m, Cny(0m), "account review", "customer survey");
        var placed = Assert.Single(PortfolioMatrix.AttractivenessAndStrength.Place([point], Currency.CNY).Accounts);
        Assert.StartsWith("attractiveness (account review) 5 is at or above 5: high; strength (customer survey) 3.5 is below 5: low → Development: Build", placed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Current_and_future_value_place_the_books_four_kinds()
    {
        var matrix = PortfolioMatrix.CurrentAndFutureValue(1_000_000m, 1_500_000m);
        var points = new[]
        {
            MatrixPoint.OfValues(A("COW"), Cny(2_000_000m), Cny(1_200_000m), "FY2026 gross profit", "3-year CLV"),
            MatrixPoint.OfValues(A("STAR"), Cny(1_000_000m), Cny(3_000_000m)),
            MatrixPoint.OfValues(A("CAT"), Cny(300_000m), Cny(1_500_000m)),
            MatrixPoint.OfValues(A("DOG"), Cny(400_000m), Cny(500_000m)),
            MatrixPoint.OfValues(A("DOG2"), Cny(-50_000m), Cny(0m)),
        };
        var placement = matrix.Place(points, Currency.CNY);
        Assert.Equal(["CAT", "COW", "DOG", "DOG2", "STAR"], placement.Accounts.Select(p => p.Account.Value));
        Assert.Equal(["wildcat", "cow", "dog", "dog", "star"], placement.Accounts.Select(p => p.Cell.Code));
        Assert.Equal(["drop", "focus", "control", "control", "focus"], placement.Accounts.Select(p => p.Cell.StrategyCode));
        Assert.Equal([("star", 1, 1_000_000m), ("cow", 1, 2_000_000m), ("wildcat", 1, 300_000m), ("dog", 2, 350_000m)], placement.ByCell.Select(t => (t.Cell.Code, t.Count, t.Value.Amount)));
        Assert.Equal(Cny(3_650_000m), placement.TotalValue);
        Assert.Equal("current value (FY2026 gross profit) 2,000,000 is at or above 1,000,000: high; future value (3-year CLV) 1,200,000 is below 1,500,000: low → Cash cow: Focus: a stable, weighty account whose growth has slowed; defend it and serve it efficiently.", placement.Find(A("COW"))!.Reason);
        Assert.Null(placement.Find(A("NONE")));
    }

    [Fact]
    public void A_three_by_three_grid_has_a_medium_band_and_nine_cells()
    {
        var axis = new MatrixAxis("score", [3m, 7m], 0m, 10m);
        var cells = (from x in Enumerable.Range(0, 3) from y in Enumerable.Range(0, 3) select new MatrixCell($"c{x}{y}", $"Cell {x}{y}", x, y, "s", "Strategy")).ToArray();
        var matrix = new PortfolioMatrix("three", axis, axis, cells);
        Assert.Equal(["low", "medium", "high"], Enumerable.Range(0, 3).Select(axis.BandName));
        Assert.Equal([0, 1, 1, 2, 2], new[] { 2.99m, 3m, 6.99m, 7m, 10m }.Select(axis.BandOf));
        var placement = matrix.Place([Score("A", 3m, 6.99m), Score("B", 7m, 0m)], Currency.CNY);
        Assert.Equal(["c11", "c20"], placement.Accounts.Select(p => p.Cell.Code));
        Assert.Equal("c21", matrix.CellAt(2, 1).Code);
        Assert.Equal(["low", "medium-low", "medium-high", "high"], Enumerable.Range(0, 4).Select(new MatrixAxis("four", [1m, 2m, 3m]).BandName));
    }

    [Fact]
    public void Movements_count_from_to_and_list_the_moved_the_new_and_the_gone()
    {
        var m = PortfolioMatrix.AttractivenessAndStrength;
        var before = m.Place([Score("A", 8, 8), Score("B", 8, 2), Score("C", 2, 2), Score("D", 2, 8)], Currency.CNY);
        var after = m.Place([Score("A", 8, 8), Score("B", 8, 6), Score("C", 1, 1), Score("E", 9, 9)], Currency.CNY);
        var moves = MatrixMovements.Between(before, after);
        Assert.Equal(1, moves.Count("strategic", "strategic"));
        Assert.Equal(1, moves.Count("development", "strategic"));
        Assert.Equal(1, moves.Count("streamline", "streamline"));
        Assert.Equal(0, moves.Count("status", "status"));
        Assert.Equal(16, moves.Transitions.Count);
        Assert.Equal(3, moves.Transitions.Sum(t => t.Count));
        var moved = Assert.Single(moves.Moved);
        Assert.Equal(("B", "development", "strategic"), (moved.Account.Value, moved.From.Code, moved.To.Code));
        Assert.Equal(["E"], moves.Entered.Select(p => p.Account.Value));
        Assert.Equal([("D", "status")], moves.Left.Select(p => (p.Account.Value, p.Cell.Code)));
    }

    [Fact]
    public void Movements_and_merges_need_one_matrix_and_merges_disjoint_accounts()
    {
        var a = PortfolioMatrix.AttractivenessAndStrength.Place([Score("A", 8, 8)], Currency.CNY);
        var other = PortfolioMatrix.CurrentAndFutureValue(5m, 5m).Place([Score("A", 8, 8)], Currency.CNY);
        Assert.Equal("to.matrix", Assert.Throws<KamValidationException>(() => MatrixMovements.Between(a, other)).Errors[0].Path);
        var ex = Assert.Throws<KamValidationException>(() => a.Merge(other));
        Assert.Equal(["matrix", "accounts['A']"], ex.Errors.Select(e => e.Path));
        var usd = PortfolioMatrix.AttractivenessAndStrength.Place([new MatrixPoint(A("B"), 1, 1, new Money(1m, Currency.USD))], Currency.USD);
        Assert.Equal(KamErrorCodes.CurrencyMismatch, Assert.Throws<KamValidationException>(() => a.Merge(usd)).Errors[0].Code);

        // A matrix read back from its JSON places alike.
        var copy = PortfolioMatrix.FromJson(PortfolioMatrix.AttractivenessAndStrength.ToJson());
        Assert.Equal(2, a.Merge(copy.Place([Score("B", 1, 1)], Currency.CNY)).Accounts.Count);
    }

    [Fact]
    public void An_axis_refuses_thresholds_outside_its_range_with_path_and_value_and_copies_them()
    {
        var ex = Assert.Throws<KamValidationException>(() => new MatrixAxis("a", [0m, 12m], 0m, 10m));
        Assert.Equal([("thresholds[0]", KamErrorCodes.OutOfRange, "0"), ("thresholds[1]", KamErrorCodes.OutOfRange, "12")], ex.Errors.Select(e => (e.Path, e.Code, e.AttemptedValue)));
        Assert.Equal([("thresholds[1]", KamErrorCodes.OutOfOrder, "5")], Assert.Throws<KamValidationException>(() => new MatrixAxis("a", [5m, 5m])).Errors.Select(e => (e.Path, e.Code, e.AttemptedValue)));
        Assert.Equal(["name", "thresholds", "max"], Assert.Throws<KamValidationException>(() => new MatrixAxis(" ", [], 3m, 3m)).Errors.Select(e => e.Path));
        Assert.Equal("thresholds", Assert.Throws<KamValidationException>(() => new MatrixAxis("a", [1m, 2m, 3m, 4m])).Errors[0].Path);
        var cuts = new[] { 5m };
        var axis = new MatrixAxis("a", cuts, 0m, 10m);
        cuts[0] = 9m;
        Assert.Equal([5m], axis.Thresholds);
    }

    [Fact]
    public void A_matrix_refuses_missing_duplicate_and_misplaced_cells()
    {
        var axis = new MatrixAxis("a", [5m]);
        MatrixCell Cell(string code, int x, int y) => new(code, code, x, y, "s", "S");
        var ex = Assert.Throws<KamValidationException>(() => new PortfolioMatrix("m", axis, axis, [Cell("p", 0, 0), Cell("p", 1, 0), Cell("q", 1, 0), Cell("r", 2, 1)]));
        Assert.Equal(
            [("cells[1].code", KamErrorCodes.Duplicate), ("cells[2]", KamErrorCodes.Duplicate), ("cells[3].x", KamErrorCodes.OutOfRange), ("cells", KamErrorCodes.Required), ("cells", KamErrorCodes.Required)],
            ex.Errors.Select(e => (e.Path, e.Code)));
        Assert.Equal(["x=0, y=1", "x=1, y=1"], ex.Errors.Where(e => e.Path == "cells").Select(e => e.AttemptedValue));
        Assert.Equal(["code", "name", "x", "strategyCode", "strategy"], Assert.Throws<KamValidationException>(() => new MatrixCell("", " ", -1, 0, "", "")).Errors.Select(e => e.Path));
    }

    [Fact]
    public void Placing_refuses_points_outside_an_axis_repeated_accounts_and_other_currencies_and_leaves_the_points_alone()
    {
        var points = new List<MatrixPoint> { Score("A", 11, 5), Score("B", 5, -1), Score("A", 5, 5), new(A("C"), 1, 1, new Money(1m, Currency.USD)), new(default, 1, 1, Cny(0m)) };
        var before = points.ToArray();
        var ex = Assert.Throws<KamValidationException>(() => PortfolioMatrix.AttractivenessAndStrength.Place(points, Currency.CNY));
        Assert.Equal(
            [("points[0].x", "11"), ("points[1].y", "-1"), ("points[2].account", "A"), ("points[3].value", "1 USD"), ("points[4].account", null)],
            ex.Errors.Select(e => (e.Path, e.AttemptedValue)));
        Assert.Equal(before, points);
        Assert.Equal("future", Assert.Throws<KamValidationException>(() => MatrixPoint.OfValues(A("A"), Cny(1m), new Money(1m, Currency.USD))).Errors[0].Path);
        Assert.Equal(["xBand", "yBand"], Assert.Throws<KamValidationException>(() => PortfolioMatrix.AttractivenessAndStrength.CellAt(2, -1)).Errors.Select(e => e.Path));
    }

    [Fact]
    public void The_defaults_round_trip_through_json()
    {
        foreach (var matrix in new[] { PortfolioMatrix.AttractivenessAndStrength, PortfolioMatrix.CurrentAndFutureValue(1_000_000m, 1_500_000m) })
        {
            var json = matrix.ToJson();
            var back = PortfolioMatrix.FromJson(json);
            Assert.Equal(json, back.ToJson());
            Assert.True(matrix.SameShape(back));
            Assert.True(Evaluate(json).IsValid, json);
        }
    }

    [Fact]
    public void The_json_reader_reports_every_problem_at_its_path_with_the_value()
    {
        const string json = """
            {
              "name": "m",
              "x": { "name": "attractiveness", "min": 0, "max": 10, "thresholds": [12] },
              "y": { "name": "strength", "min": 0, "max": 10, "thresholds": [5, 4] },
              "cells": [ { "code": "a", "name": "A", "x": 0, "y": 0, "strategyCode": "s" } ]
            }
            """;
        var ex = Assert.Throws<KamValidationException>(() => PortfolioMatrix.FromJson(json));
        Assert.Equal(
            [("$.x.thresholds[0]", KamErrorCodes.OutOfRange, "12"), ("$.y.thresholds[1]", KamErrorCodes.OutOfOrder, "4"), ("$.cells[0].strategy", KamErrorCodes.Required, null)],
            ex.Errors.Select(e => (e.Path, e.Code, e.AttemptedValue)));
        Assert.Equal(KamErrorCodes.Duplicate, Assert.Throws<KamValidationException>(() => PortfolioMatrix.FromJson("""{ "name": "m", "name": "n" }""")).Errors[0].Code);
        Assert.Equal(KamErrorCodes.JsonUnknownMember, Assert.Throws<KamValidationException>(() => PortfolioMatrix.FromJson("""{ "nme": "m" }""")).Errors[0].Code);
        Assert.Equal(["$.x", "$.y", "$.cells"], Assert.Throws<KamValidationException>(() => PortfolioMatrix.FromJson("""{ "name": "m" }""")).Errors.Select(e => e.Path));
        var missing = Assert.Throws<KamValidationException>(() => PortfolioMatrix.FromJson(json.Replace("[12]", "[5]", StringComparison.Ordinal).Replace("[5, 4]", "[5]", StringComparison.Ordinal).Replace("\"strategyCode\": \"s\"", "\"strategyCode\": \"s\", \"strategy\": \"S\"", StringComparison.Ordinal)));
        Assert.Equal(["$.cells", "$.cells", "$.cells"], missing.Errors.Select(e => e.Path));
    }

    [Fact]
    public void The_sample_loads_and_the_schema_agrees_with_the_reader()
    {
        var sample = RepositoryFiles.Read("docs/schemas/samples/portfolio-matrix.json");
        Assert.True(Evaluate(sample).IsValid);
        var matrix = PortfolioMatrix.FromJson(sample);
        Assert.Equal(9, matrix.Cells.Count);
        var node = JsonNode.Parse(RepositoryFiles.Read(SchemaFile))!;
        var members = JsonNode.Parse(matrix.ToJson())!.AsObject().Select(p => p.Key).Append("$schema").Order(StringComparer.Ordinal);
        Assert.Equal(members, node["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        foreach (var bad in new[] { """{ "name": "m" }""", sample.Replace("\"thresholds\": [", "\"thresholds\": [\"x\", ", StringComparison.Ordinal), sample.Replace("\"code\"", "\"kode\"", StringComparison.Ordinal) })
        {
            Assert.False(Evaluate(bad).IsValid);
            Assert.Throws<KamValidationException>(() => PortfolioMatrix.FromJson(bad));
        }
    }

    private static EvaluationResults Evaluate(string json) =>
        JsonSchema.FromText(RepositoryFiles.Read(SchemaFile)).Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });
}
