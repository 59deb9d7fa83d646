using System.Collections;
using System.Globalization;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Proposals.Text;
using FinanceBuilder.Web.Questionnaire;

namespace FinanceBuilder.Web.Features.Wizard.Forms;

/// One answer as a reader sees it: "check your answers" lists them, and the edit-conflict
/// page compares two versions of them.
public sealed record Answer(string Path, string Label, string Text, int Depth, bool IsHeading);

/// Reads a step's answers out of a proposal as display text in the reader's language.
public static class Answers
{
    public const int SummaryLength = 300;

    public static IReadOnlyList<Answer> Of(Step step, Proposal proposal, CultureInfo culture, bool full = false)
    {
        var rows = new List<Answer>();
        Walk(step.Blocks, proposal, "", 0, new OptionCache(proposal), culture, full, rows);
        return rows;
    }

    private static void Walk(IReadOnlyList<Block> blocks, object scope, string prefix, int depth, OptionCache options, CultureInfo culture, bool full, List<Answer> rows)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case FieldBlock field:
                    var site = FieldSite.At(field, scope, prefix);
                    rows.Add(new Answer(site.Path, ProposalText.Label(site.Path), Display(site, options, culture, full), depth, false));
                    break;
                case GroupBlock group:
                    // The group's heading says whose "name" or "date" the answers below are.
                    rows.Add(new Answer(ModelPath.Combine(prefix, "#" + group.Key), ProposalText.Get("Legend." + group.Key, culture), "", depth, true));
                    Walk(group.Blocks, scope, prefix, depth + 1, options, culture, full, rows);
                    break;
                case WhenBlock conditional when conditional.Applies(scope):
                    Walk(conditional.Blocks, scope, prefix, depth, options, culture, full, rows);
                    break;
                case ListBlock list:
                    var path = ModelPath.Combine(prefix, list.Path);
                    var key = ModelPath.Normalize(path);
                    var items = ModelPath.Get(scope, list.Path) as IList;
                    var count = items?.Count ?? 0;
                    rows.Add(new Answer(path, ProposalText.Get("Field." + key, culture),
                        count == 0 ? ProposalText.Get("Ui.NoneYet", culture) : ProposalText.Format(culture, Plural.Key("Ui.ItemCount", count, culture), count), depth, true));
                    for (var i = 0; i < count; i++)
                    {
                        var itemPath = ModelPath.Item(path, i);
                        rows.Add(new Answer(itemPath, ProposalText.Format(culture, "Item." + key, i + 1), "", depth + 1, true));
                        Walk(list.Item, items![i]!, itemPath, depth + 2, options, culture, full, rows);
                    }
                    break;
            }
        }
    }

    public static string Display(FieldSite site, OptionCache options, CultureInfo culture, bool full)
    {
        var value = site.Value;
        string T(string key) => ProposalText.Get(key, culture);
        switch (value)
        {
            case null:
                return "";
            case string text when site.Shape.Kind == FieldKind.Country:
                return CountryList.Name(text, culture);
            case string text when site.Shape.Kind == FieldKind.Directory:
                return DirectoryPicker.Describe(text, site, culture);
            case string text when site.Block.Options is not null:
                return options.For(site.Block).FirstOrDefault(o => o.Value == text)?.Label ?? text;
            case string text:
                return full || text.Length <= SummaryLength ? text : text[..SummaryLength].TrimEnd() + "…";
            case bool b:
                return T(b ? "Ui.Yes" : "Ui.No");
            case DateOnly date:
                return DateText.Written(date, culture);
            case Enum e:
                return ProposalText.Enum(e);
            case Money money:
                return MoneyText(money, culture);
            case PeopleCount people:
                var parts = new List<string>();
                if (people.Female is { } f) parts.Add($"{T("Ui.Female")} {NumberText.Format(f, culture)}");
                if (people.Male is { } m) parts.Add($"{T("Ui.Male")} {NumberText.Format(m, culture)}");
                if (people.Known() is { } t) parts.Add($"{T("Ui.TotalPeople")} {NumberText.Format(t, culture)}");
                return string.Join(" · ", parts);
            case Factor factor:
                var source = factor.Source is null ? "" : " — " + factor.Source + (factor.Year is { } y ? ", " + y.ToString(CultureInfo.InvariantCulture) : "");
                return $"{NumberText.Format(factor.Value, culture)} {factor.Unit}{source}";
            case IEnumerable<CountryRef> countries:
                return string.Join(", ", countries.Select(c => CountryList.Name(c.Code, culture)));
            case IEnumerable<string> references:
                var all = site.Block.Options is null ? [] : options.For(site.Block);
                return string.Join(", ", references.Select(r => all.FirstOrDefault(o => o.Value == r)?.Label ?? r));
            case IEnumerable list:
                return string.Join(", ", list.Cast<Enum>().Select(ProposalText.Enum));
            default:
                return FormValues.Format(value, site.Shape.Kind, culture);
        }
    }

    public static string MoneyText(Money money, CultureInfo culture) => NumberText.MoneyText(money.Amount, money.Currency, culture);
}
