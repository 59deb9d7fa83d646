using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FinanceBuilder.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MonitoringAfterApproval : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "approvals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmissionNumber = table.Column<int>(type: "integer", nullable: false),
                    BoardMeeting = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ApprovedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ApprovedAmounts = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FirstYear = table.Column<int>(type: "integer", nullable: false),
                    LastYear = table.Column<int>(type: "integer", nullable: false),
                    DueDaysAfterYearEnd = table.Column<int>(type: "integer", nullable: false),
                    Plan = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_approvals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_approvals_submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "round_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Section = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Data = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Withdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    CorrectsId = table.Column<long>(type: "bigint", nullable: true),
                    CorrectionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EnteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EnteredByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    EnteredByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_round_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_round_entries_round_entries_CorrectsId",
                        column: x => x.CorrectsId,
                        principalTable: "round_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "monitored_indicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApprovalId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Unit = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    BaselineValue = table.Column<double>(type: "double precision", nullable: true),
                    BaselineYear = table.Column<int>(type: "integer", nullable: true),
                    MidTermTarget = table.Column<double>(type: "double precision", nullable: true),
                    FinalTarget = table.Column<double>(type: "double precision", nullable: true),
                    TargetYear = table.Column<int>(type: "integer", nullable: true),
                    MeansOfVerification = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Frequency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    IrmfCore = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    BySex = table.Column<bool>(type: "boolean", nullable: false),
                    Cumulative = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitored_indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_monitored_indicators_approvals_ApprovalId",
                        column: x => x.ApprovalId,
                        principalTable: "approvals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reporting_rounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApprovalId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SentByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_rounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reporting_rounds_approvals_ApprovalId",
                        column: x => x.ApprovalId,
                        principalTable: "approvals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "indicator_values",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndicatorId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Value = table.Column<double>(type: "double precision", nullable: true),
                    Women = table.Column<double>(type: "double precision", nullable: true),
                    Men = table.Column<double>(type: "double precision", nullable: true),
                    MissingReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    MeasuredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EvidenceFileId = table.Column<Guid>(type: "uuid", nullable: true),
                    EvidenceReference = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CorrectsId = table.Column<long>(type: "bigint", nullable: true),
                    CorrectionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EnteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EnteredByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    EnteredByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_values", x => x.Id);
                    table.ForeignKey(
                        name: "FK_indicator_values_indicator_values_CorrectsId",
                        column: x => x.CorrectsId,
                        principalTable: "indicator_values",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_indicator_values_monitored_indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "monitored_indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_comments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorOrganisationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AuthorUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_comments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_monitoring_comments_reporting_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "reporting_rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reporting_reminders",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    DaysFromDue = table.Column<int>(type: "integer", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Recipients = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_reminders", x => new { x.RoundId, x.DaysFromDue });
                    table.ForeignKey(
                        name: "FK_reporting_reminders_reporting_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "reporting_rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_approvals_ProposalId",
                table: "approvals",
                column: "ProposalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_approvals_SubmissionId",
                table: "approvals",
                column: "SubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_indicator_values_CorrectsId",
                table: "indicator_values",
                column: "CorrectsId",
                unique: true,
                filter: "\"CorrectsId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_indicator_values_first",
                table: "indicator_values",
                columns: new[] { "IndicatorId", "Year", "Kind" },
                unique: true,
                filter: "\"CorrectsId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_indicator_values_ProposalId_Year",
                table: "indicator_values",
                columns: new[] { "ProposalId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_monitored_indicators_ApprovalId_Code",
                table: "monitored_indicators",
                columns: new[] { "ApprovalId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_monitored_indicators_ProposalId",
                table: "monitored_indicators",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_comments_RoundId_CreatedAt",
                table: "monitoring_comments",
                columns: new[] { "RoundId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_reporting_rounds_ApprovalId_Year",
                table: "reporting_rounds",
                columns: new[] { "ApprovalId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reporting_rounds_ProposalId",
                table: "reporting_rounds",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_round_entries_CorrectsId",
                table: "round_entries",
                column: "CorrectsId",
                unique: true,
                filter: "\"CorrectsId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_round_entries_first",
                table: "round_entries",
                columns: new[] { "ProposalId", "Year", "Section", "Key" },
                unique: true,
                filter: "\"CorrectsId\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "indicator_values");

            migrationBuilder.DropTable(
                name: "monitoring_comments");

            migrationBuilder.DropTable(
                name: "reporting_reminders");

            migrationBuilder.DropTable(
                name: "round_entries");

            migrationBuilder.DropTable(
                name: "monitored_indicators");

            migrationBuilder.DropTable(
                name: "reporting_rounds");

            migrationBuilder.DropTable(
                name: "approvals");
        }
    }
}
