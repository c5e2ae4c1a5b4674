using System.IO.Pipelines;
using GovReport.Domain.Interop;
using GovReport.Host.Features.Dhis2;
using GovReport.Projections.Queries;

namespace GovReport.Host.Tests.Dhis2;

/// <summary>
/// The export's JSON writer hands its bytes to the response as it goes: over a pipe with
/// Kestrel's small blocks, what was written and not yet flushed stays bounded however many
/// unit-months pass, so a national export holds kilobytes, not the whole body.
/// </summary>
public sealed class DataValueSetStreamingTests
{
    /// <summary>A pipe writer handing out 4 KB blocks, as Kestrel's pool does, that records the most ever left unflushed.</summary>
    private sealed class RecordingPipe : PipeWriter
    {
        private readonly byte[] _block = new byte[4096];
        private long _unflushed;
        public long MostUnflushed { get; private set; }
        public long Written { get; private set; }

        public override void Advance(int bytes)
        {
            (_unflushed, Written) = (_unflushed + bytes, Written + bytes);
            MostUnflushed = Math.Max(MostUnflushed, _unflushed);
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => sizeHint > _block.Length ? new byte[sizeHint] : _block;
        public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        public override ValueTask<FlushResult> FlushAsync(CancellationToken ct = default)
        {
            _unflushed = 0;
            return ValueTask.FromResult(new FlushResult(false, false));
        }

        public override void CancelPendingFlush() { }
        public override void Complete(Exception? exception = null) { }
    }

    [Fact]
    public async Task A_large_export_is_flushed_as_it_is_written()
    {
        var pipe = new RecordingPipe();
        var figures = Enumerable.Range(1, 100).ToDictionary(i => $"chi-tieu-{i:D3}", i => i * 1.5m);
        await using (var writer = new Dhis2JsonWriter(pipe, new Dhis2Mapping(new Dictionary<string, string>(), new Dictionary<string, Dhis2Element>())))
        {
            await writer.StartAsync(CancellationToken.None);
            for (var unit = 0; unit < 500; unit++)
                await writer.WriteAsync(new OfficialFigureSet($"xa-{unit:D5}", "2025-08", figures, DateTimeOffset.UnixEpoch), CancellationToken.None);
            await writer.EndAsync(CancellationToken.None);
        }

        Assert.True(pipe.Written > 4_000_000, $"{pipe.Written} bytes written"); // 50,000 values
        // One flush threshold (32 KB) and one unit-month (~12 KB) at most, never the body.
        Assert.True(pipe.MostUnflushed < 64 * 1024, $"{pipe.MostUnflushed} bytes were left unflushed at once");
    }
}
