using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Features.EntityDirectory;

/// One accredited entity of the directory, as its CSV row says (docs/directory.md). Null means
/// "not found in a source": unknown, never "no".
public sealed record DirectoryEntry(
    string Id,
    string Name,
    string ShortName,
    AccreditedEntityKind? Kind,
    string? CountryOrRegion,
    string? Sector,
    SizeCategory? MaxSize,
    string? MaxEss,
    bool? FiduciaryBasic,
    bool? FiduciaryProjectManagement,
    bool? FiduciaryGrantAward,
    string? FiduciaryOnLendingBlending,
    string Source,
    DateOnly? AsOf)
{
    /// The highest project category the AE may take: "A/I-1" allows A (and I-1, which ranks the
    /// same in R-005); an intermediation-only value ("I-2") gives I-2.
    public EssCategory? MaxRiskCategory => MaxEss?.Split('/')[0] switch
    {
        "A" => EssCategory.A,
        "B" => EssCategory.B,
        "C" => EssCategory.C,
        "I-1" => EssCategory.I1,
        "I-2" => EssCategory.I2,
        "I-3" => EssCategory.I3,
        _ => null,
    };

    /// The fiduciary standards held, or none when any of the four is unknown: R-005 reads an
    /// empty list as "not stated" and stays silent, where a partial list would accuse the AE of
    /// lacking a standard nobody checked.
    public List<FiduciaryStandard> FiduciaryStandards()
    {
        if (FiduciaryBasic is null || FiduciaryProjectManagement is null || FiduciaryGrantAward is null || FiduciaryOnLendingBlending is null)
            return [];
        var held = new List<FiduciaryStandard>();
        if (FiduciaryBasic == true) held.Add(FiduciaryStandard.Basic);
        if (FiduciaryProjectManagement == true) held.Add(FiduciaryStandard.ProjectManagement);
        if (FiduciaryGrantAward == true) held.Add(FiduciaryStandard.GrantAward);
        if (FiduciaryOnLendingBlending != "no") held.Add(FiduciaryStandard.OnLendingBlending);
        return held;
    }

    /// Writes this entry over the proposal's AE: name, short name, kind (and so the access
    /// modality) and accreditation scope, in one go.
    public void FillIn(AccreditedEntity ae)
    {
        ae.DirectoryId = Id;
        ae.Name = Name;
        ae.ShortName = ShortName;
        ae.Kind = Kind;
        ae.AccessModality = Kind is { } kind ? AccreditedEntity.ModalityOf(kind) : null;
        ae.Scope = new AccreditationScope { MaxSize = MaxSize, MaxRiskCategory = MaxRiskCategory, FiduciaryStandards = FiduciaryStandards() };
    }
}
