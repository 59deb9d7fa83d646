using System.Globalization;
using FinanceBuilder.Web.Calculators;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Questionnaire;

namespace FinanceBuilder.Web.Features.Wizard.Budget;

/// Draws the budget grid: one row per cost item, one column per project year, the row and year
/// totals computed here (and refreshed by autosave as live elements, data-live). Plain form
/// controls and submit buttons: the grid works without JavaScript.
internal sealed class BudgetGridRenderer(FormContext context)
{
    private readonly Html html = new();
    private readonly CultureInfo culture = context.Culture;
    private readonly Proposal proposal = context.Proposal;

    private string T(string key) => BudgetText.Get(key, culture);

    private string W(string key) => ProposalText.Get(key, culture);

    /// <param name="from">The first row of the page shown, <paramref name="count"/> rows from it.</param>
    public string Render(IReadOnlyList<BudgetRow> rows, int from, int count, int? pageSize, IReadOnlyList<int> years, bool datesKnown)
    {
        html.Raw("<section class=\"list budget\" id=\"f-budget-lines\" aria-labelledby=\"f-budget-lines-title\">");
        html.Raw("<h2 class=\"list-title\" id=\"f-budget-lines-title\">").Text(W("Field.budget.lines")).Raw("</h2>");
        html.Raw("<p class=\"hint\" id=\"budget-grid-hint\">").Text(T("Grid.Hint")).Raw("</p>");
        if (!datesKnown)
            html.Raw("<p class=\"hint\">").Text(T("Grid.NoDates")).Raw("</p>");
        Error(BudgetGridEditor.Grid, "f-budget-grid");
        html.Raw("<input type=\"hidden\"").Attr("name", BudgetGridEditor.Grid + ".from").Attr("value", from.ToString(CultureInfo.InvariantCulture)).Raw(">");
        html.Raw("<input type=\"hidden\"").Attr("name", BudgetGridEditor.Grid + ".count").Attr("value", count.ToString(CultureInfo.InvariantCulture)).Raw(">");
        html.Raw("<input type=\"hidden\"").Attr("name", BudgetGridEditor.Grid + ".years").Attr("value", string.Join(',', years.Select(y => y.ToString(CultureInfo.InvariantCulture)))).Raw(">");

        if (rows.Count == 0)
            html.Raw("<p class=\"empty\">").Text(W("Ui.ListEmpty")).Raw("</p>");
        else
        {
            html.Raw("<div class=\"budget-grid-wrap\"><table class=\"budget-grid\"").Attr("style", "--years:" + years.Count.ToString(CultureInfo.InvariantCulture)).Raw(">");
            html.Raw("<caption class=\"visually-hidden\">").Text(W("Field.budget.lines")).Raw("</caption><thead><tr><th scope=\"col\" class=\"budget-item-head\">")
                .Text(T("Grid.Item")).Raw("</th>");
            foreach (var year in years)
                html.Raw("<th scope=\"col\" class=\"budget-year\">").Text(YearLabel(year)).Raw("</th>");
            html.Raw("<th scope=\"col\" class=\"budget-total-head\">").Text(T("Grid.RowTotal")).Raw("</th></tr></thead><tbody>");
            for (var r = from; r < from + count; r++)
                Row(rows[r], r, years);
            html.Raw("</tbody><tfoot><tr><th scope=\"row\">").Text(ProposalText.Format(culture, "Ui.ItemTitle", T("Grid.YearTotal"), proposal.Budget.ReportingCurrency)).Raw("</th>");
            var totals = new BudgetGridTotals(proposal, rows);
            foreach (var year in years)
                html.Raw(totals.YearCell(year, culture, T("Grid.YearTotal") + " " + YearLabel(year)));
            html.Raw(totals.GrandCell(culture, T("Grid.GrandTotal"))).Raw("</tr></tfoot></table></div>");
            Pager(rows.Count, pageSize);
        }
        html.Raw("<div class=\"list-actions\"><button type=\"submit\" class=\"button button--secondary\" name=\"action\" value=\"add:budget.lines\">")
            .Text(T(rows.Count == 0 ? "Grid.AddFirst" : "Grid.Add")).Raw("</button></div>");
        Paste(years);
        html.Raw("</section>");
        return html.ToString();
    }

