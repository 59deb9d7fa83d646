using System.Threading.RateLimiting;
using FinanceBuilder.Web.App;
using FinanceBuilder.Web.Configuration;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Data.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FinanceBuilder.Web.Features.Accounts;

/// Accounts, sessions and their protections, configured to the reliability catalogue's values
/// (reliability-tests §d): lockout 5 failures / 15 minutes, idle 30 minutes, absolute 12 hours,
/// `__Host-` cookies that are Secure, HttpOnly and SameSite, 429 on too many attempts.
public static class AccountSetup
{
    public const string Scheme = "FinanceBuilder";
    public const string SignInLimit = "sign-in";
    public const string EmailLimit = "email";

    /// Cookies are Secure-only with the `__Host-` prefix (T11) except in Development, where
    /// `dotnet run` serves plain http://localhost:5000 and ASP.NET refuses Secure-only antiforgery
    /// cookies on a plain-HTTP request. FinanceBuilder:Cookies:Secure overrides either way
    /// (false for a server reached over plain HTTP on a local network, at that network's risk).
    public static bool SecureCookies(WebApplicationBuilder builder) =>
        FinanceBuilderOptions.Read(builder.Configuration).Cookies.Secure ?? !builder.Environment.IsDevelopment();

    public static string CookieName(WebApplicationBuilder builder, string name) => SecureCookies(builder) ? "__Host-" + name : name;

    public static void AddFinanceBuilderAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddDataProtection().SetApplicationName("FinanceBuilder").PersistKeysToDbContext<FinanceBuilderDbContext>();

        services.AddIdentityCore<UserAccount>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // The user name is the email address, whatever letters it has.
                options.User.AllowedUserNameCharacters = "";
                // Length over composition (ASVS 6.2): 8 to 128 characters, anything goes, common ones refused.
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<FinanceBuilderDbContext>()
            .AddPasswordValidator<CommonPasswordValidator<UserAccount>>()
            .AddDefaultTokenProviders();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));

        services.AddSingleton(sp => SessionLifetimes.From(sp.GetRequiredService<IOptions<FinanceBuilderOptions>>().Value));
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(Scheme)
            .Configure<SessionLifetimes>((options, lifetimes) => options.ExpireTimeSpan = lifetimes.Idle);
        var secure = SecureCookies(builder);
        services.AddAuthentication(Scheme).AddCookie(Scheme, options =>
        {
            options.Cookie.Name = CookieName(builder, "fb-session");
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.Cookie.Path = "/";
            options.SlidingExpiration = true;
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/denied";
            options.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
            // The API answers with a status, pages with a redirect to the sign-in page.
            options.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorization(Policies.Add);

        services.AddScoped<SignInThrottle>();
        services.AddScoped<AccountSignIn>();
        services.AddScoped<Invitations>();
        services.AddScoped<NewAccounts>();
        services.AddSingleton<IEmailSender, OutboxEmailSender>();
        services.AddSingleton(new OperatorConsole(Console.Out));
        var twoStepCookie = (Name: CookieName(builder, "fb-2fa"), Secure: SecureCookies(builder));
        services.AddSingleton(sp => new TwoStep.PendingSecondStep(sp.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(),
            sp.GetRequiredService<TimeProvider>(), twoStepCookie.Name, twoStepCookie.Secure));
        services.AddSingleton<PublicLinks>();
        // Sign-in posts per address: generous enough for an office behind one address (T07 c);
        // failures are limited much tighter by SignInThrottle. Then password-reset and invitation
        // emails per address. Both counted across nodes (RateLimits/).
        services.Configure<RateLimits.SharedRatePolicies>(p =>
        {
            p.Add(SignInLimit, new(sp => sp.GetRequiredService<IOptions<FinanceBuilderOptions>>().Value.SignIn.PostsPerMinute, TimeSpan.FromMinutes(1), SignInThrottle.AddressOf));
            p.Add(EmailLimit, new(sp => sp.GetRequiredService<IOptions<FinanceBuilderOptions>>().Value.Email.PerAddressPer15Minutes, TimeSpan.FromMinutes(15), SignInThrottle.AddressOf));
        });
    }

    private static FinanceBuilderOptions Settings(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<FinanceBuilderOptions>>().Value;

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        // A script asking for JSON (the wizard's autosave) gets the status too: following a
        // redirect would hand it the sign-in page, which it would take for a network failure.
        if (context.Request.Path.StartsWithSegments("/api") || status == StatusCodes.Status403Forbidden || WantsJson(context.Request))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// A script asking for JSON (the wizard's autosave, the API), not a browser asking for a page.
    internal static bool WantsJson(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        return accept.Contains("application/json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }
}
