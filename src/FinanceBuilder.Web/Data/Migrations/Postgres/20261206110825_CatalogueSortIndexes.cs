using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinanceBuilder.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CatalogueSortIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_published_actions_country",
                table: "published_actions",
                columns: new[] { "CountryCode", "UpdatedAt", "Id" },
                descending: new[] { false, true, false },
                filter: "\"WithdrawnAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_published_actions_newest",
                table: "published_actions",
                columns: new[] { "UpdatedAt", "Id" },
                descending: new[] { true, false },
                filter: "\"WithdrawnAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_published_actions_title",
                table: "published_actions",
                columns: new[] { "Title", "Id" },
                filter: "\"WithdrawnAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_published_actions_country",
                table: "published_actions");

            migrationBuilder.DropIndex(
                name: "IX_published_actions_newest",
                table: "published_actions");

            migrationBuilder.DropIndex(
                name: "IX_published_actions_title",
                table: "published_actions");
        }
    }
}
