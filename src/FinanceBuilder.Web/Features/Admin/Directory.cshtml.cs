using System.Globalization;
using System.Text;
using FinanceBuilder.Web.Data;
using FinanceBuilder.Web.Features.Accounts;
using FinanceBuilder.Web.Features.EntityDirectory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Features.Admin;

/// The accredited-entity directory the wizard offers (docs/directory.md): a platform
/// administrator replaces it with a checked CSV of the same shape, or goes back to the list
/// shipped with the app. Every change is kept, with who made it and when.
[Authorize(Policy = Policies.PlatformAdmin)]
[RequestSizeLimit(DirectoryCsv.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = DirectoryCsv.MaxBytes + 64 * 1024, ValueCountLimit = 20)]
public sealed class AdminDirectoryPage(FinanceBuilderDbContext db, AeDirectory directory, TimeProvider clock) : PageModel
{
    public const string Path = "/admin/directory";
    private const int HistoryShown = 20;

    public sealed record Change(DateTime At, string UserName, string Action, string? FileName, int EntryCount);

    public DirectorySnapshot Current { get; private set; } = AeDirectory.Shipped;
    public IReadOnlyList<Change> History { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Notice { get; private set; }
    public CultureInfo Culture => CultureInfo.CurrentUICulture;

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Notice = done switch
        {
            "uploaded" => DirectoryText.Texts["Admin.Uploaded"],
            "reset" => DirectoryText.Texts["Admin.WasReset"],
            _ => null,
        };
        await LoadAsync(ct);
    }

    /// The current list as a CSV, to edit and upload again.
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var latest = await db.DirectoryVersions.AsNoTracking().OrderByDescending(v => v.Id).FirstOrDefaultAsync(ct);
        var text = latest is { Csv: { } csv } ? csv : Shipped();
        return File(Encoding.UTF8.GetBytes(text), "text/csv; charset=utf-8", "accredited-entities.csv");
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
            return await RefuseAsync([DirectoryText.Texts["Admin.NoFile"]], ct);
        if (file.Length > DirectoryCsv.MaxBytes)
            return await RefuseAsync([DirectoryText.Texts["Admin.TooLarge", DirectoryCsv.MaxBytes / 1024]], ct);
        string text;
        using (var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true)))
        {
            try
            {
                text = await reader.ReadToEndAsync(ct);
            }
            catch (DecoderFallbackException)
            {
                return await RefuseAsync([DirectoryText.Texts["Admin.NotUtf8"]], ct);
            }
        }
        var read = DirectoryCsv.Read(text, Culture);
        if (!read.IsValid)
            return await RefuseAsync(read.Errors, ct);
        var name = System.IO.Path.GetFileName(file.FileName);
        await SaveAsync("upload", name.Length > 200 ? name[..200] : name, read.Entries.Count, text, ct);
        return Redirect(Path + "?done=uploaded");
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        await SaveAsync("reset", null, AeDirectory.Shipped.Entries.Count, null, ct);
        return Redirect(Path + "?done=reset");
    }

    private async Task SaveAsync(string action, string? fileName, int count, string? csv, CancellationToken ct)
    {
        var access = db.Access;
        db.DirectoryVersions.Add(new DirectoryVersion
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = access.UserId,
            UserName = access.UserName.Length > 200 ? access.UserName[..200] : access.UserName,
            Action = action,
            FileName = fileName,
            EntryCount = count,
            Csv = csv,
        });
        await db.SaveChangesAsync(ct);
    }

    private async Task<IActionResult> RefuseAsync(IReadOnlyList<string> errors, CancellationToken ct)
    {
        Errors = errors;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Current = await directory.ReadAsync(db, ct);
        History = await db.DirectoryVersions.AsNoTracking().OrderByDescending(v => v.Id).Take(HistoryShown)
            .Select(v => new Change(v.At, v.UserName, v.Action, v.FileName, v.EntryCount)).ToListAsync(ct);
    }

    private static string Shipped()
    {
        using var stream = typeof(AeDirectory).Assembly.GetManifestResourceStream("FinanceBuilder.Web.accredited-entities.csv")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
