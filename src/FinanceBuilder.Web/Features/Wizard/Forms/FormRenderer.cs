using System.Collections;
using System.Globalization;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Questionnaire;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Features.Wizard.Forms;

/// Draws a step's questions as plain HTML form controls that work without JavaScript: labels
/// tied to their fields, hints and errors referenced by aria-describedby, choices in fieldsets
/// with legends, "add another" and "remove" as ordinary submit buttons (WCAG 2.1 AA, design D9).
public sealed class FormRenderer(FormContext context)
{
    private readonly Html html = new();
    private readonly CultureInfo culture = context.Culture;
    private readonly OptionCache options = new(context.Proposal);
    private readonly Dictionary<string, string> live = new(StringComparer.Ordinal);
    private readonly List<string> invalidIds = [];

    public static RenderedForm Render(Step step, FormContext context)
    {
        var renderer = new FormRenderer(context);
        renderer.html.Muted = context.LiveOnly;
        renderer.Blocks(step.Blocks, context.Proposal, "", inTable: false, itemTitle: null);
        return new RenderedForm(renderer.html.ToString(), renderer.live, renderer.invalidIds);
    }

    /// A part of the page that depends on the answers (an error, the checks on a question, a
    /// computed panel): written once here, and taken out as written so that autosave sends
    /// exactly what a reload would show (design D14).
    private void Live(string key, Action write, string? cssClass = null, bool polite = false)
    {
        html.Raw("<div").Attr("class", cssClass).Attr("data-live", key).Flag("aria-live=\"polite\"", polite).Raw(">");
        var muted = html.Muted;
        html.Muted = false;
        var start = html.Length;
        write();
        live[key] = html.Slice(start, html.Length);
        html.Muted = muted;
        html.Raw("</div>");
    }

