using FinanceBuilder.Web.Proposals.Model;

namespace FinanceBuilder.Web.Calculators;

/// The people each measure reaches, adaptation and mitigation alike (a mitigation measure counts
/// them only once it has any), with the measure's name and the path of its counts: the key
/// figures sum them, the rules check each, and R-077 compares a narrative's figure with them.
public static class MeasureBeneficiaries
{
    public sealed record Counted(Beneficiaries Counts, string Name, string Path);

    public static IEnumerable<Counted> Of(Proposal p) =>
        p.AdaptationMeasures.Select((m, i) => new Counted(m.Beneficiaries, m.Name ?? m.Id, $"$.adaptationMeasures[{i}].beneficiaries"))
            .Concat(p.MitigationMeasures.Select((m, i) => (m, i)).Where(x => x.m.Beneficiaries is not null)
                .Select(x => new Counted(x.m.Beneficiaries!, x.m.Name ?? x.m.Id, $"$.mitigationMeasures[{x.i}].beneficiaries")));
}
