using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Accounts;

/// Creates an account from a set-up or invitation link and accepts the invitation in the same
/// save. Password and email problems come back as messages in the reader's language.
public sealed class NewAccounts(UserManager<UserAccount> users, FinanceBuilderDbContext db, TimeProvider clock)
{
    public const int MaxNameLength = 200;

    public sealed record Form(string? DisplayName, string? Email, string? Password);

    /// <summary>Runs in the caller's transaction when there is one (the set-up page renames the
    /// organisation in the same one), else in its own.</summary>
    public async Task<(UserAccount? User, IReadOnlyList<string> Errors)> CreateAsync(Invitation invitation, Form form, Guid organisationId, CancellationToken ct)
    {
        var errors = Check(form);
        if (errors.Count > 0)
            return (null, errors);
        var user = new UserAccount
        {
            Id = Guid.NewGuid(),
            UserName = form.Email!.Trim(),
            Email = form.Email!.Trim(),
            EmailConfirmed = true,
            DisplayName = form.DisplayName!.Trim(),
            OrganisationId = organisationId,
            Role = invitation.Role,
            IsPlatformAdmin = invitation.GrantsPlatformAdmin,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        // The link is used up by one atomic UPDATE that only matches while it is unused: of two
        // posts of the same link at the same moment, exactly one creates an account. The account
        // and the use of the link commit together, or neither does.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.Invitations.Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(i => i.SetProperty(x => x.AcceptedAt, now), ct);
        if (claimed != 1)
            return (null, [AccountText.Texts["LinkExpired"]]);
        db.Entry(invitation).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        var result = await users.CreateAsync(user, form.Password!);
        if (!result.Succeeded)
            return (null, result.Errors.Select(e => Message(e.Code)).Distinct().ToList());
        if (transaction is not null)
            await transaction.CommitAsync(ct);
        return (user, []);
    }

    public static List<string> Check(Form form)
    {
        var errors = new List<string>();
        var T = AccountText.Texts;
        if (string.IsNullOrWhiteSpace(form.DisplayName) || form.DisplayName.Length > MaxNameLength)
            errors.Add(T["NameRequired"]);
        else if (Localization.TypedText.Problem(form.DisplayName.Trim(), multiLine: false, T["YourName"]) is { } refused)
            errors.Add(refused);
        if (string.IsNullOrWhiteSpace(form.Email) || form.Email.Length > 256 || !form.Email.Contains('@', StringComparison.Ordinal))
            errors.Add(T["EmailInvalid"]);
        errors.AddRange(PasswordProblems(form.Password));
        return errors;
    }

    /// The password rules, checked before Identity so that the message is ours and in the
    /// reader's language.
    public static IEnumerable<string> PasswordProblems(string? password)
    {
        var T = AccountText.Texts;
        if (string.IsNullOrEmpty(password) || password.Length < 8)
            yield return T["PasswordTooShort"];
        else if (password.Length > CommonPasswords.MaxLength)
            yield return T["PasswordTooLong"];
        else if (CommonPasswords.Contains(password))
            yield return T["PasswordTooCommon"];
    }

    public static string Message(string identityCode) => AccountText.Texts[identityCode switch
    {
        "DuplicateEmail" or "DuplicateUserName" => "EmailTaken",
        "InvalidEmail" or "InvalidUserName" => "EmailInvalid",
        "PasswordTooShort" => "PasswordTooShort",
        "PasswordTooLong" => "PasswordTooLong",
        "PasswordTooCommon" => "PasswordTooCommon",
        "InvalidToken" => "LinkExpired",
        _ => "AccountNotCreated",
    }];
}
