using FinanceBuilder.Web.Data;
using Microsoft.AspNetCore.Authorization;

namespace FinanceBuilder.Web.Features.Accounts;

/// Who may call what (design D11). Every endpoint names one of these or is explicitly anonymous
/// (the role × endpoint test fails on one that does neither). Which *data* a person sees is not
/// decided here but by the query filters (AccessScope): these policies say what kind of person
/// may use a function at all.
public static class Policies
{
    /// Anyone signed in; the data they get is their own organisation's.
    public const string SignedIn = "SignedIn";
    /// A member of a municipality, region or planning agency: reads proposals.
    public const string Applicant = "Applicant";
    /// An applicant editor or organisation administrator: changes proposals.
    public const string ApplicantEditor = "ApplicantEditor";
    /// A member of a donor organisation: reads what is shared with it.
    public const string Reviewer = "Reviewer";
    /// A donor editor or administrator: scores and releases reviews.
    public const string Scorer = "Scorer";
    /// Manages the members of their own organisation.
    public const string OrganisationAdmin = "OrganisationAdmin";
    /// Manages organisations, agency links and template packs.
    public const string PlatformAdmin = "PlatformAdmin";

    public static void Add(AuthorizationOptions options)
    {
        var signedIn = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        // Anything that names no policy needs a signed-in person (reliability-tests T02).
        options.FallbackPolicy = signedIn;
        options.DefaultPolicy = signedIn;
        options.AddPolicy(SignedIn, signedIn);
        Add(options, Applicant, a => a.IsApplicant);
        Add(options, ApplicantEditor, a => a.CanEditProposals);
        Add(options, Reviewer, a => a.IsDonor);
        Add(options, Scorer, a => a.CanScore);
        Add(options, OrganisationAdmin, a => a.IsOrganisationAdmin);
        Add(options, PlatformAdmin, a => a.IsPlatformAdmin);
    }

    private static void Add(AuthorizationOptions options, string name, Func<AccessScope, bool> allows) =>
        options.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireAssertion(context =>
            context.Resource is HttpContext http && allows(http.RequestServices.GetRequiredService<AccessScope>())));
}
