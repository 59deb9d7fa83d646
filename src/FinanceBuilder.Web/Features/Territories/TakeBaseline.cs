using System.Globalization;
using FinanceBuilder.Web.Catalogue.Indicators;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Questionnaire;
using FinanceBuilder.Web.Rules;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Territories;

/// A value of the shared library becomes the baseline of a results-framework indicator: of an
/// indicator the proposal has (by its code), or of a new one named after the library's
/// definition. The value, its year and its source (who published it, from which source, under
/// which licence) are written in; nothing else of the indicator changes. One read, one check and
/// one save of the proposal, at the version the page showed (a save in between is a conflict).
public static class TakeBaseline
{
    public sealed record Command(Guid ProposalId, int ExpectedVersion, long ValueId, string? IndicatorCode) : IRequest<Result>;

    public enum Outcome { Saved, NotFound, Conflict, NoSuchValue, NoSuchIndicator, Full }

    public sealed record Result(Outcome Outcome, string? IndicatorCode = null);

    public sealed class Handler(FinanceBuilderDbContext db, ParsedProposals parsed, ProposalValidation validation, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var record = await db.Proposals.FirstOrDefaultAsync(p => p.Id == command.ProposalId, cancellationToken);
            if (record is null)
                return new Result(Outcome.NotFound);
            if (record.Version != command.ExpectedVersion)
                return new Result(Outcome.Conflict);
            var value = await (from v in db.TerritoryIndicatorValues.AsNoTracking()
                               join d in db.IndicatorDatasets.AsNoTracking() on v.DatasetId equals d.Id
                               where v.Id == command.ValueId
                               select new { v, d.PublisherName }).FirstOrDefaultAsync(cancellationToken);
            if (value is null || IndicatorLibrary.Find(value.v.IndicatorCode) is not { } definition)
                return new Result(Outcome.NoSuchValue);

            var proposal = parsed.Parse(record);
            var indicators = proposal.Results.Indicators;
            Indicator? indicator;
            if (command.IndicatorCode is { } code)
            {
                indicator = indicators.FirstOrDefault(i => i.Code == code);
                if (indicator is null)
                    return new Result(Outcome.NoSuchIndicator);
            }
            else
            {
                if (indicators.Count >= 100)
                    return new Result(Outcome.Full);
                var culture = new CultureInfo(proposal.Language == Language.Fr ? "fr" : "en");
                var place = value.v.TerritoryCode == "" ? CountryList.Name(value.v.CountryCode, culture) : value.v.TerritoryName;
                indicator = new Indicator
                {
                    Code = Choices.NextId("I", indicators.Select(i => i.Code)),
                    Level = definition.IrmfCore is null ? ResultLevel.Outcome : ResultLevel.Impact,
                    IrmfCore = definition.IrmfCore,
                    Name = Cut($"{definition.Title(culture)} — {place}"),
                    Unit = definition.Unit(culture),
                };
                indicators.Add(indicator);
            }
            indicator.BaselineValue = decimal.Parse(value.v.ValueText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            indicator.BaselineYear = value.v.Year;
            indicator.BaselineSource = Cut(string.Create(CultureInfo.InvariantCulture,
                $"{value.v.Source}, {value.v.SourceDate:yyyy-MM-dd} — {value.PublisherName}, {value.v.Licence} ({definition.Code})"));

            var now = clock.GetUtcNow().UtcDateTime;
            ProposalColumns.Write(record, proposal, validation.Validate(proposal));
            db.SaveAsNextVersion(record, command.ExpectedVersion, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new Result(Outcome.Conflict);
            }
            parsed.Saved(record.Id, record.Document, proposal);
            return new Result(Outcome.Saved, indicator.Code);
        }

        private static string Cut(string text) => text.Length <= ShortTextAttribute.MaxLength ? text : text[..(ShortTextAttribute.MaxLength - 1)] + "…";
    }
}
