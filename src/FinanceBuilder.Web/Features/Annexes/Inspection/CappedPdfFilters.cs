using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace FinanceBuilder.Web.Features.Annexes.Inspection;

/// PdfPig's filters, with a ceiling on what one Flate stream may expand to: a 100 KB PDF can
/// otherwise make the reader allocate gigabytes (a decompression bomb). The size is measured
/// while streaming, before PdfPig decodes the stream itself.
internal sealed class CappedPdfFilters : BaseFilterProvider
{
    public const long MaxStreamBytes = 64L * 1024 * 1024;

    public static readonly CappedPdfFilters Instance = new();

    private CappedPdfFilters()
        : base(Build())
    {
    }

    private static Dictionary<string, IFilter> Build()
    {
        var byType = DefaultFilterProvider.Instance.GetAllFilters().ToDictionary(f => f.GetType().Name);
        var flate = new CappedFlate(byType["FlateFilter"]);
        IFilter Of(string type) => byType[type];
        return new Dictionary<string, IFilter>
        {
            ["FlateDecode"] = flate,
            ["Fl"] = flate,
            ["ASCIIHexDecode"] = Of("AsciiHexDecodeFilter"),
            ["AHx"] = Of("AsciiHexDecodeFilter"),
            ["ASCII85Decode"] = Of("Ascii85Filter"),
            ["A85"] = Of("Ascii85Filter"),
            ["CCITTFaxDecode"] = Of("CcittFaxDecodeFilter"),
            ["CCF"] = Of("CcittFaxDecodeFilter"),
            ["DCTDecode"] = Of("DctDecodeFilter"),
            ["DCT"] = Of("DctDecodeFilter"),
            ["JBIG2Decode"] = Of("Jbig2DecodeFilter"),
            ["JPXDecode"] = Of("JpxDecodeFilter"),
            ["LZWDecode"] = Of("LzwFilter"),
            ["LZW"] = Of("LzwFilter"),
            ["RunLengthDecode"] = Of("RunLengthFilter"),
            ["RL"] = Of("RunLengthFilter"),
        };
    }

    private sealed class CappedFlate(IFilter inner) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            // A zlib header is two bytes; PdfPig tolerates its absence, so measure the raw
            // deflate data after it.
            var offset = input.Length > 2 && (input.Span[0] & 0x0F) == 8 ? 2 : 0;
            try
            {
                using var inflate = new DeflateStream(new MemoryStream(input[offset..].ToArray(), writable: false), CompressionMode.Decompress);
                var buffer = new byte[81_920];
                long total = 0;
                int n;
                while ((n = inflate.Read(buffer)) > 0)
                {
                    if ((total += n) > MaxStreamBytes)
                        throw new RefusedFile("ZipBomb");
                }
            }
            catch (InvalidDataException)
            {
                // Damaged data: PdfPig decides what to make of it.
            }
            return inner.Decode(input, streamDictionary, filterProvider, filterIndex);
        }
    }
}
