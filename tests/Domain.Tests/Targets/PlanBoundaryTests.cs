using GovReport.Domain.Periods;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Targets;
using GovReport.Domain.Tests.Support;
using static GovReport.Domain.Tests.Targets.PlanExamples;

namespace GovReport.Domain.Tests.Targets;

/// <summary>The edges of the plan rules: the first and last plannable years, a zero month, the month a revision takes hold.</summary>
public class PlanBoundaryTests
{
    private static readonly TargetLine[] Plan = [new(Forest, 155m)];
    private static readonly AnnualTargetsSet FirstSet = new(BacKan, 2022, Plan, "QĐ 12/QĐ-UBND", "planner", January);

    private static SetAnnualTargets Set(TargetLine[] targets, int year = 2022, string? decision = "QĐ 12/QĐ-UBND", string? reason = null) =>
        new(BacKan, year, targets, decision, reason, "planner", January);

    [Theory]
    [InlineData(2000)]
    [InlineData(2100)]
    public void Given_the_first_or_last_plannable_year_then_a_plan_is_set(int year) =>
        Spec.Given().When(Set(Plan, year)).Then(new AnnualTargetsSet(BacKan, year, Plan, "QĐ 12/QĐ-UBND", "planner", January));

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    public void Given_a_year_outside_2000_to_2100_then_it_is_refused(int year) =>
        Spec.Given().When(Set(Plan, year)).ThenError("invalid-year", "year");

    [Fact]
    public void Given_a_month_with_nothing_to_plant_when_phased_then_a_zero_month_is_accepted()
    {
        TargetLine[] phased = [new(Forest, 155m, [0m, 0m, 20m, 30m, 40m, 40m, 25m, 0m, 0m, 0m, 0m, 0m])];
        Spec.Given().When(Set(phased)).Then(new AnnualTargetsSet(BacKan, 2022, phased, "QĐ 12/QĐ-UBND", "planner", January));
    }

    [Fact]
    public void Given_a_blank_decision_then_the_plan_names_none() =>
        Spec.Given().When(Set(Plan, decision: "  ")).Then(new AnnualTargetsSet(BacKan, 2022, Plan, null, "planner", January));

    [Fact]
    public void Given_the_same_indicator_with_a_new_value_then_it_is_a_revision_that_needs_a_reason() =>
        Spec.Given(FirstSet).When(Set([new(Forest, 170m)])).ThenError("reason-required", "reason");

    [Fact]
    public void Given_monthly_phasing_added_to_a_plain_target_then_it_is_a_revision_that_needs_a_reason() =>
        Spec.Given(FirstSet).When(Set([new(Forest, 155m, [13m, 13m, 13m, 13m, 13m, 13m, 13m, 13m, 13m, 13m, 12m, 12m])]))
            .ThenError("reason-required", "reason");

    [Fact]
    public void Given_a_phased_plan_when_the_same_phasing_comes_again_then_nothing_changes_and_a_new_phasing_is_a_revision()
    {
        decimal[] months = [13m, 13m, 13m, 13m, 13m, 13m, 13m, 13m, 13m, 13m, 12m, 12m];
        var phased = new AnnualTargetsSet(BacKan, 2022, [new(Forest, 155m, months)], "QĐ 12/QĐ-UBND", "planner", January);

        Spec.Given(phased).When(Set([new(Forest, 155m, months.ToArray())])).ThenNothing();
        Spec.Given(phased).When(Set([new(Forest, 155m)])).ThenError("reason-required", "reason");
        Spec.Given(phased).When(Set([new(Forest, 155m, [.. months[..10], 11m, 13m])])).ThenError("reason-required", "reason");
    }

    [Fact]
    public void Given_a_revision_decided_mid_july_then_july_is_held_to_it_and_june_to_the_plan_before()
    {
        var plan = new PlanEvent[] { FirstSet, new AnnualTargetsRevised(BacKan, 2022, [new(Forest, 170m)], "QĐ 30", "Điều chỉnh", "planner", July) }
            .Aggregate(PlanDecider.Initial, PlanDecider.Evolve)!;

        Assert.Equal(170m, plan.InForceFor(new Month(2022, 7)).For(Forest)!.Value);
        Assert.Equal(155m, plan.InForceFor(new Month(2022, 6)).For(Forest)!.Value);
        Assert.Null(plan.Current.For(Revenue));
    }
}
