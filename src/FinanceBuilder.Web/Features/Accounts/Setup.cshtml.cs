using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Accounts;

/// The first administrator (or one made by `create-admin`) names their organisation and
/// creates their account. The very first one takes over the workspace organisation, with the
/// demo proposals in it; later ones get a new organisation.
[AllowAnonymous]
[RateLimits.SharedRateLimit(AccountSetup.SignInLimit)]
public sealed class SetupPage(Invitations invitations, NewAccounts accounts, AccountSignIn signIn, FinanceBuilderDbContext db, TimeProvider clock) : PageModel
{
    public bool LinkValid { get; private set; }
    public string? OrganisationName { get; private set; }
    public OrganisationKind Kind { get; private set; } = OrganisationKind.Municipality;
    public NewAccounts.Form Account { get; private set; } = new(null, null, null);
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(string token, CancellationToken ct)
    {
        var invitation = await invitations.FindOpenAsync(token, platformAdmin: true, ct);
        LinkValid = invitation is not null;
        Account = new(null, invitation?.Email is { Length: > 0 } e ? e : null, null);
        ViewData["EmailFixed"] = invitation?.Email is { Length: > 0 };
    }

    public async Task<IActionResult> OnPostAsync(string token, string? organisationName, OrganisationKind? kind, string? displayName, string? email, string? password, CancellationToken ct)
    {
        var invitation = await invitations.FindOpenAsync(token, platformAdmin: true, ct);
        LinkValid = invitation is not null;
        if (invitation is null)
            return Page();
        if (invitation.Email.Length > 0)
            email = invitation.Email;
        ViewData["EmailFixed"] = invitation.Email.Length > 0;
        OrganisationName = organisationName?.Trim();
        Kind = kind is { } k && Enum.IsDefined(k) ? k : OrganisationKind.Municipality;
        Account = new(displayName, email, null);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(OrganisationName) || OrganisationName.Length > 200)
            errors.Add(AccountText.Texts["OrganisationNameRequired"]);
        else if (Localization.TypedText.Problem(OrganisationName, multiLine: false, AccountText.Texts["OrganisationName"]) is { } refused)
            errors.Add(refused);
        errors.AddRange(NewAccounts.Check(new(displayName, email, password)));
        if (errors.Count > 0)
        {
            Errors = errors;
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var organisation = await OrganisationForAsync(ct);
        organisation.Name = OrganisationName!;
        organisation.Kind = Kind;
        await db.SaveChangesAsync(ct);
        var (user, problems) = await accounts.CreateAsync(invitation, new(displayName, email, password), organisation.Id, ct);
        if (user is null)
        {
            Errors = problems;
            return Page();
        }
        await transaction.CommitAsync(ct);
        await signIn.StartSessionAsync(user, ct);
        return LocalRedirect("/");
    }

    private async Task<OrganisationRecord> OrganisationForAsync(CancellationToken ct)
    {
        var workspaceTaken = await db.Users.AnyAsync(u => u.OrganisationId == AccessScope.WorkspaceOrganisationId, ct);
        if (!workspaceTaken && await db.Organisations.FirstOrDefaultAsync(o => o.Id == AccessScope.WorkspaceOrganisationId, ct) is { } workspace)
            return workspace;
        var created = new OrganisationRecord { Id = Guid.NewGuid(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Organisations.Add(created);
        return created;
    }
}
