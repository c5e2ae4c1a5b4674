using GovReport.Domain.Accounts;
using GovReport.Domain.Catalogue;
using GovReport.Domain.Errors;
using GovReport.Domain.Tests.Support;

namespace GovReport.Domain.Tests.Accounts;

public class AccountDeciderTests
{
    private static readonly DeciderSpec<object, Account?, AccountEvent> Spec =
        new(AccountDecider.Decide, AccountDecider.Evolve, AccountDecider.Initial);

    private const string Clerk = "can-bo.nong-thuong";
    private static readonly UnitId Commune = UnitId.Parse("xa-nong-thuong");
    private static readonly UnitId Ward = UnitId.Parse("phuong-song-cau");

    private static readonly AccountEvent[] Existing =
    [
        new AccountRegistered(Clerk, "Nguyễn Thị Hoa"),
        new PasswordSet(Clerk),
        new RoleGranted(Clerk, "reporter"),
        new UnitGranted(Clerk, Commune),
    ];

    [Fact]
    public void A_new_account_is_registered_with_its_password_roles_and_units() =>
        Spec.Given()
            .When(new SetUpAccount(Clerk, " Nguyễn Thị Hoa ", ["reporter"], [Commune], PasswordChanged: true))
            .Then(Existing);

    [Fact]
    public void Setting_up_the_same_account_again_without_a_password_changes_nothing() =>
        Spec.Given(Existing)
            .When(new SetUpAccount(Clerk, "Nguyễn Thị Hoa", ["reporter"], [Commune], PasswordChanged: false))
            .ThenNothing();

    [Fact]
    public void An_update_replaces_roles_and_units_and_records_the_password_change() =>
        Spec.Given(Existing)
            .When(new SetUpAccount(Clerk, "Nguyễn Thị Hoa", ["approver"], [Ward], PasswordChanged: true))
            .Then(new PasswordSet(Clerk), new RoleRevoked(Clerk, "reporter"), new RoleGranted(Clerk, "approver"),
                new UnitRevoked(Clerk, Commune), new UnitGranted(Clerk, Ward));

    [Fact]
    public void The_state_holds_the_roles_and_units_granted_and_not_revoked()
    {
        var state = Spec.Given([.. Existing, new RoleGranted(Clerk, "auditor"), new RoleRevoked(Clerk, "reporter")]).State!;
        Assert.Equal(["auditor"], state.Roles);
        Assert.Equal([Commune], state.Units);
        Assert.False(state.Disabled);
    }

    [Theory]
    [InlineData("A")]
    [InlineData("Hoa")]
    [InlineData("hoa nguyen")]
    [InlineData("hoà")]
    [InlineData("x")]
    public void A_username_outside_the_pattern_is_refused(string username) =>
        Spec.Given().When(new SetUpAccount(username, null, ["reporter"], [], true)).ThenError(ErrorCodes.InvalidUsername, "username");

    [Fact]
    public void A_username_longer_than_64_characters_is_refused() =>
        Spec.Given().When(new SetUpAccount(new string('a', 65), null, ["reporter"], [], true)).ThenError(ErrorCodes.InvalidUsername);

    [Fact]
    public void An_account_needs_a_role() =>
        Spec.Given().When(new SetUpAccount(Clerk, null, [], [Commune], true)).ThenError(ErrorCodes.RoleRequired, "role");

    [Fact]
    public void A_new_account_needs_a_password() =>
        Spec.Given().When(new SetUpAccount(Clerk, null, ["reporter"], [Commune], false)).ThenError(ErrorCodes.PasswordRequired, "password");

    [Fact]
    public void Disabling_then_enabling_is_recorded_once_each()
    {
        Spec.Given(Existing).When(new DisableAccount(Clerk)).Then(new AccountDisabled(Clerk));
        Spec.Given([.. Existing, new AccountDisabled(Clerk)]).When(new DisableAccount(Clerk)).ThenNothing();
        Spec.Given([.. Existing, new AccountDisabled(Clerk)]).When(new EnableAccount(Clerk)).Then(new AccountEnabled(Clerk));
        Assert.True(Spec.Given([.. Existing, new AccountDisabled(Clerk)]).State!.Disabled);
    }

    [Fact]
    public void An_unknown_account_cannot_be_disabled() =>
        Spec.Given().When(new DisableAccount(Clerk)).ThenError(ErrorCodes.UnknownAccount);

    [Theory]
    [InlineData("1234567", false)]
    [InlineData("12345678", true)]
    [InlineData("        ", false)]
    public void A_password_has_8_to_128_characters(string password, bool acceptable)
    {
        Assert.Equal(acceptable, PasswordRule.IsAcceptable(password));
        Assert.True(PasswordRule.IsAcceptable(new string('x', 128)));
        Assert.False(PasswordRule.IsAcceptable(new string('x', 129)));
    }

    [Fact]
    public void An_account_holding_a_predecessor_moves_to_the_successor_and_then_holds_it_instead()
    {
        var outcome = Spec.Given(Existing)
            .When(new MoveAccountToSuccessor(Clerk, "rs-1", [Commune, UnitId.Parse("xa-duong-quang")], Ward))
            .Then(new AccountMovedToSuccessor(Clerk, Commune, Ward, "rs-1"));
        Assert.Equal([Ward], outcome.StateAfter!.Units);
    }

    [Fact]
    public void An_account_holding_no_predecessor_moves_nowhere() =>
        Spec.Given(Existing).When(new MoveAccountToSuccessor(Clerk, "rs-1", [UnitId.Parse("xa-duong-quang")], Ward)).ThenNothing();
}
