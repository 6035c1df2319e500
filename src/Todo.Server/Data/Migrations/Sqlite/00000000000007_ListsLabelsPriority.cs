using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Todo.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListsLabelsPriority : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "list_id",
                table: "tasks",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<short>(
                name: "priority",
                table: "tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.CreateTable(
                name: "lists",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    is_inbox = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lists", x => x.id);
                    table.CheckConstraint("ck_lists_name_length", "length(name) <= 100");
                    table.CheckConstraint("ck_lists_normalized_name_length", "length(normalized_name) <= 100");
                    table.ForeignKey(
                        name: "fk_lists_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Every existing user gets an Inbox, and every existing task goes in its owner's Inbox, before the table
            // rebuild below (for the foreign key and the check) copies the tasks. Ids as EF Core writes GUIDs: upper-case text.
            migrationBuilder.Sql("""
                INSERT INTO lists (id, user_id, name, normalized_name, is_inbox, created_at, updated_at)
                SELECT upper(hex(randomblob(4))) || '-' || upper(hex(randomblob(2))) || '-4' || substr(upper(hex(randomblob(2))), 2)
                       || '-' || substr('89AB', 1 + (abs(random()) % 4), 1) || substr(upper(hex(randomblob(2))), 2)
                       || '-' || upper(hex(randomblob(6))),
                       id, 'Inbox', 'inbox', 1, strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now')
                FROM users;
                """);

            migrationBuilder.Sql("""
                UPDATE tasks SET list_id = (SELECT lists.id FROM lists WHERE lists.user_id = tasks.user_id AND lists.is_inbox);
                """);

            migrationBuilder.CreateTable(
                name: "task_labels",
                columns: table => new
                {
                    task_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    label = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_labels", x => new { x.task_id, x.label });
                    table.CheckConstraint("ck_task_labels_label_length", "length(label) <= 50");
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
            migrationBuilder.DropTable(
                name: "task_labels");

            // The tasks table rebuilt by hand, in order: EF Core would drop "lists" before its own rebuild of "tasks",
            // while tasks still reference it. The shape is migration 006's.
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_tasks" (
                    "id" TEXT NOT NULL CONSTRAINT "pk_tasks" PRIMARY KEY,
                    "completed_at" TEXT NULL,
                    "created_at" TEXT NOT NULL,
                    "description" TEXT NULL,
                    "is_completed" INTEGER NOT NULL,
                    "number" INTEGER NOT NULL,
                    "title" TEXT NOT NULL,
                    "updated_at" TEXT NOT NULL,
                    "user_id" TEXT NOT NULL,
                    CONSTRAINT "ck_tasks_description_length" CHECK (length(description) <= 1000),
                    CONSTRAINT "ck_tasks_title_length" CHECK (length(title) <= 100),
                    CONSTRAINT "fk_tasks_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
                );
                INSERT INTO "ef_temp_tasks" ("id", "completed_at", "created_at", "description", "is_completed", "number", "title", "updated_at", "user_id")
                SELECT "id", "completed_at", "created_at", "description", "is_completed", "number", "title", "updated_at", "user_id"
                FROM "tasks";
                DROP TABLE "tasks";
                ALTER TABLE "ef_temp_tasks" RENAME TO "tasks";
                CREATE INDEX "ix_tasks_created_at" ON "tasks" ("created_at");
                CREATE INDEX "ix_tasks_is_completed" ON "tasks" ("is_completed");
                CREATE INDEX "ix_tasks_user_completed" ON "tasks" ("user_id", "is_completed");
                CREATE INDEX "ix_tasks_user_id" ON "tasks" ("user_id");
                CREATE UNIQUE INDEX "ix_tasks_user_number" ON "tasks" ("user_id", "number");
                """);

            migrationBuilder.DropTable(
                name: "lists");
        }
    }
}
