using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Features.Accounts;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Organisation;

/// Inviting a person into an organisation, the same way from /organisation (a colleague) and
/// from /admin (a new organisation's first members): the invitation is stored, the link is
/// emailed, and the link is given back once so that the administrator can forward it when no
/// mail server is configured.
public static class MemberInvite
{
    public sealed record Form(string? Email, string? Role);

    public sealed record Result(string? Link, IReadOnlyList<string> Errors);

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(f => f.Email).Must(e => e is not null && System.Net.Mail.MailAddress.TryCreate(e.Trim(), out var address) && address.Address == e.Trim() && e.Trim().Length <= 256)
                .WithMessage(_ => OrganisationText.Texts["InviteEmailInvalid"]);
            RuleFor(f => f.Role).Must(r => Enum.TryParse<MemberRole>(r, out var role) && Enum.IsDefined(role) && r!.All(char.IsLetter))
                .WithMessage(_ => OrganisationText.Texts["RoleRequired"]);
        }
    }

    public static async Task<Result> SendAsync(
        FinanceBuilderDbContext db, Invitations invitations, IEmailSender email, PublicLinks links, AccessScope access,
        OrganisationRecord organisation, Form form, CancellationToken ct)
    {
        var check = new Validator().Validate(form);
        if (!check.IsValid)
            return new Result(null, check.Errors.Select(e => e.ErrorMessage).ToList());
        var address = form.Email!.Trim();
        var normalised = address.ToUpperInvariant();
        // Told to administrators only: an invitation to an existing account could never be used.
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalised, ct))
            return new Result(null, [OrganisationText.Texts["InviteEmailTaken"]]);
        var role = Enum.Parse<MemberRole>(form.Role!);
        var token = await invitations.CreateAsync(organisation.Id, address, role, platformAdmin: false, access.UserId, ct);
        var link = links.To(Invitations.JoinPath(token));
        var T = OrganisationText.Texts;
        await email.SendAsync(new OutgoingEmail(
            address,
            T["InviteEmailSubject", organisation.Name],
            T["InviteEmailBody", access.UserName, organisation.Name, AccountText.Texts["Role." + role], link, (int)Invitations.MemberLifetime.TotalDays]), ct);
        return new Result(link, []);
    }
}
