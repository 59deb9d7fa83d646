using FinanceBuilder.Web.Data.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Data;

/// The public catalogue: an organisation's actions (private, like its proposals), what it
/// published (public, no tenancy filter: it holds nothing else) and the log of publishing.
public abstract partial class FinanceBuilderDbContext
{
    public DbSet<CatalogueActionRecord> CatalogueActions => Set<CatalogueActionRecord>();
    public DbSet<PublishedAction> PublishedActions => Set<PublishedAction>();
    public DbSet<ActionPublication> ActionPublications => Set<ActionPublication>();
    public DbSet<IndicatorDataset> IndicatorDatasets => Set<IndicatorDataset>();
    public DbSet<TerritoryIndicatorValue> TerritoryIndicatorValues => Set<TerritoryIndicatorValue>();
    public DbSet<IndicatorImport> IndicatorImports => Set<IndicatorImport>();

    private void ConfigureCatalogue(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CatalogueActionRecord>(action =>
        {
            action.ToTable("catalogue_actions");
            action.Property(a => a.Title).HasMaxLength(500);
            action.Property(a => a.Version).IsConcurrencyToken();
            action.HasOne<OrganisationRecord>().WithMany().HasForeignKey(a => a.OrganisationId);
            action.HasIndex(a => new { a.OrganisationId, a.UpdatedAt });
            action.HasIndex(a => a.ProposalId);
            action.HasQueryFilter(a => SeesAll || WorkOn.Contains(a.OrganisationId));
        });

        modelBuilder.Entity<PublishedAction>(published =>
        {
            published.ToTable("published_actions");
            published.Property(p => p.PublisherName).HasMaxLength(200);
            published.Property(p => p.ReportingOrgRef).HasMaxLength(OrganisationRecord.MaxIatiIdentifier);
            published.Property(p => p.Language).HasMaxLength(8);
            published.Property(p => p.Title).HasMaxLength(500);
            published.Property(p => p.CountryCode).HasMaxLength(2);
            published.Property(p => p.AdministrativeArea).HasMaxLength(500);
            published.Property(p => p.Status).HasMaxLength(20);
            published.Property(p => p.Focus).HasMaxLength(100);
            published.Property(p => p.ResultAreas).HasMaxLength(100);
            published.Property(p => p.Hazards).HasMaxLength(300);
            // 200 communes of codes up to 40 characters, each with its separator.
            published.Property(p => p.Places).HasMaxLength(8400);
            published.Property(p => p.Size).HasMaxLength(20);
            published.Property(p => p.Licence).HasMaxLength(30);
            // The search's filters and sort read this index alone on SQLite (it covers them), not
            // the rows with their documents: 150 ms → 17 ms for a filter over 100,000 actions.
            published.HasIndex(p => new { p.WithdrawnAt, p.UpdatedAt, p.CountryCode, p.Status, p.Focus, p.ResultAreas, p.Hazards, p.SeeksFunding, p.Size, p.TotalCostUsd })
                .HasDatabaseName("IX_published_actions_filters");
            published.HasIndex(p => p.OrganisationId);
            // The pages' two orders, each with its tie-breaker, over the public actions only: the
            // newest twenty are read from the index instead of sorting every row (PostgreSQL: 96 ms
            // → under 1 ms for the catalogue's first page over 100,000 actions).
            published.HasIndex(p => new { p.UpdatedAt, p.Id }).IsDescending(true, false).HasFilter("\"WithdrawnAt\" IS NULL")
                .HasDatabaseName("IX_published_actions_newest");
            published.HasIndex(p => new { p.Title, p.Id }).HasFilter("\"WithdrawnAt\" IS NULL")
                .HasDatabaseName("IX_published_actions_title");
            // A country's actions, newest first. (Words within a country: the search indexes'
            // facets, CatalogueIndex. By cost: the index IX_published_actions_cost on expressions,
            // which EF Core cannot declare, made by the migrations CatalogueCostOrderIndex.)
            published.HasIndex(p => new { p.CountryCode, p.UpdatedAt, p.Id }).IsDescending(false, true, false).HasFilter("\"WithdrawnAt\" IS NULL")
                .HasDatabaseName("IX_published_actions_country");
        });

        modelBuilder.Entity<ActionPublication>(log =>
        {
            log.ToTable("action_publications");
            log.Property(l => l.UserName).HasMaxLength(200);
            log.Property(l => l.Kind).HasMaxLength(20);
            log.Property(l => l.Fields).HasMaxLength(2000);
            log.HasIndex(l => new { l.ActionId, l.At });
            log.HasQueryFilter(l => SeesAll || WorkOn.Contains(l.OrganisationId));
        });

        // The shared library of territorial indicators (docs/territorial-indicators.md): datasets
        // and their values are public; the log of who imported them is the organisation's.
        modelBuilder.Entity<IndicatorDataset>(dataset =>
        {
            dataset.ToTable("indicator_datasets");
            dataset.Property(d => d.PublisherName).HasMaxLength(200);
            dataset.Property(d => d.Name).HasMaxLength(200);
            dataset.Property(d => d.Layout).HasMaxLength(40);
            dataset.HasIndex(d => new { d.OrganisationId, d.Name });
        });

        modelBuilder.Entity<TerritoryIndicatorValue>(value =>
        {
            value.ToTable("territory_indicator_values");
            value.Property(v => v.IndicatorCode).HasMaxLength(40);
            value.Property(v => v.CountryCode).HasMaxLength(2);
            value.Property(v => v.TerritoryCode).HasMaxLength(40);
            value.Property(v => v.TerritoryName).HasMaxLength(300);
            value.Property(v => v.ValueText).HasMaxLength(30);
            value.Property(v => v.Source).HasMaxLength(300);
            value.Property(v => v.Licence).HasMaxLength(20);
            value.HasOne<IndicatorDataset>().WithMany().HasForeignKey(v => v.DatasetId).OnDelete(DeleteBehavior.Cascade);
            // A territory's page reads its values by this index; the export reads a dataset's in order.
            value.HasIndex(v => new { v.CountryCode, v.TerritoryCode, v.IndicatorCode, v.Year });
            value.HasIndex(v => new { v.DatasetId, v.Row });
        });

        modelBuilder.Entity<IndicatorImport>(log =>
        {
            log.ToTable("indicator_imports");
            log.Property(l => l.UserName).HasMaxLength(200);
            log.Property(l => l.Kind).HasMaxLength(20);
            log.Property(l => l.FileName).HasMaxLength(200);
            log.HasIndex(l => new { l.DatasetId, l.At });
            log.HasQueryFilter(l => SeesAll || WorkOn.Contains(l.OrganisationId));
        });
    }
}
