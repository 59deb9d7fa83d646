using Microsoft.Extensions.Options;

namespace FinanceBuilder.Web.Configuration;

/// Every setting of the "FinanceBuilder" configuration section, bound once and checked at start
/// (FinanceBuilderOptionsValidator): a wrong value stops the app, or the command, with a message
/// naming its key. Features take IOptions&lt;FinanceBuilderOptions&gt;; the few values needed while the
/// app is being composed (cookie security) are read with Read(), the same class and checks.
/// docs/configuration.md lists the keys.
public sealed class FinanceBuilderOptions
{
    public const string Section = "FinanceBuilder";

    /// Folder of the SQLite file and the email outbox; ./data (of the folder the app was started from) when empty.
    public string? DataDirectory { get; set; }

    /// Folder of the template packs; the templates/ shipped next to the program when empty.
    public string? TemplatesDirectory { get; set; }

    /// Address that links in emails and on the console start with (never the request's Host header).
    public string? PublicUrl { get; set; }

    /// Load the sample proposals once into the first organisation at start.
    public bool LoadDemoWorkspace { get; set; } = true;

    /// Reverse proxies whose X-Forwarded-For/-Proto are believed (loopback is always).
    public List<string> KnownProxies { get; set; } = [];

    public CookieSettings Cookies { get; set; } = new();
    public LimitSettings Limits { get; set; } = new();
    public PasswordSettings Passwords { get; set; } = new();
    public SessionSettings Sessions { get; set; } = new();
    public SignInSettings SignIn { get; set; } = new();
    public EmailSettings Email { get; set; } = new();
    public MemorySettings Memory { get; set; } = new();
    public AnnexSettings Annexes { get; set; } = new();
    public CatalogueSettings Catalogue { get; set; } = new();
    public ParticipationSettings Participation { get; set; } = new();
    public DatabaseSettings Database { get; set; } = new();
    public ShutdownSettings Shutdown { get; set; } = new();
    public TwoFactorSettings TwoFactor { get; set; } = new();

    /// Two-step sign-in (Features/Accounts/TwoStep).
    public sealed class TwoFactorSettings
    {
        /// Platform administrators must set up an authenticator app before anything else.
        public bool RequiredForPlatformAdmins { get; set; } = true;
    }

    /// How a node stops (App/GracefulShutdown).
    public sealed class ShutdownSettings
    {
        /// Seconds a stopping node keeps serving while answering "not ready", for the proxy's
        /// health check to take it out; 0 outside a proxy.
        public int DrainSeconds { get; set; }
        /// Seconds the requests in progress get to finish once the node stops accepting new ones.
        public int TimeoutSeconds { get; set; } = 30;
    }

    public sealed class DatabaseSettings
    {
        /// How long a write waits for a lock another writer holds (SQLite's busy_timeout,
        /// PostgreSQL's lock_timeout) before the request answers 503 with Retry-After.
        public int LockWaitMilliseconds { get; set; } = 2000;
    }

    public sealed class CookieSettings
    {
        /// Secure-only `__Host-` cookies; unset means yes except in Development (AccountSetup).
        public bool? Secure { get; set; }
    }

    public sealed class LimitSettings
    {
        public long MaxProposalBytes { get; set; } = 10 * 1024 * 1024;
    }

    /// Uploaded annex files (issue 15, docs/decisions/0018-annex-files.md).
    public sealed class AnnexSettings
    {
        /// Where the files' bytes are kept: "Database" (the app's database, in pieces of 64 KB) or
        /// "Folder" (files under Folder).
        public string Store { get; set; } = "Database";
        /// The folder of the "Folder" store; the data folder's annexes/ when empty.
        public string? Folder { get; set; }
        public int MaxFileMegabytes { get; set; } = 25;
        public int MaxProposalMegabytes { get; set; } = 250;
        /// Space all of an organisation's stored files may take (the same file counts once).
        public int OrganisationQuotaMegabytes { get; set; } = 5120;

