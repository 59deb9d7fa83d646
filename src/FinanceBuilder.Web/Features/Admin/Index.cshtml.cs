using System.Text.RegularExpressions;
using FinanceBuilder.Templates.Packs;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Features.Documents;
using FinanceBuilder.Web.Features.Organisation;
using FinanceBuilder.Web.Rules;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Admin;

/// Platform administration: every organisation, a new one, and the template packs the app
/// loaded at start (read-only: packs live in templates/ and are reviewed like code).
[Authorize(Policy = Policies.PlatformAdmin)]
public sealed partial class AdminPage(FinanceBuilderDbContext db, TemplatePacks packs, ProposalValidation validation, Audit.PrivilegedActionTrail trail, TimeProvider clock) : PageModel
{
    public const int MaxNameLength = 200;

    public sealed record Row(Guid Id, string Name, OrganisationKind Kind, string? Country, int Members, bool Disabled);

    public sealed record Form(string? Name, string? Kind, string? Country);

    public sealed partial class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(f => f.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= MaxNameLength)
                .WithMessage(_ => OrganisationText.Texts["OrganisationNameInvalid", MaxNameLength]);
            RuleFor(f => f.Name).Must(n => Localization.TypedText.IndexOfRefused(n?.Trim(), multiLine: false) < 0)
                .WithMessage(f => Localization.TypedText.Problem(f.Name!.Trim(), multiLine: false, OrganisationText.Texts["OrganisationNameLabel"])!);
            RuleFor(f => f.Kind).Must(k => Enum.TryParse<OrganisationKind>(k, out var kind) && Enum.IsDefined(kind) && k!.All(char.IsLetter))
                .WithMessage(_ => OrganisationText.Texts["KindRequired"]);
            RuleFor(f => f.Country).Must(c => string.IsNullOrWhiteSpace(c) || CountryCode().IsMatch(c.Trim()))
                .WithMessage(_ => OrganisationText.Texts["CountryInvalid"]);
        }

        [GeneratedRegex("^[A-Za-z]{2}$")]
        private static partial Regex CountryCode();
    }

    public IReadOnlyList<Row> Organisations { get; private set; } = [];
    public IReadOnlyList<TemplatePack> Packs => packs.Packs.Values.OrderBy(p => p.Manifest.Id, StringComparer.Ordinal).ToList();

    /// The length limits the rules apply to a pack's documents (none for a pack they do not cover).
    public DocumentLimits? LimitsOf(TemplatePack pack) => TemplatePacks.RouteOf(pack) is { } route ? validation.Limits(null, route) : null;
    public IReadOnlyList<string> PackProblems => packs.Problems;
    public bool Reloaded { get; private set; }
    public Form Entered { get; private set; } = new(null, null, null);
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? name, string? kind, string? country, CancellationToken ct)
    {
        Entered = new Form(name, kind, country);
        var check = new Validator().Validate(Entered);
        if (!check.IsValid)
        {
            Errors = check.Errors.Select(e => e.ErrorMessage).ToList();
            await LoadAsync(ct);
            return Page();
        }
        var organisation = new OrganisationRecord
        {
            Id = Guid.NewGuid(),
            Name = name!.Trim(),
            Kind = Enum.Parse<OrganisationKind>(kind!),
            Country = string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        return Redirect(AdminOrganisationPage.PathOf(organisation.Id) + "?done=created");
    }

    /// "Check and reload the packs": after a pack was changed in templates/ on the server, the
    /// packs that load are offered at once and the others are listed with file, line and reason.
    public async Task<IActionResult> OnPostReloadAsync(CancellationToken ct)
    {
        packs.Reload();
        Reloaded = true;
        // The packs' names, and how many were refused (PrivilegedEventText says it in words).
        trail.Record(db, "packs-reloaded", null, null, string.Join(", ", packs.Packs.Keys.Order(StringComparer.Ordinal)),
            after: packs.Problems.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Organisations = await db.Organisations.AsNoTracking()
            .OrderBy(o => o.Name)
            .Select(o => new Row(o.Id, o.Name, o.Kind, o.Country, db.Users.Count(u => u.OrganisationId == o.Id), o.DisabledAt != null))
            .ToListAsync(ct);
}
