namespace FinanceBuilder.Web.Data;

/// Whose data this request may see. Until accounts exist (a later issue) everyone works in the
/// single workspace organisation; accounts replace this service, and the query filter in
/// FinanceBuilderDbContext — the one place every proposal read goes through — stays as it is.
public interface ICurrentOrganisation
{
    Guid Id { get; }
}

public sealed class WorkspaceOrganisation : ICurrentOrganisation
{
    /// The organisation of the single-workspace installation and of its demo proposals.
    public static readonly Guid DefaultId = new("6f1f4c1e-0000-4000-8000-000000000001");

    public Guid Id => DefaultId;
}
