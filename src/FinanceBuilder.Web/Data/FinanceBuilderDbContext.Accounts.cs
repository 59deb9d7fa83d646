using FinanceBuilder.Web.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Data;

/// Accounts, organisations and their links. These tables are read by the account code only
/// (sign-in, session check, administration), which filters by the signed-in person itself.
public abstract partial class FinanceBuilderDbContext
{
    private void ConfigureAccounts(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UserAccount>(user =>
        {
            user.ToTable("users");
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.Role).HasConversion<string>().HasMaxLength(30);
            user.HasOne<OrganisationRecord>().WithMany().HasForeignKey(u => u.OrganisationId);
            user.HasIndex(u => u.OrganisationId);
        });
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("user_claims");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("user_logins");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("user_tokens");

        modelBuilder.Entity<OrganisationRecord>(org =>
        {
            org.ToTable("organisations");
            org.Property(o => o.Name).HasMaxLength(500);
            org.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
            org.Property(o => o.Country).HasMaxLength(2);
            org.Property(o => o.IatiIdentifier).HasMaxLength(OrganisationRecord.MaxIatiIdentifier);
        });

        modelBuilder.Entity<AgencyLink>(link =>
        {
            link.ToTable("agency_links");
            link.HasKey(l => new { l.AgencyId, l.SupportedOrganisationId });
            link.HasOne<OrganisationRecord>().WithMany().HasForeignKey(l => l.AgencyId).OnDelete(DeleteBehavior.Restrict);
            link.HasOne<OrganisationRecord>().WithMany().HasForeignKey(l => l.SupportedOrganisationId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Invitation>(invitation =>
        {
            invitation.ToTable("invitations");
            invitation.Property(i => i.Email).HasMaxLength(256);
            invitation.Property(i => i.Role).HasConversion<string>().HasMaxLength(30);
            invitation.Property(i => i.TokenHash).HasMaxLength(64);
            invitation.HasIndex(i => i.TokenHash).IsUnique();
            invitation.HasIndex(i => i.OrganisationId);
        });

        // Platform administrators read the whole trail; nobody else reads it (no query filter can
        // say "platform administrator" for a context acting as the system, hence both).
        modelBuilder.Entity<PrivilegedEvent>(e =>
        {
            e.ToTable("privileged_events");
            e.Property(x => x.ActorName).HasMaxLength(200);
            e.Property(x => x.Address).HasMaxLength(64);
            e.Property(x => x.Action).HasMaxLength(40);
            e.Property(x => x.Summary).HasMaxLength(PrivilegedEvent.MaxSummary);
            e.Property(x => x.Before).HasMaxLength(PrivilegedEvent.MaxValue);
            e.Property(x => x.After).HasMaxLength(PrivilegedEvent.MaxValue);
            e.HasIndex(x => x.At);
            e.HasIndex(x => new { x.OrganisationId, x.At });
            e.HasQueryFilter(x => SeesAll || PlatformAdmin);
        });

        // Counts of the limits every node shares (RateLimits/): no filter, no address (keys are hashes).
        modelBuilder.Entity<RateCounter>(counter =>
        {
            counter.ToTable("rate_counters");
            counter.HasKey(c => new { c.Key, c.Window });
            counter.Property(c => c.Key).HasMaxLength(64);
            counter.HasIndex(c => c.Window);
        });

        modelBuilder.Entity<SessionRecord>(session =>
        {
            session.ToTable("sessions");
            session.HasIndex(s => s.UserId);
        });
    }
}
