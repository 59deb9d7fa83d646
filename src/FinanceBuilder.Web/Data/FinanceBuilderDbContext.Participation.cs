using FinanceBuilder.Web.Data.Participation;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Data;

/// Participation (docs/decisions/0022-participation.md): the consultations held for a proposal,
/// what people said and the responses, the public consultation page, grievances — seen by those
/// who work on the proposal. A published comment is public, so anyone reads it; a public page's
/// settings are public too (they hold what the page shows and nothing else).
public abstract partial class FinanceBuilderDbContext
{
    public DbSet<ConsultationRecord> Consultations => Set<ConsultationRecord>();
    public DbSet<ParticipationInput> ParticipationInputs => Set<ParticipationInput>();
    public DbSet<PublicConsultation> PublicConsultations => Set<PublicConsultation>();
    public DbSet<GrievanceRecord> Grievances => Set<GrievanceRecord>();

    private void ConfigureParticipation(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ConsultationRecord>(consultation =>
        {
            consultation.ToTable("consultations");
            consultation.Property(c => c.Method).HasConversion<string>().HasMaxLength(20);
            consultation.Property(c => c.Level).HasConversion<string>().HasMaxLength(20);
            consultation.Property(c => c.Place).HasMaxLength(500);
            consultation.Property(c => c.Languages).HasMaxLength(200);
            consultation.Property(c => c.Organiser).HasMaxLength(500);
            consultation.Property(c => c.Asked).HasMaxLength(20000);
            consultation.Property(c => c.Attendance).HasMaxLength(4000);
            consultation.Property(c => c.RecordedByName).HasMaxLength(200);
            consultation.HasIndex(c => new { c.ProposalId, c.HeldOn });
            consultation.HasQueryFilter(c => SeesAll || WorkOn.Contains(c.OrganisationId));
        });

        modelBuilder.Entity<ParticipationInput>(input =>
        {
            input.ToTable("participation_inputs");
            input.Property(i => i.Source).HasConversion<string>().HasMaxLength(20);
            input.Property(i => i.Channel).HasConversion<string>().HasMaxLength(20);
            input.Property(i => i.Group).HasConversion<string>().HasMaxLength(30);
            input.Property(i => i.Moderation).HasConversion<string>().HasMaxLength(20);
            input.Property(i => i.Disposition).HasConversion<string>().HasMaxLength(20);
            input.Property(i => i.Text).HasMaxLength(ParticipationInput.MaxText);
            input.Property(i => i.Response).HasMaxLength(ParticipationInput.MaxResponse);
            input.Property(i => i.AuthorName).HasMaxLength(ParticipationInput.MaxName);
            input.Property(i => i.Contact).HasMaxLength(ParticipationInput.MaxContact);
            input.Property(i => i.EnteredByName).HasMaxLength(200);
            input.Property(i => i.ConsentRead).HasMaxLength(1000);
            input.Property(i => i.ModeratedByName).HasMaxLength(200);
            input.Property(i => i.RespondedByName).HasMaxLength(200);
            input.Property(i => i.SectionChanged).HasMaxLength(40);
            input.HasIndex(i => new { i.ProposalId, i.Moderation, i.ReceivedAt });
            input.HasIndex(i => i.ConsultationId);
            input.HasQueryFilter(i => SeesAll || WorkOn.Contains(i.OrganisationId) || i.Moderation == Moderation.Published);
        });

        modelBuilder.Entity<PublicConsultation>(page =>
        {
            page.ToTable("public_consultations");
            page.HasIndex(p => p.ProposalId).IsUnique();
            page.Property(p => p.OrganisationName).HasMaxLength(200);
            page.Property(p => p.Title).HasMaxLength(500);
            page.Property(p => p.SummaryEn).HasMaxLength(PublicConsultation.MaxSummary);
            page.Property(p => p.SummaryFr).HasMaxLength(PublicConsultation.MaxSummary);
            page.Property(p => p.QuestionsEn).HasMaxLength(PublicConsultation.MaxQuestions * (PublicConsultation.MaxQuestion + 2));
            page.Property(p => p.QuestionsFr).HasMaxLength(PublicConsultation.MaxQuestions * (PublicConsultation.MaxQuestion + 2));
            page.Property(p => p.UpdatedByName).HasMaxLength(200);
        });

        modelBuilder.Entity<GrievanceRecord>(grievance =>
        {
            grievance.ToTable("grievances");
            grievance.Property(g => g.Channel).HasConversion<string>().HasMaxLength(20);
            grievance.Property(g => g.Category).HasConversion<string>().HasMaxLength(30);
            grievance.Property(g => g.Status).HasConversion<string>().HasMaxLength(20);
            grievance.Property(g => g.EscalatedTo).HasConversion<string>().HasMaxLength(40);
            grievance.Property(g => g.Text).HasMaxLength(GrievanceRecord.MaxText);
            grievance.Property(g => g.Answer).HasMaxLength(GrievanceRecord.MaxNote);
            grievance.Property(g => g.ClosureNote).HasMaxLength(GrievanceRecord.MaxNote);
            grievance.Property(g => g.ComplainantName).HasMaxLength(ParticipationInput.MaxName);
            grievance.Property(g => g.Contact).HasMaxLength(ParticipationInput.MaxContact);
            grievance.Property(g => g.EnteredByName).HasMaxLength(200);
            grievance.Property(g => g.Reference).HasMaxLength(12);
            grievance.HasIndex(g => new { g.ProposalId, g.Reference }).IsUnique();
            grievance.HasIndex(g => new { g.ProposalId, g.ReceivedAt });
            grievance.HasQueryFilter(g => SeesAll || WorkOn.Contains(g.OrganisationId));
        });
    }
}