    private void Blocks(IReadOnlyList<Block> blocks, object scope, string prefix, bool inTable, string? itemTitle)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case FieldBlock field:
                    Field(FieldSite.At(field, scope, prefix), inTable, itemTitle);
                    break;
                case GroupBlock group:
                    html.Raw("<fieldset class=\"group\"><legend>").Text(T("Legend." + group.Key)).Raw("</legend>");
                    if (ProposalText.Find("Legend." + group.Key + ".Hint") is { } hint)
                        html.Raw("<p class=\"hint\">").Text(hint).Raw("</p>");
                    Blocks(group.Blocks, scope, prefix, inTable, itemTitle);
                    html.Raw("</fieldset>");
                    break;
                case WhenBlock conditional:
                    var marker = markers.Next(prefix);
                    if (conditional.Applies(scope))
                    {
                        html.Raw("<input type=\"hidden\"").Attr("name", marker).Raw(" value=\"1\">");
                        Blocks(conditional.Blocks, scope, prefix, inTable, itemTitle);
                    }
                    break;
                case ListBlock list:
                    List(list, scope, prefix);
                    break;
                case PanelBlock panel:
                    Live("panel:" + panel.KeyAt(prefix), () => html.Raw(context.Panel(panel, scope, prefix)), "panel", polite: true);
                    break;
                case GuidanceBlock guide:
                    html.Raw("<div class=\"guidance\">");
                    foreach (var paragraph in T(guide.Key).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
                        html.Raw("<p>").Text(paragraph.Trim()).Raw("</p>");
                    html.Raw("</div>");
                    break;
            }
        }
    }

    // ---- lists -------------------------------------------------------------------------------

    private readonly WhenMarkers markers = new();

    private void List(ListBlock list, object scope, string prefix)
    {
        var path = ModelPath.Combine(prefix, list.Path);
        if (ListEditors.For(list) is { } editor)
        {
            if (!context.LiveOnly)
                html.Raw(editor.Render(list, scope, path, context));
            invalidIds.AddRange(editor.InvalidIds(context.Errors));
            // The editor's computed figures are live elements of their own: their content is
            // what autosave sends again.
            var figures = new Dictionary<string, string>(StringComparer.Ordinal);
            editor.Panels(list, scope, path, context, figures);
            foreach (var (figure, element) in figures)
                live["panel:" + figure] = element[(element.IndexOf('>', StringComparison.Ordinal) + 1)..element.LastIndexOf("</", StringComparison.Ordinal)];
            return;
        }
        var items = ModelPath.Get(scope, list.Path) as IList;
        var count = items?.Count ?? 0;
        var (from, shown) = ListWindow.Of(list, count, context.ListPage);
        var key = ModelPath.Normalize(path);
        var id = ModelPath.HtmlId(path);

        html.Raw("<section class=\"list\"").Attr("id", id).Attr("aria-labelledby", id + "-title").Raw(">");
        html.Raw("<h2 class=\"list-title\"").Attr("id", id + "-title").Raw(">").Text(T("Field." + key)).Raw("</h2>");
        if (ProposalText.Find("Hint." + key) is { } hint)
            html.Raw("<p class=\"hint\">").Text(hint).Raw("</p>");
        ErrorMessage(path, id);
        Live("findings:" + id, () => Findings(path, exact: true));
        html.Raw("<input type=\"hidden\"").Attr("name", path + ".from").Attr("value", from.ToString(CultureInfo.InvariantCulture)).Raw(">");
        html.Raw("<input type=\"hidden\"").Attr("name", path + ".count").Attr("value", shown.ToString(CultureInfo.InvariantCulture)).Raw(">");

        if (count == 0)
            html.Raw("<p class=\"empty\">").Text(T("Ui.ListEmpty")).Raw("</p>");
        else if (list.AsTable)
            Table(list, items!, from, shown, path, key);
        else
        {
            for (var i = from; i < from + shown; i++)
            {
                var itemPath = ModelPath.Item(path, i);
                var title = ItemTitle(list, items![i]!, key, i);
                html.Raw("<fieldset class=\"item\"").Attr("id", ModelPath.HtmlId(itemPath)).Raw("><legend class=\"item-title\">").Text(title).Raw("</legend>");
                Blocks(list.Item, items[i]!, itemPath, inTable: false, itemTitle: title);
                RemoveButton(itemPath, title);
                html.Raw("</fieldset>");
            }
        }
        Pager(list, count);
        html.Raw("<div class=\"list-actions\">");
        foreach (var preset in list.Presets)
            html.Raw("<button type=\"submit\" class=\"button button--secondary\" name=\"action\"").Attr("value", "preset:" + path + ":" + preset.Key).Raw(">")
                .Text(T(preset.Key)).Raw("</button>");
        html.Raw("<button type=\"submit\" class=\"button button--secondary\" name=\"action\"").Attr("value", "add:" + path).Raw(">")
            .Text(T(count == 0 ? "Add." + key : "AddAnother." + key)).Raw("</button></div>");
        html.Raw("</section>");
    }

    private void Table(ListBlock list, IList items, int from, int shown, string path, string key)
    {
        var columns = list.Item.OfType<FieldBlock>().ToList();
        // A column's hint is said once, above the table, and each of its cells points at it.
        var hints = new Dictionary<FieldBlock, string>();
        foreach (var column in columns)
        {
            if (ProposalText.Hint(ModelPath.Item(path, 0) + "." + column.Path) is not { } hint)
                continue;
            hints[column] = ModelPath.HtmlId(path + "." + column.Path) + "-column-hint";
            html.Raw("<p class=\"hint\"").Attr("id", hints[column]).Raw("><strong>").Text(T("Field." + key + "." + column.Path)).Raw("</strong> — ").Text(hint).Raw("</p>");
        }
        html.Raw("<div class=\"table-scroll\" tabindex=\"0\"").Attr("aria-label", T("Field." + key)).Raw("><table class=\"edit-table\"><thead><tr><th scope=\"col\">#</th>");
        foreach (var column in columns)
            html.Raw("<th scope=\"col\">").Text(T("Field." + key + "." + column.Path)).Raw("</th>");
        html.Raw("<th scope=\"col\"><span class=\"visually-hidden\">").Text(T("Ui.Actions")).Raw("</span></th></tr></thead><tbody>");
        for (var i = from; i < from + shown; i++)
        {
            var itemPath = ModelPath.Item(path, i);
            var title = ItemTitle(list, items[i]!, key, i);
            html.Raw("<tr").Attr("id", ModelPath.HtmlId(itemPath)).Raw("><th scope=\"row\">").Text((i + 1).ToString(culture)).Raw("</th>");
            foreach (var column in columns)
            {
                html.Raw("<td>");
                Field(FieldSite.At(column, items[i]!, itemPath), inTable: true, itemTitle: title, columnHint: hints.GetValueOrDefault(column));
                html.Raw("</td>");
            }
            html.Raw("<td>");
            RemoveButton(itemPath, title);
            html.Raw("</td></tr>");
        }
        html.Raw("</tbody></table></div>");
    }

    private string ItemTitle(ListBlock list, object item, string key, int index)
    {
        var number = list.NumberField is { } numbered && ModelPath.Get(item, numbered) is string id && id.Length > 0 ? (object)id : index + 1;
        var title = ProposalText.Format(culture, "Item." + key, number);
        if (list.TitleField is { } field && ModelPath.Get(item, field) is { } value)
        {
            var text = value is Enum e ? ProposalText.Enum(e) : value.ToString();
            if (!string.IsNullOrWhiteSpace(text))
                title = ProposalText.Format(culture, "Ui.ItemTitle", title, text.Length > 60 ? text[..60] + "…" : text);
        }
        return title;
    }

    private void RemoveButton(string itemPath, string title) =>
        html.Raw("<button type=\"submit\" class=\"button button--link\" name=\"action\"").Attr("value", "remove:" + itemPath).Raw(">")
            .Text(T("Ui.Remove")).Raw("<span class=\"visually-hidden\"> ").Text(title).Raw("</span></button>");

    private void Pager(ListBlock list, int count)
    {
        if (list.PageSize is { } size)
            ListPager.Write(html, count, size, context.ListPage, context.PageUrl, T("Ui.Pages"), (first, last) => ProposalText.Format(culture, "Ui.PageOfLines", first, last));
    }

    // ---- one question ------------------------------------------------------------------------

    /// <param name="columnHint">The id of the hint its table's column shares (written above the table).</param>
    private void Field(FieldSite site, bool inTable, string? itemTitle, string? columnHint = null)
    {
        var label = ProposalText.Label(site.Path);
        var hint = inTable ? null : ProposalText.Hint(site.Path);
        var hasError = HasError(site.Path);
        var grouped = site.Shape.Kind is FieldKind.YesNo or FieldKind.Choices or FieldKind.References or FieldKind.Countries
            or FieldKind.Money or FieldKind.People or FieldKind.Factor
            || (site.Shape.Kind == FieldKind.Choice && !inTable && ChoiceCount(site) <= 4);
        var describedBy = string.Join(' ', new[] { hint is null ? null : site.Id + "-hint", columnHint, hasError ? site.Id + "-error" : null }.Where(x => x is not null));
        var visibleLabel = inTable ? label + (itemTitle is null ? "" : " — " + itemTitle) : label;

        html.Raw(inTable ? "<div class=\"field field--cell" : "<div class=\"field").Raw(hasError ? " field--error\"" : "\"").Attr("data-field", site.Id).Raw(">");
        if (grouped)
        {
            var compound = site.Shape.Kind is FieldKind.Money or FieldKind.People or FieldKind.Factor;
            html.Raw("<fieldset class=\"field-set\"").Attr("id", compound ? site.Id : null).Attr("tabindex", compound ? "-1" : null).Attr("aria-describedby", describedBy.Length > 0 ? describedBy : null).Raw("><legend").Attr("class", inTable ? "visually-hidden" : "label").Raw(">").Text(visibleLabel).Raw("</legend>");
        }
        else
        {
            html.Raw("<label").Attr("for", site.Id).Attr("class", inTable ? "visually-hidden" : "label").Raw(">").Text(visibleLabel).Raw("</label>");
        }
        if (hint is not null)
            html.Raw("<p class=\"hint\"").Attr("id", site.Id + "-hint").Raw(">").Text(hint).Raw("</p>");
        ErrorMessage(site.Path, site.Id);
        Control(site, grouped ? null : describedBy, hasError, inTable);
        if (site.Block.WordLimit is { } limitKey)
            WordCounter(site, limitKey);
        if (grouped)
            html.Raw("</fieldset>");
        if (!inTable)
            Live("findings:" + site.Id, () => Findings(site.Path, exact: false));
        html.Raw("</div>");
    }

    private void Control(FieldSite site, string? describedBy, bool invalid, bool inTable)
    {
        var aria = describedBy is { Length: > 0 } ? describedBy : null;
        switch (site.Shape.Kind)
        {
            case FieldKind.Directory: DirectoryPicker.Write(html, site, Text(site), aria, invalid, culture); break;
            case FieldKind.Currency: CurrencySelect.Write(html, site.Id, site.Path, Text(site), aria, invalid, !site.Shape.Required, culture); break;
            case FieldKind.Text or FieldKind.Email or FieldKind.Phone or FieldKind.Identifier:
                var type = site.Shape.Kind switch { FieldKind.Email => "email", FieldKind.Phone => "tel", _ => "text" };
                var width = site.Shape.Kind switch { FieldKind.Identifier => "input--10", _ => inTable ? null : "input--full" };
                Input(site.Id, site.Path, type, Text(site), aria, invalid, width, site.Shape.MaxLength,
                    site.Shape.Kind is FieldKind.Email ? "email" : site.Shape.Kind is FieldKind.Phone ? "tel" : "off", refresh: site.Block.Refresh);
                break;
            case FieldKind.Paragraph or FieldKind.Narrative:
                Invalid(site.Id, invalid);
                html.Raw("<textarea class=\"textarea\"").Attr("id", site.Id).Attr("name", site.Path)
                    .Attr("rows", site.Shape.Kind == FieldKind.Narrative ? "14" : inTable ? "2" : "5")
                    .Attr("maxlength", site.Shape.MaxLength.ToString(CultureInfo.InvariantCulture))
                    .Attr("aria-describedby", aria).Flag("aria-invalid=\"true\"", invalid).Raw(">")
                    .Text(Text(site)).Raw("</textarea>");
                break;
            case FieldKind.WholeNumber or FieldKind.Number or FieldKind.Year:
                Input(site.Id, site.Path, "text", Text(site), aria, invalid,
                    site.Shape.Kind == FieldKind.Year ? "input--4" : "input--number", 40, "off",
                    inputMode: site.Shape.Kind == FieldKind.Number && site.Shape.Min < 0 ? "text" : site.Shape.Kind == FieldKind.Number ? "decimal" : "numeric");
                break;
            case FieldKind.Date:
                // A text field, not type="date": the browser would show its own locale's format.
                html.Raw("<p class=\"hint\"").Attr("id", site.Id + "-format").Raw(">").Text(ProposalText.Format(culture, "Ui.DateExample", DateText.FieldExample(culture))).Raw("</p>");
                Input(site.Id, site.Path, "text", Text(site), aria is null ? site.Id + "-format" : aria + " " + site.Id + "-format", invalid, "input--date", 20, "off");
                break;
            case FieldKind.Check:
                html.Raw("<div class=\"checkbox\"><input type=\"checkbox\"").Attr("id", site.Id).Attr("name", site.Path).Raw(" value=\"true\"")
                    .Flag("checked", site.Value is true).Attr("aria-describedby", aria).Raw("><label").Attr("for", site.Id).Raw(">")
                    .Text(T("Ui.Yes")).Raw("</label></div>");
                break;
            case FieldKind.YesNo:
                var yesNo = Text(site);
                Radio(site, "true", T("Ui.Yes"), yesNo == "true", first: true);
                Radio(site, "false", T("Ui.No"), yesNo == "false", first: false);
                break;
            case FieldKind.Choice:
                Choice(site, aria, invalid, inTable);
                break;
            case FieldKind.Choices:
                var chosen = (site.Value as IEnumerable)?.Cast<object>().Select(v => v.ToString()).ToHashSet() ?? [];
                var firstBox = true;
                foreach (var value in AllowedValues(site))
                {
                    Checkbox(site, value.ToString()!, ProposalText.Enum((Enum)value), chosen.Contains(value.ToString()), firstBox);
                    firstBox = false;
                }
                break;
            case FieldKind.References:
                var refs = (site.Value as IEnumerable<string>)?.ToHashSet() ?? [];
                var choices = options.For(site.Block);
                if (choices.Count == 0)
                    html.Raw("<p class=\"hint\">").Text(T("Ui.NoOptions." + ModelPath.Normalize(site.Path))).Raw("</p>");
                var firstRef = true;
                foreach (var option in choices)
                {
                    Checkbox(site, option.Value, option.Label, refs.Contains(option.Value), firstRef);
                    firstRef = false;
                }
                if (site.Block.New is { } create)
                    NewOption(site, create);
                break;
            case FieldKind.Reference:
                var current = Text(site);
                var refOptions = options.For(site.Block).ToList();
                if (current.Length > 0 && refOptions.All(o => o.Value != current))
                    refOptions.Insert(0, new ChoiceOption(current, current));
                Select(site.Id, site.Path, aria, invalid, site.Block.Refresh, refOptions.Select(o => (o.Value, o.Label, o.Value == current)), blank: true);
                break;
            case FieldKind.Country:
                var country = Text(site);
                Select(site.Id, site.Path, aria, invalid, false, CountryList.For(culture).Select(c => (c.Code, c.Name, c.Code == country)), blank: true);
                break;
            case FieldKind.Countries:
                var codes = (site.Value as IEnumerable<CountryRef>)?.Select(c => c.Code).ToList() ?? [];
                for (var i = 0; i <= codes.Count; i++)
                {
                    var code = i < codes.Count ? codes[i] : "";
                    var id = i == 0 ? site.Id : site.Id + "-" + i.ToString(CultureInfo.InvariantCulture);
                    var label = i < codes.Count
                        ? ProposalText.Format(culture, "Ui.CountryN", i + 1)
                        : T(codes.Count == 0 ? "Ui.CountryFirst" : "Ui.CountryAnother");
                    html.Raw("<div class=\"sub\"><label class=\"sub-label\"").Attr("for", id).Raw(">").Text(label).Raw("</label>");
                    Select(id, site.Path, null, invalid, false, CountryList.For(culture).Select(c => (c.Code, c.Name, c.Code == code)), blank: true);
                    html.Raw("</div>");
                }
                break;
            case FieldKind.Money:
                var money = site.Value as Money;
                Sub(site, "amount", "Ui.Amount", money is null ? "" : NumberText.Format(money.Amount, culture), "input--number", "decimal", first: true);
                CurrencySelect.WriteSub(html, site.Path + ".currency", Posted(site.Path + ".currency") ?? money?.Currency ?? (site.Shape.Required ? "" : context.Proposal.Budget.ReportingCurrency), HasError(site.Path + ".currency"), culture);
                break;
            case FieldKind.People:
                var people = site.Value as PeopleCount;
                Sub(site, "female", "Ui.Female", Number(people?.Female), "input--number", "numeric", first: true);
                Sub(site, "male", "Ui.Male", Number(people?.Male), "input--number", "numeric", first: false);
                // The total follows from women and men when either is known: computed, never
                // typed twice. Only a count not split by sex is typed as a total.
                Live("total:" + site.Id, () =>
                {
                    if (people?.Female is null && people?.Male is null)
                        Sub(site, "total", "Ui.TotalPeople", Number(people?.Total), "input--number", "numeric", first: false);
                    else
                        html.Raw("<p class=\"computed-total\">").Text(ProposalText.Format(culture, "Ui.TotalComputed", Number(people.Known()))).Raw("</p>");
                });
                break;
            case FieldKind.Factor:
                var factor = site.Value as Factor;
                Sub(site, "value", "Ui.FactorValue", factor is null ? "" : NumberText.Format(factor.Value, culture), "input--number", "decimal", first: true,
                    suffix: factor?.Unit ?? site.Block.Unit);
                Sub(site, "source", "Ui.FactorSource", factor?.Source ?? "", "input--full", null, first: false);
                Sub(site, "year", "Ui.FactorYear", factor?.Year?.ToString(CultureInfo.InvariantCulture) ?? "", "input--4", "numeric", first: false);
                Sub(site, "justification", "Ui.FactorJustification", factor?.Justification ?? "", "input--full", null, first: false);
                break;
        }
    }

    private void Sub(FieldSite site, string part, string labelKey, string modelValue, string width, string? inputMode, bool first, int maxLength = 500, string? suffix = null)
    {
        var path = site.Path + "." + part;
        var id = ModelPath.HtmlId(path);
        var value = Posted(path) ?? modelValue;
        html.Raw("<div class=\"sub\"><label class=\"sub-label\"").Attr("for", id).Raw(">").Text(T(labelKey)).Raw("</label>");
        Input(id, path, "text", value, null, HasError(path), width, maxLength, "off", inputMode);
        if (suffix is not null)
            html.Raw("<span class=\"unit\">").Text(suffix).Raw("</span>");
        html.Raw("</div>");
    }

    /// Controls marked aria-invalid: autosave's reply lists them, so the page marks the same ones.
    private void Invalid(string id, bool isInvalid)
    {
        if (isInvalid)
            invalidIds.Add(id);
    }

    private void Input(string id, string name, string type, string value, string? describedBy, bool invalid, string? width, int maxLength, string autocomplete, string? inputMode = null, bool refresh = false)
    {
        Invalid(id, invalid);
        html.Raw("<input").Attr("class", width is null ? "input" : "input " + width).Attr("id", id).Attr("name", name).Attr("type", type)
            .Attr("value", value).Attr("maxlength", maxLength.ToString(CultureInfo.InvariantCulture)).Attr("inputmode", inputMode)
            .Attr("autocomplete", autocomplete).Attr("spellcheck", type == "text" && inputMode is null ? null : "false")
            .Attr("aria-describedby", describedBy).Flag("aria-invalid=\"true\"", invalid).Flag("data-refresh", refresh).Raw(">");
    }

    private void Choice(FieldSite site, string? aria, bool invalid, bool inTable)
    {
        var current = Text(site);
        var values = AllowedValues(site).ToList();
        if (!inTable && values.Count <= 4)
        {
            var first = true;
            foreach (var value in values)
            {
                Radio(site, value.ToString()!, ProposalText.Enum((Enum)value), current == value.ToString(), first);
                first = false;
            }
            return;
        }
        Select(site.Id, site.Path, aria, invalid, site.Block.Refresh,
            values.Select(v => (v.ToString()!, ProposalText.Enum((Enum)v), v.ToString() == current)), blank: !site.Shape.Required);
    }

    private static int ChoiceCount(FieldSite site) => AllowedValues(site).Count();

    /// <summary>The choices offered, and the stored value when it is not one of them (see FormBinder.ParseEnum).</summary>
    private static IEnumerable<object> AllowedValues(FieldSite site)
    {
        if (site.Block.Allowed is not { } allowed)
            return Enum.GetValues(site.Shape.EnumType!).Cast<object>();
        return site.Value is { } stored && site.Value is not IEnumerable && !allowed.Contains(stored) ? [.. allowed, stored] : allowed;
    }

    private void Select(string id, string name, string? aria, bool invalid, bool refresh, IEnumerable<(string Value, string Label, bool Selected)> options, bool blank)
    {
        Invalid(id, invalid);
        html.Raw("<select class=\"select\"").Attr("id", id).Attr("name", name).Attr("aria-describedby", aria)
            .Flag("aria-invalid=\"true\"", invalid).Flag("data-refresh", refresh).Raw(">");
        if (blank)
            html.Raw("<option value=\"\">").Text(T("Ui.Choose")).Raw("</option>");
        foreach (var (value, label, selected) in options)
            html.Raw("<option").Attr("value", value).Flag("selected", selected).Raw(">").Text(label).Raw("</option>");
        html.Raw("</select>");
    }

    private void Radio(FieldSite site, string value, string label, bool selected, bool first)
    {
        var id = first ? site.Id : site.Id + "-" + value;
        html.Raw("<div class=\"radio\"><input type=\"radio\"").Attr("id", id).Attr("name", site.Path).Attr("value", value)
            .Flag("checked", selected).Flag("data-refresh", site.Block.Refresh).Raw("><label").Attr("for", id).Raw(">").Text(label).Raw("</label></div>");
    }

    /// A box to name a new item beside the choices, created by the next save the person asks for
    /// (Enter, or any save button); autosave leaves a half-typed name alone. Not a refreshing
    /// field: leaving it to press "Save and continue" must continue, not reload the page.
    private void NewOption(FieldSite site, NewOption create)
    {
        var id = site.Id + "-new";
        html.Raw("<div class=\"new-option\"><label class=\"label label--small\"").Attr("for", id).Raw(">").Text(T(create.Key)).Raw("</label>")
            .Raw("<p class=\"hint\"").Attr("id", id + "-hint").Raw(">").Text(T(create.Key + ".Hint")).Raw("</p>");
        Input(id, site.Path + ".new", "text", Posted(site.Path + ".new") ?? "", id + "-hint", false, "input--full", LongTextAttribute.MaxLength, "off");
        html.Raw("</div>");
    }

    private void Checkbox(FieldSite site, string value, string label, bool selected, bool first)
    {
        var id = first ? site.Id : site.Id + "-" + ModelPath.HtmlId(value)[2..];
        html.Raw("<div class=\"checkbox\"><input type=\"checkbox\"").Attr("id", id).Attr("name", site.Path).Attr("value", value)
            .Flag("checked", selected).Raw("><label").Attr("for", id).Raw(">").Text(label).Raw("</label></div>");
    }

    private void WordCounter(FieldSite site, string limitKey)
    {
        var settings = RuleSettings.For(context.Proposal);
        var limit = (int)settings.Param("R-075", limitKey, 0);
        var words = NarrativeWords.Of(Posted(site.Path) ?? site.Value as string);
        html.Raw("<p class=\"word-count\" aria-live=\"polite\"").Attr("data-word-limit", limit > 0 ? limit.ToString(CultureInfo.InvariantCulture) : null)
            .Attr("data-for", site.Id).Attr("id", site.Id + "-words").Raw(">");
        html.Text(limit > 0
            ? ProposalText.Format(culture, words > limit ? "Ui.WordsOver" : "Ui.WordsOf", words.ToString("N0", culture), limit.ToString("N0", culture))
            : ProposalText.Format(culture, Plural.Key("Ui.Words", words, culture), words.ToString("N0", culture)));
        html.Raw("</p>");
    }

    private void ErrorMessage(string path, string id) => Live("error:" + id, () => ErrorText(path, id));

    private void ErrorText(string path, string id)
    {
        if (!context.Errors.TryGetValue(path, out var message))
        {
            // A compound question (money, people) shows the error of its part.
            var part = context.Errors.FirstOrDefault(e => e.Key.StartsWith(path + ".", StringComparison.Ordinal) && e.Key.IndexOf('.', path.Length + 1) < 0);
            if (part.Key is null)
                return;
            message = part.Value;
        }
        html.Raw("<p class=\"error-message\"").Attr("id", id + "-error").Raw("><span class=\"visually-hidden\">").Text(T("Ui.ErrorPrefix"))
            .Raw("</span> ").Text(message).Raw("</p>");
    }

    private bool HasError(string path) =>
        context.Errors.ContainsKey(path) || context.Errors.Keys.Any(k => k.StartsWith(path + ".", StringComparison.Ordinal) && k.IndexOf('.', path.Length + 1) < 0);

    /// Findings of the rule catalogue on this question, written beside it.
    private void Findings(string path, bool exact)
    {
        foreach (var finding in context.Findings)
        {
            if (!finding.Paths.Any(p => p.Length > 2 && (p[2..] == path || (!exact && p[2..].StartsWith(path + ".", StringComparison.Ordinal)))))
                continue;
            html.Raw("<p").Attr("class", "finding finding--" + finding.Severity.ToString().ToLowerInvariant()).Raw("><strong>")
                .Text(ProposalText.Enum(finding.Severity)).Raw("</strong> ").Text(RuleMessages.Render(finding, culture))
                .Raw(" <span class=\"rule-id\">").Text(finding.RuleId).Raw("</span></p>");
        }
    }

    /// What was posted, to show it again. A value far beyond any field's limit (a hostile post)
    /// is shown only up to that size: the user's own typing is always within it.
    private string? Posted(string path) =>
        context.Posted is { } form && form.TryGetValue(path, out var values)
            ? values.ToString() is { Length: > NarrativeAttribute.MaxLength + 1_000 } huge ? huge[..(NarrativeAttribute.MaxLength + 1_000)] : values.ToString()
            : null;

    /// What the field shows: what was typed, when the page comes back after a refused save, else the stored answer.
    private string Text(FieldSite site) => Posted(site.Path) ?? FormValues.Format(site.Value, site.Shape.Kind, culture);

    private string T(string key) => ProposalText.Get(key, culture);

    private string Number(long? value) => value is { } v ? NumberText.Format(v, culture) : "";
}

/// A step's questions as HTML, with the parts that depend on the answers (key → HTML as written
/// in the page) and the controls marked invalid.
public sealed record RenderedForm(string Html, IReadOnlyDictionary<string, string> Live, IReadOnlyList<string> Invalid);
