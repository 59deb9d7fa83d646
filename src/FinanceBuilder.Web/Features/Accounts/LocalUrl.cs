using System.Text;

namespace FinanceBuilder.Web.Features.Accounts;

/// Where to go after signing in: only a path of this site, never another host (T16: `//evil`,
/// `/\evil`, `https://…`, `javascript:` all become "/"). Characters outside ASCII are sent
/// percent-encoded (UTF-8), as a browser would: a Location header may carry ASCII only, and a
/// link to "/actions?q=énergie" must not turn signing in into an error.
public static class LocalUrl
{
    public static string OrHome(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2000 || url[0] != '/')
            return "/";
        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\'))
            return "/";
        if (url.Any(c => char.IsControl(c) || c == '\\'))
            return "/";
        return url.All(char.IsAscii) ? url : Encoded(url);
    }

    private static string Encoded(string url)
    {
        var text = new StringBuilder(url.Length * 2);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                text.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }
}
