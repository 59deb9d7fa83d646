using System.Globalization;
using System.Text;

namespace FinanceBuilder.Web.Features.Annexes;

/// The name an uploaded file is shown under and offered for download as — never a path: the
/// last segment only, without control characters or the bidirectional overrides that make
/// "invoice‮fdp.exe" read as "invoiceexe.pdf", in canonical form, at most 200 characters
/// (its extension kept).
public static class DisplayName
{
    public const int MaxLength = 200;

    public static string Of(string? uploaded)
    {
        var name = (uploaded ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var kept = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
                continue; // Format holds the bidi overrides (U+202A–U+202E, U+2066–U+2069) and zero-width marks
            kept.Append(c);
        }
        var clean = kept.ToString().Trim().Trim('.').Trim();
        if (clean.Length > MaxLength)
        {
            var extension = Path.GetExtension(clean);
            extension = extension.Length <= 10 ? extension : "";
            clean = clean[..(MaxLength - extension.Length)].TrimEnd() + extension;
        }
        return clean.Length == 0 ? "file" : clean;
    }
}
