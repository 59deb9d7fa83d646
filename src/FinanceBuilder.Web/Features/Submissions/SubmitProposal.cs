using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using FinanceBuilder.Web.App;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using FinanceBuilder.Web.Data.Collaboration;
using FinanceBuilder.Web.Data.Participation;
using FinanceBuilder.Web.Data.Submissions;
using FinanceBuilder.Web.Features.Documents;
using FinanceBuilder.Web.Features.Documents.Packages;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Rules;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Submissions;

/// "Submit" freezes the stored proposal as the next version V.00n (rule R-004): the snapshot,
/// the package generated from it, the attached files it lists (submission_files), the key figures donors sort on, the shares with donors, the
/// proposal's status and the audit event, all in one SaveChanges (one transaction).
///
/// Submitting twice must give one submission (T42). Three guards, from cheapest to final:
/// an in-process lock per proposal so that the package (hundreds of milliseconds of CPU) is
/// generated once when a double click or a retrying client sends the same post again; a look-up
/// of the key under that lock; and the unique indexes (ProposalId, IdempotencyKey),
/// (ProposalId, Number) and (ProposalId, ProposalVersion), which decide between web nodes that do
/// not share the lock — the loser catches the violation and answers with the winner.
public static class SubmitProposal
{
    public const int MaxKeyLength = 64;

    public sealed record Command(Guid ProposalId, string IdempotencyKey, IReadOnlyCollection<Guid> ShareWith, CultureInfo Culture) : IRequest<Result>;

    public enum Outcome
    {
        /// A new version was frozen.
        Created,
        /// This key was already used: the submission it made.
        Existing,
        /// A different key, but the proposal has not changed since version <see cref="Result.Number"/>.
        Unchanged,
        NotFound,
        BadKey,
        /// The proposal changed while it was being submitted: nothing was stored, try again.
        Changed,
        /// The package could not be generated (see <see cref="Result.Problem"/>).
        PackageFailed,
    }

    public sealed record Result(Outcome Outcome, int? Number = null, string? Problem = null);

    /// One gate per proposal (one small object per proposal submitted since the process started).
    private static readonly KeyedGates<Guid> Gates = new();

