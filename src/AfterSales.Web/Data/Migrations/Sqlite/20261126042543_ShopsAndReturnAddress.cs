using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ShopsAndReturnAddress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReturnAddress_Address",
                table: "cases",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnAddress_ContactName",
                table: "cases",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnAddress_Phone",
                table: "cases",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnAddress_PostalCode",
                table: "cases",
                type: "TEXT",
                maxLength: 6,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "shops",
                columns: table => new
                {
                    ShopId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReturnAddress_Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReturnAddress_ContactName = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ReturnAddress_Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ReturnAddress_PostalCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shops", x => x.ShopId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "shops");

            migrationBuilder.DropColumn(
                name: "ReturnAddress_Address",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "ReturnAddress_ContactName",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "ReturnAddress_Phone",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "ReturnAddress_PostalCode",
                table: "cases");
        }
    }
}
