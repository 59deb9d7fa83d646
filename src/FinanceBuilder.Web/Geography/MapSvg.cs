using System.Globalization;
using System.Net;
using System.Text;

namespace FinanceBuilder.Web.Geography;

/// The map as an SVG document, for the wizard's location page. It holds no text of the user's
/// (site numbers, the scale and the credit only; the page names the sites beside it) and no
/// script or link: it is served as a picture.
public static class MapSvg
{
    public static string Write(MapDrawing map, string title)
    {
        var svg = new StringBuilder(64 * 1024);
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {map.Width} {map.Height}\" width=\"{map.Width}\" height=\"{map.Height}\" role=\"img\">");
        svg.Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>");
        Body(svg, map);
        if (map.Scale is { } bar)
        {
            var (x, y, end) = (Number(bar.Start.X), Number(bar.Start.Y), Number(bar.Start.X + bar.Length));
            svg.Append(CultureInfo.InvariantCulture,
                $"<path d=\"M{x} {Number(bar.Start.Y - 5)}V{y}H{end}V{Number(bar.Start.Y - 5)}\" fill=\"none\" stroke=\"{MapStyle.Text}\" stroke-width=\"1.5\"/>");
            svg.Append(Text(bar.Start.X, bar.Start.Y - 8, bar.Text, 11, bold: false));
        }
        if (map.Inset is { } inset)
        {
            // A nested svg clips the locator map to its box.
            var (x, y) = (inset.At.X, inset.At.Y);
            svg.Append(CultureInfo.InvariantCulture,
                $"<svg x=\"{Number(x)}\" y=\"{Number(y)}\" width=\"{inset.Map.Width}\" height=\"{inset.Map.Height}\" viewBox=\"0 0 {inset.Map.Width} {inset.Map.Height}\">");
            Body(svg, inset.Map);
            var (from, to) = inset.Frame;
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{Number(from.X)}\" y=\"{Number(from.Y)}\" width=\"{Number(Math.Max(3, to.X - from.X))}\" height=\"{Number(Math.Max(3, to.Y - from.Y))}\" fill=\"none\" stroke=\"{MapStyle.Site}\" stroke-width=\"2\"/>");
            svg.Append("</svg>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{Number(x)}\" y=\"{Number(y)}\" width=\"{inset.Map.Width}\" height=\"{inset.Map.Height}\" fill=\"none\" stroke=\"{MapStyle.CountryEdge}\"/>");
        }
        svg.Append(Text(map.Width - 6, map.Height - 6, MapStyle.Credit, 10, bold: false, end: true));
        return svg.Append("</svg>").ToString();
    }

    private static void Body(StringBuilder svg, MapDrawing map)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{map.Width}\" height=\"{map.Height}\" fill=\"{MapStyle.Sea}\"/>");
        foreach (var path in map.Paths)
        {
            var look = MapStyle.Of(path.Layer);
            svg.Append("<path d=\"");
            foreach (var part in path.Parts)
            {
                for (var i = 0; i < part.Length; i++)
                    svg.Append(i == 0 ? 'M' : 'L').Append(Number(part[i].X)).Append(' ').Append(Number(part[i].Y));
                if (path.Layer != MapLayer.Line)
                    svg.Append('Z');
            }
            svg.Append("\" fill=\"").Append(look.Fill ?? "none").Append('"');
            if (look.FillOpacity < 1)
                svg.Append(" fill-opacity=\"").Append(Number(look.FillOpacity)).Append('"');
            svg.Append(CultureInfo.InvariantCulture, $" fill-rule=\"evenodd\" stroke=\"{look.Edge}\" stroke-width=\"{Number(look.EdgeWidth)}\" stroke-linejoin=\"round\"/>");
        }
        foreach (var marker in map.Markers)
        {
            var (x, y) = (Number(marker.At.X), Number(marker.At.Y));
            svg.Append(marker.FromFile
                ? $"<circle cx=\"{x}\" cy=\"{y}\" r=\"{Number(MapStyle.FilePointRadius)}\" fill=\"{MapStyle.Feature}\" stroke=\"{MapStyle.Halo}\"/>"
                : $"<circle cx=\"{x}\" cy=\"{y}\" r=\"{Number(MapStyle.SiteRadius)}\" fill=\"{MapStyle.Site}\" stroke=\"{MapStyle.Halo}\" stroke-width=\"1.5\"/>");
            if (marker is { Label: { } label, LabelAt: { } at })
                svg.Append(Text(at.X, at.Y, label, MapStyle.LabelSize, bold: true));
        }
    }

    private static string Text(double x, double y, string text, double size, bool bold, bool end = false) =>
        $"<text x=\"{Number(x)}\" y=\"{Number(y)}\" font-family=\"Liberation Sans, Arial, sans-serif\" font-size=\"{Number(size)}\""
        + (bold ? " font-weight=\"bold\"" : "") + (end ? " text-anchor=\"end\"" : "")
        + $" fill=\"{MapStyle.Text}\" stroke=\"{MapStyle.Halo}\" stroke-width=\"3\" paint-order=\"stroke\">{WebUtility.HtmlEncode(text)}</text>";

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
