using System.Globalization;

namespace FinanceBuilder.Web.Localization;

/// A file's size as people read it: "26.3 MB", "340 kB"; in French "26,3 Mo", "340 ko".
public static class ByteSize
{
    public static string Text(long bytes, CultureInfo culture) =>
        bytes >= 1024 * 1024
            ? (bytes / 1024d / 1024d).ToString("0.0", culture) + " " + Megabyte(culture)
            : Math.Max(1, bytes / 1024).ToString("N0", culture) + " " + (French(culture) ? "ko" : "kB");

    public static string Megabyte(CultureInfo culture) => French(culture) ? "Mo" : "MB";

    private static bool French(CultureInfo culture) => culture.TwoLetterISOLanguageName == "fr";
}
