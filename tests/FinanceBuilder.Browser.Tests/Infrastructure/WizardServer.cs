using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FinanceBuilder.Web.Data.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FinanceBuilder.Browser.Tests.Infrastructure;

/// The real application on a real Kestrel port, for a real browser: on its own SQLite file, or —
/// when the run provides FB_TEST_POSTGRES (test.sh's PostgreSQL leg) — on a PostgreSQL database
/// created for the run (the app migrates it at start, as a new server does) and dropped after.
public sealed class WizardServer : WebApplicationFactory<Program>
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("fb-browser-").FullName;
    private readonly string? adminConnection = Environment.GetEnvironmentVariable("FB_TEST_POSTGRES") is { Length: > 0 } admin ? admin : null;
    private readonly string databaseName = "fb_browser_" + Guid.NewGuid().ToString("N");

    public const string Password = "a long test phrase for signing in";
    public const string DefaultEditor = "editor@workspace.test";

    public WizardServer()
    {
        if (adminConnection is not null)
            Postgres($"CREATE DATABASE \"{databaseName}\"");
        // HTTPS with a certificate made for the run, so that the Secure `__Host-` cookies work
        // as they do in production (the browser is told to accept the certificate).
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(SelfSignedCertificate())));
        StartServer();
        CreateUser(DefaultEditor, FinanceBuilder.Web.Data.AccessScope.WorkspaceOrganisationId, MemberRole.Editor);
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    public string BaseUrl { get; }

    /// An account made the way the app makes them (UserManager: hashed, checked password).
    public Guid CreateUser(string email, Guid organisationId, MemberRole role, bool platformAdmin = false)
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<FinanceBuilder.Web.Data.AccessScope>().ActAsSystem();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var user = new UserAccount { Id = Guid.NewGuid(), UserName = email, Email = email, DisplayName = email.Split('@')[0], OrganisationId = organisationId, Role = role, IsPlatformAdmin = platformAdmin, CreatedAt = DateTime.UtcNow };
        var result = users.CreateAsync(user, Password).GetAwaiter().GetResult();
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        return user.Id;
    }

    public Guid CreateOrganisation(string name, OrganisationKind kind)
    {
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<FinanceBuilder.Web.Data.AccessScope>().ActAsSystem();
        var db = scope.ServiceProvider.GetRequiredService<FinanceBuilder.Web.Data.FinanceBuilderDbContext>();
        var organisation = new FinanceBuilder.Web.Data.OrganisationRecord { Id = Guid.NewGuid(), Name = name, Kind = kind, CreatedAt = DateTime.UtcNow };
        db.Organisations.Add(organisation);
        db.SaveChanges();
        return organisation.Id;
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("FinanceBuilder:DataDirectory", dataDirectory);
        builder.UseSetting("ConnectionStrings:Postgres", adminConnection is null ? ""
            : new Npgsql.NpgsqlConnectionStringBuilder(adminConnection) { Database = databaseName }.ToString());
        builder.UseSetting("FinanceBuilder:LoadDemoWorkspace", "false");
        builder.UseSetting("FinanceBuilder:Passwords:HashIterations", "1000");
        builder.UseSetting("FinanceBuilder:TwoFactor:RequiredForPlatformAdmins", "false");
        // The stylesheet and script as the source tree has them (a test run does not publish).
        builder.UseWebRoot(SourceWebRoot());
    }

    private static string SourceWebRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "FinanceBuilder.Web", "wwwroot");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException("src/FinanceBuilder.Web/wwwroot not found above " + AppContext.BaseDirectory);
    }

    /// Runs one statement on the cluster's administrative connection.
    private void Postgres(string sql)
    {
        using var connection = new Npgsql.NpgsqlConnection(adminConnection);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && adminConnection is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            Postgres($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)");
        }
        if (disposing)
        {
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the file for a moment; the folder is in /tmp.
            }
        }
    }
}
