using GovReport.Domain.Errors;
using GovReport.Domain.Reports;

namespace GovReport.Domain.Tests;

public class DeciderTests
{
    private static readonly Decider<int, int, int> Adder =
        new(0, (command, _) => Decision<int>.Ok(command), (state, @event) => state + @event);

    [Fact]
    public void Fold_evolves_from_the_initial_state_in_order() =>
        Assert.Equal(6, Adder.Fold([1, 2, 3]));

    [Fact]
    public void A_decider_with_a_guard_still_folds_with_the_same_evolve()
    {
        var guarded = Adder with { Decide = (_, _) => Decision<int>.Nothing };
        Assert.Empty(guarded.Decide(5, 0).Events);
        Assert.Equal(Adder.Fold([4]), guarded.Fold([4]));
    }

    [Fact]
    public void The_report_decider_folds_from_an_empty_report() =>
        Assert.Equal(ReportStatus.None, ReportDecider.Decider.Fold([]).Status);
}
