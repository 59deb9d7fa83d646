using System.IO.Compression;

namespace FinanceBuilder.Web.Tests.Infrastructure;

/// What a response weighs on the wire once gzipped, for the page-size budgets (< 100 KB). The
/// server's own compression level is not asserted: "fastest" is the larger of the two, so a
/// budget met here is met as served.
internal static class Gzip
{
    public static long Length(byte[] content)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(content);
        return packed.Length;
    }

    public static long Length(string text) => Length(System.Text.Encoding.UTF8.GetBytes(text));
}
