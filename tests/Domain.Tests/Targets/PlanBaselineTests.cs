using GovReport.Domain.Periods;
using GovReport.Domain.Targets;
using static GovReport.Domain.Tests.Targets.PlanExamples;

namespace GovReport.Domain.Tests.Targets;

/// <summary>Several plans per unit and year: each baseline is a plan of its own, with its own revisions.</summary>
public class PlanBaselineTests
{
    private static SetAnnualTargets Set(PlanBaseline baseline, decimal forest, string? reason = null, DateTimeOffset? at = null) =>
        new(BacKan, 2022, [new(Forest, forest)], "NQ 05/NQ-HĐND", reason, "planner", at ?? January, baseline);

    [Fact]
    public void The_assigned_plan_keeps_the_stream_and_the_events_it_always_had()
    {
        Assert.Equal("plan-bac-kan-2022", StreamIds.Plan(BacKan, 2022, PlanBaseline.Assigned));
        var set = Spec.Given().When(Set(PlanBaseline.Assigned, 155m)).Then(
            new AnnualTargetsSet(BacKan, 2022, [new(Forest, 155m)], "NQ 05/NQ-HĐND", "planner", January));
        Assert.Equal(PlanBaseline.Assigned, set.StateAfter!.Baseline);
    }

    [Fact]
    public void Another_baseline_lives_in_its_own_stream_and_says_which_it_is()
    {
        Assert.Equal("plan-bac-kan-2022-council", StreamIds.Plan(BacKan, 2022, PlanBaseline.Council));
        Assert.Equal("plan-bac-kan-2022-stretch", StreamIds.Plan(BacKan, 2022, PlanBaseline.Stretch));
        var outcome = Spec.Given().When(Set(PlanBaseline.Council, 170m)).Then(
            new AnnualTargetsSet(BacKan, 2022, [new(Forest, 170m)], "NQ 05/NQ-HĐND", "planner", January, PlanBaseline.Council));
        Assert.Equal(PlanBaseline.Council, outcome.StateAfter!.Baseline);
    }

    [Fact]
    public void Each_baseline_has_its_own_revisions()
    {
        var council = new AnnualTargetsSet(BacKan, 2022, [new(Forest, 170m)], "NQ 05", "planner", January, PlanBaseline.Council);
        var outcome = Spec.Given(council).When(Set(PlanBaseline.Council, 180m, reason: "HĐND điều chỉnh", at: July));
        var plan = outcome.StateAfter!;
        Assert.Equal((2, PlanBaseline.Council), (plan.Revisions.Count, plan.Baseline));
        Assert.Equal(170m, plan.InForceFor(new Month(2022, 6)).For(Forest)!.Value);
        Assert.Equal(180m, plan.InForceFor(new Month(2022, 7)).For(Forest)!.Value);
    }

    [Fact]
    public void A_command_for_one_baseline_is_refused_on_anothers_stream()
    {
        var assigned = new AnnualTargetsSet(BacKan, 2022, [new(Forest, 155m)], "QĐ 12", "planner", January);
        Spec.Given(assigned).When(Set(PlanBaseline.Stretch, 200m, reason: "x")).ThenError("wrong-stream", "plan");
    }

    [Theory]
    [InlineData(null, PlanBaseline.Assigned, PlanBaseline.Assigned)]
    [InlineData(null, PlanBaseline.Council, PlanBaseline.Council)]
    [InlineData("council", PlanBaseline.Assigned, PlanBaseline.Council)]
    [InlineData("STRETCH", PlanBaseline.Assigned, PlanBaseline.Stretch)]
    public void No_plan_named_means_the_official_baseline(string? text, PlanBaseline official, PlanBaseline expected)
    {
        Assert.True(PlanBaselines.TryResolve(text, official, out var baseline, out _));
        Assert.Equal(expected, baseline);
    }

    [Theory]
    [InlineData("official")]
    [InlineData("")]
    [InlineData("all")]
    public void An_unknown_baseline_is_refused(string text)
    {
        Assert.False(PlanBaselines.TryResolve(text, PlanBaseline.Assigned, out _, out var error));
        Assert.Contains("assigned, council, stretch", error);
    }
}
