using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinanceBuilder.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicParticipation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "grievances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 6000, nullable: false),
                    ComplainantName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ErasedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AcknowledgeBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AnswerBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EscalatedTo = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    EscalatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosureNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EnteredByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grievances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "participation_inputs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsultationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Question = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Assisted = table.Column<bool>(type: "INTEGER", nullable: false),
                    EnteredByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EnteredByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ConsentRead = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ErasedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Moderation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ModeratedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ModeratedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Disposition = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Response = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SectionChanged = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RespondedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RespondedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participation_inputs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "post_attempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AddressKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_post_attempts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "public_consultations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SummaryEn = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: true),
                    SummaryFr = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: true),
                    QuestionsEn = table.Column<string>(type: "TEXT", maxLength: 2416, nullable: true),
                    QuestionsFr = table.Column<string>(type: "TEXT", maxLength: 2416, nullable: true),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TakesGrievances = table.Column<bool>(type: "INTEGER", nullable: false),
                    ShowInCatalogue = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_public_consultations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_grievances_ProposalId_ReceivedAt",
                table: "grievances",
                columns: new[] { "ProposalId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_grievances_ProposalId_Reference",
                table: "grievances",
                columns: new[] { "ProposalId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_participation_inputs_ConsultationId",
                table: "participation_inputs",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_participation_inputs_ProposalId_Moderation_ReceivedAt",
                table: "participation_inputs",
                columns: new[] { "ProposalId", "Moderation", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_post_attempts_AddressKey_At",
                table: "post_attempts",
                columns: new[] { "AddressKey", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_post_attempts_At",
                table: "post_attempts",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_public_consultations_ProposalId",
                table: "public_consultations",
                column: "ProposalId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "grievances");

            migrationBuilder.DropTable(
                name: "participation_inputs");

            migrationBuilder.DropTable(
                name: "post_attempts");

            migrationBuilder.DropTable(
                name: "public_consultations");
        }
    }
}