        public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;
        public long MaxProposalBytes => MaxProposalMegabytes * 1024L * 1024L;
        public long OrganisationQuotaBytes => OrganisationQuotaMegabytes * 1024L * 1024L;
        public bool InFolder => Store == "Folder";
    }

    /// The public catalogue (issue 16, docs/decisions/0019-public-catalogue.md).
    public sealed class CatalogueSettings
    {
        /// Requests per minute one address may make to the public pages and the public API.
        public int PublicRequestsPerMinute { get; set; } = 300;
    }

    /// The public consultation and grievance forms (docs/decisions/0022-participation.md).
    public sealed class ParticipationSettings
    {
        /// Comments and grievances one network address may post in an hour, counted in the
        /// database so that every node refuses the same flood.
        public int PostsPerAddressPerHour { get; set; } = 10;
        /// Working days to acknowledge a grievance, and calendar days to answer it.
        public int AcknowledgeWorkingDays { get; set; } = 2;
        public int AnswerDays { get; set; } = 30;
    }

    public sealed class MemorySettings
    {
        /// Memory for the proposals kept parsed between saves (Features/Proposals/ParsedProposals).
        public int KeptProposalsMegabytes { get; set; } = 128;
    }

    public sealed class PasswordSettings
    {
        public int HashIterations { get; set; } = 100_000;
    }

    public sealed class SessionSettings
    {
        public int IdleMinutes { get; set; } = 30;
        public int AbsoluteHours { get; set; } = 12;
    }

    public sealed class SignInSettings
    {
        public int FailuresPerAddress { get; set; } = 10;
        public int PostsPerMinute { get; set; } = 120;
        public int MinimumFailureMilliseconds { get; set; } = 400;
    }

    public sealed class EmailSettings
    {
        public int PerAddressPer15Minutes { get; set; } = 10;
    }

    /// The data folder, relative paths resolved against <paramref name="workingDirectory"/> (the
    /// folder the app or command was started from, which `dotnet run` keeps).
    public string DataFolder(string workingDirectory) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(DataDirectory) ? "data" : DataDirectory, workingDirectory);

    public string AnnexFolder(string workingDirectory) =>
        string.IsNullOrWhiteSpace(Annexes.Folder) ? Path.Combine(DataFolder(workingDirectory), "annexes") : Path.GetFullPath(Annexes.Folder, workingDirectory);

    public string TemplatesFolder =>
        string.IsNullOrWhiteSpace(TemplatesDirectory) ? Path.Combine(AppContext.BaseDirectory, "templates") : Path.GetFullPath(TemplatesDirectory);

    /// Binds the section, turning the binder's "cannot convert" into the same exception as the
    /// checks' so that the host and the command line report both alike.
    public static void Bind(FinanceBuilderOptions options, IConfiguration configuration)
    {
        try
        {
            configuration.GetSection(Section).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            throw new OptionsValidationException(Section, typeof(FinanceBuilderOptions), [e.InnerException is { } inner ? $"{e.Message} {inner.Message}" : e.Message]);
        }
    }

    /// Bound and checked now, from the configuration the app is being composed with.
    public static FinanceBuilderOptions Read(IConfiguration configuration)
    {
        var options = new FinanceBuilderOptions();
        Bind(options, configuration);
        var result = new FinanceBuilderOptionsValidator().Validate(null, options);
        if (result.Failed)
            throw new OptionsValidationException(Section, typeof(FinanceBuilderOptions), result.Failures);
        return options;
    }

    /// Registers the options, bound from the final configuration (test hosts add theirs after
    /// the app was composed) and checked when the host starts.
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<FinanceBuilderOptions>, FinanceBuilderOptionsValidator>();
        services.AddOptions<FinanceBuilderOptions>()
            .Configure<IConfiguration>((options, configuration) => Bind(options, configuration))
            .ValidateOnStart();
    }
}
