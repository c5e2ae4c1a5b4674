using GovReport.Domain.Catalogue;
using GovReport.Domain.Periods;
using GovReport.Domain.Targets;
using GovReport.Domain.Tests.Support;
using static GovReport.Domain.Tests.Targets.PlanExamples;

namespace GovReport.Domain.Tests.Targets;

public class PlanDeciderTests
{
    private static readonly TargetLine[] Plan = [new(Forest, 155m), new(Revenue, 143m)];

    private static SetAnnualTargets Set(TargetLine[] targets, string? reason = null, int year = 2022, string? decision = "QĐ 12/QĐ-UBND", DateTimeOffset? at = null) =>
        new(BacKan, year, targets, decision, reason, "planner", at ?? January);

    private static readonly AnnualTargetsSet FirstSet = new(BacKan, 2022, Plan, "QĐ 12/QĐ-UBND", "planner", January);

    [Fact]
    public void First_plan_is_set() => Spec.Given().When(Set(Plan)).Then(FirstSet);

    [Fact]
    public void Same_plan_again_changes_nothing() =>
        Spec.Given(FirstSet).When(Set([new(Revenue, 143m), new(Forest, 155m)])).ThenNothing();

    [Fact]
    public void A_changed_plan_is_a_revision_with_its_reason()
    {
        TargetLine[] revised = [new(Forest, 170m), new(Revenue, 143m)];
        var outcome = Spec.Given(FirstSet)
            .When(Set(revised, reason: "Điều chỉnh theo Nghị quyết HĐND", decision: "QĐ 88/QĐ-UBND", at: July))
            .Then(new AnnualTargetsRevised(BacKan, 2022, revised, "QĐ 88/QĐ-UBND", "Điều chỉnh theo Nghị quyết HĐND", "planner", July));

        var plan = outcome.StateAfter!;
        Assert.Equal(2, plan.Revisions.Count);
        Assert.Equal(2, plan.Current.Number);
        Assert.Equal(170m, plan.Current.For(Forest)!.Value);
        Assert.Equal(155m, plan.Revisions[0].For(Forest)!.Value);
        Assert.Equal("QĐ 12/QĐ-UBND", plan.Revisions[0].Decision);
        Assert.Equal(155m, plan.InForceFor(new Month(2022, 6)).For(Forest)!.Value);
        Assert.Equal(170m, plan.InForceFor(new Month(2022, 7)).For(Forest)!.Value);
    }

    [Fact]
    public void A_plan_decided_after_a_month_holds_that_month_to_its_first_revision()
    {
        var plan = Spec.Given(FirstSet)
            .When(Set([new(Forest, 170m), new(Revenue, 143m)], reason: "Điều chỉnh", at: July)).StateAfter!;

        // The plan was first set on 10 January: December before it is held to that first revision, not to nothing.
        Assert.Equal(155m, plan.InForceFor(new Month(2021, 12)).For(Forest)!.Value);
    }

    [Fact]
    public void A_revision_needs_a_reason() =>
        Spec.Given(FirstSet).When(Set([new(Forest, 170m)], reason: "  ")).ThenError("reason-required", "reason");

    [Fact]
    public void Duplicate_indicators_are_rejected() =>
        Spec.Given().When(Set([new(Forest, 155m), new(Forest, 160m)])).ThenError("duplicate-indicator", "targets[1].indicator");

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    public void The_year_is_checked(int year) =>
        Spec.Given().When(Set(Plan, year: year)).ThenError("invalid-year", "year");

    [Fact]
    public void Phasing_has_twelve_months() =>
        Spec.Given().When(Set([new(Forest, 155m, [10m, 10m])])).ThenError("invalid-phasing", "targets[0].monthly");

    [Fact]
    public void Phasing_is_not_negative()
    {
        var monthly = Enumerable.Repeat(10m, 12).ToArray();
        monthly[3] = -1m;
        Spec.Given().When(Set([new(Forest, 155m), new(Revenue, 143m, monthly)])).ThenError("negative-value", "targets[1].monthly[3]");
    }

    [Fact]
    public void Changing_only_the_phasing_is_a_revision()
    {
        var monthly = Enumerable.Repeat(12m, 12).ToArray();
        Spec.Given(FirstSet)
            .When(Set([new(Forest, 155m), new(Revenue, 143m, monthly)], reason: "Phân kỳ theo tháng"))
            .Then(new AnnualTargetsRevised(BacKan, 2022, [new(Forest, 155m), new(Revenue, 143m, monthly)], "QĐ 12/QĐ-UBND", "Phân kỳ theo tháng", "planner", January));
    }
}
