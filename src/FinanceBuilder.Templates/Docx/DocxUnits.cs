using System.Globalization;

namespace FinanceBuilder.Templates.Docx;

/// <summary>
/// WordprocessingML measures in several units; the theme speaks points. One place converts, so a
/// twip (1/20 pt), a half-point font size and an EMU are never confused.
/// </summary>
internal static class DocxUnits
{
    /// <summary>Points to twentieths of a point (margins, indents, spacing).</summary>
    public static int Twips(double points) => (int)Math.Round(points * 20);

    /// <summary>Points to twips, as the string most attributes want.</summary>
    public static string TwipsText(double points) => Twips(points).ToString(CultureInfo.InvariantCulture);

    /// <summary>A font size in points to half-points (w:sz).</summary>
    public static string HalfPoints(double points) => ((int)Math.Round(points * 2)).ToString(CultureInfo.InvariantCulture);

    /// <summary>Points to English Metric Units (drawings).</summary>
    public static long Emu(double points) => (long)Math.Round(points * 12700);

    /// <summary>Line spacing as a multiple of single (240 = single, lineRule auto).</summary>
    /// <summary>The height of a single line in Word, in em: Arial's (and Liberation Sans's) ascent plus descent.</summary>
    public const double SingleLineEm = 1.117;

    public static string LineText(double multiple) => ((int)Math.Round(240 * multiple)).ToString(CultureInfo.InvariantCulture);
}
