using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace FinanceBuilder.Templates.Docx;

/// <summary>
/// An inline picture (a chart's PNG, an applicant's diagram): its bytes as an image part of the
/// document and the drawing that shows it at a size in points, with the text a screen reader
/// says in its place (the picture's description).
/// </summary>
internal static class DocxPicture
{
    public static Drawing Drawing(MainDocumentPart main, byte[] data, PartTypeInfo type, double widthPt, double heightPt, string kind, string description, uint drawingId)
    {
        var image = main.AddImagePart(type);
        using (var stream = new MemoryStream(data, writable: false))
            image.FeedData(stream);
        var relationship = main.GetIdOfPart(image);
        var cx = DocxUnits.Emu(widthPt);
        var cy = DocxUnits.Emu(heightPt);
        var name = kind + " " + drawingId.ToString(CultureInfo.InvariantCulture);
        var extension = type == ImagePartType.Jpeg ? ".jpg" : ".png";
        return new Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = drawingId, Name = name, Description = description },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(
                        new PIC.NonVisualDrawingProperties { Id = 0U, Name = name + extension, Description = description },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(
                        new A.Blip { Embed = relationship },
                        new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        });
    }
}
