using System.Globalization;
using BenchmarkDotNet.Attributes;
using FinanceBuilder.Web.Features.Documents.Packages;
using FinanceBuilder.Web.Proposals.Attachments;
using FinanceBuilder.Web.Proposals.Model;
using FinanceBuilder.Web.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FinanceBuilder.Bench;

/// Issue 15's package figure: the zip of a funding proposal's documents (the largest sample,
/// generated once) with 10 attached files of 5 MB each, read from the database store (SQLite,
/// the app's own services). The app's way (streamed: the zip is written to the response as it is
/// made) against the alternative it replaced (the whole zip made in memory, then sent).
/// The response is Stream.Null: what is measured is making and sending the zip, not a network.
///   dotnet run -c Release --project bench/FinanceBuilder.Bench -- --filter '*PackageAnnexBenchmarks*' --job short
/// The files are random bytes, as incompressible as the scans and photographs annexes are.
[MemoryDiagnoser]
[GcServer(true)] // as the app runs
public class PackageAnnexBenchmarks : IDisposable
{
    private const int Files = 10;
    private const int FileBytes = 5 * 1024 * 1024;

    private readonly DirectoryInfo data = Directory.CreateTempSubdirectory("fb-package-bench-");
    private AutosaveProbe.InMemoryApp app = null!;
    private DatabaseBlobStore store = null!;
    private IReadOnlyList<PackageFile> documents = [];
    private List<PackageAnnex> annexes = [];
    private readonly Dictionary<string, BlobKey> keys = [];

    [GlobalSetup]
    public void Setup()
    {
        app = new AutosaveProbe.InMemoryApp(data.FullName);
        using (var client = app.CreateClient())
            client.GetAsync(new Uri("/health", UriKind.Relative)).GetAwaiter().GetResult().EnsureSuccessStatusCode();
        store = new DatabaseBlobStore(app.Services.GetRequiredService<IServiceScopeFactory>());

        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", DocumentBenchmarks.Sample));
        using var builder = new PackageBuilder(DocumentBenchmarks.Packs(), new FinanceBuilder.Web.Proposals.Json.ProposalReader(),
            new FinanceBuilder.Web.Rules.ProposalValidation(new FinanceBuilder.Web.Rules.RuleCatalogue(FinanceBuilder.Web.Rules.RuleSettings.Default)), TimeProvider.System, NullLogger<PackageBuilder>.Instance);
        documents = builder.BuildAsync(json, DocumentBenchmarks.Pack, "en", CultureInfo.InvariantCulture, CancellationToken.None).GetAwaiter().GetResult().Package!.Files;

        var organisation = Guid.NewGuid();
        var random = new Random(15);
        var row = new Annex { Number = "2", Type = AnnexType.FeasibilityStudy };
        for (var i = 0; i < Files; i++)
        {
            var bytes = new byte[FileBytes];
            random.NextBytes(bytes);
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
            keys[sha] = new BlobKey(organisation, sha);
            store.PutAsync(keys[sha], new MemoryStream(bytes), CancellationToken.None).GetAwaiter().GetResult();
            row.Files.Add(new AttachedFile { Id = Guid.NewGuid().ToString("N"), Name = $"study-{i + 1}.pdf", Kind = FileKind.Pdf, Bytes = FileBytes, Sha256 = sha });
        }
        annexes = PackageAnnexes.Of(new Proposal { Annexes = [row] }).ToList();
    }

    private async Task<Stream> OpenAsync(PackageAnnex annex, CancellationToken ct) =>
        (await store.OpenReadAsync(keys[annex.File.Sha256!], annex.File.Bytes!.Value, ct))!;

    /// The app's way: written to the response as it is made.
    [Benchmark(Baseline = true)]
    public async Task Streamed() =>
        await PackageAnnexes.WriteZipAsync(Stream.Null, documents, annexes, OpenAsync, new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero), CancellationToken.None);

    /// The alternative: the whole zip in memory first, then sent.
    [Benchmark]
    public async Task Buffered()
    {
        using var whole = new MemoryStream();
        await PackageAnnexes.WriteZipAsync(whole, documents, annexes, OpenAsync, new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero), CancellationToken.None);
        whole.Position = 0;
        await whole.CopyToAsync(Stream.Null);
    }

    public void Dispose()
    {
        app?.Dispose();
        data.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }
}
