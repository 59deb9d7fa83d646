using System.Globalization;
using FinanceBuilder.Web.Features.Wizard.Forms;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Proposals.Text;

/// Every label, hint, page title and message of the wizard, from ProposalText.resx (English) and
/// ProposalText.fr.resx. Keys follow the model: "Field.basics.title", "Hint.basics.title",
/// "Enum.Focus.Adaptation", "Step.basics". Adding Spanish is adding ProposalText.es.resx and the
/// culture to the supported list — a translation, not code (a test lists what is missing).
public static class ProposalText
{
    internal static readonly Localization.ResourceTexts Resources = new("FinanceBuilder.Web.Proposals.Text.ProposalText", typeof(ProposalText).Assembly);

    /// The text in the current request's language (validators, where no culture is passed).
    public static string Text(string key) => Get(key, CultureInfo.CurrentUICulture);

    /// The text, or the key itself when it is missing (visible, and a test fails on it).
    public static string Get(string key, CultureInfo culture) => Resources.GetString(key, culture) ?? key;

    public static string? Find(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture);

    public static string FormatText(string key, params object?[] args) => Format(CultureInfo.CurrentUICulture, key, args);

    public static string Format(CultureInfo culture, string key, params object?[] args) =>
        string.Format(culture, Get(key, culture), args);

    public static string Label(string path) => Text("Field." + ModelPath.Normalize(path));

    public static string? Hint(string path) => Find("Hint." + ModelPath.Normalize(path));

    public static string Enum(Enum value) => Text($"Enum.{value.GetType().Name}.{value}");

    public static string Step(string id) => Text("Step." + id);

    /// "Accepted by Awa Diop on 5 December 2026: the letter is signed" — or the reason alone
    /// when the acceptance came in a file without a name or a date.
    public static string Accepted(Model.Acknowledgement ack, CultureInfo culture) =>
        ack.By is { Length: > 0 } by && ack.Date is { } date
            ? Format(culture, "Ui.AcceptedBy", ack.Reason, by, Localization.DateText.Written(date, culture))
            : Format(culture, "Ui.Acknowledged", ack.Reason);
}
