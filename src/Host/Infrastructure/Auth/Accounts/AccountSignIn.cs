using GovReport.Domain.Accounts;

namespace GovReport.Host.Infrastructure.Auth.Accounts;

public enum SignInOutcome { SignedIn, Refused, LockedOut }

public sealed record SignInResult(SignInOutcome Outcome, AccountRow? Account = null);

/// <summary>
/// Checks a name and password. Every refusal looks the same whether the name exists, is disabled
/// or the password is wrong; a locked name is refused before its password is even checked.
/// </summary>
public sealed class AccountSignIn(AccountDirectory directory, Credentials credentials, SignInLockout lockout, ILogger<AccountSignIn> log)
{
    /// <summary>What a person may type: letters are folded to lower case, surrounding spaces dropped.</summary>
    public static string Normalise(string? username) => (username ?? "").Trim().ToLowerInvariant();

    public async Task<SignInResult> SignInAsync(string? typedName, string? password, CancellationToken ct)
    {
        var username = Normalise(typedName);
        // A name no account can have is not tracked (it locks nothing and reveals nothing).
        if (!Username.IsValid(username)) return new SignInResult(SignInOutcome.Refused);
        if (await lockout.IsLockedAsync(username, ct)) return new SignInResult(SignInOutcome.LockedOut);

        var account = await directory.FindAsync(username, ct);
        // Too long a password is never hashed (bounded work), too short one matches nothing stored.
        var matches = PasswordRule.IsAcceptable(password) && await credentials.VerifyAsync(username, password!, ct);
        if (matches && account is { Disabled: false })
        {
            await lockout.ClearAsync(username, ct);
            return new SignInResult(SignInOutcome.SignedIn, account);
        }
        if (await lockout.RecordFailureAsync(username, ct))
        {
            log.LogWarning("Sign-in for {Username} locked for {Minutes} minutes after {Failures} failures",
                username, SignInLockout.LockFor.TotalMinutes, SignInLockout.MaxFailures);
            return new SignInResult(SignInOutcome.LockedOut);
        }
        return new SignInResult(SignInOutcome.Refused);
    }
}
