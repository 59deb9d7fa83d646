using System.Globalization;
using FinanceBuilder.Web.Configuration;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Annexes;
using FinanceBuilder.Web.Features.Annexes.Inspection;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Questionnaire;
using FinanceBuilder.Web.Rules;
using FinanceBuilder.Web.Storage;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FinanceBuilder.Web.Features.Annexes;

/// Attaches files to an annex row (or to a new "other supporting document" row), replaces one,
/// or removes one. Each upload is recognised from its content and checked against the limits
/// before anything is kept; then the contents are stored, the file rows added and the proposal's
/// document saved once with its checks, in one transaction, so the audit trail records the change
/// like any other edit of the annexes (who, when, which file before and after).
public static class ChangeAnnexFiles
{
    public sealed record Upload(string Name, long Length, Func<Stream> Open);

    public enum Operation { Attach, Replace, Remove }

    /// <param name="Annex">The row's number; null attaches each file as a new "other" row.</param>
    /// <param name="FileId">The file replaced or removed.</param>
    public sealed record Command(Guid ProposalId, Operation Operation, string? Annex, Guid? FileId, IReadOnlyList<Upload> Uploads, CultureInfo Culture) : IRequest<Result>;

    /// What became of one file: kept, or refused with a message in the reader's language.
    public sealed record FileOutcome(string Name, string? Refusal);

    public enum Outcome { Changed, NotFound, Refused, Conflict }

    /// <param name="Row">The annex row changed (null for new "other" rows).</param>
    public sealed record Result(Outcome Outcome, IReadOnlyList<FileOutcome> Files, string? Problem = null, string? Row = null);

    private const int Attempts = 3;

    public sealed class Handler(FinanceBuilderDbContext db, ParsedProposals parsed, ProposalValidation validation, ContentStore contents,
        AnnexFileCollector collector, IOptions<FinanceBuilderOptions> options, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        private FinanceBuilderOptions.AnnexSettings Limits => options.Value.Annexes;

        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var ct = cancellationToken;
            // Visibility first: another organisation's proposal is 404 before any file is read.
            var owner = await db.Proposals.Where(p => p.Id == command.ProposalId).Select(p => (Guid?)p.OwnerOrganisationId).FirstOrDefaultAsync(ct);
            if (owner is null)
                return new Result(Outcome.NotFound, []);
            var culture = command.Culture;
            if (command.Operation != Operation.Remove && command.Uploads.Count == 0)
                return new Result(Outcome.Refused, [], AnnexText.Get("Problem.ChooseFile", culture));

            var streams = new List<Stream>();
            try
            {
                // 1. Each file on its own: its size, then what it is.
                var outcomes = new List<FileOutcome>();
                var accepted = new List<Accepted>();
                foreach (var upload in command.Uploads)
                {
                    var name = DisplayName.Of(upload.Name);
                    if (upload.Length > Limits.MaxFileBytes)
                    {
                        outcomes.Add(new(name, AnnexText.Format(culture, "Refused.TooLarge", ByteSize.Text(upload.Length, culture), Limits.MaxFileMegabytes)));
                        continue;
                    }
                    var stream = upload.Open();
                    streams.Add(stream);
                    var inspection = FileInspector.Inspect(stream, name);
                    if (inspection is Inspection.Inspection.Refused refused)
                    {
                        outcomes.Add(new(name, AnnexText.Refusal(refused, culture)));
                        continue;
                    }
                    accepted.Add(new Accepted(name, upload.Length, stream, (Inspection.Inspection.Accepted)inspection, await ContentStore.Sha256Async(stream, ct)));
                    outcomes.Add(new(name, null));
                }
                if (command.Operation != Operation.Remove && accepted.Count == 0)
                    return new Result(Outcome.Refused, outcomes);

                // 2. Against the document, the proposal's and the organisation's limits; then
                // stored, the document saved (again on a fresh read if an edit came between).
                for (var attempt = 1; ; attempt++)
                {
                    var result = await ApplyAsync(command, accepted, outcomes, ct);
                    if (result is not null)
                        return result;
                    if (attempt == Attempts)
                    {
                        // Nothing lists what was stored for this post: it must not stay in the quota.
                        await contents.CollectAsync(owner.Value, accepted.Select(a => a.Sha256), ct);
                        return new Result(Outcome.Conflict, outcomes, AnnexText.Get("Problem.Conflict", culture));
                    }
                    db.ChangeTracker.Clear();
                }
            }
            finally
            {
                foreach (var stream in streams)
                    await stream.DisposeAsync();
            }
        }

        private sealed record Accepted(string Name, long Length, Stream Content, Inspection.Inspection.Accepted Inspection, string Sha256);

