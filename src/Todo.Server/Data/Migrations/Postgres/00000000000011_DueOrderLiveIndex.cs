using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Todo.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DueOrderLiveIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tasks_user_due_order",
                table: "tasks");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_user_due_order",
                table: "tasks",
                columns: new[] { "user_id", "due_order", "number", "due_at", "is_completed" },
                filter: "deleted_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tasks_user_due_order",
                table: "tasks");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_user_due_order",
                table: "tasks",
                columns: new[] { "user_id", "due_order", "number", "due_at", "is_completed" });
        }
    }
}
