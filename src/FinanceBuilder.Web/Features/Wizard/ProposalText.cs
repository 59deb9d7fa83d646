namespace FinanceBuilder.Web.Features.Wizard;

/// Text cut to a limit without splitting a character in two (a lone surrogate is a character
/// documents cannot hold, and the import refuses it).
public static class ProposalText
{
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
            return text;
        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..cut];
    }
}
