using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Features.Documents.Packages;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Rules;
using FinanceBuilder.Web.Tests.Infrastructure;
using FinanceBuilder.Web.Tests.Wizard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FinanceBuilder.Web.Tests.Review;

/// Submissions made the way "Submit" makes them (until that page exists on this branch): the
/// applicant imports a sample through the API, the app's PackageBuilder builds the package of
/// the saved document, and the snapshot, its key figures, the package and the shares are stored.
internal static class TestSubmissions
{
    public static readonly CultureInfo English = new("en");

    /// Imports a sample as the workspace's applicant editor; returns the proposal id.
    public static async Task<Guid> ImportAsync(HttpClient applicant, string sample)
    {
        using var body = new StringContent(Samples.ReadText(sample), Encoding.UTF8, "application/json");
        var response = await applicant.PostAsync("/api/proposals", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    /// Freezes the proposal's current document as its next version, shared with the donors.
    public static async Task<Guid> SubmitAsync(this AppFactory app, Guid proposalId, DateTime submittedAt, params Guid[] shareWith)
    {
        using var db = app.OpenDb();
        var record = await db.Proposals.SingleAsync(p => p.Id == proposalId);
        var builder = app.Services.GetRequiredService<PackageBuilder>();
        var (package, problem) = await builder.BuildAsync(record.Document, null, null, English, CancellationToken.None);
        Assert.True(package is not null, problem?.Message);
        var proposal = app.Services.GetRequiredService<ProposalReader>().Read(Encoding.UTF8.GetBytes(record.Document), English).Proposal!;
        var report = app.Services.GetRequiredService<ProposalValidation>().Validate(proposal);
        var figures = report.Figures;
        var number = await db.Submissions.CountAsync(s => s.ProposalId == proposalId) + 1;

        var submission = new SubmissionRecord
        {
            Id = Guid.NewGuid(),
            ProposalId = proposalId,
            OrganisationId = record.OwnerOrganisationId,
            Number = number,
            SubmittedAt = submittedAt,
            SubmittedByUserId = Guid.NewGuid(),
            SubmittedByName = "Amina Applicant",
            IdempotencyKey = Guid.NewGuid().ToString("N"),
            // One stored version per submission (a unique index); the tests submit the same
            // stored document more than once.
            ProposalVersion = record.Version * 100 + number,
            Document = record.Document,
            Title = proposal.Basics.Title,
            Fund = Camel(proposal.Target.Fund.ToString()),
            Route = proposal.Target.Route is { } route ? Camel(route.ToString()) : null,
            Country = proposal.Basics.Countries.FirstOrDefault()?.Code,
            TotalUsd = figures.TotalFinancingUsd,
            GcfRequestUsd = figures.GcfRequestUsd,
            EmissionReductionsTco2 = figures.LifetimeTco2e,
            Beneficiaries = figures.DirectBeneficiaries,
            Size = figures.SizeCategory is { } size ? Camel(size.ToString()) : null,
            EssCategory = proposal.Safeguards.Category is { } ess ? Camel(ess.ToString()) : null,
            Readiness = (int)Math.Round(report.Criteria.Average(c => c.Score)),
            ErrorCount = report.Findings.Count(f => f.Severity == Severity.Error),
            IsDraftPackage = package!.Draft,
        };
        db.Submissions.Add(submission);
        db.SubmissionPackages.Add(new SubmissionPackage
        {
            SubmissionId = submission.Id,
            OrganisationId = record.OwnerOrganisationId,
            ProposalId = proposalId,
            FileName = package.Zip.Name,
            Content = package.Zip.Content,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(package.Zip.Content)),
        });
        foreach (var donor in shareWith)
        {
            if (!await db.ProposalShares.AnyAsync(s => s.ProposalId == proposalId && s.DonorOrganisationId == donor))
                db.ProposalShares.Add(new ProposalShare { ProposalId = proposalId, DonorOrganisationId = donor, OrganisationId = record.OwnerOrganisationId, SharedAt = submittedAt, SharedByUserId = Guid.NewGuid() });
        }
        await db.SaveChangesAsync();
        return submission.Id;
    }

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    public static async Task<(HttpStatusCode Status, IDocument Page, string Html)> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, WizardBrowser.Parse(html), html);
    }

    public static string Text(this IDocument page) => page.Body?.TextContent ?? "";
}

/// Two donors and an applicant: donor A (a scorer and a reader) and donor B (a scorer).
internal sealed class ReviewWorld : IDisposable
{
    public const string ScorerA = "scorer@donor-a.test";
    public const string ReaderA = "reader@donor-a.test";
    public const string ScorerB = "scorer@donor-b.test";

    public AppFactory App { get; } = new();
    public Guid DonorA { get; private set; }
    public Guid DonorB { get; private set; }
    public HttpClient Applicant { get; private set; } = null!;

    public static async Task<ReviewWorld> CreateAsync()
    {
        var world = new ReviewWorld();
        world.Applicant = world.App.CreateApiClient();
        world.DonorA = await world.App.CreateOrganisationAsync("Climate Donor A", OrganisationKind.Donor);
        world.DonorB = await world.App.CreateOrganisationAsync("Climate Donor B", OrganisationKind.Donor);
        await world.App.CreateUserAsync(ScorerA, world.DonorA, MemberRole.Editor);
        await world.App.CreateUserAsync(ReaderA, world.DonorA, MemberRole.Reader);
        await world.App.CreateUserAsync(ScorerB, world.DonorB, MemberRole.Editor);
        return world;
    }

    public Task<HttpClient> SignInAsync(string email, string? language = null) => App.SignedInClientAsync(email, language);

    /// Imports a sample and submits it, shared with the given donors.
    public async Task<(Guid Proposal, Guid Submission)> SubmitSampleAsync(string sample, DateTime at, params Guid[] donors)
    {
        var proposal = await TestSubmissions.ImportAsync(Applicant, sample);
        return (proposal, await App.SubmitAsync(proposal, at, donors));
    }

    public void Dispose() => App.Dispose();
}
