using GovReport.Projections.ReadModels;

namespace GovReport.Projections.Tests;

public sealed class ReplayMemoryTests
{
    [Fact]
    public void A_month_first_touched_is_held_and_empty()
    {
        var memory = new ReplayMemory(months: 2);

        memory.Touch("2022-01");

        Assert.True(memory.TryGetRollup("bac-kan", "2022-01", out var rollup));
        Assert.Null(rollup);
        Assert.False(memory.TryGetRollup("bac-kan", "2022-02", out _));
    }

    [Fact]
    public void The_least_recently_touched_month_is_forgotten_for_good()
    {
        var memory = new ReplayMemory(months: 2);
        memory.Touch("2022-01");
        memory.SetRollup("bac-kan", "2022-01", new Dictionary<string, decimal> { ["forest-planted"] = 1m });
        memory.Touch("2022-02");
        memory.Touch("2022-01"); // used again: now 2022-02 is the older one
        memory.Touch("2022-03");

        Assert.True(memory.Holds("2022-01"));
        Assert.False(memory.Holds("2022-02"));
        Assert.True(memory.TryGetRollup("bac-kan", "2022-01", out var kept));
        Assert.Equal(1m, kept!["forest-planted"]);

        // What was written for a forgotten month since is unknown here: it must be read from the tables.
        memory.Touch("2022-02");
        Assert.False(memory.Holds("2022-02"));
        memory.SetRollup("bac-kan", "2022-02", new Dictionary<string, decimal>());
        Assert.False(memory.TryGetRollup("bac-kan", "2022-02", out _));
    }

    [Fact]
    public void A_report_is_known_to_have_a_row_only_once_written()
    {
        var memory = new ReplayMemory();

        Assert.False(memory.HasReport("xa-nong-thuong", "2022-03"));
        memory.ReportWritten("xa-nong-thuong", "2022-03");
        Assert.True(memory.HasReport("xa-nong-thuong", "2022-03"));
    }
}
