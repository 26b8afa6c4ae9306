using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NoteAudiences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Audience",
                table: "case_messages",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            // Notes written before audiences existed were read by every merchant of the shop; from now on they are
            // the platform's only (the safe reading: a note meant for the shop can be written again for it).
            migrationBuilder.Sql("UPDATE case_messages SET \"Audience\" = 'platform' WHERE \"Internal\" = 1;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Audience",
                table: "case_messages");
        }
    }
}
