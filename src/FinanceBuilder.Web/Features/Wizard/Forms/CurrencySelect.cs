using System.Globalization;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Reference;
using FinanceBuilder.Web.Proposals.Text;

namespace FinanceBuilder.Web.Features.Wizard.Forms;

/// A currency question as a choice among the ISO 4217 codes ("XOF — Franc CFA (BCEAO)"), so
/// nobody has to know or type a code. A stored code outside the list (an old file) stays offered,
/// so showing the page never changes the answer; saving it is refused by the binder.
public static class CurrencySelect
{
    public static void Write(Html html, string id, string name, string current, string? describedBy, bool invalid, bool blank, CultureInfo culture)
    {
        html.Raw("<select class=\"select select--currency\"").Attr("id", id).Attr("name", name).Attr("aria-describedby", describedBy)
            .Flag("aria-invalid=\"true\"", invalid).Raw(">");
        if (blank || current.Length == 0)
            html.Raw("<option value=\"\">").Text(ProposalText.Get("Ui.Choose", culture)).Raw("</option>");
        if (current.Length > 0 && CurrencyList.Find(current) is null)
            html.Raw("<option selected").Attr("value", current).Raw(">").Text(current).Raw("</option>");
        foreach (var currency in CurrencyList.All)
            html.Raw("<option").Attr("value", currency.Code).Flag("selected", currency.Code == current).Raw(">").Text(currency.Label(culture)).Raw("</option>");
        html.Raw("</select>");
    }

    /// The currency part of an amount ("1,250,000 | XOF — Franc CFA (BCEAO)").
    public static void WriteSub(Html html, string path, string current, bool invalid, CultureInfo culture)
    {
        var id = ModelPath.HtmlId(path);
        html.Raw("<div class=\"sub\"><label class=\"sub-label\"").Attr("for", id).Raw(">").Text(ProposalText.Get("Ui.Currency", culture)).Raw("</label>");
        Write(html, id, path, current, null, invalid, blank: false, culture);
        html.Raw("</div>");
    }
}
