using System.CommandLine;
using System.Text.Json;
using FinanceBuilder.Web.Cli.Batch;
using FinanceBuilder.Web.Features.Documents;
using FinanceBuilder.Web.Features.Documents.Packages;
using FinanceBuilder.Web.Rules;

namespace FinanceBuilder.Web.Cli.Commands;

/// package <file|folder|id>… [--template] [--lang] [--out] — the funding package of each proposal,
/// the same as the web page and the API. One proposal: its files in the output folder. Several:
/// each in a folder of its own named after its file (or id), one line per proposal, a summary.
/// A proposal with error-level findings gets a draft package and exit status 1.
internal static class PackageCommand
{
    public static Command Create(CliSession session, Option<string?> lang)
    {
        var inputs = CliOptions.Inputs(session, "Cli.Help.PackageInputs");
        var template = new Option<string?>("--template") { Description = session.Text("Cli.Help.Template"), HelpName = "pack" };
        var output = new Option<string?>("--out", "-o") { Description = session.Text("Cli.Help.Out"), HelpName = "folder" };
        var format = CliOptions.Format(session, CliFormats.Text, CliFormats.Json, CliFormats.JsonLines);
        var jobs = CliOptions.Jobs(session);
        var actAs = CliOptions.As(session);
        var command = new Command("package", session.Text("Cli.Help.Package")) { inputs, template, output, format, jobs, actAs };
        command.SetAction(async (parse, ct) =>
        {
            await using var host = new CliHost(session);
            var packs = host.Services.GetRequiredService<TemplatePacks>();
            var pack = parse.GetValue(template);
            var language = parse.GetValue(lang);
            // A wrong choice is the command line's, not a proposal's: said once, before any work.
            if (pack is not null && !packs.Packs.ContainsKey(pack))
                throw new CliException(ExitCodes.Usage, session.Text("UnknownValue", "--template", pack, string.Join(", ", packs.Packs.Keys.Order(StringComparer.Ordinal))));
            var run = new Run(session, host, pack, language, Path.GetFullPath(parse.GetValue(output) ?? "."), parse.GetValue(actAs));
            var found = BatchInput.Expand(parse.GetValue(inputs)!, session, out var several);
            BatchInput.RequireAccount(found, parse.GetValue(actAs), session);
            var shape = parse.GetValue(format)!;
            if (!several)
                return await run.OneAsync(found[0], shape, ct);
            var folders = BatchInput.FolderNames(found);
            return await BatchRun.RunAsync(found, parse.GetValue(jobs), (input, token) => run.BuildAsync(input, Path.Combine(run.Folder, folders[input]), token),
                new BatchWriter(session, shape, Detail(session)), ct);
        });
        return command;
    }

    /// A line's words after its status: the zip, its pages and words.
    private static Func<BatchLine, string> Detail(CliSession session) => line =>
        $"{line.Package!.Zip}\t{session.Count("Cli.Pages", line.Package.Pages)}, {session.Count("Cli.Words", line.Package.Words)}";

    private sealed class Run(CliSession session, CliHost host, string? pack, string? language, string folder, string? actAs)
    {
        public string Folder => folder;

        /// Builds one proposal's package and writes its files into <paramref name="into"/>.
        public async Task<BatchLine> BuildAsync(BatchInput input, string into, CancellationToken ct)
        {
            await using var source = await ProposalSource.OpenAsync(input, host, actAs, session, ct);
            // A file's claims of attached files it does not carry are dropped, so the manifest
            // lists only what is there; a stored proposal brings its files and pictures.
            var json = source.Scope is null ? Storage.AttachedFiles.WithoutFiles(source.Json) : source.Json;
            var pictures = source.Scope?.ServiceProvider.GetRequiredService<DocumentPictures>();
            var (package, problem) = await host.Services.GetRequiredService<PackageBuilder>().BuildAsync(json, pack, language, session.Culture, ct, pictures);
            if (package is null)
                return BatchLine.Failed(input, problem!.Status == StatusCodes.Status400BadRequest ? ExitCodes.Usage : ExitCodes.BadInput, problem.Message);
            Directory.CreateDirectory(into);
            var written = new List<string>();
            foreach (var file in package.Files)
            {
                var path = Path.Combine(into, file.Name);
                await File.WriteAllBytesAsync(path, file.Content, ct);
                written.Add(path);
            }
            var zip = Path.Combine(into, package.Zip.Name);
            if (package.Annexes.Count > 0 && source.Scope is { } scope && input.Id is { } id)
            {
                var download = await PackageDownload.OfProposalAsync(package, id,
                    scope.ServiceProvider.GetRequiredService<Data.FinanceBuilderDbContext>(), scope.ServiceProvider.GetRequiredService<Storage.ContentStore>(), ct);
                await using var stream = File.Create(zip);
                await download.WriteAsync(stream, ct);
            }
            else
            {
                await File.WriteAllBytesAsync(zip, package.Zip.Content, ct);
            }
            // Draft exactly when the package's own report has errors (GeneratedPackage.Draft).
            return BatchLine.Checked(input, package.Report, package: new PackageOutput(into, zip, written, package.Draft, package.Pages, package.Words));
        }

        /// One proposal alone: each path written, then whether it is a draft (text); its line (json, jsonl).
        public async Task<int> OneAsync(BatchInput input, string format, CancellationToken ct)
        {
            if (input.Problem is { } problem)
                return session.Fail(ExitCodes.BadInput, $"{input.Name}: {problem}");
            var line = await BuildAsync(input, folder, ct);
            if (line.Package is not { } written)
                return session.Fail(line.ExitCode, $"{input.Name}: {line.Message}");
            switch (format)
            {
                case CliFormats.Json:
                    await session.Out.WriteLineAsync(JsonSerializer.Serialize(line, Features.Validation.ValidationReportView.JsonOptions));
                    break;
                case CliFormats.JsonLines:
                    await session.Out.WriteLineAsync(JsonSerializer.Serialize(line, BatchWriter.LineJson));
                    break;
                default:
                    foreach (var path in written.Files.Append(written.Zip))
                        await session.Out.WriteLineAsync(path);
                    await session.Out.WriteLineAsync(session.Text(written.Draft ? "Cli.PackageDraft" : "Cli.PackageClean",
                        session.Count("Cli.Pages", written.Pages), session.Count("Cli.Words", written.Words)));
                    break;
            }
            return line.ExitCode;
        }
    }
}
