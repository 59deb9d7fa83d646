using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FinanceBuilder.Web.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Text = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: false),
                    ComplainantName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Contact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ErasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AcknowledgeBy = table.Column<DateOnly>(type: "date", nullable: false),
                    AnswerBy = table.Column<DateOnly>(type: "date", nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    EscalatedTo = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    EscalatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosureNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    EnteredByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_grievances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "participation_inputs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsultationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Question = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Group = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Assisted = table.Column<bool>(type: "boolean", nullable: false),
                    EnteredByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    EnteredByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ConsentRead = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Contact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ErasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Moderation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ModeratedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ModeratedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Disposition = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Response = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SectionChanged = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    RespondedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RespondedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_participation_inputs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "post_attempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AddressKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_post_attempts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "public_consultations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SummaryEn = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: true),
                    SummaryFr = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: true),
                    QuestionsEn = table.Column<string>(type: "character varying(2416)", maxLength: 2416, nullable: true),
                    QuestionsFr = table.Column<string>(type: "character varying(2416)", maxLength: 2416, nullable: true),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "date", nullable: false),
                    TakesGrievances = table.Column<bool>(type: "boolean", nullable: false),
                    ShowInCatalogue = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
