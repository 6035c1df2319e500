using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Todo.Server.Accounts;
using Todo.Server.Chat;
using Todo.Server.Lists;
using Todo.Server.Tasks;
using Todo.Server.Tokens;
using Todo.Server.Transfer;
using Todo.Server.Webhooks;

namespace Todo.Server.Data;

/// <summary>
/// What SQLite needs beyond the shared model: it ignores column lengths and has no enum types, so the
/// same limits are CHECK constraints, and the message role is text limited to the PostgreSQL labels.
/// </summary>
internal static class SqliteModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<User>().ToTable(t =>
            t.HasCheckConstraint("ck_users_email_length", $"length(email) <= {Limits.EmailMaxLength}"));
        modelBuilder.Entity<TaskItem>().ToTable(t =>
        {
            t.HasCheckConstraint("ck_tasks_title_length", $"length(title) <= {Limits.TaskTitleMaxLength}");
            t.HasCheckConstraint("ck_tasks_description_length", $"length(description) <= {Limits.TaskDescriptionMaxLength}");
        });
        modelBuilder.Entity<TodoList>().ToTable(t =>
        {
            t.HasCheckConstraint("ck_lists_name_length", $"length(name) <= {Limits.ListNameMaxLength}");
            t.HasCheckConstraint("ck_lists_normalized_name_length", $"length(normalized_name) <= {Limits.ListNameMaxLength}");
        });
        modelBuilder.Entity<TaskLabel>().ToTable(t =>
            t.HasCheckConstraint("ck_task_labels_label_length", $"length(label) <= {Limits.LabelMaxLength}"));
        modelBuilder.Entity<Conversation>().ToTable(t =>
            t.HasCheckConstraint("ck_conversations_title_length", $"length(title) <= {Limits.ConversationTitleMaxLength}"));
        modelBuilder.Entity<IdempotencyRecord>().ToTable(t =>
            t.HasCheckConstraint("ck_idempotency_keys_key_length", $"length(key) <= {IdempotencyStore.MaxKeyLength}"));
        modelBuilder.Entity<PersonalAccessToken>().ToTable(t =>
        {
            t.HasCheckConstraint("ck_personal_access_tokens_name_length", $"length(name) <= {Limits.TokenNameMaxLength}");
            t.HasCheckConstraint("ck_personal_access_tokens_prefix_length", $"length(prefix) <= {PersonalAccessTokenFormat.PrefixLength}");
        });
        modelBuilder.Entity<CalendarFeed>().ToTable(t =>
            t.HasCheckConstraint("ck_calendar_feeds_secret_hash_length", $"length(secret_hash) <= {CalendarFeed.SecretHashLength}"));
        modelBuilder.Entity<Webhook>().ToTable(t =>
        {
            t.HasCheckConstraint("ck_webhooks_url_length", $"length(url) <= {WebhookTargets.MaxUrlLength}");
            t.HasCheckConstraint("ck_webhooks_events_length", $"length(events) <= {WebhookEvents.MaxStoredLength}");
        });
        modelBuilder.Entity<WebhookDelivery>().ToTable(t =>
            t.HasCheckConstraint("ck_webhook_deliveries_error_length", "length(error) <= 500"));
        modelBuilder.Entity<Message>(message =>
        {
            message.Property(m => m.Role).HasConversion(MessageRoleLabels.Converter);
            message.Property(m => m.ToolCalls).HasColumnType("TEXT");
            message.ToTable(t =>
            {
                t.HasCheckConstraint("ck_messages_role", "role IN ('USER', 'ASSISTANT')");
                t.HasCheckConstraint("ck_messages_content_length", $"length(content) <= {Limits.MessageMaxLength}");
            });
        });
    }
}

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.ToUniversalTime(),
    stored => DateTime.SpecifyKind(stored, DateTimeKind.Utc));