    /// Links to the other pages of a long budget ("Rows 51–100 of 400"); the totals above are
    /// the whole budget's.
    private void Pager(int rowCount, int? pageSize)
    {
        if (pageSize is { } size)
            ListPager.Write(html, rowCount, size, context.ListPage, context.PageUrl, W("Ui.Pages"), (first, last) => BudgetText.Format(culture, "Grid.PageOfRows", first, last, rowCount));
    }

    private string YearLabel(int year) => year == 0 ? T("Column.NoYear") : year.ToString(CultureInfo.InvariantCulture);

    private void Row(BudgetRow row, int r, IReadOnlyList<int> years)
    {
        var prefix = BudgetGridEditor.RowPath(r);
        var title = ProposalText.Format(culture, "Ui.ItemTitle", BudgetText.Format(culture, "Grid.RowTitle", r + 1),
            row.Item.Description is { Length: > 0 } d ? (d.Length > 50 ? d[..50] + "…" : d) : "—");
        var item = row.Item;
        html.Raw("<tr class=\"budget-row\"").Attr("id", ModelPath.HtmlId(prefix)).Raw("><td class=\"budget-item\" data-cell=\"item\">");
        if (row.FirstLine >= 0)
            html.Raw("<span class=\"budget-anchor\"").Attr("id", "f-budget-lines-" + row.FirstLine.ToString(CultureInfo.InvariantCulture)).Raw("></span>");
        html.Raw("<p class=\"budget-row-title\">").Text(BudgetText.Format(culture, "Grid.RowTitle", r + 1)).Raw("</p>");
        TextInput(prefix, "description", BudgetColumn.Description, item.Description, title, "budget-description", ShortTextAttributeLength);
        html.Raw("<div class=\"budget-costing\">");
        TextInput(prefix, "unit", BudgetColumn.Unit, item.Unit, title, "budget-unit", ShortTextAttributeLength);
        TextInput(prefix, "unitCost", BudgetColumn.UnitCost, item.UnitCost is { } cost ? NumberText.Format(cost, culture) : null, title, "budget-unit-cost", 40, numeric: true);
        html.Raw("</div>");

        var classified = ClassifyingFields.Any(f => context.Errors.ContainsKey(prefix + "." + f));
        html.Raw("<details class=\"budget-more\"").Flag("open", classified).Raw("><summary>").Text(Summary(item)).Raw("</summary><div class=\"budget-more-fields\">");
        Select(prefix, "componentId", BudgetColumn.Component, item.ComponentId, Choices.Components(proposal), title);
        Select(prefix, "outputId", BudgetColumn.Output, item.OutputId, Choices.Outputs(proposal), title);
        Select(prefix, "activityId", BudgetColumn.Activity, item.ActivityId, Choices.Activities(proposal), title);
        Select(prefix, "expenditureType", BudgetColumn.ExpenditureType, item.ExpenditureType?.ToString(), EnumOptions<ExpenditureType>(), title);
        Select(prefix, "source", BudgetColumn.Source, item.Source.ToString(), EnumOptions<FundingSourceKind>(), title, blank: false);
        Select(prefix, "coFinancierId", BudgetColumn.CoFinancier, item.CoFinancierId, Choices.CoFinanciers(proposal), title);
        Select(prefix, "instrument", BudgetColumn.Instrument, item.Instrument?.ToString(), EnumOptions<FinancialInstrument>(), title);
        TextInput(prefix, "currency", BudgetColumn.Currency, item.Currency, title, "input--3", 10);
        TextInput(prefix, "note", BudgetColumn.Note, item.Note, title, "budget-note", ShortTextAttributeLength);
        html.Raw("</div></details>");
        html.Raw("<button type=\"submit\" class=\"button button--link budget-remove\" name=\"action\"").Attr("value", BudgetGridEditor.RemoveAction + r.ToString(CultureInfo.InvariantCulture)).Raw(">")
            .Text(W("Ui.Remove")).Raw("<span class=\"visually-hidden\"> ").Text(title).Raw("</span></button></td>");

        foreach (var year in years)
        {
            var name = prefix + "." + BudgetGridEditor.YearField(year);
            var id = ModelPath.HtmlId(name);
            var error = context.Errors.GetValueOrDefault(name);
            html.Raw("<td class=\"budget-cell").Raw(error is null ? "\"" : " budget-cell--error\"").Attr("data-label", YearLabel(year)).Raw(">");
            html.Raw("<label class=\"visually-hidden\"").Attr("for", id).Raw(">")
                .Text(BudgetText.Format(culture, item.Costed ? "Grid.QuantityLabel" : "Grid.AmountLabel", YearLabel(year), title)).Raw("</label>");
            html.Raw("<input type=\"text\" class=\"input budget-input\" inputmode=\"decimal\" autocomplete=\"off\" maxlength=\"40\"")
                .Attr("id", id).Attr("name", name)
                .Attr("value", Shown(name, row.Values.TryGetValue(year, out var v) ? NumberText.Format(v, culture) : ""))
                .Attr("aria-describedby", error is null ? null : id + "-error").Flag("aria-invalid=\"true\"", error is not null).Raw(">");
            if (error is not null)
                html.Raw("<p class=\"error-message\"").Attr("id", id + "-error").Raw(">").Text(error).Raw("</p>");
            html.Raw(BudgetGridTotals.CellAmount(row, r, year, culture));
            html.Raw("</td>");
        }
        html.Raw(BudgetGridTotals.RowCell(row, r, culture, T("Grid.RowTotal"))).Raw("</tr>");
    }

