using GovReport.Domain.Catalogue;
using GovReport.Domain.Tests.Support;

namespace GovReport.Domain.Tests.Catalogue;

public class UnitDeciderTests
{
    private static readonly DeciderSpec<DefineUnit, Unit?, UnitEvent> Spec =
        new(UnitDecider.Decide, UnitDecider.Evolve, UnitDecider.Initial);

    private static readonly UnitId Commune = UnitId.Parse("xa-nong-thuong");
    private static readonly UnitId City = UnitId.Parse("tp-bac-kan");
    private static readonly UnitId Province = UnitId.Parse("bac-kan");

    private static readonly UnitRegistered Registered = new(Commune, "Xã Nông Thượng", UnitKind.Commune, City, "kinh-te");

    [Fact]
    public void First_definition_registers_the_unit() =>
        Spec.Given()
            .When(new DefineUnit(Commune, "  Xã Nông Thượng ", UnitKind.Commune, City, "kinh-te"))
            .Then(Registered);

    [Fact]
    public void Same_definition_changes_nothing() =>
        Spec.Given(Registered)
            .When(new DefineUnit(Commune, "Xã Nông Thượng", UnitKind.Commune, City, "kinh-te"))
            .ThenNothing();

    [Fact]
    public void A_new_name_is_a_rename() =>
        Spec.Given(Registered)
            .When(new DefineUnit(Commune, "Phường Nông Thượng", UnitKind.Commune, City, "kinh-te"))
            .Then(new UnitRenamed(Commune, "Phường Nông Thượng", "Xã Nông Thượng"));

    [Fact]
    public void A_new_parent_is_a_move() =>
        Spec.Given(Registered)
            .When(new DefineUnit(Commune, "Xã Nông Thượng", UnitKind.Commune, Province, "kinh-te"))
            .Then(new UnitMoved(Commune, Province, City));

    [Fact]
    public void A_new_kind_or_block_is_a_reclassification() =>
        Spec.Given(Registered)
            .When(new DefineUnit(Commune, "Xã Nông Thượng", UnitKind.Ward, City, null))
            .Then(new UnitReclassified(Commune, UnitKind.Ward, null));

    [Fact]
    public void Several_changes_give_one_event_each()
    {
        var outcome = Spec.Given(Registered)
            .When(new DefineUnit(Commune, "Phường Nông Thượng", UnitKind.Ward, Province, "kinh-te"))
            .Then(
                new UnitRenamed(Commune, "Phường Nông Thượng", "Xã Nông Thượng"),
                new UnitMoved(Commune, Province, City),
                new UnitReclassified(Commune, UnitKind.Ward, "kinh-te"));
        Assert.Equal(new Unit(Commune, "Phường Nông Thượng", UnitKind.Ward, Province, "kinh-te"), outcome.StateAfter);
    }

    [Fact]
    public void A_name_is_required() =>
        Spec.Given().When(new DefineUnit(Commune, " ", UnitKind.Commune, City, null)).ThenError("name-required", "name");

    [Fact]
    public void A_name_is_at_most_200_characters() =>
        Spec.Given().When(new DefineUnit(Commune, new string('x', 201), UnitKind.Commune, City, null)).ThenError("name-too-long", "name");

    [Fact]
    public void A_unit_is_not_its_own_parent() =>
        Spec.Given(Registered).When(new DefineUnit(Commune, "Xã Nông Thượng", UnitKind.Commune, Commune, null)).ThenError("invalid-parent", "parentId");

    [Fact]
    public void Moving_under_a_descendant_would_create_a_cycle()
    {
        var parents = new Dictionary<UnitId, UnitId?> { [Province] = null, [City] = Province, [Commune] = City };
        Assert.True(UnitTree.WouldCreateCycle(parents, Province, Commune));
        Assert.True(UnitTree.WouldCreateCycle(parents, City, Commune));
        Assert.False(UnitTree.WouldCreateCycle(parents, Commune, Province));
        Assert.False(UnitTree.WouldCreateCycle(parents, Commune, null));
        Assert.True(UnitTree.WouldCreateCycle(parents, Commune, Commune));
    }

    [Fact]
    public void A_broken_tree_does_not_hang_the_cycle_check()
    {
        var a = UnitId.Parse("aa");
        var b = UnitId.Parse("bb");
        var parents = new Dictionary<UnitId, UnitId?> { [a] = b, [b] = a };
        Assert.False(UnitTree.WouldCreateCycle(parents, Commune, a));
    }

    [Fact]
    public void Subtree_lists_parents_before_children()
    {
        IReadOnlyList<UnitId> ChildrenOf(UnitId unit) => unit == Province ? [City] : unit == City ? [Commune] : [];
        Assert.Equal([City, Commune], UnitTree.Subtree(City, ChildrenOf));
    }

    [Fact]
    public void Subtree_of_a_corrupt_tree_with_a_loop_ends()
    {
        IReadOnlyList<UnitId> ChildrenOf(UnitId unit) => unit == City ? [Commune] : unit == Commune ? [City] : [];
        Assert.Equal([City, Commune], UnitTree.Subtree(City, ChildrenOf));
    }
}
