using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using GovReport.EventStore;

namespace GovReport.Benchmarks.EventStore;

/// <summary>
/// Event-shaped test data: each stream is one report's history of monthly figures (~300 bytes of
/// UTF-8 JSON with Vietnamese text, as the real bodies are), with actor, source and correlation.
/// </summary>
public sealed class SampleEvents(int seed = 42)
{
    private static readonly (string Code, string Name)[] Units =
    [
        ("STC-HCM", "Sở Tài chính TP. Hồ Chí Minh"), ("SKHDT-HN", "Sở Kế hoạch và Đầu tư Hà Nội"),
        ("UBND-BC", "UBND huyện Bình Chánh"), ("SYT-DN", "Sở Y tế Đà Nẵng"), ("SGDDT-CT", "Sở Giáo dục và Đào tạo Cần Thơ"),
    ];
    private static readonly (string Code, string Name, string Measure)[] Indicators =
    [
        ("NS-THU-01", "Tổng thu ngân sách nhà nước trên địa bàn", "tỷ đồng"),
        ("DT-GN-02", "Giải ngân vốn đầu tư công", "tỷ đồng"),
        ("YT-KCB-03", "Số lượt khám chữa bệnh", "lượt"),
        ("GD-HS-04", "Số học sinh đến trường", "người"),
    ];
    private static readonly string[] Narratives =
    [
        "Thu ngân sách tháng này đạt {0}% dự toán, tăng so với cùng kỳ năm trước.",
        "Tiến độ giải ngân còn chậm do vướng mắc giải phóng mặt bằng; đạt {0}% kế hoạch.",
        "Số liệu đã được đối chiếu với Kho bạc Nhà nước, sai lệch không đáng kể ({0}%).",
    ];
    private static readonly string[] Types = ["FigureRecorded", "FigureCorrected", "FigureConfirmed"];
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions MetadataOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly Random _random = new(seed);

    public static string StreamId(string prefix, long index) =>
        $"{prefix}-report-{Units[index % Units.Length].Code}-{index.ToString("D8", CultureInfo.InvariantCulture)}";

    /// <summary>A new report's history: EventsPerStream figures, one per month.</summary>
    public List<NewEvent> History(long streamIndex) =>
        Enumerable.Range(1, EventStoreOptions.EventsPerStream).Select(v => Event(streamIndex, v)).ToList();

    public NewEvent Event(long streamIndex, int version)
    {
        var unit = Units[streamIndex % Units.Length];
        var indicator = Indicators[_random.Next(Indicators.Length)];
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            json.WriteStartObject("unit");
            json.WriteString("code", unit.Code);
            json.WriteString("name", unit.Name);
            json.WriteEndObject();
            json.WriteString("month", $"2025-{(version - 1) % 12 + 1:00}");
            json.WriteStartObject("indicator");
            json.WriteString("code", indicator.Code);
            json.WriteString("name", indicator.Name);
            json.WriteEndObject();
            json.WriteNumber("value", Math.Round(_random.NextDouble() * 100_000, 2));
            json.WriteString("measure", indicator.Measure);
            json.WriteString("narrative", string.Format(CultureInfo.InvariantCulture,
                Narratives[_random.Next(Narratives.Length)], _random.Next(1, 130)));
            json.WriteEndObject();
        }
        var metadata = new EventMetadata(
            Actor: $"user:can.bo.{_random.Next(1, 500)}@{unit.Code.ToLowerInvariant()}.gov.vn",
            Source: "web",
            CorrelationId: Guid.NewGuid().ToString());
        var type = version == 1 ? Types[0] : Types[_random.Next(Types.Length)];
        return new NewEvent(type, System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan), metadata);
    }

    /// <summary>Metadata as the store spells it (its serializer is internal): camelCase, nulls left out.</summary>
    public static string MetadataJson(EventMetadata metadata) => JsonSerializer.Serialize(metadata, MetadataOptions);

    public byte[] RandomHash()
    {
        var hash = new byte[32];
        _random.NextBytes(hash);
        return hash;
    }
}
