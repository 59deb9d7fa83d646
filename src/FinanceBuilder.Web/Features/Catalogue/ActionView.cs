using FinanceBuilder.Web.Catalogue.Model;

namespace FinanceBuilder.Web.Features.Catalogue;

/// What _ActionView draws: the public page of an action, and the publish page's preview of it
/// (the same partial, so the preview is exactly what becomes public).
public sealed record ActionView(Guid Id, CatalogueAction Action, string Publisher, DateTime? PublishedAt, int? Revision);
