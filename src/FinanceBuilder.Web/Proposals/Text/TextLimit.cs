namespace FinanceBuilder.Web.Proposals.Text;

/// Text cut to a limit without splitting a character in two (a lone surrogate is a character
/// documents cannot hold, and the import refuses it).
public static class TextLimit
{
    /// "Copy of …": the title of a duplicate, within the title's limit.
    public static string CopyTitle(string? title, System.Globalization.CultureInfo culture) =>
        Truncate(ProposalText.Format(culture, "Ui.CopyTitle", title ?? ProposalText.Get("Ui.Untitled", culture)), FinanceBuilder.Web.Proposals.Model.ShortTextAttribute.MaxLength);

    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
            return text;
        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..cut];
    }
}
