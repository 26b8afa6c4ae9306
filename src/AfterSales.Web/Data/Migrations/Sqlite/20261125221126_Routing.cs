using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Routing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Queue",
                table: "cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "routing_agents",
                columns: table => new
                {
                    AgentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Skills = table.Column<string>(type: "TEXT", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Available = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_routing_agents", x => x.AgentId);
                });

            migrationBuilder.CreateTable(
                name: "routing_queues",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CaseTypes = table.Column<string>(type: "TEXT", nullable: false),
                    ShopIds = table.Column<string>(type: "TEXT", nullable: false),
                    RequiredSkill = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Precedence = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_routing_queues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "routing_skills",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequiresCertificate = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_routing_skills", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_Queue_Status",
                table: "cases",
                columns: new[] { "Queue", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "routing_agents");

            migrationBuilder.DropTable(
                name: "routing_queues");

            migrationBuilder.DropTable(
                name: "routing_skills");

            migrationBuilder.DropIndex(
                name: "IX_cases_Queue_Status",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "Queue",
                table: "cases");
        }
    }
}
