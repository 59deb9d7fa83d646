namespace FinanceBuilder.Web.Features.Accounts;

/// Where to go after signing in: only a path of this site, never another host (T16: `//evil`,
/// `/\evil`, `https://…`, `javascript:` all become "/").
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
        return url;
    }
}