    public static bool IsValidKey(string? key) =>
        key is { Length: > 0 and <= MaxKeyLength } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public sealed class Handler(FinanceBuilderDbContext db, AccessScope access, PackageBuilder builder, TemplatePacks packs, TimeProvider clock, DocumentPictures pictures)
        : IRequestHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!IsValidKey(command.IdempotencyKey))
                return new Result(Outcome.BadKey);
            // Visibility first: a proposal this person does not reach is 404 whatever the key.
            if (!await db.Proposals.AnyAsync(p => p.Id == command.ProposalId, cancellationToken))
                return new Result(Outcome.NotFound);

            return await Gates.RunAsync(command.ProposalId, () => SubmitAsync(command, cancellationToken), cancellationToken);
        }

        private async Task<Result> SubmitAsync(Command command, CancellationToken ct)
        {
            if (await FindEarlierAsync(command.ProposalId, command.IdempotencyKey, null, ct) is { } earlier)
                return earlier;
            var proposal = await db.Proposals.FirstOrDefaultAsync(p => p.Id == command.ProposalId, ct);
            if (proposal is null)
                return new Result(Outcome.NotFound);
            if (await FindEarlierAsync(command.ProposalId, null, proposal.Version, ct) is { } unchanged)
                return unchanged;

            var number = (await db.Submissions.Where(s => s.ProposalId == proposal.Id).MaxAsync(s => (int?)s.Number, ct) ?? 0) + 1;
            var label = SubmissionRecord.FormatVersion(number);
            var snapshot = WithVersionNumber(proposal.Document, label);
            var document = ProposalJson.FromStored(snapshot);
            var route = document.Target.Route ?? Route.FundingProposal;
            // The records' evidence as it stands now goes with the version: its annex and its
            // check are drawn from it, and later records change neither.
            var engagement = await EngagementRecords.LoadAsync(db, proposal.Id, withInputs: true, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
            var (package, problem) = await builder.BuildAsync(snapshot, packs.PackFor(route), null, command.Culture, ct, pictures, engagement);
            if (package is null)
                return new Result(Outcome.PackageFailed, Problem: problem?.Message);

            var now = clock.GetUtcNow().UtcDateTime;
            // The package's own check (the length rules on its real pages): what the snapshot
            // records is what the documents say.
            var report = package.Report;
            var figures = report.Figures;
            var submission = new SubmissionRecord
            {
                Id = Guid.NewGuid(),
                ProposalId = proposal.Id,
                OrganisationId = proposal.OwnerOrganisationId,
                Number = number,
                SubmittedAt = now,
                SubmittedByUserId = access.UserId ?? Guid.Empty,
                SubmittedByName = access.UserName,
                IdempotencyKey = command.IdempotencyKey,
                ProposalVersion = proposal.Version,
                Document = snapshot,
                Engagement = engagement.Write(),
                Title = Cut(document.Basics.Title, 500),
                Fund = document.Target.Fund.ToString(),
                Route = route.ToString(),
                Country = document.Basics.Countries.Select(c => c.Code).FirstOrDefault() ?? document.Applicant.Proponent.CountryCode,
                TotalUsd = figures.TotalFinancingUsd,
                GcfRequestUsd = figures.GcfRequestUsd,
                EmissionReductionsTco2 = figures.LifetimeTco2e,
                // Direct and indirect together, as the funder's headline figure counts them;
                // unknown only when neither is known.
                Beneficiaries = figures.DirectBeneficiaries is null && figures.IndirectBeneficiaries is null
                    ? null
                    : (figures.DirectBeneficiaries ?? 0) + (figures.IndirectBeneficiaries ?? 0),
                Size = figures.SizeCategory?.ToString(),
                EssCategory = document.Safeguards.Category?.ToString(),
                Readiness = Rules.Readiness.Overall(report),
                TargetBoardDate = document.Basics.TargetBoardDate,
                ErrorCount = report.Findings.Count(f => f.Severity == Severity.Error),
                IsDraftPackage = package.Draft,
            };
            db.Submissions.Add(submission);
            db.SubmissionPackages.Add(new SubmissionPackage
            {
                SubmissionId = submission.Id,
                OrganisationId = proposal.OwnerOrganisationId,
                ProposalId = proposal.Id,
                FileName = SubmissionRecord.VersionedFileName(package.Zip.Name, submission.Number),
                Content = package.Zip.Content,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(package.Zip.Content)),
            });
            // The files the version has stay with it, whatever later becomes of the draft's.
            var attached = Storage.AttachedFiles.All(document).Select(f => Storage.AttachedFiles.IdOf(f.File)).OfType<Guid>().Distinct().ToList();
            var frozen = await db.AnnexFiles.Where(f => f.ProposalId == proposal.Id && attached.Contains(f.Id)).Select(f => f.Id).ToListAsync(ct);
            db.SubmissionFiles.AddRange(frozen.Select(file => new Data.Annexes.SubmissionFile
            {
                SubmissionId = submission.Id,
                AnnexFileId = file,
                OrganisationId = proposal.OwnerOrganisationId,
                ProposalId = proposal.Id,
            }));
            var donors = await ShareAsync(proposal, command.ShareWith, now, ct);
            // Every donor the proposal is shared with hears of the new version.
            foreach (var donor in donors)
                await Notifications.Notifier.AddAsync(db, await Notifications.Notifier.MembersAsync(db, donor, ct), Data.Notifications.NotificationKind.Shared,
                    submission.Title ?? "", access.OrganisationName, $"/review/{submission.Id}", now, ct);
            // Not a change of the document: the version stays, so an edit (which adds one) is
            // what makes a new version submittable, and the audit trail makes it a draft again.
            proposal.Status = ProposalStatus.Submitted;
            db.AuditEvents.Add(Collaboration.AuditTrail.Event(access, proposal.Id, proposal.OwnerOrganisationId, now, "submitted", null, label));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // An edit was saved between our read and our write: the snapshot is stale.
                db.ChangeTracker.Clear();
                return new Result(Outcome.Changed);
            }
            catch (DbUpdateException)
            {
                // Another node won the race (unique index): answer with its submission.
                db.ChangeTracker.Clear();
                return await FindEarlierAsync(command.ProposalId, command.IdempotencyKey, proposal.Version, ct) ?? new Result(Outcome.Changed);
            }
            return new Result(Outcome.Created, number);
        }

        /// The submission this key made (Existing), or the one of this stored version (Unchanged).
        private async Task<Result?> FindEarlierAsync(Guid proposalId, string? key, int? version, CancellationToken ct)
        {
            if (key is not null
                && await db.Submissions.Where(s => s.ProposalId == proposalId && s.IdempotencyKey == key).Select(s => (int?)s.Number).FirstOrDefaultAsync(ct) is { } same)
                return new Result(Outcome.Existing, same);
            if (version is not null
                && await db.Submissions.Where(s => s.ProposalId == proposalId && s.ProposalVersion == version).Select(s => (int?)s.Number).FirstOrDefaultAsync(ct) is { } frozen)
                return new Result(Outcome.Unchanged, frozen);
            return null;
        }

        /// The donors chosen on the submit page: added if new; a donor left unchecked keeps the
        /// access it had (unsharing is a deliberate act on the versions page, not a side effect).
        /// Shares with the donors asked for; returns every donor the proposal is now shared with.
        private async Task<IReadOnlyList<Guid>> ShareAsync(ProposalRecord proposal, IReadOnlyCollection<Guid> donors, DateTime now, CancellationToken ct)
        {
            var allowed = await Donors(db).Where(o => donors.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
            var existing = await db.ProposalShares.Where(s => s.ProposalId == proposal.Id).Select(s => s.DonorOrganisationId).ToListAsync(ct);
            foreach (var donor in allowed.Except(existing))
            {
                db.ProposalShares.Add(new ProposalShare
                {
                    ProposalId = proposal.Id,
                    DonorOrganisationId = donor,
                    OrganisationId = proposal.OwnerOrganisationId,
                    SharedAt = now,
                    SharedByUserId = access.UserId ?? Guid.Empty,
                });
            }
            return allowed.Union(existing).ToList();
        }
    }

    /// The organisations a proposal can be shared with: donors and accredited entities in use.
    public static IQueryable<OrganisationRecord> Donors(FinanceBuilderDbContext db) =>
        db.Organisations.Where(o => o.Kind == OrganisationKind.Donor && o.DisabledAt == null);

    /// The snapshot says which version it is: the proposal's own field for it
    /// ($.basics.versionNumber, checked by R-004) is set to the label; the rest of the stored
    /// document is kept as it is.
    public static string WithVersionNumber(string json, string label)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        if (root["basics"] is not JsonObject basics)
            root["basics"] = basics = [];
        basics["versionNumber"] = label;
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static string? Cut(string? text, int max) => text is { } t && t.Length > max ? t[..max] : text;
}
