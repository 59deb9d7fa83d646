using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinanceBuilder.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchIndexKeyedByAction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The index row's rowid becomes the action's place in newest-first order, its filters
            // become words of a second column (facets), and the row names its action by rowid and
            // by id (stored, not indexed). A rowid of published_actions is not stable — VACUUM may
            // renumber the rows of a table without an integer key, and a restored or copied file
            // may have been vacuumed — so CatalogueIndex compares the two at start and rebuilds the
            // index when they disagree. The index is made of stems only C# makes (SearchTerms): the
            // empty table made here is filled at the app's next start.
            migrationBuilder.Sql("DROP TABLE published_actions_search;");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE published_actions_search USING fts5(terms, facets, action_rowid UNINDEXED, action_id UNINDEXED, content = '', contentless_delete = 1, contentless_unindexed = 1, tokenize = \"unicode61 tokenchars '-.'\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE published_actions_search;");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE published_actions_search USING fts5(terms, tokenize = \"unicode61 tokenchars '-.'\");");
        }
    }
}
