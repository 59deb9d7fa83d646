using FinanceBuilder.Web.Configuration;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Features.Accounts.TwoStep;
using FinanceBuilder.Web.Features.ApiDocument;
using FinanceBuilder.Web.Features.Catalogue;
using FinanceBuilder.Web.Features.Documents.Packages;
using FinanceBuilder.Web.Features.Home;
using FinanceBuilder.Web.Features.Proposals;
using FinanceBuilder.Web.Features.Territories;
using FinanceBuilder.Web.Features.Validation;
using FinanceBuilder.Web.Localization;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.RateLimits;
using FinanceBuilder.Web.Rules;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace FinanceBuilder.Web.App;

/// Composition of the application: services, middleware and endpoints. Used by the web host,
/// the command line and the tests alike, so all three run the same code.
public static class FinanceBuilderApp
{
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        // The app's own files (appsettings.json, wwwroot, samples) are found next to the program,
        // whichever folder it was started from; relative paths the user types (data folder, CLI
        // files) are resolved against the folder they started it from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        // The stylesheet and script are served from the source tree when the app runs from its
        // build output in any environment (a published app carries them in wwwroot instead).
        builder.WebHost.UseStaticWebAssets();
        AddServices(builder);
        return builder;
    }

    public static void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // A wrong setting stops here, before anything is composed from it; the host checks the
        // final configuration again at start (ValidateOnStart), with what test hosts add.
        _ = FinanceBuilderOptions.Read(builder.Configuration);
        FinanceBuilderOptions.Register(services);
        services.AddFinanceBuilderDatabase();
        // The audit trail writes its events in the same save as the change it records.
        services.AddSingleton<Features.Collaboration.AuditTrail>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<Features.Collaboration.AuditTrail>());
        services.AddSingleton<Features.Admin.Audit.PrivilegedActionTrail>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<Features.Admin.Audit.PrivilegedActionTrail>());
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ProposalUpgrader>();
        services.AddSingleton<ProposalReader>();
        services.AddSingleton(_ => RuleSettings.Default);
        services.AddSingleton<RuleCatalogue>();
        services.AddSingleton<ProposalValidation>();
        services.AddSingleton<Features.Proposals.ParsedProposals.Store>();
        services.AddScoped<Features.Proposals.ParsedProposals>();
        services.AddSingleton<Features.Documents.TemplatePacks>();
        services.AddSingleton<Features.Proposals.IDocumentsLanguage, Features.Documents.Packages.PackDocumentsLanguage>();
        services.AddSingleton<Features.EntityDirectory.AeDirectory>();
        services.AddSingleton<Features.Documents.Packages.PackageBuilder>();
        // Annex files: the store FinanceBuilder:Annexes:Store names, chosen when first needed.
        services.AddSingleton<Storage.IBlobStore>(sp =>
            sp.GetRequiredService<IOptions<FinanceBuilderOptions>>().Value is { Annexes.InFolder: true } settings
                ? new Storage.FolderBlobStore(settings.AnnexFolder(Directory.GetCurrentDirectory()))
                : new Storage.DatabaseBlobStore(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<Storage.ContentStore>();
        services.AddScoped<Features.Documents.DocumentPictures>();
        services.AddScoped<Features.Maps.LocationMapSource>();
        services.AddCatalogue();
        services.AddScoped<Features.Monitoring.ReportingReminders>();
        services.AddSingleton<Features.Monitoring.AnnualReportPackage>();
        services.AddHostedService<Features.Monitoring.ReminderService>();
        services.AddScoped<Features.Notifications.NotificationMailer>();
        services.AddScoped<Features.Review.SubmittedDocument>();
        services.AddHostedService<Features.Notifications.NotificationMailerService>();
        services.AddTerritories();
        services.AddScoped<Features.Participation.Public.PublicPostLimit>();
        services.AddScoped<Features.Participation.EvidenceRefresh>();
        services.AddScoped<Storage.AnnexFileCollector>();
        services.AddSingleton(sp => new RequestBodyLimit(sp.GetRequiredService<IOptions<FinanceBuilderOptions>>().Value.Limits.MaxProposalBytes));
        services.AddMediator(options => options.ServiceLifetime = ServiceLifetime.Scoped);
        services.AddProblemDetails();
        services.AddSingleton<RateLimits.SharedRateLimits>();
        services.AddExceptionHandler<DatabaseBusy>();
        services.AddApiDocument();
        services.AddHostedService<StartupTasks>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("ready", tags: ["ready"]);
        services.AddSingleton<GracefulShutdown>();
        services.AddHostedService(sp => sp.GetRequiredService<GracefulShutdown>());
        // The drain (GracefulShutdown) and the requests in progress share the host's stop time.
        services.AddOptions<HostOptions>().Configure<IOptions<FinanceBuilderOptions>>((o, settings) =>
            o.ShutdownTimeout = TimeSpan.FromSeconds(settings.Value.Shutdown.DrainSeconds + settings.Value.Shutdown.TimeoutSeconds));
        // French and Spanish pages keep their letters readable; markup characters are still encoded.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(options =>
            {
                options.RootDirectory = "/Features";
                // Every page needs a signed-in person unless it says [AllowAnonymous].
                options.Conventions.AuthorizeFolder("/", Policies.SignedIn);
            })
            .AddMvcOptions(options =>
            {
                options.Filters.Add<NoHandlerFilter>();
                options.Filters.Add<ProposalWriteFilter>();
                // The address's values first: a form field named "id" must never stand in for the
                // proposal the address names (MVC reads the form before the route by default).
                var route = options.ValueProviderFactories.OfType<Microsoft.AspNetCore.Mvc.ModelBinding.RouteValueProviderFactory>().Single();
                options.ValueProviderFactories.Remove(route);
                options.ValueProviderFactories.Insert(0, route);
            });
        services.AddHttpContextAccessor();
        // Behind a reverse proxy that ends TLS (nginx, IIS, a load balancer), the client's address
        // and scheme come from X-Forwarded-For/-Proto — trusted only from the proxies listed in
        // FinanceBuilder:KnownProxies (loopback by default). Without this, every user would share
        // the proxy's address for the sign-in throttle, and HSTS would never be sent.
        services.AddOptions<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>().Configure<IOptions<FinanceBuilderOptions>>((options, settings) =>
        {
            options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            foreach (var proxy in settings.Value.KnownProxies)
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        });
        builder.AddFinanceBuilderAccounts();
        // PBKDF2 work per password check: Identity's 100,000 by default (a whole sign-in takes
        // about 43 ms on the bench machine). The test suite lowers it, since it signs in hundreds of times; each hash records its own
        // count, so a change never locks anybody out.
        services.AddOptions<Microsoft.AspNetCore.Identity.PasswordHasherOptions>().Configure<IOptions<FinanceBuilderOptions>>((o, settings) =>
            o.IterationCount = settings.Value.Passwords.HashIterations);
        // The antiforgery cookie is not readable by script, never sent by another site, and
        // Secure with the __Host- prefix (T11) except in Development (AccountSetup.SecureCookies).
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = AccountSetup.CookieName(builder, "fb-af");
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = AccountSetup.SecureCookies(builder) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SupportedCultures = [.. Messages.SupportedCultures];
            options.SupportedUICultures = [.. Messages.SupportedCultures];
            options.DefaultRequestCulture = new RequestCulture("en");
            options.ApplyCurrentCultureToResponseHeaders = true;
        });
        // Pages are compressed: a municipality on a slow link downloads a tenth of the HTML. BREACH
        // needs attacker-chosen text reflected beside a secret: a post from another site is
        // refused before anything is reflected (StepPage), and the antiforgery token is encrypted
        // afresh for every response.
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
        });
        services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        // Kestrel's own cap sits above ours so that our limit answers with a problem document.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 64 * 1024 * 1024);
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseCrossSiteRequestGuard();
        app.UseResponseCompression();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization();
        app.UsePlainHttpGuard(Features.Accounts.AccountSetup.SecureCookies(builder));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseTwoStepGate();
        app.UseSharedRateLimits();
        app.UseAuthorization();
        app.UseAntiforgery();
        Features.EntityDirectory.DirectoryMiddleware.UseEntityDirectory(app);
        // Liveness: the process answers (no check). Readiness: it may be given requests.
        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapApiDocument();
        app.MapAccountEndpoints();
        app.MapProposalApi();
        app.MapValidationApi();
        app.MapPackageApi();
        app.MapLanguageSwitch();
        app.MapOpenData();
        app.MapPublicApi();
        app.MapIndicatorOpenData();
        app.MapTerritoryApi();
        app.MapRazorPages();
        return app;
    }
}
