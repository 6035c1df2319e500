using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Todo.Server.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListsLabelsPriority : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<short>(
                name: "priority",
                table: "tasks",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.CreateTable(
                name: "lists",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    normalized_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    is_inbox = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lists", x => x.id);
                    table.ForeignKey(
                        name: "fk_lists_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Every existing user gets an Inbox, and every existing task goes in its owner's Inbox.
            migrationBuilder.Sql("""
                INSERT INTO lists (id, user_id, name, normalized_name, is_inbox, created_at, updated_at)
                SELECT gen_random_uuid(), id, 'Inbox', 'inbox', TRUE, now(), now() FROM users;
                """);

            migrationBuilder.AddColumn<Guid>(
                name: "list_id",
                table: "tasks",
                type: "uuid",
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE tasks SET list_id = lists.id FROM lists WHERE lists.user_id = tasks.user_id AND lists.is_inbox;
                """);

            migrationBuilder.AlterColumn<Guid>(
                name: "list_id",
                table: "tasks",
                type: "uuid",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.CreateTable(
                name: "task_labels",
                columns: table => new
                {
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    label = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_labels", x => new { x.task_id, x.label });
                    table.ForeignKey(
                        name: "fk_task_labels_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tasks_list_number",
                table: "tasks",
                columns: new[] { "list_id", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_tasks_user_priority",
                table: "tasks",
                columns: new[] { "user_id", "priority", "number" },
                descending: new[] { false, true, false });

            migrationBuilder.AddCheckConstraint(
                name: "ck_tasks_priority",
                table: "tasks",
                sql: "priority BETWEEN 0 AND 3");

            migrationBuilder.CreateIndex(
                name: "ix_lists_user_inbox",
                table: "lists",
                column: "user_id",
                unique: true,
                filter: "is_inbox");

            migrationBuilder.CreateIndex(
                name: "ix_lists_user_normalized_name",
                table: "lists",
                columns: new[] { "user_id", "normalized_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_task_labels_user_label",
                table: "task_labels",
                columns: new[] { "user_id", "label" });

            migrationBuilder.AddForeignKey(
                name: "fk_tasks_lists_list_id",
                table: "tasks",
                column: "list_id",
                principalTable: "lists",
                principalColumn: "id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_tasks_lists_list_id",
                table: "tasks");

            migrationBuilder.DropTable(
                name: "task_labels");

            migrationBuilder.DropIndex(
                name: "ix_tasks_list_number",
                table: "tasks");

            migrationBuilder.DropIndex(
                name: "ix_tasks_user_priority",
                table: "tasks");

            migrationBuilder.DropCheckConstraint(
                name: "ck_tasks_priority",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "list_id",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "priority",
                table: "tasks");

            migrationBuilder.DropTable(
                name: "lists");
        }
    }
}
