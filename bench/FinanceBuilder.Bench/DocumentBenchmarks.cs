using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using FinanceBuilder.Templates.Content;
using FinanceBuilder.Templates.Docx;
using FinanceBuilder.Templates.Html;
using FinanceBuilder.Templates.Packs;
using FinanceBuilder.Templates.Pdf;
using FinanceBuilder.Templates.Rendering;
using FinanceBuilder.Web.Features.Documents;
using FinanceBuilder.Web.Features.Documents.Packages;
using FinanceBuilder.Web.Proposals.Json;
using FinanceBuilder.Web.Rules;
using Microsoft.Extensions.Logging.Abstractions;

namespace FinanceBuilder.Bench;

/// Issue 5's figures, in one run: our PDF, our DOCX and the whole package for the largest sample
/// in the funding-proposal pack, next to what a user would otherwise get — the HTML preview printed
/// to PDF by headless Chromium, and our DOCX converted to PDF by LibreOffice.
///   dotnet run -c Release --project bench/FinanceBuilder.Bench -- --filter '*DocumentBenchmarks*' --job short
[MemoryDiagnoser]
[GcServer(true)] // as the app runs (an ASP.NET Core app uses the server collector)
public class DocumentBenchmarks : IDisposable
{
    public const string Pack = "gcf-funding-proposal";
    public const string Sample = "crosscutting-cuenca-watershed-bus.json";

    private readonly string folder = Directory.CreateTempSubdirectory("fb-bench-").FullName;
    private ContentDocument document = new([]);
    private DocumentInfo info = null!;
    private PackageBuilder builder = null!;
    private string json = "";
    private string htmlPath = "";
    private string docxPath = "";

    /// Pages of the benchmarked document, printed once so pages per second can be computed.
    public static int Pages { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", Sample));
        var proposal = new ProposalReader().Read(System.Text.Encoding.UTF8.GetBytes(json), CultureInfo.InvariantCulture).Proposal!;
        var packs = Packs();
        document = DocumentModel.Document(packs.Packs[Pack], proposal, new ProposalValidation(new RuleCatalogue(RuleSettings.Default)).Validate(proposal), "en");
        info = new DocumentInfo { Title = proposal.Basics.Title ?? "", Author = "FinanceBuilder", Language = "en", Header = proposal.Basics.Title ?? "", Labels = DocumentLabels.English, Created = DateTimeOffset.UnixEpoch };
        builder = new PackageBuilder(packs, new ProposalReader(), new ProposalValidation(new RuleCatalogue(RuleSettings.Default)), TimeProvider.System, NullLogger<PackageBuilder>.Instance);

        var pdf = new MemoryStream();
        Pages = PdfRenderer.Render(document, info, DocumentTheme.Default, pdf);
        Console.WriteLine($"// document: {Pages} pages, {pdf.Length / 1024} KiB PDF");

        htmlPath = Path.Combine(folder, "preview.html");
        File.WriteAllText(htmlPath, PrintableHtml(HtmlRenderer.Render(document, CultureInfo.GetCultureInfo("en"))));
        docxPath = Path.Combine(folder, "proposal.docx");
        using (var docx = File.Create(docxPath))
            DocxRenderer.Render(document, info, DocumentTheme.Default, docx);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(folder, recursive: true);

    public void Dispose()
    {
        builder?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "our PDF (PDFsharp + layout)")]
    public long Pdf()
    {
        var output = new MemoryStream();
        PdfRenderer.Render(document, info, DocumentTheme.Default, output);
        return output.Length;
    }

    [Benchmark(Description = "our DOCX (OpenXml)")]
    public long Docx()
    {
        var output = new MemoryStream();
        DocxRenderer.Render(document, info, DocumentTheme.Default, output);
        return output.Length;
    }

    [Benchmark(Description = "whole package (zip: PDF, DOCX, XLSX, JSON, report)")]
    public long Package() => builder.BuildAsync(json, Pack, "en", CultureInfo.InvariantCulture, CancellationToken.None).GetAwaiter().GetResult().Package!.Zip.Content.Length;

    [Benchmark(Description = "alternative: Chromium prints the HTML preview")]
    public int Chromium() => Run("chromium", $"--headless --no-sandbox --disable-gpu --no-first-run --user-data-dir={folder}/chromium --no-pdf-header-footer --print-to-pdf={folder}/chromium.pdf file://{htmlPath}");

    [Benchmark(Description = "alternative: LibreOffice converts our DOCX")]
    public int LibreOffice() => Run("soffice", $"-env:UserInstallation=file://{folder}/lo --headless --convert-to pdf --outdir {folder}/lo-out {docxPath}");

    internal static TemplatePacks Packs()
    {
        var templates = Path.Combine(AppContext.BaseDirectory, "templates");
        return new TemplatePacks(Microsoft.Extensions.Options.Options.Create(new FinanceBuilder.Web.Configuration.FinanceBuilderOptions { TemplatesDirectory = templates }), NullLogger<TemplatePacks>.Instance);
    }

    private static int Run(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} exited {process.ExitCode}");
        return process.ExitCode;
    }

    /// The preview with print styles close to our PDF's (A4, margins, Arial-like font, tables).
    private static string PrintableHtml(string body) => $$"""
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>preview</title><style>
        @page { size: A4; margin: 25mm 22mm 25mm 25mm; }
        body { font: 11pt/1.3 Arial, "Liberation Sans", "DejaVu Sans", sans-serif; text-align: justify; }
        table { border-collapse: collapse; width: 100%; font-size: 9.5pt; } th, td { border: 1px solid #9FB3C8; padding: 3pt; }
        thead { display: table-header-group; } th { background: #DCE6F0; }
        hr.page-break { break-after: page; border: 0; } h1, h2, h3 { color: #1F4E79; break-after: avoid; }
        figure.chart svg { width: 100%; height: auto; }
        </style></head><body>{{body}}</body></html>
        """;
}
