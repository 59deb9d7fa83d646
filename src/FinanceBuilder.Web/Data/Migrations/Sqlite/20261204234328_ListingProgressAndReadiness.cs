using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinanceBuilder.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListingProgressAndReadiness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ListingReadiness",
                table: "proposals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ListingSectionsDone",
                table: "proposals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ListingSectionsTotal",
                table: "proposals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ListingTargetBoardDate",
                table: "proposals",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ListingReadiness",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "ListingSectionsDone",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "ListingSectionsTotal",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "ListingTargetBoardDate",
                table: "proposals");
        }
    }
}
