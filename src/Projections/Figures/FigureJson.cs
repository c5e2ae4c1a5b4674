using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GovReport.Projections.Figures;

/// <summary>
/// A month's figures of one unit, indicator code → value, as stored in jsonb. Read and written
/// by hand: a rebuild moves millions of them, and the general serializer was a third of its time.
/// </summary>
public static class FigureJson
{
    public static SortedDictionary<string, decimal> Parse(string json)
    {
        var figures = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("Figures must be a JSON object.");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var indicator = reader.GetString()!;
            reader.Read();
            figures[indicator] = reader.GetDecimal();
        }
        return figures;
    }

    public static string Write(IReadOnlyDictionary<string, decimal> figures)
    {
        var buffer = new ArrayBufferWriter<byte>(figures.Count * 32 + 2);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (indicator, value) in figures.OrderBy(f => f.Key, StringComparer.Ordinal))
                writer.WriteNumber(indicator, value);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
