using System.Globalization;
using FinanceBuilder.Web.Features.EntityDirectory;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using Microsoft.Extensions.Primitives;

namespace FinanceBuilder.Web.Features.Wizard.Forms;

/// The accredited entity picked from the directory (docs/directory.md): a choice that refreshes
/// the page, then what the directory says of the entity, read-only, with a button to enter the
/// details by hand instead. "Other (not in the list)" keeps the hand-written fields, which the
/// step shows only while no entry is picked.
public static class DirectoryPicker
{
    /// The value of "Other (not in the list)" and of the button that leaves the directory.
    public const string Other = "other";

    public static void Write(Html html, FieldSite site, string current, string? describedBy, bool invalid, CultureInfo culture)
    {
        var directory = AeDirectory.Current;
        var ae = site.Scope is Proposal p ? p.Applicant.AccreditedEntity : null;
        var picked = directory.Find(current);
        html.Raw("<select class=\"select\" data-refresh").Attr("id", site.Id).Attr("name", site.Path).Attr("aria-describedby", describedBy)
            .Flag("aria-invalid=\"true\"", invalid).Raw(">");
        var handWritten = current.Length == 0 && !string.IsNullOrWhiteSpace(ae?.Name);
        if (current.Length == 0 && !handWritten)
            html.Raw("<option value=\"\" selected>").Text(T("Picker.Choose", culture)).Raw("</option>");
        if (current.Length > 0 && picked is null)
            html.Raw("<option selected").Attr("value", current).Raw(">").Text(DirectoryText.Texts.Format(culture, "Picker.Gone", ae?.Name ?? current)).Raw("</option>");
        foreach (var entry in directory.Entries.OrderBy(e => e.Name, StringComparer.Create(culture, CompareOptions.IgnoreCase)))
            html.Raw("<option").Attr("value", entry.Id).Flag("selected", entry.Id == current).Raw(">").Text(Label(entry, culture)).Raw("</option>");
        html.Raw("<option").Attr("value", Other).Flag("selected", handWritten).Raw(">").Text(T("Picker.Other", culture)).Raw("</option>");
        html.Raw("</select>");
        if (current.Length == 0)
            return;

        html.Raw("<div class=\"directory-entry\"><p class=\"hint\">").Text(T("Picker.FromDirectory", culture)).Raw("</p><dl class=\"summary-list\">");
        Row(html, T("Picker.Name", culture), ae?.Name);
        Row(html, T("Picker.ShortName", culture), ae?.ShortName);
        Row(html, T("Picker.Kind", culture), ae?.Kind is { } kind ? ProposalText.Enum(kind) : null);
        Row(html, T("Picker.Country", culture), picked?.CountryOrRegion);
        Row(html, T("Picker.MaxSize", culture), ae?.Scope.MaxSize is { } size ? ProposalText.Enum(size) : null);
        Row(html, T("Picker.MaxRisk", culture), picked?.MaxEss ?? (ae?.Scope.MaxRiskCategory is { } risk ? ProposalText.Enum(risk) : null));
        Row(html, T("Picker.Fiduciary", culture), ae is { Scope.FiduciaryStandards.Count: > 0 } ? string.Join(", ", ae.Scope.FiduciaryStandards.Select(f => ProposalText.Enum(f))) : null);
        if (picked is not null)
            Row(html, T("Picker.Source", culture), picked.AsOf is { } asOf
                ? DirectoryText.Texts.Format(culture, "Picker.SourceAsOf", picked.Source, asOf.ToString("d", culture))
                : picked.Source);
        html.Raw("</dl><button type=\"submit\" class=\"button button--secondary\"").Attr("name", site.Path).Attr("value", Other).Raw(">")
            .Text(T("Picker.Change", culture)).Raw("</button></div>");

        void Row(Html h, string label, string? value) =>
            h.Raw("<div class=\"summary-row\"><dt>").Text(label).Raw("</dt><dd>").Text(string.IsNullOrWhiteSpace(value) ? T("Picker.Unknown", culture) : value).Raw("</dd></div>");
    }

    /// Reads the choice. Returns the error's resource key, or null. "Other" (from the choice or
    /// the button beside a picked entity) wins: it is what the user asked for last.
    public static string? Bind(FieldSite site, StringValues posted)
    {
        if (posted.Count == 0)
            return null;
        if (posted.Contains(Other))
        {
            ModelPath.Set(site.Scope, site.Block.Path, null);
            return null;
        }
        var raw = (posted[0] ?? "").Trim();
        if (raw.Length == 0)
            ModelPath.Set(site.Scope, site.Block.Path, null);
        else if (AeDirectory.Current.Find(raw) is not null || Equals(site.Value, raw))
            ModelPath.Set(site.Scope, site.Block.Path, raw);
        else
            return "Check.Choice";
        return null;
    }

    /// The picked entity as check-answers and the conflict box name it.
    public static string Describe(string id, FieldSite site, CultureInfo culture) =>
        AeDirectory.Current.Find(id) is { } entry ? Label(entry, culture)
            : DirectoryText.Texts.Format(culture, "Picker.Gone", (site.Scope as Proposal)?.Applicant.AccreditedEntity.Name ?? id);

    private static string Label(DirectoryEntry entry, CultureInfo culture)
    {
        var where = entry.Kind == AccreditedEntityKind.InternationalAccess ? T("Picker.International", culture) : entry.CountryOrRegion;
        var name = entry.ShortName.Length > 0 && entry.ShortName != entry.Name ? entry.Name + " (" + entry.ShortName + ")" : entry.Name;
        return where is null ? name : name + " — " + where;
    }

    private static string T(string key, CultureInfo culture) => DirectoryText.Texts.Get(key, culture);
}
