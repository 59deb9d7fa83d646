namespace FinanceBuilder.Templates.Pdf.Layout;

/// <summary>A word of a paragraph: its pieces, whether a space follows and whether a hard line break does.</summary>
/// <param name="Pieces">The word's pieces (more than one when fonts or emphasis change inside it).</param>
/// <param name="Width">The width of the word without its space.</param>
/// <param name="SpaceWidth">The width of the space after it.</param>
/// <param name="Space">Whether a space follows (a line may break here).</param>
/// <param name="Break">Whether a hard line break ("\n") follows.</param>
/// <param name="Rtl">Whether the word is right-to-left (Hebrew, Arabic): its letters are already in visual order, and a run of such words is drawn from right to left.</param>
internal readonly record struct Word(Piece[] Pieces, double Width, double SpaceWidth, bool Space, bool Break, bool Rtl = false);

/// <summary>One line of words: <c>[Start, End)</c> of the word list, its natural width and whether it is justified.</summary>
internal readonly record struct Line(int Start, int End, double Width);
