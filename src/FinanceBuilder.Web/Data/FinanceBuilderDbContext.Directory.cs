using FinanceBuilder.Web.Features.EntityDirectory;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Data;

/// The accredited-entity directory's changes (Features/EntityDirectory): platform data, the
/// same for every organisation, written only from /admin/directory.
public abstract partial class FinanceBuilderDbContext
{
    public DbSet<DirectoryVersion> DirectoryVersions => Set<DirectoryVersion>();

    private static void ConfigureDirectory(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<DirectoryVersion>(version =>
        {
            version.ToTable("entity_directory_versions");
            version.Property(v => v.UserName).HasMaxLength(200);
            version.Property(v => v.Action).HasMaxLength(20);
            version.Property(v => v.FileName).HasMaxLength(200);
        });
}
