using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Kam.Core;

/// <summary>An ISO 4217 currency: its three-letter code and the number of decimal places of its minor unit.</summary>
/// <remarks>
/// <para>
/// Only codes in the ISO 4217 list of current currencies (plus the funds and special codes it lists) are accepted;
/// an unknown code is a <see cref="KamValidationException"/>, never a new currency made up on the spot.
/// </para>
/// <para>
/// The default value is <c>XXX</c>, ISO's code for "no currency". ISO gives <c>XXX</c> no minor unit; Kam.Core
/// treats it as having zero decimal places. Equality compares codes.
/// </para>
/// </remarks>
[JsonConverter(typeof(CurrencyJsonConverter))]
public readonly struct Currency : IEquatable<Currency>, IComparable<Currency>
{
    // Code and number of decimal places of the minor unit, from the ISO 4217 list (amendment 179, 2025).
    private const string Table =
        "XXX0 AED2 AFN2 ALL2 AMD2 ANG2 AOA2 ARS2 AUD2 AWG2 AZN2 BAM2 BBD2 BDT2 BGN2 BHD3 BIF0 BMD2 BND2 BOB2 BOV2 " +
        "BRL2 BSD2 BTN2 BWP2 BYN2 BZD2 CAD2 CDF2 CHE2 CHF2 CHW2 CLF4 CLP0 CNY2 COP2 COU2 CRC2 CUP2 CVE2 CZK2 DJF0 " +
        "DKK2 DOP2 DZD2 EGP2 ERN2 ETB2 EUR2 FJD2 FKP2 GBP2 GEL2 GHS2 GIP2 GMD2 GNF0 GTQ2 GYD2 HKD2 HNL2 HTG2 HUF2 " +
        "IDR2 ILS2 INR2 IQD3 IRR2 ISK0 JMD2 JOD3 JPY0 KES2 KGS2 KHR2 KMF0 KPW2 KRW0 KWD3 KYD2 KZT2 LAK2 LBP2 LKR2 " +
        "LRD2 LSL2 LYD3 MAD2 MDL2 MGA2 MKD2 MMK2 MNT2 MOP2 MRU2 MUR2 MVR2 MWK2 MXN2 MXV2 MYR2 MZN2 NAD2 NGN2 NIO2 " +
        "NOK2 NPR2 NZD2 OMR3 PAB2 PEN2 PGK2 PHP2 PKR2 PLN2 PYG0 QAR2 RON2 RSD2 RUB2 RWF0 SAR2 SBD2 SCR2 SDG2 SEK2 " +
        "SGD2 SHP2 SLE2 SOS2 SRD2 SSP2 STN2 SVC2 SYP2 SZL2 THB2 TJS2 TMT2 TND3 TOP2 TRY2 TTD2 TWD2 TZS2 UAH2 UGX0 " +
        "USD2 USN2 UYI0 UYU2 UYW4 UZS2 VED2 VES2 VND0 VUV0 WST2 XAF0 XCD2 XCG2 XOF0 XPF0 YER2 ZAR2 ZMW2 ZWG2";

    private static readonly string[] Codes = Table.Split(' ');
    private static readonly FrozenDictionary<string, short> IndexByCode =
        Codes.Select((entry, index) => (entry, index)).ToFrozenDictionary(p => p.entry[..3], p => (short)p.index, StringComparer.Ordinal);

    private readonly short _index;

    private Currency(short index) => _index = index;

    /// <summary>Gets <c>XXX</c>, ISO's code for "no currency"; also the default value.</summary>
    public static Currency None => default;

    /// <summary>Gets the Chinese yuan renminbi (<c>CNY</c>), the currency of the rule book's examples (docs/rules/).</summary>
    public static Currency CNY => Parse("CNY");

    /// <summary>Gets the US dollar (<c>USD</c>).</summary>
    public static Currency USD => Parse("USD");

    /// <summary>Gets the euro (<c>EUR</c>).</summary>
    public static Currency EUR => Parse("EUR");

    /// <summary>Gets the three-letter ISO 4217 code, upper case.</summary>
    public string Code => Codes[_index][..3];

    /// <summary>Gets the number of decimal places of the currency's minor unit (2 for CNY, 0 for JPY, 3 for KWD).</summary>
    public int MinorUnits => Codes[_index][3] - '0';

    /// <summary>Gets every currency Kam.Core knows, in code order (XXX first).</summary>
    public static IReadOnlyList<Currency> All { get; } = Enumerable.Range(0, Codes.Length).Select(i => new Currency((short)i)).ToArray();

    /// <summary>Compares two currencies for equality.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when both have the same code.</returns>
    public static bool operator ==(Currency left, Currency right) => left.Equals(right);

    /// <summary>Compares two currencies for inequality.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns><see langword="true"/> when the codes differ.</returns>
    public static bool operator !=(Currency left, Currency right) => !left.Equals(right);

    /// <summary>Tells whether one currency (by code) sorts before another.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(Currency left, Currency right) => left.CompareTo(right) < 0;

    /// <summary>Tells whether one currency (by code) sorts after another.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(Currency left, Currency right) => left.CompareTo(right) > 0;

    /// <summary>Tells whether one currency (by code) sorts before or equal to another.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(Currency left, Currency right) => left.CompareTo(right) <= 0;

    /// <summary>Tells whether one currency (by code) sorts after or equal to another.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(Currency left, Currency right) => left.CompareTo(right) >= 0;

    /// <summary>Gets the currency with an ISO 4217 code.</summary>
    /// <param name="code">The three-letter code, upper case (for example <c>CNY</c>).</param>
    /// <returns>The currency.</returns>
    /// <exception cref="KamValidationException">The code is not a known ISO 4217 code.</exception>
    public static Currency Parse(string code) =>
        TryParse(code, out var currency)
            ? currency
            : throw new KamValidationException(nameof(Currency), KamErrorCodes.Unknown, code, "Not a known ISO 4217 currency code (three upper-case letters, for example CNY).");

    /// <summary>Tries to get the currency with an ISO 4217 code.</summary>
    /// <param name="code">The three-letter code, upper case.</param>
    /// <param name="currency">The currency, when the code is known.</param>
    /// <returns><see langword="true"/> when the code is known.</returns>
    public static bool TryParse([NotNullWhen(true)] string? code, out Currency currency)
    {
        if (code is not null && IndexByCode.TryGetValue(code, out var index))
        {
            currency = new Currency(index);
            return true;
        }

        currency = default;
        return false;
    }

    /// <inheritdoc />
    public bool Equals(Currency other) => _index == other._index;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Currency other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _index;

    /// <inheritdoc />
    public int CompareTo(Currency other) => string.CompareOrdinal(Code, other.Code);

    /// <summary>Returns the ISO 4217 code.</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Code;
}
