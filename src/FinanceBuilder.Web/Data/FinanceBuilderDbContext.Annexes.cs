using FinanceBuilder.Web.Data.Annexes;
using FinanceBuilder.Web.Data.Submissions;
using Microsoft.EntityFrameworkCore;

namespace FinanceBuilder.Web.Data;

/// Annex files: those who work on the proposal see its files; a donor sees the files frozen in
/// a submitted version of a proposal shared with it, and no other. The stored contents
/// (stored_blobs, blob_chunks) are read only by the file store, and only for a file one of these
/// filtered rows gave (Features/Annexes/Storage, docs/decisions/0018-annex-files.md).
public abstract partial class FinanceBuilderDbContext
{
    public DbSet<AnnexFileRecord> AnnexFiles => Set<AnnexFileRecord>();
    public DbSet<SubmissionFile> SubmissionFiles => Set<SubmissionFile>();
    public DbSet<StoredBlob> StoredBlobs => Set<StoredBlob>();
    public DbSet<BlobChunk> BlobChunks => Set<BlobChunk>();

    private void ConfigureAnnexes(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AnnexFileRecord>(file =>
        {
            file.ToTable("annex_files");
            file.Property(f => f.Sha256).HasMaxLength(64);
            file.Property(f => f.Name).HasMaxLength(200); // Features/Annexes/DisplayName.MaxLength
            file.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
            file.Property(f => f.UploadedByName).HasMaxLength(200);
            file.HasIndex(f => f.ProposalId);
            file.HasIndex(f => new { f.OrganisationId, f.Sha256 });
            file.HasQueryFilter(f => SeesAll || (!f.ProposalDeleted && (WorkOn.Contains(f.OrganisationId)
                || SubmissionFiles.Any(s => s.AnnexFileId == f.Id
                    && ProposalShares.Any(share => share.ProposalId == s.ProposalId && share.DonorOrganisationId == MyOrganisation))
                // A file the team cites as evidence of a reported value, for the donor that reads the reports.
                || IndicatorValues.Any(v => v.EvidenceFileId == f.Id && v.ProposalId == f.ProposalId
                    && ProposalShares.Any(share => share.ProposalId == v.ProposalId && share.DonorOrganisationId == MyOrganisation)))));
        });

        modelBuilder.Entity<SubmissionFile>(frozen =>
        {
            frozen.ToTable("submission_files");
            frozen.HasKey(s => new { s.SubmissionId, s.AnnexFileId });
            frozen.HasIndex(s => s.AnnexFileId);
            frozen.HasOne<SubmissionRecord>().WithMany().HasForeignKey(s => s.SubmissionId);
            frozen.HasOne<AnnexFileRecord>().WithMany().HasForeignKey(s => s.AnnexFileId).OnDelete(DeleteBehavior.Restrict);
            frozen.HasQueryFilter(s => SeesAll || WorkOn.Contains(s.OrganisationId)
                || ProposalShares.Any(share => share.ProposalId == s.ProposalId && share.DonorOrganisationId == MyOrganisation));
        });

        modelBuilder.Entity<StoredBlob>(blob =>
        {
            blob.ToTable("stored_blobs");
            blob.HasKey(b => new { b.OrganisationId, b.Sha256 });
            blob.Property(b => b.Sha256).HasMaxLength(64);
        });

        modelBuilder.Entity<BlobChunk>(chunk =>
        {
            chunk.ToTable("blob_chunks");
            chunk.HasKey(c => new { c.OrganisationId, c.Sha256, c.Index });
            chunk.Property(c => c.Sha256).HasMaxLength(64);
        });
    }
}
