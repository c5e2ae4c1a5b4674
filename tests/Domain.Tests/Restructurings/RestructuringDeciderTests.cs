using GovReport.Domain.Catalogue;
using GovReport.Domain.Errors;
using GovReport.Domain.Periods;
using GovReport.Domain.Restructurings;
using GovReport.Domain.Tests.Support;

namespace GovReport.Domain.Tests.Restructurings;

public class RestructuringDeciderTests
{
    private static readonly DeciderSpec<RestructuringCommand, RestructuringLog, RestructuringEvent> Spec =
        new(RestructuringDecider.Decide, RestructuringDecider.Evolve, RestructuringDecider.Initial);

    private static readonly UnitId City = UnitId.Parse("tp-bac-kan");
    private static readonly UnitId Province = UnitId.Parse("thai-nguyen");
    private static readonly UnitId A = UnitId.Parse("xa-nong-thuong");
    private static readonly UnitId B = UnitId.Parse("xa-duong-quang");
    private static readonly UnitId Ward = UnitId.Parse("phuong-bac-kan");
    private static readonly Month July = new(2025, 7);
    private static readonly DateOnly Today = new(2025, 9, 1);

    private static RestructuringFacts Facts(Month? lastApprovedOfA = null) => new(
        new Dictionary<UnitId, UnitFacts>
        {
            [City] = new("Thành phố Bắc Kạn", null, null),
            [Province] = new("Tỉnh Thái Nguyên", null, null),
            [A] = new("Xã Nông Thượng", City, lastApprovedOfA),
            [B] = new("Xã Dương Quang", City, null),
            [Ward] = new("Phường Bắc Kạn", City, null),
        },
        new Dictionary<UnitId, UnitId?> { [City] = null, [Province] = null, [A] = City, [B] = City, [Ward] = City },
        Today);

    private static Restructuring Merge(string id = "rs-1", Month? month = null, string? reason = null, params UnitId[] predecessors) =>
        new(id, RestructuringKind.Merge, month ?? July, "NQ 1683/NQ-UBTVQH15", reason, predecessors.Length == 0 ? [A, B] : predecessors, [new SuccessorShare(Ward, 1m)]);

    private static readonly UnitsMerged Merged = new("rs-1", July, "NQ 1683/NQ-UBTVQH15", null, [A, B], Ward);

    private static void FailsOn(Spec_Outcome outcome, string field)
    {
        var error = outcome.Decision.Error;
        Assert.NotNull(error);
        Assert.Equal(field, error.Field);
    }

    private sealed record Spec_Outcome(Decision<RestructuringEvent> Decision);

    private static Spec_Outcome When(RestructuringCommand command, params RestructuringEvent[] given) =>
        new(Spec.Given(given).When(command).Decision);

    [Fact]
    public void A_merge_of_two_communes_into_a_ward_is_recorded() =>
        Spec.Given().When(new RecordRestructuring(Merge(), Facts())).Then(Merged);

    [Fact]
    public void A_successor_among_its_predecessors_is_refused() =>
        FailsOn(When(new RecordRestructuring(Merge(predecessors: [A, Ward]), Facts())), "successor");

    [Fact]
    public void An_unregistered_predecessor_is_refused() =>
        FailsOn(When(new RecordRestructuring(Merge(predecessors: [A, UnitId.Parse("xa-khong-co")]), Facts())), "predecessors");

    [Fact]
    public void A_unit_is_merged_only_once() =>
        FailsOn(When(new RecordRestructuring(Merge("rs-2", predecessors: [A]), Facts()), Merged), "predecessors");

    [Fact]
    public void A_reverted_merge_frees_its_units_again()
    {
        var reverted = new RestructuringReverted("rs-1", "Nhầm quyết định", RestructuringKind.Merge, July, [A, B, Ward], null, null);
        Spec.Given(Merged, reverted).When(new RecordRestructuring(Merge("rs-2"), Facts()))
            .Then(Merged with { Id = "rs-2" });
    }

