namespace Kam.Core.Tests.Primitives;

public sealed class ValidationModelTests
{
    [Fact]
    public void Collector_reports_every_problem_at_once()
    {
        var errors = new ValidationCollector();
        errors.Required("name", "  ");
        errors.InRange("month", 13, 1, 12);
        errors.FiniteInRange("weight", double.NaN);
        errors.NotNegative("salary", -1m);
        errors.Distinct(i => $"items[{i}].key", ["a", "b", "a"]);

        var ex = Assert.Throws<KamValidationException>(errors.ThrowIfAny);
        Assert.Equal(
            [("name", KamErrorCodes.Required), ("month", KamErrorCodes.OutOfRange), ("weight", KamErrorCodes.NotFinite), ("salary", KamErrorCodes.OutOfRange), ("items[2].key", KamErrorCodes.Duplicate)],
            ex.Errors.Select(e => (e.Path, e.Code)));
        Assert.Equal("13", ex.Errors[1].AttemptedValue);
        Assert.Equal("NaN", ex.Errors[2].AttemptedValue);
        Assert.Contains("5 errors", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Collector_without_errors_does_not_throw()
    {
        var errors = new ValidationCollector();
        Assert.True(errors.InRange("x", 5m, 0m, 10m));
        errors.ThrowIfAny();
        Assert.False(errors.HasErrors);
    }

    [Fact]
    public void An_exception_needs_at_least_one_error() =>
        Assert.Throws<ArgumentException>(() => new KamValidationException(Array.Empty<KamValidationError>()));
}
