namespace FinanceBuilder.Web.Features.Territories;

/// The addresses of the territories' pages and of the shared indicator library: stable, because
/// other sites and open-data portals link to them.
public static class TerritoryUrls
{
    public const string Index = "/territories";
    public const string Library = "/indicators";
    public const string Manage = "/catalogue/indicators";
    public const string OpenData = "/open-data/territorial-indicators";

    public static string Of(string country, string? code = null) =>
        string.IsNullOrEmpty(code) ? $"{Index}/{country}" : $"{Index}/{country}/{Uri.EscapeDataString(code)}";

    public static string Dataset(Guid id) => $"{OpenData}/datasets/{id}.csv";

    /// A proposal's page of territorial baselines (the wizard's indicators page links to it).
    public static string Baselines(Guid proposal) => Wizard.WizardUrls.Baselines(proposal);
}
