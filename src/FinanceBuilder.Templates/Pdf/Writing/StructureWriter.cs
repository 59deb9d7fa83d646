using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FinanceBuilder.Templates.Pdf.Writing;

/// <summary>
/// Writes the structure tree after the file PDFsharp saved, as an incremental update (PDF
/// 7.5.6): the elements, the parent tree, and the StructTreeRoot in place of the empty object
/// the catalog already points at. PDFsharp's writer took about as long for these two thousand
/// small objects as for all the rest of the file; written here they cost well under a
/// millisecond (decision 0026).
/// </summary>
internal static partial class StructureWriter
{
    /// <summary>
    /// Appends the tree to <paramref name="saved"/> (a complete PDF). <paramref name="root"/> is
    /// the object number of the catalog's /StructTreeRoot; <paramref name="pages"/> the object
    /// number of each page, whose /StructParents is its index.
    /// </summary>
    public static void Append(MemoryStream saved, StructureTree tree, int root, IReadOnlyList<int> pages)
    {
        var trailer = Trailer.Read(saved);
        var next = trailer.Size;
        Number(tree.Document, ref next);
        var parentTree = next++;

        // Everything written is ASCII (text strings beyond it are hex), so a character is a byte.
        var body = new StringBuilder();
        var written = new List<(int Number, string Text)>
        {
            (root, $"<</Type/StructTreeRoot/K {tree.Document.Number} 0 R/ParentTree {parentTree} 0 R/ParentTreeNextKey {pages.Count}>>"),
        };
        Elements(tree.Document, root, pages, written, body);
        body.Clear().Append("<</Nums[");
        for (var page = 0; page < pages.Count; page++)
        {
            body.Append(CultureInfo.InvariantCulture, $"{page}[");
            if (page < tree.Marks.Count)
            {
                foreach (var element in tree.Marks[page])
                    body.Append(CultureInfo.InvariantCulture, $"{element.Number} 0 R ");
            }
            body.Append(']');
        }
        body.Append("]>>");
        written.Add((parentTree, body.ToString()));

        using var update = new MemoryStream();
        var position = saved.Length;
        var entries = new SortedDictionary<int, long>();
        Write(update, "\n", ref position);
        foreach (var (number, content) in written)
        {
            entries[number] = position;
            Write(update, $"{number} 0 obj\n{content}\nendobj\n", ref position);
        }
        var xref = position;
        var table = new StringBuilder("xref\n");
        // Subsections of consecutive numbers: the root alone, then the new objects.
        var numbers = entries.Keys.ToList();
        for (var i = 0; i < numbers.Count;)
        {
            var j = i;
            while (j + 1 < numbers.Count && numbers[j + 1] == numbers[j] + 1)
                j++;
            table.Append(CultureInfo.InvariantCulture, $"{numbers[i]} {j - i + 1}\n");
            for (var k = i; k <= j; k++)
                table.Append(CultureInfo.InvariantCulture, $"{entries[numbers[k]]:D10} 00000 n\r\n");
            i = j + 1;
        }
        table.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {next}/Root {trailer.Root}/Prev {trailer.StartXref}{trailer.Rest}>>\nstartxref\n{xref}\n%%EOF\n");
        Write(update, table.ToString(), ref position);
        update.Position = 0;
        saved.Seek(0, SeekOrigin.End);
        update.CopyTo(saved);
    }

    private static void Write(MemoryStream stream, string ascii, ref long position)
    {
        var bytes = Encoding.ASCII.GetBytes(ascii);
        stream.Write(bytes);
        position += bytes.Length;
    }

    /// <summary>Gives each element, depth first, the next object number.</summary>
    private static void Number(StructureElement element, ref int next)
    {
        element.Number = next++;
        foreach (var kid in element.Kids)
        {
            if (kid is StructureElement child)
                Number(child, ref next);
        }
    }

