using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Accounts;

/// A colleague's invitation: the email is the one invited, the organisation and role are the
/// inviter's choice; the person chooses their name and password.
[AllowAnonymous]
[RateLimits.SharedRateLimit(AccountSetup.SignInLimit)]
public sealed class JoinPage(Invitations invitations, NewAccounts accounts, AccountSignIn signIn, FinanceBuilderDbContext db) : PageModel
{
    public string? OrganisationName { get; private set; }
    public MemberRole Role { get; private set; }
    public NewAccounts.Form Account { get; private set; } = new(null, null, null);
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(string token, CancellationToken ct) => await LoadAsync(token, ct);

    public async Task<IActionResult> OnPostAsync(string token, string? displayName, string? password, CancellationToken ct)
    {
        var invitation = await LoadAsync(token, ct);
        if (invitation is null)
            return Page();
        Account = new(displayName, invitation.Email, null);
        var (user, errors) = await accounts.CreateAsync(invitation, new(displayName, invitation.Email, password), invitation.OrganisationId!.Value, ct);
        if (user is null)
        {
            Errors = errors;
            return Page();
        }
        await signIn.StartSessionAsync(user, ct);
        return LocalRedirect("/");
    }

    private async Task<Invitation?> LoadAsync(string token, CancellationToken ct)
    {
        var invitation = await invitations.FindOpenAsync(token, platformAdmin: false, ct);
        if (invitation?.OrganisationId is not { } organisationId)
            return null;
        OrganisationName = await db.Organisations.Where(o => o.Id == organisationId && o.DisabledAt == null).Select(o => o.Name).FirstOrDefaultAsync(ct);
        if (OrganisationName is null)
            return null;
        Role = invitation.Role;
        Account = new(null, invitation.Email, null);
        return invitation;
    }
}
