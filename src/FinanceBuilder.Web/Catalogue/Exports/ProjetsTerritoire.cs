using System.Globalization;
using FinanceBuilder.Web.Catalogue.Model;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Catalogue.Exports;

/// French local governments' actions in the French State's shared schema of local ecological-
/// transition projects, projets-territoire v0.1.0 (docs/catalogue.md): one row per published
/// action in France, in French where a French text exists. The person columns (porteurReferent*)
/// stay empty: they name a civil servant, and nobody consented. Columns the record does not hold
/// (SIRET, M57 competences, SGPE levers, the other platforms' ids) are left empty, never guessed.
public static class ProjetsTerritoire
{
    public static readonly string[] Columns =
    [
        "id", "createdAt", "updatedAt", "nom", "description", "budgetPrevisionnel", "dateDebutPrevisionnelle", "phase", "phaseStatut",
        "programme", "porteurCodeSiret", "porteurReferentEmail", "porteurReferentTelephone", "porteurReferentPrenom", "porteurReferentNom",
        "porteurReferentFonction", "competences", "leviers", "mecId", "tetId", "recocoId", "collectiviteIds",
    ];

    public static string Header() => DataPackage.Line(Columns);

    public static bool Covers(CatalogueAction action) => action.CountryCode == "FR";

    public static string Row(PublishedEntry entry)
    {
        var a = entry.Action;
        var french = a.Language == Language.Fr ? (a.Title, a.Summary) : a.Translation is { Language: Language.Fr } t ? (t.Title ?? a.Title, t.Summary ?? a.Summary) : (a.Title, a.Summary);
        var (phase, state) = Phase(a);
        // Whole euros only: another currency is left empty rather than converted silently.
        var budget = a.TotalCost is { Currency: "EUR" } euros ? Math.Round(euros.Amount, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) : null;
        return DataPackage.Line(
        [
            entry.Id.ToString(), IatiActivities.Stamp(entry.FirstPublishedAt), IatiActivities.Stamp(entry.UpdatedAt), french.Item1 ?? "", french.Item2,
            budget, a.PlannedStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), phase, state,
            null, null, null, null, null, null, null, null, null, null, null, null, null,
        ]);
    }

    /// The phase and its state (docs/catalogue.md): a paused or abandoned action stays in the phase
    /// it had reached — the works if they had started, else the study.
    public static (string Phase, string State) Phase(CatalogueAction action) => action.Status switch
    {
        ActionStatus.Idea => ("Idée", "En cours"),
        ActionStatus.Study or ActionStatus.FinancingSought => ("Étude", "En cours"),
        ActionStatus.Financed or ActionStatus.InProgress => ("Opération", "En cours"),
        ActionStatus.Completed => ("Opération", "Terminé"),
        ActionStatus.Paused => (action.ActualStart is null ? "Étude" : "Opération", "En pause"),
        _ => (action.ActualStart is null ? "Étude" : "Opération", "Abandonné"),
    };
}
