using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EncryptedWebhookSecrets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
