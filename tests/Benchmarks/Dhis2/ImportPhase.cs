using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GovReport.Benchmarks.EventStore;
using GovReport.Benchmarks.National;
using GovReport.Benchmarks.Reporting;
using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using GovReport.EventStore;
using GovReport.Projections.Serialization;

namespace GovReport.Benchmarks.Dhis2;

/// <summary>
/// A month not yet reported, imported for every commune as DHIS2 would send it: dataValueSets of
/// <see cref="UnitMonthsPerRequest"/> unit-months, one request after another. The baseline is the
/// physical limit for the same facts: the ReportSubmitted events those imports append, COPYed raw
/// in the same batches into a table shaped like es.events (<see cref="RawCopyPhase"/>).
/// </summary>
public static class ImportPhase
{
    /// <summary>About 550 KB of JSON a request: under the host's default 1 MB body limit.</summary>
    public const int UnitMonthsPerRequest = 60;

    private static readonly EventMetadata Metadata = new("benchmark", "dhis2:sha256:benchmark", Reason: "imported from DHIS2");

    public static async Task<(BenchResult Import, BenchResult Copy)> RunAsync(BenchDatabase db, HttpClient http, Country country, NationalOptions options)
    {
        var month = await FreshMonthAsync(db, country);
        var random = new Random(2026);
        var reports = country.Communes.Select(c => (Unit: c.Commune, Figures: country.Indicators
            .Select(code => (Code: code, Value: Math.Round((decimal)random.NextDouble() * 100m, 3))).ToList())).ToList();
        var batches = reports.Chunk(UnitMonthsPerRequest).ToList();
        long values = reports.Sum(r => (long)r.Figures.Count);

        Console.Write($"  raw COPY of the same facts ({month}) ... ");
        await db.ExecuteAsync(RawCopyPhase.CreateSql);
        var rows = batches.Select(batch => batch.Select(r => Row(r.Unit, month, r.Figures)).ToList()).ToList();
        await RawCopyPhase.CopyBatchAsync(db.DataSource, [Row("xa-warmup", month, reports[0].Figures)]);
        await db.ExecuteAsync($"TRUNCATE {RawCopyPhase.Table}");
        var copyTimes = new Latencies();
        foreach (var batch in rows) await copyTimes.TimeAsync(() => RawCopyPhase.CopyBatchAsync(db.DataSource, batch));
        Console.WriteLine($"{copyTimes.TotalSeconds:F2} s");
        await db.ExecuteAsync($"DROP TABLE {RawCopyPhase.Table}");

        Console.Write($"  import {month} over HTTP ... ");
        var payloads = batches.Select(batch => Payload(batch, month)).ToList();
        var importTimes = new Latencies();
        long imported = 0;
        foreach (var payload in payloads)
            await importTimes.TimeAsync(async () => imported += await PostAsync(http, payload));
        Console.WriteLine($"{importTimes.TotalSeconds:F2} s, {imported:N0} values imported");
        if (imported != values) Console.WriteLine($"  WARNING: {imported:N0} of {values:N0} values were imported.");

        var copy = new BenchResult($"raw COPY of the same facts (ReportSubmitted rows, {UnitMonthsPerRequest} a transaction)", "values", values, copyTimes.TotalSeconds)
        {
            Note = $"{rows.Sum(r => r.Count):N0} event rows of {options.Indicators} values; no heads, no hash chain, no checks",
        };
        var import = new BenchResult($"import dataValueSets over HTTP, {UnitMonthsPerRequest} unit-months a request", "values", imported, importTimes.TotalSeconds)
        {
            P50Ms = importTimes.Percentile(50), P95Ms = importTimes.Percentile(95),
            Note = $"{payloads.Count} requests of ~{payloads.Average(p => p.Length) / 1024:F0} KB; each unit-month checked, authorised and appended as the report API does",
        };
        return (import, copy);
    }

    /// <summary>The first month after the country's with no report yet, so a run on a kept database imports, not re-imports.</summary>
    private static async Task<Month> FreshMonthAsync(BenchDatabase db, Country country)
    {
        for (var month = country.Months[^1].AddMonths(3); ; month = month.AddMonths(1))
        {
            var stream = StreamIds.Report(UnitId.Parse(country.Communes[0].Commune), month);
            if (await db.ScalarAsync($"SELECT count(*) FROM es.streams WHERE stream_id = '{stream}'") == "0") return month;
        }
    }

    private static RawCopyPhase.Row Row(string unit, Month month, List<(string Code, decimal Value)> figures)
    {
        var id = UnitId.Parse(unit);
        var submitted = DateTimeOffset.UtcNow;
        var @event = new ReportSubmitted(id, month, figures.Select(f => new FigureValue(IndicatorCode.Parse(f.Code), f.Value)).ToList(),
            null, submitted, false, month.End.AddDays(5), "bench-dhis2");
        var (type, json) = EventSerializer.Serialize(@event);
        return new RawCopyPhase.Row(StreamIds.Report(id, month), 1, type, json, SampleEvents.MetadataJson(Metadata),
            submitted, Guid.CreateVersion7(submitted), new byte[32], System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    }

    private static byte[] Payload(IEnumerable<(string Unit, List<(string Code, decimal Value)> Figures)> batch, Month month)
    {
        var period = $"{month.Year:D4}{month.Number:D2}";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("dataValues");
            foreach (var (unit, figures) in batch)
                foreach (var (code, value) in figures)
                {
                    json.WriteStartObject();
                    json.WriteString("dataElement", code);
                    json.WriteString("period", period);
                    json.WriteString("orgUnit", unit);
                    json.WriteString("value", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    json.WriteEndObject();
                }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static async Task<long> PostAsync(HttpClient http, byte[] payload)
    {
        using var content = new ByteArrayContent(payload);
        content.Headers.ContentType = new("application/json");
        using var response = await http.PostAsync("/api/dhis2/dataValueSets", content);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"import: {(int)response.StatusCode} {text}");
        using var summary = JsonDocument.Parse(text);
        var count = summary.RootElement.GetProperty("importCount");
        if (summary.RootElement.GetProperty("conflicts").GetArrayLength() > 0)
            Console.Write($"[conflicts: {summary.RootElement.GetProperty("conflicts")[0]}] ");
        return count.GetProperty("imported").GetInt64() + count.GetProperty("updated").GetInt64();
    }
}