    [Fact]
    public void An_effective_month_outside_the_period_bounds_is_refused() =>
        FailsOn(When(new RecordRestructuring(Merge(month: new Month(2031, 1)), Facts())), "effectiveMonth");

    [Fact]
    public void A_merge_before_a_predecessors_last_approved_report_needs_a_reason()
    {
        FailsOn(When(new RecordRestructuring(Merge(), Facts(lastApprovedOfA: new Month(2025, 8)))), "effectiveMonth");
        Assert.False(When(new RecordRestructuring(Merge(reason: "Theo nghị quyết, hiệu lực 1/7"), Facts(lastApprovedOfA: new Month(2025, 8)))).Decision.IsError);
        Assert.False(When(new RecordRestructuring(Merge(), Facts(lastApprovedOfA: new Month(2025, 6)))).Decision.IsError);
    }

    [Fact]
    public void A_successor_cannot_be_its_predecessors_ancestor() =>
        FailsOn(When(new RecordRestructuring(
            new Restructuring("rs-1", RestructuringKind.Merge, July, "NQ", null, [A, B], [new SuccessorShare(City, 1m)]), Facts())), "successor");

    [Fact]
    public void A_merge_that_would_loop_the_lineage_is_refused()
    {
        // The ward carries A's history; A cannot then take over the ward's.
        var first = new UnitsMerged("rs-1", July, "NQ", null, [A], Ward);
        var loop = new Restructuring("rs-2", RestructuringKind.Merge, new Month(2025, 8), "NQ", null, [Ward], [new SuccessorShare(A, 1m)]);
        FailsOn(When(new RecordRestructuring(loop, Facts()), first), "successor");
    }

    [Theory]
    [InlineData(0.5, 0.4)]
    [InlineData(1.2, -0.2)]
    public void Split_shares_must_add_up_to_one(double first, double second)
    {
        var split = new Restructuring("rs-1", RestructuringKind.Split, July, "NQ", null, [City],
            [new SuccessorShare(A, (decimal)first), new SuccessorShare(Province, (decimal)second)]);
        FailsOn(When(new RecordRestructuring(split, Facts())), "successors");
    }

    [Fact]
    public void A_move_beneath_itself_is_refused() =>
        FailsOn(When(new RecordRestructuring(new Restructuring("rs-1", RestructuringKind.Move, July, "NQ", null, [City], [], ParentId: A), Facts())), "parentId");

    [Fact]
    public void A_move_records_the_parent_it_leaves_and_a_rename_the_name() =>
        Spec.Given()
            .When(new RecordRestructuring(new Restructuring("rs-1", RestructuringKind.Move, July, "NQ", null, [A], [], ParentId: Province), Facts()))
            .Then(new UnitTransferred("rs-1", July, "NQ", null, A, Province, City));

    [Fact]
    public void A_rename_records_the_previous_name() =>
        Spec.Given()
            .When(new RecordRestructuring(new Restructuring("rs-1", RestructuringKind.Rename, July, "NQ", null, [Ward], [], Name: "Phường Đức Xuân"), Facts()))
            .Then(new UnitRenamedByDecision("rs-1", July, "NQ", null, Ward, "Phường Đức Xuân", "Phường Bắc Kạn"));

    [Fact]
    public void A_revert_needs_a_reason_and_happens_once()
    {
        FailsOn(When(new RevertRestructuring("rs-1", " "), Merged), "reason");
        Spec.Given(Merged).When(new RevertRestructuring("rs-1", "Nhầm"))
            .Then(new RestructuringReverted("rs-1", "Nhầm", RestructuringKind.Merge, July, [A, B, Ward], null, null));
        var reverted = new RestructuringReverted("rs-1", "Nhầm", RestructuringKind.Merge, July, [A, B, Ward], null, null);
        Assert.Equal(ErrorCodes.InvalidTransition, When(new RevertRestructuring("rs-1", "Lần nữa"), Merged, reverted).Decision.Error?.Code);
        Assert.Equal(ErrorCodes.RestructuringNotFound, When(new RevertRestructuring("rs-9", "Nhầm")).Decision.Error?.Code);
    }
}
