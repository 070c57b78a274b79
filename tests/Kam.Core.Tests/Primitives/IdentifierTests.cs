using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Kam.Core.Tests.Primitives;

public sealed class IdentifierTests
{
    [Property]
    public Property Valid_text_round_trips_for_every_identifier_kind() =>
        Prop.ForAll(Generators.IdentifierText.ToArbitrary(), text =>
            AccountId.Parse(text).Value == text
            && OpportunityId.Parse(text).ToString() == text
            && PersonId.Parse(text) == PersonId.Parse(text)
            && AccountId.TryParse(text, out var id) && id.Value == text);

    [Theory]
    [InlineData("", KamErrorCodes.Required)]
    [InlineData("   ", KamErrorCodes.Required)]
    [InlineData(" A1", KamErrorCodes.InvalidFormat)]
    [InlineData("A1 ", KamErrorCodes.InvalidFormat)]
    [InlineData("A\u00011", KamErrorCodes.InvalidFormat)]
    public void Bad_text_is_refused_with_a_code(string text, string code)
    {
        var ex = Assert.Throws<KamValidationException>(() => AccountId.Parse(text));
        Assert.Equal(code, ex.Errors[0].Code);
        Assert.Equal(nameof(AccountId), ex.Errors[0].Path);
        Assert.False(OpportunityId.TryParse(text, out _));
    }

    [Fact]
    public void Too_long_text_is_refused()
    {
        var ex = Assert.Throws<KamValidationException>(() => PersonId.Parse(new string('x', IdentifierRules.MaxLength + 1)));
        Assert.Equal(KamErrorCodes.OutOfRange, ex.Errors[0].Code);
        Assert.Equal("x", PersonId.Parse(new string('x', IdentifierRules.MaxLength)).Value[..1]);
    }

    [Fact]
    public void Comparison_is_ordinal_and_case_sensitive()
    {
        Assert.NotEqual(AccountId.Parse("a1"), AccountId.Parse("A1"));
        Assert.True(AccountId.Parse("A1").CompareTo(AccountId.Parse("a1")) < 0);
        Assert.Equal(string.Empty, default(AccountId).Value);
        Assert.NotEqual(default, AccountId.Parse("A1"));
    }
}
