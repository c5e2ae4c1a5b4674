using GovReport.Host.Infrastructure.Cli;

namespace GovReport.Host.Tests.Seed;

public class SeedVerbTests
{
    // ops/run calls `GovReport.Host seed` before it serves; a missing verb would fall through to "unknown verb".
    [Fact]
    public void Given_the_verb_table_when_listed_then_seed_is_a_verb() =>
        Assert.Contains("seed", Verbs.Names);
}
