using FinanceBuilder.Web.Data.Notifications;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Data;

/// Each person's notifications and e-mail choices: theirs alone, whatever their organisation.
public abstract partial class FinanceBuilderDbContext
{
    private void ConfigureNotifications(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Notification>(notification =>
        {
            notification.ToTable("notifications");
            notification.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
            notification.Property(n => n.Email).HasConversion<string>().HasMaxLength(20);
            notification.Property(n => n.Title).HasMaxLength(500);
            notification.Property(n => n.Actor).HasMaxLength(500);
            notification.Property(n => n.Link).HasMaxLength(300);
            notification.HasIndex(n => new { n.UserId, n.ReadAt });
            // The sender's and the digest's work lists.
            notification.HasIndex(n => new { n.Email, n.EmailedAt });
            notification.HasQueryFilter(n => SeesAll || n.UserId == MyUser);
        });

        modelBuilder.Entity<NotificationPreference>(preference =>
        {
            preference.ToTable("notification_preferences");
            preference.HasKey(p => new { p.UserId, p.Kind });
            preference.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
            preference.Property(p => p.Email).HasConversion<string>().HasMaxLength(20);
            preference.HasQueryFilter(p => SeesAll || p.UserId == MyUser);
        });
    }
}
