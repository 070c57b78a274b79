using FsCheck;
using FsCheck.Fluent;

namespace Kam.Core.Tests;

/// <summary>FsCheck generators for Kam.Core's primitives.</summary>
public static class Generators
{
    /// <summary>Amounts with up to two decimal places, small enough that sums of a few never overflow.</summary>
    public static Gen<decimal> Amount { get; } =
        Gen.Choose(-1_000_000_000, 1_000_000_000).Select(cents => cents / 100m);

    /// <summary>A currency from the ISO table.</summary>
    public static Gen<Currency> Currency { get; } = Gen.Elements(Kam.Core.Currency.All.ToArray());

    /// <summary>Money in CNY.</summary>
    public static Gen<Money> Cny { get; } = Amount.Select(a => new Money(a, Kam.Core.Currency.CNY));

    /// <summary>A percentage with up to four decimal places of percent.</summary>
    public static Gen<Percentage> Percentage { get; } =
        Gen.Choose(0, 1_000_000).Select(n => Kam.Core.Percentage.FromPercent(n / 10_000m));

    /// <summary>An identifier text: 1-20 printable characters, not padded.</summary>
    public static Gen<string> IdentifierText { get; } =
        Gen.Choose(1, 20).SelectMany(n => Gen.ArrayOf(Gen.Elements("ABCXYZabcxyz0189-_.:/中文".ToCharArray()), n))
            .Select(chars => new string(chars));

    /// <summary>Registers the generators above for property parameters of these types.</summary>
    public sealed class Arbitraries
    {
        public static Arbitrary<Money> Money() => Cny.ToArbitrary();

        public static Arbitrary<Percentage> Percentage() => Generators.Percentage.ToArbitrary();

        public static Arbitrary<Currency> Currency() => Generators.Currency.ToArbitrary();
    }
}
