using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinanceBuilder.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SharedPublicPostLimit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "post_attempts");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_post_attempts_AddressKey_At",
                table: "post_attempts",
                columns: new[] { "AddressKey", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_post_attempts_At",
                table: "post_attempts",
                column: "At");
        }
    }
}
