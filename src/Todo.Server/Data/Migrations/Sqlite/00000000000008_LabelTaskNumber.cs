using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Todo.Server.Data.Migrations.Sqlite
{
    /// <summary>task_labels keeps its task's number; (user_id, label, task_number) lists a label's tasks in number order.</summary>
    public partial class LabelTaskNumber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_task_labels_user_label",
                table: "task_labels");

            migrationBuilder.AddColumn<int>(
                name: "task_number",
                table: "task_labels",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Labels written before this migration take their task's number (which never changes).
            migrationBuilder.Sql("UPDATE task_labels SET task_number = (SELECT number FROM tasks WHERE tasks.id = task_labels.task_id);");

            migrationBuilder.CreateIndex(
                name: "ix_task_labels_user_label_number",
                table: "task_labels",
                columns: new[] { "user_id", "label", "task_number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_task_labels_user_label_number",
                table: "task_labels");

            migrationBuilder.DropColumn(
                name: "task_number",
                table: "task_labels");

            migrationBuilder.CreateIndex(
                name: "ix_task_labels_user_label",
                table: "task_labels",
                columns: new[] { "user_id", "label" });
        }
    }
}
