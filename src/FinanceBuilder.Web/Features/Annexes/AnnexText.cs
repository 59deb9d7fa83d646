using System.Globalization;
using FinanceBuilder.Web.Features.Annexes.Inspection;
using FinanceBuilder.Web.Proposals.Attachments;

namespace FinanceBuilder.Web.Features.Annexes;

/// The annex pages' texts (AnnexText.resx, AnnexText.fr.resx).
public static class AnnexText
{
    private static readonly Localization.ResourceTexts Resources = new("FinanceBuilder.Web.Features.Annexes.AnnexText", typeof(AnnexText).Assembly);

    public static string Get(string key, CultureInfo culture) => Resources.GetString(key, culture) ?? key;

    public static string Format(CultureInfo culture, string key, params object?[] args) => string.Format(culture, Get(key, culture), args);

    /// Why a file is refused, in the reader's language, naming kinds as people do ("a PNG image").
    public static string Refusal(Inspection.Inspection.Refused refused, CultureInfo culture) =>
        Format(culture, "Refused." + refused.Reason, [.. refused.Arguments.Select(a => a is FileKind kind ? Get("Kind." + kind, culture) : a)]);
}
