namespace GovReport.EventStore.Tests;

/// <summary>What a writer may claim about a stream's version: a count of events, or "any".</summary>
public sealed class ExpectedVersionTests
{
    [Fact]
    public void Version_0_is_a_stream_not_yet_written_and_a_negative_version_is_no_version()
    {
        Assert.Equal(ExpectedVersion.NoStream, ExpectedVersion.Exactly(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExpectedVersion.Exactly(-1));
    }

    [Fact]
    public void Any_accepts_every_version_and_has_none_of_its_own()
    {
        Assert.All(new long[] { 0, 1, 3, 1_000_000 }, v => Assert.True(ExpectedVersion.Any.Accepts(v)));
        Assert.Throws<InvalidOperationException>(() => ExpectedVersion.Any.Value);
        Assert.Equal(3, ExpectedVersion.Exactly(3).Value);
        Assert.Equal(0, ExpectedVersion.NoStream.Value);
    }

    [Fact]
    public void A_conflict_names_what_the_writer_expected()
    {
        Assert.Equal("any", ExpectedVersion.Any.ToString());
        Assert.Equal("3", ExpectedVersion.Exactly(3).ToString());
        Assert.EndsWith("not the expected 3.", new WrongExpectedVersionException("report-x", ExpectedVersion.Exactly(3), 2).Message);
    }
}
