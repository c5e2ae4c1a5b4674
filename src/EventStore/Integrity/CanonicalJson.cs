using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GovReport.EventStore.Integrity;

/// <summary>
/// One spelling for a JSON value, so a hash taken over the JSON a writer sent matches the one
/// taken over what jsonb gives back (jsonb reorders keys, drops white space and respells numbers).
/// Keys sort ordinally. Numbers are spelled as jsonb keeps them (<see cref="JsonbNumber"/>), so
/// 84 and 84.000000000000001 hash apart; the first scheme printed the nearest double, under which
/// they hashed alike, and rows hashed that way are still checked that way.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    public static byte[] ToUtf8(string json) => ToUtf8(json, EventHash.CurrentVersion);

    public static byte[] ToUtf8(string json, short hashVersion)
    {
        var exactNumbers = hashVersion switch
        {
            EventHash.DoubleNumbersVersion => false,
            EventHash.ExactNumbersVersion => true,
            _ => throw new ArgumentOutOfRangeException(nameof(hashVersion), hashVersion, "No such hash scheme."),
        };
        if (exactNumbers && CanonicalJsonWriter.TryWrite(json) is { } fast) return fast;
        return ToUtf8ViaDocument(json, exactNumbers);
    }

    /// <summary>The reference spelling: every value through a parsed document.</summary>
    internal static byte[] ToUtf8ViaDocument(string json, bool exactNumbers)
    {
        using var document = JsonDocument.Parse(json);
        var buffer = new ArrayBufferWriter<byte>(json.Length + 16);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(document.RootElement, writer, exactNumbers);
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(JsonElement element, Utf8JsonWriter writer, bool exactNumbers)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(property.Value, writer, exactNumbers);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray()) Write(item, writer, exactNumbers);
                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            case JsonValueKind.Number:
                writer.WriteRawValue(exactNumbers
                    ? JsonbNumber.Normalise(element.GetRawText())
                    : element.GetDouble().ToString("R", CultureInfo.InvariantCulture), skipInputValidation: true);
                break;
            case JsonValueKind.True:
                writer.WriteBooleanValue(true);
                break;
            case JsonValueKind.False:
                writer.WriteBooleanValue(false);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