    private static void Elements(StructureElement element, int root, IReadOnlyList<int> pages, List<(int, string)> written, StringBuilder body)
    {
        body.Clear();
        body.Append("<</Type/StructElem/S/").Append(element.Tag);
        body.Append(CultureInfo.InvariantCulture, $"/P {element.Parent?.Number ?? root} 0 R");
        // The page of its first marked content is the element's own: its MCIDs there are plain numbers.
        var home = -1;
        foreach (var kid in element.Kids)
        {
            if (kid is MarkedContent mark)
            {
                home = mark.Page;
                break;
            }
        }
        if (home >= 0)
            body.Append(CultureInfo.InvariantCulture, $"/Pg {pages[home]} 0 R");
        if (element.Alternative is { } alternative)
            body.Append("/Alt ").Append(TextString(alternative));
        if (element.Box is { } box)
            body.Append(CultureInfo.InvariantCulture, $"/A<</O/Layout/BBox[{box[0]:0.##} {box[1]:0.##} {box[2]:0.##} {box[3]:0.##}]>>");
        body.Append("/K");
        if (element.Kids.Count == 1 && element.Kids[0] is MarkedContent only)
        {
            body.Append(CultureInfo.InvariantCulture, $" {only.Mcid}");
        }
        else
        {
            body.Append('[');
            foreach (var kid in element.Kids)
            {
                switch (kid)
                {
                    case StructureElement child:
                        body.Append(CultureInfo.InvariantCulture, $"{child.Number} 0 R ");
                        break;
                    case MarkedContent mark when mark.Page == home:
                        body.Append(CultureInfo.InvariantCulture, $"{mark.Mcid} ");
                        break;
                    case MarkedContent mark:
                        body.Append(CultureInfo.InvariantCulture, $"<</Type/MCR/Pg {pages[mark.Page]} 0 R/MCID {mark.Mcid}>> ");
                        break;
                }
            }
            body.Append(']');
        }
        body.Append(">>");
        written.Add((element.Number, body.ToString()));
        foreach (var kid in element.Kids)
        {
            if (kid is StructureElement child)
                Elements(child, root, pages, written, body);
        }
    }

    /// <summary>A PDF text string: literal when plain ASCII, else UTF-16BE in hex with its byte-order mark.</summary>
    internal static string TextString(string text)
    {
        if (text.All(c => c is >= ' ' and <= '~'))
            return "(" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal) + ")";
        var hex = new StringBuilder(text.Length * 4 + 6).Append("<FEFF");
        foreach (var c in text)
            hex.Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        return hex.Append('>').ToString();
    }

    /// <summary>What the last trailer of the saved file says: the next free number, the catalog, where its table is, and the rest (/Info, /ID) to carry over.</summary>
    private readonly record struct Trailer(int Size, string Root, long StartXref, string Rest)
    {
        public static Trailer Read(MemoryStream saved)
        {
            var length = (int)Math.Min(saved.Length, 2048);
            var tail = Encoding.Latin1.GetString(saved.GetBuffer(), (int)saved.Length - length, length);
            var trailer = tail.LastIndexOf("trailer", StringComparison.Ordinal);
            var startxref = tail.LastIndexOf("startxref", StringComparison.Ordinal);
            if (trailer < 0 || startxref < trailer)
                throw new InvalidDataException("The saved PDF has no trailer to update.");
            var dictionary = tail[trailer..startxref];
            var size = SizeEntry().Match(dictionary);
            var rootEntry = RootEntry().Match(dictionary);
            var xref = XrefOffset().Match(tail, startxref);
            if (!size.Success || !rootEntry.Success || !xref.Success)
                throw new InvalidDataException("The saved PDF's trailer cannot be read.");
            var info = InfoEntry().Match(dictionary);
            var id = IdEntry().Match(dictionary);
            // The file's first identifier stays; the second names this version of it (PDF 14.4).
            var rest = (info.Success ? "/Info " + info.Groups[1].Value : "")
                + (id.Success ? $"/ID[<{id.Groups[1].Value}><{Convert.ToHexString(Guid.NewGuid().ToByteArray())}>]" : "");
            return new Trailer(int.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture), rootEntry.Groups[1].Value,
                long.Parse(xref.Groups[1].Value, CultureInfo.InvariantCulture), rest);
        }
    }

    [GeneratedRegex(@"/Size\s+(\d+)")]
    private static partial Regex SizeEntry();

    [GeneratedRegex(@"/Root\s+(\d+\s+\d+\s+R)")]
    private static partial Regex RootEntry();

    [GeneratedRegex(@"/Info\s+(\d+\s+\d+\s+R)")]
    private static partial Regex InfoEntry();

    [GeneratedRegex(@"/ID\s*\[\s*<([0-9A-Fa-f]*)>[^\]]*\]")]
    private static partial Regex IdEntry();

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex XrefOffset();
}
