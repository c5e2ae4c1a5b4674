using GovReport.Domain;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Reports;
using GovReport.Projections.ReadModels;
using GovReport.Projections.Rebuild;

namespace GovReport.Projections.Tests;

/// <summary>
/// Inline projections take no lock of their own any more: the append's head write must still
/// wait for a rebuild's swap, or a command's row would land in the tables being retired.
/// </summary>
public sealed class SwapHoldsInlineWritesTests(ProjectionFixture fx) : IClassFixture<ProjectionFixture>
{
    [Fact]
    public async Task An_append_with_inline_read_models_waits_for_the_swap_and_lands_after_it()
    {
        await using var swap = await fx.DataSource.OpenConnectionAsync();
        await using var transaction = await swap.BeginTransactionAsync();
        await ReadModelLock.TakeExclusiveAsync(swap, transaction, CancellationToken.None);

        var append = fx.AppendAsync(StreamIds.Report(UnitId.Parse("xa-nong-thuong"), Month.Parse("2022-05")),
            new ReportApproved(UnitId.Parse("xa-nong-thuong"), Month.Parse("2022-05")));
        var first = await Task.WhenAny(append, Task.Delay(TimeSpan.FromMilliseconds(500)));
        Assert.NotSame(append, first);

        await transaction.CommitAsync();
        await append.WaitAsync(TimeSpan.FromSeconds(10));
        await using var count = fx.DataSource.CreateCommand(
            $"SELECT count(*) FROM {ReadModelSchema.Live}.reports WHERE unit_id = 'xa-nong-thuong' AND month = '2022-05'");
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }
}
