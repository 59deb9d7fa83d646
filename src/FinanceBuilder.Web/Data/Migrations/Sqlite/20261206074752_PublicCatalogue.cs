using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinanceBuilder.Web.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_action_publications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "catalogue_actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Document = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedRevision = table.Column<int>(type: "INTEGER", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PublisherName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Document = table.Column<string>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    AdministrativeArea = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Focus = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ResultAreas = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Hazards = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SeeksFunding = table.Column<bool>(type: "INTEGER", nullable: false),
                    TotalCostUsd = table.Column<double>(type: "REAL", nullable: true),
                    Size = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Licence = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", nullable: false),
                    FirstPublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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

            // The catalogue's full-text index (ADR 0019): the terms SearchTerms makes of each
            // published action, under the action row's own rowid, kept by CatalogueIndex in the
            // same transaction as the action.
            // '-' and '.' stay inside a term ("bien-etr", "234.5"), as PostgreSQL keeps them.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE published_actions_search USING fts5(terms, tokenize = \"unicode61 tokenchars '-.'\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE published_actions_search;");

            migrationBuilder.DropTable(
                name: "action_publications");

            migrationBuilder.DropTable(
                name: "catalogue_actions");

            migrationBuilder.DropTable(
                name: "published_actions");
        }
    }
}
