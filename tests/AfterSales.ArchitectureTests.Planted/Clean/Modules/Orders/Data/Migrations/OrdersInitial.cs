using Microsoft.EntityFrameworkCore.Migrations;

namespace Clean.Modules.Orders.Data.Migrations;

/// <summary>EF Core generates migrations public: rule 6 leaves migration classes alone wherever they are.</summary>
public sealed class OrdersInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable("orders", t => new { Id = t.Column<string>() });
}
