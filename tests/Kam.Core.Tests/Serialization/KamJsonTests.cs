using System.Text.Json.Serialization;
using Kam.Core.Serialization;
using NodaTime;

namespace Kam.Core.Tests.Serialization;

public sealed record RuleFile
{
    public required string Name { get; init; }

    public required Money Budget { get; init; }

    public required Percentage Rate { get; init; }

    public Ratio? Attainment { get; init; }

    public required LocalDate Effective { get; init; }

    public YearMonth? FirstMonth { get; init; }

    public IReadOnlyList<RuleItem> Items { get; init; } = [];

    public PeriodKind Cadence { get; init; } = PeriodKind.Quarter;
}

public sealed record RuleItem
{
    public required AccountId Account { get; init; }

    public required int Weight { get; init; }
}

[JsonSerializable(typeof(RuleFile))]
public sealed partial class TestJsonContext : JsonSerializerContext
{
    public static TestJsonContext Strict { get; } = new(KamJson.CreateOptions());
}

public sealed class KamJsonTests
{
    private const string Valid = """
        {
          // comments are allowed in rule files
          "name": "plan",
          "budget": { "amount": 1234.50, "currency": "CNY" },
          "rate": "8.5%",
          "attainment": "120%",
          "effective": "2026-01-01",
          "firstMonth": "2026-04",
          "items": [ { "account": "A001", "weight": 3 }, ],
          "cadence": "Month"
        }
        """;

    [Fact]
    public void Reads_primitives_and_NodaTime_values()
    {
        var file = KamJson.Deserialize(Valid, TestJsonContext.Strict.RuleFile);
        Assert.Equal(Money.Of(1234.50m, "CNY"), file.Budget);
        Assert.Equal(Percentage.FromPercent(8.5m), file.Rate);
        Assert.Equal(Ratio.FromPercent(120m), file.Attainment);
        Assert.Equal(new LocalDate(2026, 1, 1), file.Effective);
        Assert.Equal(new YearMonth(2026, 4), file.FirstMonth);
        Assert.Equal(AccountId.Parse("A001"), file.Items[0].Account);
        Assert.Equal(PeriodKind.Month, file.Cadence);
    }

    [Fact]
    public void Round_trips()
    {
        var file = KamJson.Deserialize(Valid, TestJsonContext.Strict.RuleFile);
        var again = KamJson.Deserialize(KamJson.Serialize(file, TestJsonContext.Strict.RuleFile), TestJsonContext.Strict.RuleFile);
        Assert.Equal(file with { Items = [] }, again with { Items = [] });
        Assert.Equal(file.Items, again.Items);
    }

    [Fact]
    public void Money_may_also_be_written_as_text()
    {
        var file = KamJson.Deserialize(Valid.Replace("{ \"amount\": 1234.50, \"currency\": \"CNY\" }", "\"1234.50 CNY\"", StringComparison.Ordinal), TestJsonContext.Strict.RuleFile);
        Assert.Equal(Money.Of(1234.5m, "CNY"), file.Budget);
    }

    [Fact]
    public void Unknown_member_is_an_error_with_its_json_path()
    {
        var json = Valid.Replace("\"weight\": 3", "\"weight\": 3, \"wieght\": 4", StringComparison.Ordinal);
        var ex = Assert.Throws<KamValidationException>(() => KamJson.Deserialize(json, TestJsonContext.Strict.RuleFile));
        var error = Assert.Single(ex.Errors);
        Assert.Equal(KamErrorCodes.JsonUnknownMember, error.Code);
        Assert.Equal("$.items[0].wieght", error.Path);
        Assert.Equal("wieght", error.AttemptedValue);
    }

    [Fact]
    public void Missing_required_member_is_an_error_with_its_json_path()
    {
        var json = Valid.Replace("\"weight\": 3", "\"unused\": null", StringComparison.Ordinal).Replace(", \"unused\": null", string.Empty, StringComparison.Ordinal);
        var ex = Assert.Throws<KamValidationException>(() => KamJson.Deserialize(json, TestJsonContext.Strict.RuleFile));
        var error = Assert.Single(ex.Errors);
        Assert.Equal(KamErrorCodes.JsonMissingMember, error.Code);
        Assert.Equal("$.items[0].weight", error.Path);
    }

    [Theory]
    [InlineData("\"rate\": \"8.5%\"", "\"rate\": \"108%\"", "$.rate", KamErrorCodes.OutOfRange)]
    [InlineData("\"rate\": \"8.5%\"", "\"rate\": 0.085", "$.rate", KamErrorCodes.JsonInvalid)]
    [InlineData("\"currency\": \"CNY\"", "\"currency\": \"RMB\"", "$.budget", KamErrorCodes.Unknown)]
    [InlineData("\"account\": \"A001\"", "\"account\": \" A001\"", "$.items[0].account", KamErrorCodes.InvalidFormat)]
    [InlineData("\"effective\": \"2026-01-01\"", "\"effective\": \"2026-13-01\"", "$.effective", KamErrorCodes.JsonInvalid)]
    [InlineData("\"cadence\": \"Month\"", "\"cadence\": \"Fortnight\"", "$.cadence", KamErrorCodes.JsonInvalid)]
    [InlineData("\"weight\": 3", "\"weight\": \"3\"", "$.items[0].weight", KamErrorCodes.JsonInvalid)]
    public void Bad_values_are_errors_with_path_and_code(string find, string replace, string path, string code)
    {
        var ex = Assert.Throws<KamValidationException>(() => KamJson.Deserialize(Valid.Replace(find, replace, StringComparison.Ordinal), TestJsonContext.Strict.RuleFile));
        var error = Assert.Single(ex.Errors);
        Assert.Equal(code, error.Code);
        Assert.StartsWith(path, error.Path, StringComparison.Ordinal);
        Assert.Contains("line ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_and_null_documents_are_errors()
    {
        Assert.Equal(KamErrorCodes.JsonInvalid, Assert.Throws<KamValidationException>(() => KamJson.Deserialize("{ \"name\": ", TestJsonContext.Strict.RuleFile)).Errors[0].Code);
        Assert.Equal(KamErrorCodes.Required, Assert.Throws<KamValidationException>(() => KamJson.Deserialize("null", TestJsonContext.Strict.RuleFile)).Errors[0].Code);
    }

    [Fact]
    public void Null_for_a_non_nullable_member_is_an_error()
    {
        var ex = Assert.Throws<KamValidationException>(() => KamJson.Deserialize(Valid.Replace("\"name\": \"plan\"", "\"name\": null", StringComparison.Ordinal), TestJsonContext.Strict.RuleFile));
        Assert.Equal("$.name", ex.Errors[0].Path);
    }

    [Fact]
    public void Chinese_text_is_written_readably_and_html_characters_stay_escaped()
    {
        var file = KamJson.Deserialize(Valid, TestJsonContext.Strict.RuleFile) with { Name = "客户规划与电话邀约 <b>" };
        var json = KamJson.Serialize(file, TestJsonContext.Strict.RuleFile);
        Assert.Contains("客户规划与电话邀约", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", json, StringComparison.Ordinal);
        Assert.Equal(file.Name, KamJson.Deserialize(json, TestJsonContext.Strict.RuleFile).Name);
    }
}
