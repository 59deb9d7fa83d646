using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FinanceBuilder.Templates.Rendering;

namespace FinanceBuilder.Templates.Docx;

/// <summary>
/// The numbering part: one abstract bullet list and one abstract numbered list, nine levels each,
/// and one list instance per numbered list in the document. Word carries counters across
/// instances of the same abstract list, so each numbered list's instance overrides its start:
/// every numbered list restarts at 1, as in the Markdown. Bulleted lists share one instance.
/// One instance per render; not shared between threads.
/// </summary>
internal sealed class DocxNumbering
{
    private const int BulletAbstract = 1;
    private const int DecimalAbstract = 2;
    private const int BulletInstance = 1;

    private static readonly string[] Bullets = ["•", "◦", "▪"];
    private static readonly NumberFormatValues[] Formats = [NumberFormatValues.Decimal, NumberFormatValues.LowerLetter, NumberFormatValues.LowerRoman];

    private readonly DocumentTheme theme;
    private readonly List<(int Id, int Level)> ordered = [];
    private bool used;

    public DocxNumbering(DocumentTheme theme) => this.theme = theme;

    /// <summary>The instance a new list uses: the shared bullet one, or a fresh numbered one starting at 1 at that level.</summary>
    public int NewList(bool isOrdered, int level)
    {
        used = true;
        if (!isOrdered)
            return BulletInstance;
        var id = BulletInstance + 1 + ordered.Count;
        ordered.Add((id, level));
        return id;
    }

    /// <summary>The left indent of an item's text at a level (points).</summary>
    public double Indent(int level) => theme.ListIndent * (level + 1);

    /// <summary>Adds the numbering part if any list used it.</summary>
    public void Save(MainDocumentPart main)
    {
        if (!used)
            return;
        var numbering = new Numbering(Abstract(BulletAbstract, isOrdered: false), Abstract(DecimalAbstract, isOrdered: true));
        numbering.Append(new NumberingInstance(new AbstractNumId { Val = BulletAbstract }) { NumberID = BulletInstance });
        foreach (var (id, level) in ordered)
        {
            numbering.Append(new NumberingInstance(
                new AbstractNumId { Val = DecimalAbstract },
                new LevelOverride(new StartOverrideNumberingValue { Val = 1 }) { LevelIndex = level })
            { NumberID = id });
        }
        main.AddNewPart<NumberingDefinitionsPart>().Numbering = numbering;
    }

    private AbstractNum Abstract(int id, bool isOrdered)
    {
        var abstractNum = new AbstractNum(new MultiLevelType { Val = MultiLevelValues.HybridMultilevel }) { AbstractNumberId = id };
        for (var level = 0; level < 9; level++)
        {
            var text = isOrdered ? "%" + (level + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "." : Bullets[level % Bullets.Length];
            abstractNum.Append(new Level
            {
                LevelIndex = level,
                StartNumberingValue = new StartNumberingValue { Val = 1 },
                NumberingFormat = new NumberingFormat { Val = isOrdered ? Formats[level % Formats.Length] : NumberFormatValues.Bullet },
                LevelText = new LevelText { Val = text },
                LevelJustification = new LevelJustification { Val = LevelJustificationValues.Left },
                PreviousParagraphProperties = new PreviousParagraphProperties(new Indentation
                {
                    Left = DocxUnits.TwipsText(Indent(level)),
                    Hanging = DocxUnits.TwipsText(theme.ListIndent),
                }),
                // The bullet in the body font: a Symbol-font bullet shows as a box where Symbol is missing.
                NumberingSymbolRunProperties = new NumberingSymbolRunProperties(DocxStyles.Fonts(theme)),
            });
        }
        return abstractNum;
    }
}
