using System.IO.Pipelines;
using System.Text.Json;
using System.Xml;
using GovReport.Domain.Interop;
using GovReport.Domain.Periods;
using GovReport.Projections.Queries;

namespace GovReport.Host.Features.Dhis2;

/// <summary>Writes an export as it is read: one unit-month of official figures at a time, straight to the response.</summary>
internal interface IDataValueSetWriter : IAsyncDisposable
{
    Task StartAsync(CancellationToken ct);
    Task WriteAsync(OfficialFigureSet set, CancellationToken ct);
    Task EndAsync(CancellationToken ct);
}

/// <summary>DHIS2's dataValueSets JSON; values are text, as DHIS2 writes them.</summary>
internal sealed class Dhis2JsonWriter(PipeWriter body, Dhis2Mapping mapping) : IDataValueSetWriter
{
    // Past this many bytes written since the last flush, hand them to the response, so memory stays flat
    // however large the export. Counted as committed + pending: the writer commits to the pipe on its own
    // each time a block (4 KB from Kestrel's pool) fills, so its pending bytes alone never reach this, and
    // a check on them let the whole export pile up in the pipe unflushed.
    private const int FlushBytes = 32 * 1024;
    private readonly Utf8JsonWriter _json = new(body);
    private long _flushedAt;

    public async Task StartAsync(CancellationToken ct)
    {
        _json.WriteStartObject();
        if (mapping.DataSet is { } dataSet) _json.WriteString("dataSet", dataSet);
        _json.WriteStartArray("dataValues");
        await FlushAsync(ct);
    }

    public async Task WriteAsync(OfficialFigureSet set, CancellationToken ct)
    {
        var period = Dhis2Periods.MonthId(Month.Parse(set.Month));
        var orgUnit = mapping.OrgUnit(set.Unit);
        var lastUpdated = set.Since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fff");
        foreach (var indicator in Sorted(set.Figures))
        {
            var element = mapping.Element(indicator);
            _json.WriteStartObject();
            _json.WriteString("dataElement", element.DataElement);
            _json.WriteString("period", period);
            _json.WriteString("orgUnit", orgUnit);
            if (element.CategoryOptionCombo is { } combo) _json.WriteString("categoryOptionCombo", combo);
            if (mapping.AttributeOptionCombo is { } attribute) _json.WriteString("attributeOptionCombo", attribute);
            _json.WriteString("value", Dhis2Import.FormatValue(set.Figures[indicator]));
            _json.WriteString("lastUpdated", lastUpdated);
            _json.WriteEndObject();
        }
        if (_json.BytesCommitted + _json.BytesPending - _flushedAt >= FlushBytes) await FlushAsync(ct);
    }

    public async Task EndAsync(CancellationToken ct)
    {
        _json.WriteEndArray();
        _json.WriteEndObject();
        await FlushAsync(ct);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        _json.Flush();
        _flushedAt = _json.BytesCommitted;
        await body.FlushAsync(ct);
    }

    internal static string[] Sorted(IReadOnlyDictionary<string, decimal> figures)
    {
        var indicators = figures.Keys.ToArray();
        Array.Sort(indicators, StringComparer.Ordinal);
        return indicators;
    }

    public ValueTask DisposeAsync() => _json.DisposeAsync();
}

/// <summary>ADX (IHE QRPH): one group per unit-month, its period the month's first day and P1M.</summary>
internal sealed class AdxWriter(Stream body, Dhis2Mapping mapping, TimeProvider clock) : IDataValueSetWriter
{
    public const string Namespace = "urn:ihe:qrph:adx:2015";
    private const int FlushEvery = 64;
    private readonly XmlWriter _xml = XmlWriter.Create(body, new XmlWriterSettings { Async = true, Indent = false });
    private int _groups;

    public async Task StartAsync(CancellationToken ct)
    {
        await _xml.WriteStartDocumentAsync();
        await _xml.WriteStartElementAsync(null, "adx", Namespace);
        await _xml.WriteAttributeStringAsync(null, "exported", null, clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"));
        await _xml.FlushAsync();
    }

    public async Task WriteAsync(OfficialFigureSet set, CancellationToken ct)
    {
        await _xml.WriteStartElementAsync(null, "group", Namespace);
        await _xml.WriteAttributeStringAsync(null, "orgUnit", null, mapping.OrgUnit(set.Unit));
        await _xml.WriteAttributeStringAsync(null, "period", null, Dhis2Periods.AdxMonth(Month.Parse(set.Month)));
        if (mapping.DataSet is { } dataSet) await _xml.WriteAttributeStringAsync(null, "dataSet", null, dataSet);
        if (mapping.AttributeOptionCombo is { } attribute) await _xml.WriteAttributeStringAsync(null, "attributeOptionCombo", null, attribute);
        foreach (var indicator in Dhis2JsonWriter.Sorted(set.Figures))
        {
            var element = mapping.Element(indicator);
            await _xml.WriteStartElementAsync(null, "dataValue", Namespace);
            await _xml.WriteAttributeStringAsync(null, "dataElement", null, element.DataElement);
            if (element.CategoryOptionCombo is { } combo) await WriteComboAsync(combo);
            await _xml.WriteAttributeStringAsync(null, "value", null, Dhis2Import.FormatValue(set.Figures[indicator]));
            await _xml.WriteEndElementAsync();
        }
        await _xml.WriteEndElementAsync();
        if (++_groups % FlushEvery == 0) await _xml.FlushAsync();
    }

    /// <summary>A combo mapped as ADX disaggregation (<c>GENDER=FMLE;HIV_AGE=AGE0-14</c>) goes out as those attributes, as ADX carries it.</summary>
    private async Task WriteComboAsync(string combo)
    {
        var pairs = combo.Split(';').Select(p => p.Split('=', 2)).ToList();
        if (pairs.All(p => p.Length == 2 && IsName(p[0]) && p[0] is not ("dataElement" or "value" or "categoryOptionCombo")))
            foreach (var pair in pairs) await _xml.WriteAttributeStringAsync(null, pair[0], null, pair[1]);
        else
            await _xml.WriteAttributeStringAsync(null, "categoryOptionCombo", null, combo);
    }

    private static bool IsName(string text)
    {
        try { return XmlConvert.VerifyNCName(text) == text; }
        catch (XmlException) { return false; }
    }

    public async Task EndAsync(CancellationToken ct)
    {
        await _xml.WriteEndElementAsync();
        await _xml.WriteEndDocumentAsync();
        await _xml.FlushAsync();
    }

    public ValueTask DisposeAsync() => _xml.DisposeAsync();
}
