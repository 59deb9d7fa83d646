using System.Globalization;
using System.Text;
using FinanceBuilder.Web.Features.Territories;

namespace FinanceBuilder.Web.Tests.Territories;

/// The values file of the shared library: a good file comes back byte for byte in each layout a
/// spreadsheet writes; a file with any bad cell gives no value at all and says, in the reader's
/// language, which row and column is wrong and why.
public sealed class TerritoryValuesCsvTests
{
    private const string Header = "indicator,country,territory_code,territory_name,year,value,source,source_date,licence";
    private const string Good = "FB-POPULATION,GH,GH-0816,Tamale,2021,374744,\"Ghana Statistical Service, 2021 census\",2021-09-22,CC-BY-4.0";
    private const string Second = "FB-GHG-PER-CAPITA,GH,,,2020,0.61,\"Inventory \"\"GHG\"\" 2020\",2022-03-01,CC0-1.0";
    private const string Third = "FB-EXPOSED-SHARE,FR,13055,Marseille,2023,12.5,Atlas des zones inondables,2023-05-02,etalab-2.0";

    public static TheoryData<string> Layouts => new()
    {
        Header + "\n" + Good + "\n" + Second + "\n" + Third + "\n",
        "\uFEFF" + Header + "\r\n" + Good + "\r\n" + Second + "\r\n" + Third + "\r\n",
        Header + "\r\n" + Good + "\r\n" + Second + "\r\n" + Third,
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void AFileInAnyLayoutASpreadsheetWrites_IsReadWhole_AndWrittenBackByteForByte(string file)
    {
        var read = TerritoryValuesCsv.Read(file, CultureInfo.InvariantCulture);

        Assert.True(read.IsValid, string.Join("\n", read.Errors));
        Assert.Equal(3, read.Rows.Count);
        Assert.Equal("Ghana Statistical Service, 2021 census", read.Rows[0].Source);
        Assert.Equal("Inventory \"GHG\" 2020", read.Rows[1].Source);
        Assert.Equal("", read.Rows[1].TerritoryCode);
        Assert.Equal(12.5m, read.Rows[2].Value);
        Assert.Equal([2, 3, 4], read.Rows.Select(r => r.Row));
        Assert.Equal(Encoding.UTF8.GetBytes(file), Encoding.UTF8.GetBytes(TerritoryValuesCsv.Write(read.Rows, read.Layout)));
    }

    [Fact]
    public void ANumberKeepsItsWriting_OnTheWayBack()
    {
        var file = Header + "\n" + Good.Replace(",374744,", ",374744.0,", StringComparison.Ordinal).Replace("FB-POPULATION", "FB-GREEN-AREA-PER-CAPITA", StringComparison.Ordinal) + "\n";
        var read = TerritoryValuesCsv.Read(file, CultureInfo.InvariantCulture);
        Assert.True(read.IsValid, string.Join("\n", read.Errors));
        Assert.Equal(file, TerritoryValuesCsv.Write(read.Rows, read.Layout));
    }

    public static TheoryData<string, string, string, string> BadCells => new()
    {
        // column, bad text, English and French words of the message
        { "indicator", "FB-NOPE", "is not an indicator of the library", "n’est pas un indicateur de la bibliothèque" },
        { "country", "GHA", "is not an ISO 3166 two-letter country code", "n’est pas un code pays ISO 3166" },
        { "territory_code", "GH 0816", "letters, digits, dots, hyphens and underscores only", "lettres, chiffres, points, tirets" },
        { "year", "20x1", "is not a year from 1950 to 2100", "n’est pas une année de 1950 à 2100" },
        { "value", "374,744", "is not a number written with a point", "n’est pas un nombre écrit avec un point" },
        { "value", "1e5", "is not a number written with a point", "n’est pas un nombre écrit avec un point" },
        { "value", "-3", "below 0, the least FB-POPULATION can be", "inférieure à 0, le minimum de FB-POPULATION" },
        { "value", "374744.5", "FB-POPULATION is given with at most 0 decimals", "FB-POPULATION se donne avec 0 décimales au plus" },
        { "source", "", "this cell is required", "cette cellule est obligatoire" },
        { "source_date", "22/09/2021", "is not a date written YYYY-MM-DD", "n’est pas une date écrite AAAA-MM-JJ" },
        { "licence", "All rights reserved", "is not one of the licences accepted", "n’est pas une des licences acceptées" },
    };

    [Theory]
    [MemberData(nameof(BadCells))]
    public void OneBadCell_RefusesTheWholeFile_NamingRowColumnAndWhy(string column, string bad, string english, string french)
    {
        var cells = Good.Replace("\"Ghana Statistical Service, 2021 census\"", "Ghana Statistical Service", StringComparison.Ordinal).Split(',');
        cells[Array.IndexOf(Header.Split(','), column)] = bad.Contains(',', StringComparison.Ordinal) ? $"\"{bad}\"" : bad;
        var file = Header + "\n" + Second + "\n" + string.Join(',', cells) + "\n" + Third + "\n";

        var en = TerritoryValuesCsv.Read(file, new CultureInfo("en"));
        var fr = TerritoryValuesCsv.Read(file, new CultureInfo("fr"));

        Assert.Empty(en.Rows);
        Assert.Empty(fr.Rows);
        var message = Assert.Single(en.Errors);
        Assert.StartsWith($"Row 3, column {column}: ", message, StringComparison.Ordinal);
        Assert.Contains(english, message, StringComparison.Ordinal);
        var frenchMessage = Assert.Single(fr.Errors);
        Assert.StartsWith($"Ligne 3, colonne {column}\u00a0: ", frenchMessage, StringComparison.Ordinal);
        Assert.Contains(french, frenchMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameIndicatorPlaceAndYearTwice_IsRefused_NamingTheFirstRow()
    {
        var file = Header + "\n" + Good + "\n" + Second + "\n" + Good.Replace("374744", "374800", StringComparison.Ordinal) + "\n";
        var read = TerritoryValuesCsv.Read(file, new CultureInfo("en"));
        Assert.Empty(read.Rows);
        Assert.Equal("Row 4, column year: the same indicator, territory and year as row 2.", Assert.Single(read.Errors));
    }

    [Fact]
    public void ColumnsOutOfOrder_OrMissing_AreRefusedByTheHeader()
    {
        var swapped = "country,indicator,territory_code,territory_name,year,value,source,source_date,licence\nGH,FB-POPULATION,,,2021,1,s,2021-01-01,CC0-1.0\n";
        var read = TerritoryValuesCsv.Read(swapped, new CultureInfo("en"));
        Assert.Empty(read.Rows);
        Assert.Contains("The first row must name the columns indicator,country,", Assert.Single(read.Errors), StringComparison.Ordinal);

        var shortRow = Header + "\nFB-POPULATION,GH,,,2021,1,s\n";
        Assert.Equal("Row 2 has 7 cells; the first row names 9 columns.", Assert.Single(TerritoryValuesCsv.Read(shortRow, new CultureInfo("en")).Errors));
    }

    [Fact]
    public void AnEmptyFile_AndAnOpenQuote_SayWhat()
    {
        Assert.Equal("The file holds no values.", Assert.Single(TerritoryValuesCsv.Read(Header + "\n", new CultureInfo("en")).Errors));
        var open = Header + "\nFB-POPULATION,GH,,,2021,1,\"never closed,2021-01-01,CC0-1.0\n";
        Assert.NotEmpty(TerritoryValuesCsv.Read(open, new CultureInfo("en")).Errors);
    }
}
