using System.Text;

namespace FinanceBuilder.Templates.Text;

/// <summary>
/// Arabic letters in the form their neighbours call for (isolated, final, initial, medial) and the
/// lam-alef ligatures, written as Unicode's presentation forms. PDFsharp and Skia draw characters
/// one by one with no shaping engine, so without this every Arabic letter would stand apart. The
/// fonts we use (DejaVu Sans) carry the presentation forms; text extraction still reads them as
/// the letters. Works on text in logical order; the caller puts it in visual order afterwards.
/// </summary>
public static class ArabicForms
{
    // Joining of each letter: 'R' joins only to the letter before it (alef, dal, reh, waw…),
    // 'D' to both sides; absent letters do not join (hamza, Latin, digits, spaces).
    // Forms: isolated, final, initial, medial (initial and medial 0 for right-joining letters).
    private static readonly Dictionary<char, (char Joining, char Isolated, char Final, char Initial, char Medial)> Letters = Build();

    private static Dictionary<char, (char, char, char, char, char)> Build()
    {
        var table = new Dictionary<char, (char, char, char, char, char)>();
        void R(char letter, int isolated) => table[letter] = ('R', (char)isolated, (char)(isolated + 1), '\0', '\0');
        void D(char letter, int isolated) => table[letter] = ('D', (char)isolated, (char)(isolated + 1), (char)(isolated + 2), (char)(isolated + 3));
        R('\u0622', 0xFE81); R('\u0623', 0xFE83); R('\u0624', 0xFE85); R('\u0625', 0xFE87);
        D('\u0626', 0xFE89); R('\u0627', 0xFE8D); D('\u0628', 0xFE8F); R('\u0629', 0xFE93);
        D('\u062A', 0xFE95); D('\u062B', 0xFE99); D('\u062C', 0xFE9D); D('\u062D', 0xFEA1);
        D('\u062E', 0xFEA5); R('\u062F', 0xFEA9); R('\u0630', 0xFEAB); R('\u0631', 0xFEAD);
        R('\u0632', 0xFEAF); D('\u0633', 0xFEB1); D('\u0634', 0xFEB5); D('\u0635', 0xFEB9);
        D('\u0636', 0xFEBD); D('\u0637', 0xFEC1); D('\u0638', 0xFEC5); D('\u0639', 0xFEC9);
        D('\u063A', 0xFECD); D('\u0641', 0xFED1); D('\u0642', 0xFED5); D('\u0643', 0xFED9);
        D('\u0644', 0xFEDD); D('\u0645', 0xFEE1); D('\u0646', 0xFEE5); D('\u0647', 0xFEE9);
        R('\u0648', 0xFEED); R('\u0649', 0xFEEF); D('\u064A', 0xFEF1);
        // Persian and Urdu letters (presentation forms A).
        D('\u067E', 0xFB56); D('\u0686', 0xFB7A); R('\u0698', 0xFB8A); D('\u06A9', 0xFB8E);
        D('\u06AF', 0xFB92); D('\u06CC', 0xFBFC);
        table['\u0640'] = ('D', '\u0640', '\u0640', '\u0640', '\u0640'); // tatweel joins, keeps its shape
        return table;
    }

    /// <summary>Lam followed by one of these alefs becomes one ligature: isolated, then final.</summary>
    private static readonly Dictionary<char, char> LamAlef = new()
    {
        ['\u0622'] = '\uFEF5',
        ['\u0623'] = '\uFEF7',
        ['\u0625'] = '\uFEF9',
        ['\u0627'] = '\uFEFB',
    };

    /// <summary>Whether the text holds an Arabic letter this class shapes.</summary>
    public static bool Applies(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u0621' and <= '\u06FF')
                return true;
        }
        return false;
    }

    /// <summary>The text with its Arabic letters in their joined forms (logical order kept).</summary>
    public static string Shape(string text)
    {
        if (!Applies(text))
            return text;
        var output = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!Letters.TryGetValue(c, out var letter))
            {
                output.Append(c);
                continue;
            }
            var before = Neighbour(text, i, -1);
            var joinsBefore = before >= 0 && Letters.TryGetValue(text[before], out var b) && b.Joining == 'D';
            var after = Neighbour(text, i, +1);
            if (c == '\u0644' && after >= 0 && LamAlef.TryGetValue(text[after], out var ligature))
            {
                output.Append(joinsBefore ? (char)(ligature + 1) : ligature);
                output.Append(text, i + 1, after - i - 1); // marks between lam and alef stay
                i = after;
                continue;
            }
            var joinsAfter = letter.Joining == 'D' && after >= 0 && Letters.ContainsKey(text[after]);
            output.Append((joinsBefore, joinsAfter) switch
            {
                (true, true) => letter.Medial,
                (true, false) => letter.Final,
                (false, true) => letter.Initial,
                _ => letter.Isolated,
            });
        }
        return output.ToString();
    }

    /// <summary>The index of the nearest letter on one side, skipping the marks that sit on letters
    /// (harakat, superscript alef), or -1.</summary>
    private static int Neighbour(string text, int i, int step)
    {
        for (var j = i + step; j >= 0 && j < text.Length; j += step)
        {
            if (!IsMark(text[j]))
                return j;
        }
        return -1;
    }

    private static bool IsMark(char c) => c is >= '\u064B' and <= '\u065F' or '\u0670' or >= '\u06D6' and <= '\u06ED';
}
