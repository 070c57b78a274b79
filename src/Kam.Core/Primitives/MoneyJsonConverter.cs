using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kam.Core;

/// <summary>
/// Reads <see cref="Money"/> from <c>{"amount": 1234.5, "currency": "CNY"}</c> or from the string <c>"1234.50 CNY"</c>;
/// writes the object form. The amount is read as a JSON number straight into a <see cref="decimal"/> (no double
/// round trip).
/// </summary>
internal sealed class MoneyJsonConverter : JsonConverter<Money>
{
    /// <inheritdoc />
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return reader.TokenType switch
            {
                JsonTokenType.String => Money.Parse(reader.GetString()!),
                JsonTokenType.StartObject => ReadObject(ref reader),
                _ => throw new JsonException("Expected money as {\"amount\": 1234.5, \"currency\": \"CNY\"} or \"1234.50 CNY\"."),
            };
        }
        catch (KamValidationException ex)
        {
            throw KamStringJsonConverter<Money>.Wrap(ex);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("amount", value.Amount);
        writer.WriteString("currency", value.Currency.Code);
        writer.WriteEndObject();
    }

    private static Money ReadObject(ref Utf8JsonReader reader)
    {
        decimal? amount = null;
        Currency? currency = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "amount" when reader.TokenType == JsonTokenType.Number:
                    amount = reader.GetDecimal();
                    break;
                case "currency" when reader.TokenType == JsonTokenType.String:
                    currency = Currency.Parse(reader.GetString()!);
                    break;
                case "amount" or "currency":
                    throw new JsonException($"'{name}' has the wrong JSON type: the amount is a number, the currency a string.");
                default:
                    throw new JsonException($"The JSON property '{name}' could not be mapped to any .NET member contained in type 'Money'.");
            }
        }

        if (amount is null || currency is null)
        {
            throw new JsonException("JSON deserialization for type 'Money' was missing required properties including: "
                                    + (amount is null ? "'amount'" : "'currency'") + ".");
        }

        return new Money(amount.Value, currency.Value);
    }
}
