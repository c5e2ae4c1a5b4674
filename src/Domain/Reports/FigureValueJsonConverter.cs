using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GovReport.Domain.Catalogue;

namespace GovReport.Domain.Reports;

/// <summary>
/// <c>{"indicator": "forest-planted", "value": 175.158}</c>, read and written by hand: a report
/// carries about a hundred of them, and a rebuild decodes millions.
/// </summary>
public sealed class FigureValueJsonConverter : JsonConverter<FigureValue>
{
    // A catalogue has a few hundred codes; a rebuild reads each millions of times. Reading them
    // through this table allocates nothing and validates each code once. Bounded, so text from
    // outside cannot grow it without end: past the bound codes are read the slow way.
    private const int MaxKnownCodes = 4096;
    private static readonly ConcurrentDictionary<string, IndicatorCode> KnownCodes = new(StringComparer.Ordinal);

    public override FigureValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadFigure(ref reader);

    public static FigureValue ReadFigure(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A figure is an object {indicator, value}.");
        IndicatorCode? indicator = null;
        decimal? value = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isIndicator = reader.ValueTextEquals("indicator"u8);
            var isValue = !isIndicator && reader.ValueTextEquals("value"u8);
            if (!isIndicator && !isValue)
            {
                var name = reader.GetString();
                isIndicator = string.Equals(name, "indicator", StringComparison.OrdinalIgnoreCase);
                isValue = string.Equals(name, "value", StringComparison.OrdinalIgnoreCase);
            }
            reader.Read();
            if (isIndicator) indicator = ReadCode(ref reader);
            else if (isValue) value = reader.GetDecimal();
            else reader.Skip();
        }
        if (indicator is null || value is null) throw new JsonException("A figure needs an indicator and a value.");
        return new FigureValue(indicator.Value, value.Value);
    }

    private static IndicatorCode ReadCode(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException("A figure's indicator is a string.");
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && reader.ValueSpan.Length <= 64)
        {
            Span<char> chars = stackalloc char[64];
            var length = Encoding.UTF8.GetChars(reader.ValueSpan, chars);
            if (KnownCodes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars[..length], out var known)) return known;
        }
        var text = reader.GetString();
        if (!IndicatorCode.TryParse(text, out var code, out var error)) throw new JsonException(error);
        if (KnownCodes.Count < MaxKnownCodes) KnownCodes.TryAdd(code.Value, code);
        return code;
    }

    public override void Write(Utf8JsonWriter writer, FigureValue figure, JsonSerializerOptions options) => WriteFigure(writer, figure);

    public static void WriteFigure(Utf8JsonWriter writer, FigureValue figure)
    {
        writer.WriteStartObject();
        writer.WriteString("indicator", figure.Indicator.Value);
        writer.WriteNumber("value", figure.Value);
        writer.WriteEndObject();
    }
}

/// <summary>
/// A report's figures, an array of <see cref="FigureValueJsonConverter"/> objects, read in one
/// loop: the serializer's per-element dispatch cost a rebuild more than reading the figures did.
/// </summary>
public sealed class FigureValuesJsonConverter : JsonConverter<IReadOnlyList<FigureValue>>
{
    public override IReadOnlyList<FigureValue> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadList(ref reader);

    // A list grown one figure at a time copied a report's figures about seven times over: they
    // are gathered in a buffer kept per thread and copied once, into an array of their number.
    [ThreadStatic] private static FigureValue[]? gathered;

    /// <summary>The array the reader is at, read to its end.</summary>
    public static IReadOnlyList<FigureValue> ReadList(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("Figures are an array of {indicator, value}.");
        var buffer = gathered ?? new FigureValue[128];
        gathered = null; // a nested read on this thread (none today) gets a buffer of its own
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (count == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            buffer[count++] = FigureValueJsonConverter.ReadFigure(ref reader);
        }
        var figures = buffer.AsSpan(0, count).ToArray();
        if (buffer.Length <= 4096) gathered = buffer;
        return figures;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<FigureValue> figures, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var figure in figures) FigureValueJsonConverter.WriteFigure(writer, figure);
        writer.WriteEndArray();
    }
}
