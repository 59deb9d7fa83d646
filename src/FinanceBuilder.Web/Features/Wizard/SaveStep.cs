using System.Globalization;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Questionnaire;
using FinanceBuilder.Web.Rules;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Wizard;

/// Saves one wizard page: the one save of the form post and of autosave, which are two thin
/// adapters over it (HTML and JSON). The stored row is read once, its document parsed once, the
/// posted answers put over it, checked once, and saved once; what the page then shows is drawn
/// from the same checked proposal (design D14).
public static class SaveStep
{
    /// <param name="PostedVersion">The version the page was read from (its hidden field).</param>
    /// <param name="Action">The button pressed: "continue", "later", "save", "copy", "add:…"…</param>
    /// <param name="MarksChecked">True for a save the person asked for (a button): the page then
    /// shows its checks. Autosave saves without it, so checks never appear while someone types.</param>
    /// <param name="KeepOnly">Put the answers over the stored ones and show them, save nothing
    /// (the session's token expired while the person typed).</param>
    /// <param name="Edit">An edit that is not a page's form (a budget file): applied to the newest
    /// saved proposal instead of the form's answers, returning its problems by key.</param>
    public sealed record Command(Guid Id, string StepId, IFormCollection Form, int? PostedVersion, string Action, CultureInfo Culture,
        bool MarksChecked, bool KeepOnly = false, Func<Proposal, Dictionary<string, string>>? Edit = null) : IRequest<Result>;

    public abstract record Result;

    /// Not there for this reader (missing, deleted, another organisation's), or no such page.
    public sealed record NotFound : Result;

    /// The page does not apply to this proposal (an answer elsewhere changed its route).
    public sealed record NotApplicable : Result;

    /// Not saved: the answers as typed, put over the stored proposal, with what was wrong.
    public sealed record Invalid(Step Step, CheckedProposal Page, IReadOnlyDictionary<string, string> Errors) : Result;

    public sealed record Saved(Step Step, CheckedProposal Page, ListActions.Result ListChange) : Result;

    /// Someone saved since the page was read and the answers differ (or "save as a copy" was
    /// asked): <paramref name="Page"/> holds the posted answers over the newest version, checked;
    /// <paramref name="CopyReady"/> says a copy may be created from it as it is.
    public sealed record Conflict(Step Step, CheckedProposal Page, IReadOnlyDictionary<string, string> Errors,
        IReadOnlyList<(string Label, string Saved, string Mine)> Differences, bool CopyReady) : Result;

    public sealed class Handler(FinanceBuilderDbContext db, ProposalValidation validation, ParsedProposals parsed, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var record = await db.Proposals.FirstOrDefaultAsync(p => p.Id == command.Id, cancellationToken);
            if (record is null || StepCatalogue.Find(command.StepId) is not { } step)
                return new NotFound();
            var proposal = parsed.Parse(record);
            if (!step.IsApplicable(proposal))
                return new NotApplicable();

            // An edit that is not a form applies to the newest version: there is no page to compare.
            var stale = command.Edit is null && (command.PostedVersion != record.Version || command.Action == "copy");
            // A stale post is compared with what is stored now: the answers before and after
            // binding, on this page only. A stale post whose answers are already the saved ones
            // is no conflict (typically this browser's own autosave landed while it reloaded).
            var before = stale ? Answers.Of(step, proposal, command.Culture, full: true) : null;
            var bindErrors = command.Edit is { } edit ? edit(proposal) : FormBinder.Bind(step, proposal, command.Form, command.Culture, createsNew: command.Action != "autosave");
            if (command.KeepOnly)
                return new Invalid(step, Checked(record, proposal), bindErrors);
            if (before is not null)
            {
                var differences = StepConflict.Differences(before, Answers.Of(step, proposal, command.Culture, full: true));
                if (bindErrors.Count > 0 || differences.Count > 0 || command.Action == "copy")
                    return ConflictOf(step, record, proposal, bindErrors, differences, command);
            }

            var errors = StepValidation.Check(step, proposal, bindErrors, command.Culture);
            if (errors.Count > 0)
                return new Invalid(step, Checked(record, proposal), errors);
            var listChange = ListActions.Apply(step, proposal, command.Action);
            if (listChange.Error is { } tooMany)
                return new Invalid(step, Checked(record, proposal), new Dictionary<string, string> { ["action"] = tooMany });
            // What follows from the answers follows from the added or removed item too (the
            // design's numbers after a component is removed).
            if (listChange.Changed)
                step.Settle?.Invoke(proposal);

            var report = validation.Validate(proposal);
            ProposalColumns.Write(record, proposal, report);
            if (command.MarksChecked)
                record.CheckedSteps = Questionnaire.CheckedSteps.Add(record.CheckedSteps, step.Id);
            db.SaveAsNextVersion(record, record.Version, clock.GetUtcNow().UtcDateTime);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Lost a race inside the database: compare with what won (unless it was a delete).
                // The only second read of a save, and only here.
                db.ChangeTracker.Clear();
                return await LostRaceAsync(step, command, cancellationToken);
            }
            parsed.Saved(record.Id, record.Document, proposal);
            return new Saved(step, new CheckedProposal(ProposalSummary.From(record), proposal, report, record.OwnerOrganisationId, record.CheckedSteps), listChange);
        }

        private CheckedProposal Checked(ProposalRecord record, Proposal proposal) =>
            new(ProposalSummary.From(record), proposal, validation.Validate(proposal), record.OwnerOrganisationId, record.CheckedSteps);

        private Conflict ConflictOf(Step step, ProposalRecord latest, Proposal mine, Dictionary<string, string> errors,
            IReadOnlyList<(string Label, string Saved, string Mine)> differences, Command command)
        {
            var copyReady = false;
            if (command.Action == "copy")
            {
                // The copy is checked like any save: it must be a proposal the wizard can open again.
                mine.Basics.Title = TextLimit.CopyTitle(mine.Basics.Title, command.Culture);
                errors = StepValidation.Check(step, mine, errors, command.Culture);
                copyReady = errors.Count == 0;
            }
            return new Conflict(step, Checked(latest, mine), errors, differences, copyReady);
        }

        private async Task<Result> LostRaceAsync(Step step, Command command, CancellationToken ct)
        {
            var winner = await db.Proposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == command.Id, ct);
            if (winner is null)
                return new NotFound();
            var proposal = ProposalJson.FromStored(winner.Document);
            EngagementEvidence.Attach(proposal, winner.Engagement);
            var before = Answers.Of(step, proposal, command.Culture, full: true);
            var errors = FormBinder.Bind(step, proposal, command.Form, command.Culture, createsNew: command.Action != "autosave");
            return ConflictOf(step, winner, proposal, errors, StepConflict.Differences(before, Answers.Of(step, proposal, command.Culture, full: true)), command);
        }
    }
}
