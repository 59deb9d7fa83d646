using Microsoft.AspNetCore.Mvc;

namespace FinanceBuilder.Web.Features.Monitoring;

/// The file of an annual report's package a reader asked for (?file=zip|pdf|docx|xlsx|json,
/// ?lang=en|fr), for the team's round page and the donor's alike. Generating changes nothing
/// stored, so it is a GET; an unknown file or language is answered with the zip in English
/// rather than an error, as the package page does.
public static class AnnualReportDownload
{
    public static readonly string[] Files = ["zip", "pdf", "docx", "xlsx", "json"];

    public static IActionResult File(AnnualReportPackage packages, AnnualReport report, string? file, string? lang)
    {
        if (packages.Pack is null)
            return new ObjectResult(MonitoringText.Texts["Apr.Missing"]) { StatusCode = StatusCodes.Status503ServiceUnavailable };
        var built = packages.Build(report, lang is "fr" ? "fr" : "en");
        var chosen = file is not null && Files.Contains(file) ? file : "zip";
        var content = chosen == "zip" ? built.Zip : built.Files.First(f => f.Kind == chosen);
        return new FileContentResult(content.Content, content.ContentType) { FileDownloadName = content.Name };
    }
}
