using Microsoft.AspNetCore.Identity;

namespace FinanceBuilder.Web.Features.Accounts;

/// Length over composition (ASVS 6.2.1–6.2.5): at least 8 characters, up to 128, any
/// characters, and none of the 3,000 most common passwords (common-passwords.txt, from
/// SecLists; see its NOTICE). Identity's own rules for digits, cases and symbols are off.
public sealed class CommonPasswordValidator<TUser> : IPasswordValidator<TUser> where TUser : class
{

    public Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user, string? password)
    {
        if (password is null)
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordRequired" }));
        if (password.Length > CommonPasswords.MaxLength)
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong" }));
        if (CommonPasswords.Contains(password))
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon" }));
        return Task.FromResult(IdentityResult.Success);
    }
}

/// The refused list, loaded once.
public static class CommonPasswords
{
    public const int MaxLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public static bool Contains(string password) => Common.Value.Contains(password);

    public static IReadOnlyCollection<string> List => Common.Value;

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("FinanceBuilder.Web.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
                set.Add(line);
        }
        return set;
    }
}
