using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinanceBuilder.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewerSheets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "TargetBoardDate",
                table: "submissions",
                type: "TEXT",
                nullable: true);

            // Versions submitted before the column existed: their targeted Board meeting read
            // from their frozen document, so their review has a deadline too.
            migrationBuilder.Sql("""
                UPDATE submissions SET "TargetBoardDate" = json_extract("Document", '$.basics.targetBoardDate') WHERE json_valid("Document") AND json_extract("Document", '$.basics.targetBoardDate') GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(json_extract("Document", '$.basics.targetBoardDate')) = json_extract("Document", '$.basics.targetBoardDate');
                """);

            migrationBuilder.CreateTable(
                name: "review_calls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DonorOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Rubric = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_calls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "review_cases",
                columns: table => new
                {
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DonorOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CallId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_cases", x => new { x.SubmissionId, x.DonorOrganisationId });
                });

            migrationBuilder.CreateTable(
                name: "reviewer_sheets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DonorOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewerUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AssignedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Conflict = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ConflictNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DeclaredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Scores = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: false),
                    Recommendation = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviewer_sheets", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_review_calls_DonorOrganisationId",
                table: "review_calls",
                column: "DonorOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_review_cases_DonorOrganisationId",
                table: "review_cases",
                column: "DonorOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_reviewer_sheets_DonorOrganisationId_ReviewerUserId",
                table: "reviewer_sheets",
                columns: new[] { "DonorOrganisationId", "ReviewerUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_reviewer_sheets_SubmissionId_ReviewerUserId",
                table: "reviewer_sheets",
                columns: new[] { "SubmissionId", "ReviewerUserId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "review_calls");

            migrationBuilder.DropTable(
                name: "review_cases");

            migrationBuilder.DropTable(
                name: "reviewer_sheets");

            migrationBuilder.DropColumn(
                name: "TargetBoardDate",
                table: "submissions");
        }
    }
}
