using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Todo.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TaskNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "task_number_seq",
                table: "users",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "number",
                table: "tasks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Existing tasks are numbered per user in creation order, and each counter continues after them.
            migrationBuilder.Sql("""
                UPDATE tasks SET number = ranked.number
                FROM (SELECT id, row_number() OVER (PARTITION BY user_id ORDER BY created_at, id) AS number FROM tasks) AS ranked
                WHERE tasks.id = ranked.id;
                """);
            migrationBuilder.Sql("""
                UPDATE users SET task_number_seq = (SELECT coalesce(max(number), 0) FROM tasks WHERE tasks.user_id = users.id);
                """);

            migrationBuilder.CreateIndex(
                name: "ix_tasks_user_number",
                table: "tasks",
                columns: new[] { "user_id", "number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tasks_user_number",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "task_number_seq",
                table: "users");

            migrationBuilder.DropColumn(
                name: "number",
                table: "tasks");
        }
    }
}
