using System.Globalization;
using FinanceBuilder.Web.Features.EntityDirectory;
using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Tests.EntityDirectory;

/// The directory's CSV: the shipped seed reads whole; an uploaded file with any bad cell gives
/// no directory and names each bad cell by row and column.
public sealed class DirectoryCsvTests
{
    private static readonly string Header = string.Join(",", DirectoryCsv.Columns);
    private const string Good = "APL999,Banque de test,BDT,direct_national,Sénégal,public,small,B/I-2,yes,yes,no,loans@small,https://example.test/decision,2025-07-22";

    internal static string File(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    [Fact]
    public void ShippedList_ReadsWhole_WithItsSources()
    {
        var shipped = AeDirectory.Shipped;
        Assert.Equal(103, shipped.Entries.Count);
        Assert.True(shipped.IsShipped);
        Assert.All(shipped.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Source)));
        var afdb = shipped.Find("APL027")!;
        Assert.Equal("AfDB", afdb.ShortName);
        Assert.Equal(AccreditedEntityKind.InternationalAccess, afdb.Kind);
        Assert.Equal(new DateOnly(2025, 7, 22), afdb.AsOf);
    }

    [Fact]
    public void FillIn_WritesNameKindModalityAndScope_InOneGo()
    {
        var ae = new AccreditedEntity { Name = "typed by hand", AccessModality = AccessModality.Direct };

        AeDirectory.Shipped.Find("APL027")!.FillIn(ae);

        Assert.Equal("APL027", ae.DirectoryId);
        Assert.Equal("African Development Bank", ae.Name);
        Assert.Equal("AfDB", ae.ShortName);
        Assert.Equal(AccreditedEntityKind.InternationalAccess, ae.Kind);
        Assert.Equal(AccessModality.International, ae.AccessModality);
        Assert.Equal(SizeCategory.Large, ae.Scope.MaxSize);
        Assert.Equal(EssCategory.A, ae.Scope.MaxRiskCategory);
        Assert.Equal([FiduciaryStandard.Basic, FiduciaryStandard.ProjectManagement, FiduciaryStandard.GrantAward, FiduciaryStandard.OnLendingBlending], ae.Scope.FiduciaryStandards);
    }

    [Fact]
    public void AnEntryWithoutScope_LeavesTheScopeUnknown_NotRefused()
    {
        // Decision-only rows carry no scope: "unknown", which R-005 does not read as "no".
        var bare = AeDirectory.Shipped.Entries.First(e => e.MaxSize is null);
        var ae = new AccreditedEntity();

        bare.FillIn(ae);

        Assert.Null(ae.Scope.MaxSize);
        Assert.Null(ae.Scope.MaxRiskCategory);
        Assert.Empty(ae.Scope.FiduciaryStandards);
    }

    [Fact]
    public void GoodFile_Reads()
    {
        var read = DirectoryCsv.Read(File(Good), CultureInfo.InvariantCulture);

        Assert.True(read.IsValid, string.Join("\n", read.Errors));
        var entry = Assert.Single(read.Entries);
        Assert.Equal(AccreditedEntityKind.NationalDirectAccess, entry.Kind);
        Assert.Equal(EssCategory.B, entry.MaxRiskCategory);
        Assert.Equal([FiduciaryStandard.Basic, FiduciaryStandard.ProjectManagement, FiduciaryStandard.OnLendingBlending], entry.FiduciaryStandards());
    }

    [Theory]
    [InlineData("Not an id!,Banque,BDT,,,,,,,,,,src,", "id")]
    [InlineData("apl-1,,BDT,,,,,,,,,,src,", "name")]
    [InlineData("apl-1,Banque,,,,,,,,,,,src,", "short_name")]
    [InlineData("apl-1,Banque,BDT,direct,,,,,,,,,src,", "access_modality")]
    [InlineData("apl-1,Banque,BDT,,,state,,,,,,,src,", "sector")]
    [InlineData("apl-1,Banque,BDT,,,,huge,,,,,,src,", "accreditation_size")]
    [InlineData("apl-1,Banque,BDT,,,,,D,,,,,src,", "max_ess_category")]
    [InlineData("apl-1,Banque,BDT,,,,,,oui,,,,src,", "fiduciary_basic")]
    [InlineData("apl-1,Banque,BDT,,,,,,,maybe,,,src,", "fiduciary_project_management")]
    [InlineData("apl-1,Banque,BDT,,,,,,,,1,,src,", "fiduciary_grant_award")]
    [InlineData("apl-1,Banque,BDT,,,,,,,,,bonds,src,", "fiduciary_on_lending_blending")]
    [InlineData("apl-1,Banque,BDT,,,,,,,,,loans@huge,src,", "fiduciary_on_lending_blending")]
    [InlineData("apl-1,Banque,BDT,,,,,,,,,,,", "source")]
    [InlineData("apl-1,Banque,BDT,,,,,,,,,,src,22/07/2025", "as_of")]
    public void BadCell_IsNamedByRowAndColumn_AndNothingIsRead(string row, string column)
    {
        var read = DirectoryCsv.Read(File(Good, row), CultureInfo.GetCultureInfo("en"));

        Assert.False(read.IsValid);
        Assert.Empty(read.Entries);
        var error = Assert.Single(read.Errors);
        Assert.StartsWith($"Row 3, column {column}:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryBadCell_IsListed_InTheReadersLanguage()
    {
        var read = DirectoryCsv.Read(File("apl-1,Banque,BDT,direct,,,huge,,,,,,src,", Good, Good), CultureInfo.GetCultureInfo("fr"));

        Assert.Equal(
            ["Ligne 2, colonne access_modality", "Ligne 2, colonne accreditation_size", "Ligne 4, colonne id"],
            read.Errors.Select(e => e[..e.IndexOf(':', StringComparison.Ordinal)].TrimEnd(' ', '\u00a0')).ToArray());
    }

    [Theory]
    [InlineData("id,name,short_name\napl-1,Banque,BDT\n")]
    [InlineData("")]
    [InlineData("id,name,short_name,access_modality,country_or_region,sector,accreditation_size,max_ess_category,fiduciary_basic,fiduciary_project_management,fiduciary_grant_award,fiduciary_on_lending_blending,source,as_of\n")]
    [InlineData("id,name,short_name,access_modality,country_or_region,sector,accreditation_size,max_ess_category,fiduciary_basic,fiduciary_project_management,fiduciary_grant_award,fiduciary_on_lending_blending,source,as_of\napl-1,\"Banque,BDT\n")]
    public void FileOfTheWrongShape_IsRefused(string text)
    {
        var read = DirectoryCsv.Read(text, CultureInfo.InvariantCulture);

        Assert.False(read.IsValid);
        Assert.NotEmpty(read.Errors);
    }

    [Fact]
    public void RowWithMissingCells_IsNamed()
    {
        var read = DirectoryCsv.Read(File(Good, "apl-1,Banque,BDT"), CultureInfo.GetCultureInfo("en"));

        Assert.StartsWith("Row 3:", Assert.Single(read.Errors), StringComparison.Ordinal);
    }
}
