using BenchmarkDotNet.Attributes;
using FinanceBuilder.Web.Geography;

namespace FinanceBuilder.Bench;

/// Issue 15's location map, per request: laying out the map of the Tamale sample (five sites in
/// Ghana, so the sites' own map and a locator map of the country), writing it as the page's SVG,
/// and painting it as the documents' PNG. The bundled world (Natural Earth 1:10 million) is read
/// once per process before the runs.
///   dotnet run -c Release --project bench/FinanceBuilder.Bench -- --filter '*MapBenchmarks*' --job short
[MemoryDiagnoser]
public class MapBenchmarks
{
    private MapContent content = null!;
    private MapDrawing drawing = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ = WorldAtlas.Instance;
        var json = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", "mitigation-tamale-solar-led.json"));
        var proposal = new FinanceBuilder.Web.Proposals.Json.ProposalReader().Read(json, System.Globalization.CultureInfo.InvariantCulture).Proposal!;
        content = MapContent.Of(proposal);
        drawing = MapLayout.Lay(content, WorldAtlas.Instance)!;
    }

    [Benchmark]
    public MapDrawing LayOut() => MapLayout.Lay(content, WorldAtlas.Instance)!;

    [Benchmark]
    public string Svg() => MapSvg.Write(drawing, "Map");

    [Benchmark]
    public int Png() => MapPicture.Paint(drawing).Data.Length;
}
