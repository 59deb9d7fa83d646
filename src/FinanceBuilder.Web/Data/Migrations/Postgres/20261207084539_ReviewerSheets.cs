using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinanceBuilder.Web.Data.Migrations.Postgres
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
                type: "date",
                nullable: true);

            // Versions submitted before the column existed: their targeted Board meeting read
            // from their frozen document, so their review has a deadline too.
            migrationBuilder.Sql("""
                DO $$
                DECLARE r record;
                BEGIN
                    FOR r IN SELECT "Id", "Document"::jsonb #>> '{basics,targetBoardDate}' AS d FROM submissions LOOP
                        IF r.d ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
                            BEGIN
                                UPDATE submissions SET "TargetBoardDate" = r.d::date WHERE "Id" = r."Id";
                            EXCEPTION WHEN others THEN NULL; -- not a real day (2026-02-30): no deadline
                            END;
                        END IF;
                    END LOOP;
                END $$;
                """);

            migrationBuilder.CreateTable(
                name: "review_calls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DonorOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    Rubric = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_calls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "review_cases",
                columns: table => new
                {
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    DonorOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    CallId = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_cases", x => new { x.SubmissionId, x.DonorOrganisationId });
                });

            migrationBuilder.CreateTable(
                name: "reviewer_sheets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    DonorOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewerUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AssignedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Conflict = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ConflictNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DeclaredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Scores = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false),
                    Recommendation = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Summary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
