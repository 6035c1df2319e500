using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Todo.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ActivityTrashReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "activity_seq",
                table: "users",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTime>(
                name: "deleted_at",
                table: "tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "activity",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    seq = table.Column<long>(type: "INTEGER", nullable: false),
                    batch_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    task_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    task_number = table.Column<int>(type: "INTEGER", nullable: false),
                    task_title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    changes = table.Column<string>(type: "TEXT", nullable: false),
                    undoes_batch_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    undone_by_batch_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activity", x => new { x.user_id, x.seq });
                    table.ForeignKey(
                        name: "fk_activity_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    task_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    task_number = table.Column<int>(type: "INTEGER", nullable: true),
                    reminder_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    due_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    late = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    read_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    emailed_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_notifications_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reminders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    task_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    minutes_before = table.Column<int>(type: "INTEGER", nullable: true),
                    fire_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    fired_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    claimed_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reminders", x => x.id);
                    table.ForeignKey(
                        name: "fk_reminders_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tasks_user_trash",
                table: "tasks",
                columns: new[] { "user_id", "deleted_at" },
                filter: "deleted_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_activity_user_batch",
                table: "activity",
                columns: new[] { "user_id", "batch_id" });

            migrationBuilder.CreateIndex(
                name: "ix_activity_user_task",
                table: "activity",
                columns: new[] { "user_id", "task_id", "seq" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_reminder_due",
                table: "notifications",
                columns: new[] { "reminder_id", "due_at" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_created",
                table: "notifications",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_reminders_pending_fire_at",
                table: "reminders",
                column: "fire_at",
                filter: "fired_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_reminders_task_id",
                table: "reminders",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_reminders_user_task",
                table: "reminders",
                columns: new[] { "user_id", "task_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activity");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "reminders");

            migrationBuilder.DropIndex(
                name: "ix_tasks_user_trash",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "activity_seq",
                table: "users");

            migrationBuilder.DropColumn(
                name: "deleted_at",
                table: "tasks");
        }
    }
}
