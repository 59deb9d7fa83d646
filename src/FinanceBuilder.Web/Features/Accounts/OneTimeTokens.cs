using System.Security.Cryptography;
using System.Text;

namespace FinanceBuilder.Web.Features.Accounts;

/// Tokens of invitation and set-up links: 256 random bits in the link, only their SHA-256 in
/// the database.
public static class OneTimeTokens
{
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
