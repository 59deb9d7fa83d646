using System.Text.Json.Nodes;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Catalogue;
using FinanceBuilder.Web.Catalogue.Model;
using FinanceBuilder.Web.Data.Catalogue;

namespace FinanceBuilder.Web.Features.Catalogue;

/// What publishing an action writes for the public: the record, the columns the search filters
/// on and the text it searches. Every field of the record is public once published (the record
/// holds nothing else, see CatalogueAction); the publish page lists the ones that are filled.
public static class PublicProjection
{
    public static void Apply(PublishedAction row, CatalogueAction action, string publisherName, DateTime now)
    {
        row.PublisherName = publisherName;
        row.Document = ActionJson.Serialize(action);
        row.Language = action.Language.ToString().ToLowerInvariant();
        row.Title = action.Title ?? "";
        row.CountryCode = action.CountryCode;
        row.AdministrativeArea = action.AdministrativeArea;
        row.Status = action.Status.ToString();
        row.Focus = Joined(action.Focus);
        row.ResultAreas = Joined(action.ResultAreas);
        row.Hazards = Joined(action.Hazards);
        row.Places = Places(action);
        row.SeeksFunding = action.Funding.Any(f => f.State == FundingState.Sought);
        row.TotalCostUsd = action.CostInUsd();
        row.Size = row.TotalCostUsd is { } usd ? FundParameters.Default.SizeOf(usd).ToString() : null;
        row.SearchText = SearchText(action);
        row.Licence = action.Licence.ToString();
        row.UpdatedAt = now;
        row.WithdrawnAt = null;
    }

    /// Withdrawn: the row stays as a tombstone (its address answers 410), with nothing public left.
    public static void Withdraw(PublishedAction row, DateTime now)
    {
        row.Document = "";
        row.SearchText = "";
        row.Title = "";
        row.AdministrativeArea = null;
        row.TotalCostUsd = null;
        row.Size = null;
        row.SeeksFunding = false;
        row.Focus = row.ResultAreas = row.Hazards = row.Places = ";";
        row.UpdatedAt = now;
        row.WithdrawnAt = now;
    }

    /// The words a search finds an action by: its titles and summaries, its area and communes.
    public static string SearchText(CatalogueAction action) => string.Join("\n", new[]
    {
        action.Title, action.Summary, action.Translation?.Title, action.Translation?.Summary, action.AdministrativeArea,
    }.Concat(action.Communes.Select(c => c.Name)).Where(t => !string.IsNullOrWhiteSpace(t)));

    /// The JSON names of the fields that hold something: what the publish page says goes public
    /// and what the publication log records.
    public static IReadOnlyList<string> FilledFields(CatalogueAction action)
    {
        var node = JsonNode.Parse(ActionJson.Serialize(action))!.AsObject();
        return node.Where(p => p.Value switch
        {
            null => false,
            JsonArray array => array.Count > 0,
            _ => true,
        }).Select(p => p.Key).ToList();
    }

    /// The official codes of the region and the communes the action covers, as ";SN-SL;75056;":
    /// a territory's page finds its actions with one LIKE, within the country (codes are national).
    public static string Places(CatalogueAction action) =>
        ";" + string.Concat(action.Communes.Select(c => c.Code).Prepend(action.AdministrativeAreaCode).Select(c => c?.Trim())
            .Where(c => !string.IsNullOrEmpty(c) && !c.Contains(';', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).Select(c => c + ";"));

    private static string Joined<T>(IEnumerable<T> values) where T : struct, Enum =>
        ";" + string.Concat(values.Select(v => v + ";"));
}
