using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FinanceBuilder.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PublicCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "action_publications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Fields = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_action_publications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "catalogue_actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: true),
                    Document = table.Column<string>(type: "text", nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedRevision = table.Column<int>(type: "integer", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalogue_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalogue_actions_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "published_actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PublisherName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CountryCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    AdministrativeArea = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Focus = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ResultAreas = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Hazards = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SeeksFunding = table.Column<bool>(type: "boolean", nullable: false),
                    TotalCostUsd = table.Column<double>(type: "double precision", nullable: true),
                    Size = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Licence = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SearchText = table.Column<string>(type: "text", nullable: false),
                    FirstPublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_published_actions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_action_publications_ActionId_At",
                table: "action_publications",
                columns: new[] { "ActionId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_actions_OrganisationId_UpdatedAt",
                table: "catalogue_actions",
                columns: new[] { "OrganisationId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_catalogue_actions_ProposalId",
                table: "catalogue_actions",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_published_actions_filters",
                table: "published_actions",
                columns: new[] { "WithdrawnAt", "UpdatedAt", "CountryCode", "Status", "Focus", "ResultAreas", "Hazards", "SeeksFunding", "Size", "TotalCostUsd" });

            migrationBuilder.CreateIndex(
                name: "IX_published_actions_OrganisationId",
                table: "published_actions",
                column: "OrganisationId");

            // The catalogue's full-text search (ADR 0019): PostgreSQL's English and French
            // configurations with accents folded before stemming, a column made by the action's
            // language, and its GIN index. unaccent is a trusted extension: the database's owner
            // may create it.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
            migrationBuilder.Sql("CREATE TEXT SEARCH CONFIGURATION fb_english (COPY = english);");
            migrationBuilder.Sql("ALTER TEXT SEARCH CONFIGURATION fb_english ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;");
            migrationBuilder.Sql("CREATE TEXT SEARCH CONFIGURATION fb_french (COPY = french);");
            migrationBuilder.Sql("ALTER TEXT SEARCH CONFIGURATION fb_french ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;");
            migrationBuilder.Sql("""
                ALTER TABLE published_actions ADD COLUMN search_vector tsvector GENERATED ALWAYS AS
                    (to_tsvector(CASE WHEN "Language" = 'fr' THEN 'fb_french'::regconfig ELSE 'fb_english'::regconfig END, "SearchText")) STORED;
                """);
            migrationBuilder.Sql("CREATE INDEX ix_published_actions_search_vector ON published_actions USING GIN (search_vector);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_published_actions_search_vector;");
            migrationBuilder.Sql("ALTER TABLE published_actions DROP COLUMN IF EXISTS search_vector;");
            migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION IF EXISTS fb_english;");
            migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION IF EXISTS fb_french;");

            migrationBuilder.DropTable(
                name: "action_publications");

            migrationBuilder.DropTable(
                name: "catalogue_actions");

            migrationBuilder.DropTable(
                name: "published_actions");
        }
    }
}