        /// One attempt; null when another save came between the read and the write.
        private async Task<Result?> ApplyAsync(Command command, List<Accepted> accepted, List<FileOutcome> outcomes, CancellationToken ct)
        {
            var culture = command.Culture;
            var record = await db.Proposals.FirstOrDefaultAsync(p => p.Id == command.ProposalId, ct);
            if (record is null)
                return new Result(Outcome.NotFound, outcomes);
            var proposal = parsed.Parse(record);
            var readVersion = record.Version;

            // Where the files go.
            Annex? row = null;
            var at = -1;
            AttachedFile? old = null;
            if (command.Operation is Operation.Replace or Operation.Remove)
            {
                var id = command.FileId?.ToString("N");
                foreach (var candidate in proposal.Annexes)
                {
                    at = candidate.Files.FindIndex(f => f.Id == id);
                    if (at >= 0)
                    {
                        row = candidate;
                        old = candidate.Files[at];
                        break;
                    }
                }
                if (row is null)
                    return new Result(Outcome.Refused, outcomes, AnnexText.Get("Problem.NoSuchFile", culture));
            }
            else if (command.Annex is { } number)
            {
                row = proposal.Annexes.FirstOrDefault(a => string.Equals(a.Number, number, StringComparison.Ordinal));
                if (row is null)
                    return new Result(Outcome.Refused, outcomes, AnnexText.Format(culture, "Problem.NoSuchAnnex", number));
                if (row.Files.Count + accepted.Count > AttachedFile.MaxPerAnnex)
                    return new Result(Outcome.Refused, outcomes, AnnexText.Format(culture, "Problem.TooManyFiles", number, AttachedFile.MaxPerAnnex));
            }
            else if (proposal.Annexes.Count + accepted.Count > MaxRows)
            {
                return new Result(Outcome.Refused, outcomes, AnnexText.Format(culture, "Problem.TooManyAnnexes", MaxRows));
            }

            // The proposal's and the organisation's space.
            var adding = accepted.Sum(a => a.Length);
            var total = AttachedFiles.TotalBytes(proposal) - (old?.Bytes ?? 0) + adding;
            if (adding > 0 && total > Limits.MaxProposalBytes)
                return new Result(Outcome.Refused, Refuse(outcomes), AnnexText.Format(culture, "Problem.ProposalFull",
                    ByteSize.Text(AttachedFiles.TotalBytes(proposal), culture), Limits.MaxProposalMegabytes, ByteSize.Text(adding, culture)));
            var organisation = record.OwnerOrganisationId;
            var newContent = 0L;
            foreach (var file in accepted.DistinctBy(a => a.Sha256))
            {
                if (!await contents.HasAsync(new BlobKey(organisation, file.Sha256), ct))
                    newContent += file.Length;
            }
            if (newContent > 0 && await contents.UsedBytesAsync(organisation, ct) + newContent > Limits.OrganisationQuotaBytes)
                return new Result(Outcome.Refused, Refuse(outcomes), AnnexText.Format(culture, "Problem.QuotaFull", Limits.OrganisationQuotaMegabytes));

            var distinct = accepted.DistinctBy(a => a.Sha256).ToList();
            foreach (var file in distinct)
                await contents.EnsureAsync(new BlobKey(organisation, file.Sha256), file.Content, file.Length, ct);

            var now = clock.GetUtcNow().UtcDateTime;
            var facts = accepted.Select(file =>
            {
                var stored = new AnnexFileRecord
                {
                    Id = Guid.CreateVersion7(clock.GetUtcNow()),
                    OrganisationId = organisation,
                    ProposalId = record.Id,
                    Sha256 = file.Sha256,
                    Bytes = file.Length,
                    Kind = file.Inspection.Kind,
                    Name = file.Name,
                    Pages = file.Inspection.Pages,
                    Width = file.Inspection.Width,
                    Height = file.Inspection.Height,
                    Cautions = file.Inspection.Cautions,
                    Places = AttachedFiles.WritePlaces(file.Inspection.Places),
                    UploadedAt = now,
                    UploadedByUserId = db.Access.UserId,
                    UploadedByName = db.Access.UserName,
                };
                db.AnnexFiles.Add(stored);
                return AttachedFiles.Fact(stored);
            }).ToList();

            switch (command.Operation)
            {
                case Operation.Remove:
                    row!.Files.RemoveAt(at);
                    break;
                case Operation.Replace:
                    row!.Files[at] = facts[0];
                    break;
                case Operation.Attach when row is not null:
                    row.Files.AddRange(facts);
                    break;
                default:
                    // Each file its own "other supporting document", titled by its name.
                    foreach (var fact in facts)
                    {
                        proposal.Annexes.Add(new Annex
                        {
                            Number = Choices.NextId("", proposal.Annexes.Select(a => a.Number)),
                            Type = AnnexType.Other,
                            Title = Path.GetFileNameWithoutExtension(fact.Name),
                            Status = DocumentStatus.Final,
                            Files = [fact],
                        });
                    }
                    break;
            }

            ProposalColumns.Write(record, proposal, validation.Validate(proposal));
            db.SaveAsNextVersion(record, readVersion, now);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return null;
            }
            parsed.Saved(record.Id, record.Document, proposal);
            // A collection that ran while this was saved may have taken a content it judged unused.
            foreach (var file in distinct)
                await contents.EnsureAsync(new BlobKey(organisation, file.Sha256), file.Content, file.Length, ct);
            await collector.CollectAsync(record.Id, ct);
            return new Result(Outcome.Changed, outcomes, Row: command.Annex is null && command.Operation == Operation.Attach ? null : row?.Number);
        }

        private static readonly int MaxRows = ((MaxItemsAttribute)Attribute.GetCustomAttribute(typeof(Proposal).GetProperty(nameof(Proposal.Annexes))!, typeof(MaxItemsAttribute))!).Max;

        /// When the whole post is refused, no file of it was kept: only the files' own refusals remain to tell.
        private static List<FileOutcome> Refuse(List<FileOutcome> outcomes) => [.. outcomes.Where(o => o.Refusal is not null)];
    }
}