    private static readonly string[] ClassifyingFields = ["componentId", "outputId", "activityId", "expenditureType", "source", "coFinancierId", "instrument", "currency"];

    private const int ShortTextAttributeLength = ShortTextAttribute.MaxLength;

    private string Summary(BudgetItem item)
    {
        var parts = new List<string>();
        if (item.ComponentId is { } c)
            parts.Add(W("Field.budget.lines.componentId") + " " + c);
        if (item.OutputId is { } o)
            parts.Add(W("Field.budget.lines.outputId") + " " + o);
        if (item.ActivityId is { } a)
            parts.Add(W("Field.budget.lines.activityId") + " " + a);
        if (item.ExpenditureType is { } t)
            parts.Add(ProposalText.Get($"Enum.ExpenditureType.{t}", culture));
        parts.Add(ProposalText.Get($"Enum.FundingSourceKind.{item.Source}", culture) + (item.CoFinancierId is { } cf ? " " + cf : ""));
        if (item.Instrument is { } i)
            parts.Add(ProposalText.Get($"Enum.FinancialInstrument.{i}", culture));
        parts.Add(item.Currency);
        return string.Join(" · ", parts);
    }

    private IEnumerable<ChoiceOption> EnumOptions<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => new ChoiceOption(v.ToString(), ProposalText.Get($"Enum.{typeof(TEnum).Name}.{v}", culture)));

    /// What was posted, shown again after a refused save; else the stored value.
    private string Shown(string name, string? stored) =>
        context.Posted is { } posted && posted.TryGetValue(name, out var typed) ? Cap(typed.ToString()) : stored ?? "";

    private static string Cap(string text) => text.Length > 1000 ? text[..1000] : text;

    private void Label(string id, BudgetColumn column, string title) =>
        html.Raw("<label class=\"budget-label\"").Attr("for", id).Raw(">").Text(BudgetText.Column(column, culture))
            .Raw("<span class=\"visually-hidden\"> — ").Text(title).Raw("</span></label>");

    private void TextInput(string prefix, string field, BudgetColumn column, string? value, string title, string css, int maxLength, bool numeric = false)
    {
        var name = prefix + "." + field;
        var id = ModelPath.HtmlId(name);
        var error = context.Errors.GetValueOrDefault(name);
        html.Raw("<div class=\"budget-field\">");
        Label(id, column, title);
        html.Raw("<input type=\"text\"").Attr("class", "input " + css).Attr("id", id).Attr("name", name).Attr("value", Shown(name, value))
            .Attr("maxlength", maxLength.ToString(CultureInfo.InvariantCulture)).Attr("inputmode", numeric ? "decimal" : null).Raw(" autocomplete=\"off\"")
            .Attr("aria-describedby", error is null ? null : id + "-error").Flag("aria-invalid=\"true\"", error is not null).Raw(">");
        if (error is not null)
            html.Raw("<p class=\"error-message\"").Attr("id", id + "-error").Raw(">").Text(error).Raw("</p>");
        html.Raw("</div>");
    }

    private void Select(string prefix, string field, BudgetColumn column, string? value, IEnumerable<ChoiceOption> options, string title, bool blank = true)
    {
        var name = prefix + "." + field;
        var id = ModelPath.HtmlId(name);
        var current = Shown(name, value);
        var error = context.Errors.GetValueOrDefault(name);
        var list = options.ToList();
        if (current.Length > 0 && list.All(o => o.Value != current))
            list.Insert(0, new ChoiceOption(current, current));
        html.Raw("<div class=\"budget-field\">");
        Label(id, column, title);
        html.Raw("<select class=\"select\"").Attr("id", id).Attr("name", name)
            .Attr("aria-describedby", error is null ? null : id + "-error").Flag("aria-invalid=\"true\"", error is not null).Raw(">");
        if (blank)
            html.Raw("<option value=\"\"></option>");
        foreach (var option in list)
            html.Raw("<option").Attr("value", option.Value).Flag("selected", option.Value == current).Raw(">").Text(option.Label).Raw("</option>");
        html.Raw("</select>");
        if (error is not null)
            html.Raw("<p class=\"error-message\"").Attr("id", id + "-error").Raw(">").Text(error).Raw("</p>");
        html.Raw("</div>");
    }

    private void Error(string key, string id)
    {
        if (context.Errors.GetValueOrDefault(key) is { } message)
            html.Raw("<p class=\"error-message\"").Attr("id", id).Raw(">").Text(message).Raw("</p>");
    }

    private void Paste(IReadOnlyList<int> years)
    {
        var errors = context.Errors.Where(e => e.Key.StartsWith(BudgetGridEditor.Paste + ".", StringComparison.Ordinal) || e.Key == BudgetGridEditor.Paste).ToList();
        var text = Shown(BudgetGridEditor.Paste, "");
        html.Raw("<details class=\"budget-paste\" id=\"budget-paste\"").Flag("open", errors.Count > 0 || text.Length > 0).Raw("><summary>").Text(T("Paste.Title")).Raw("</summary>");
        html.Raw("<p class=\"hint\" id=\"f-budget-paste-hint\">").Text(T("Paste.Hint")).Raw("</p>");
        var header = string.Join('\t', Enum.GetValues<BudgetColumn>().Select(c => BudgetText.Column(c, culture)).Concat(years.Select(YearLabel)));
        html.Raw("<p class=\"hint\">").Text(T("Paste.Columns")).Raw("</p><pre class=\"budget-header\">").Text(header).Raw("</pre>");
        if (errors.Count > 0)
        {
            html.Raw("<ul class=\"error-list\" id=\"f-budget-paste-errors\">");
            foreach (var (key, message) in errors)
                html.Raw("<li class=\"error-message\"").Attr("id", ModelPath.HtmlId(key)).Raw(">").Text(message).Raw("</li>");
            html.Raw("</ul>");
        }
        html.Raw("<label class=\"label\" for=\"f-budget-paste\">").Text(T("Paste.Label")).Raw("</label>");
        html.Raw("<textarea class=\"textarea budget-paste-text\" id=\"f-budget-paste\" rows=\"6\" spellcheck=\"false\"").Attr("name", BudgetGridEditor.Paste)
            .Attr("maxlength", BudgetGridEditor.MaxPasteLength.ToString(CultureInfo.InvariantCulture))
            .Attr("aria-describedby", "f-budget-paste-hint" + (errors.Count > 0 ? " f-budget-paste-errors" : "")).Flag("aria-invalid=\"true\"", errors.Count > 0).Raw(">")
            .Text(text).Raw("</textarea>");
        html.Raw("<div class=\"list-actions\"><button type=\"submit\" class=\"button button--secondary\" name=\"action\"").Attr("value", BudgetGridEditor.PasteAction).Raw(">")
            .Text(T("Paste.Button")).Raw("</button></div></details>");
    }
}
