using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Todo.Server.History;
using Todo.Server.Accounts;
using Todo.Server.Chat;
using Todo.Server.Lists;
using Todo.Server.Reminders;
using Todo.Server.Tasks;
using Todo.Server.Tokens;
using Todo.Server.Transfer;
using Todo.Server.Webhooks;

namespace Todo.Server.Data;

// Table, column and index names follow the migration report exactly; columns are snake_case by convention.

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> user)
    {
        user.ToTable("users");
        user.Property(u => u.Email).HasMaxLength(Limits.EmailMaxLength);
        user.HasIndex(u => u.Email).IsUnique().HasDatabaseName("ix_users_email");
        user.HasIndex(u => u.IsActive).HasDatabaseName("ix_users_is_active");
        user.Property(u => u.TimeZone).HasMaxLength(Limits.TimeZoneMaxLength).HasDefaultValue(User.DefaultTimeZone);
    }
}

internal sealed class TaskItemConfiguration : IEntityTypeConfiguration<TaskItem>
{
    public void Configure(EntityTypeBuilder<TaskItem> task)
    {
        task.ToTable("tasks");
        task.Property(t => t.Title).HasMaxLength(Limits.TaskTitleMaxLength);
        task.Property(t => t.Description).HasMaxLength(Limits.TaskDescriptionMaxLength);
        task.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        task.HasIndex(t => t.UserId).HasDatabaseName("ix_tasks_user_id");
        task.HasIndex(t => t.IsCompleted).HasDatabaseName("ix_tasks_is_completed");
        task.HasIndex(t => t.CreatedAt).HasDatabaseName("ix_tasks_created_at");
        task.HasIndex(t => new { t.UserId, t.IsCompleted }).HasDatabaseName("ix_tasks_user_completed");
        task.HasIndex(t => new { t.UserId, t.Number }).IsUnique().HasDatabaseName("ix_tasks_user_number");

        // A list's tasks in number order (and the foreign key's index); a user's tasks by priority.
        task.HasOne(t => t.List).WithMany().HasForeignKey(t => t.ListId).OnDelete(DeleteBehavior.NoAction);
        task.HasIndex(t => new { t.ListId, t.Number }).HasDatabaseName("ix_tasks_list_number");
        task.Property(t => t.Priority).HasDefaultValue(TaskPriority.None).HasSentinel(TaskPriority.None);
        task.HasIndex(t => new { t.UserId, t.Priority, t.Number }).IsDescending(false, true, false).HasDatabaseName("ix_tasks_user_priority");
        task.ToTable(t => t.HasCheckConstraint("ck_tasks_priority", "priority BETWEEN 0 AND 3"));
        task.Ignore(t => t.LabelNames);
        task.Ignore(t => t.ReadAt);
        task.Ignore(t => t.HasReminders);
        task.Ignore(t => t.OwnerTimeZone);

        // Due: sort=due ranges over (user_id, due_order, number); the date terms read only this index's columns, so a
        // filtered page finds its numbers in the index alone and then reads only its own rows. The index holds only the
        // tasks outside the trash: every query that reads it has the trash filter (deleted_at IS NULL), which a partial
        // index answers without a heap fetch, and the trash's own queries go by ix_tasks_user_trash.
        task.Property(t => t.DueTimeZone).HasMaxLength(Limits.TimeZoneMaxLength);
        task.Property(t => t.DueRecurrence).HasMaxLength(Limits.RecurrenceMaxLength);
        task.Property(t => t.DueOrder).HasDefaultValue(TaskDue.NoDueOrder).HasSentinel(DateTime.MinValue);
        task.HasIndex(t => new { t.UserId, t.DueOrder, t.Number, t.DueAt, t.IsCompleted })
            .HasFilter("deleted_at IS NULL").HasDatabaseName("ix_tasks_user_due_order");
        task.HasMany(t => t.Labels).WithOne().HasForeignKey(l => l.TaskId).OnDelete(DeleteBehavior.Cascade);

        // Trash: a deleted task keeps its row (and number) until restored or purged; every query but the trash's skips it.
        task.HasQueryFilter(t => t.DeletedAt == null);
        task.HasIndex(t => new { t.UserId, t.DeletedAt }).HasFilter("deleted_at IS NOT NULL").HasDatabaseName("ix_tasks_user_trash");
    }
}

internal sealed class TodoListConfiguration : IEntityTypeConfiguration<TodoList>
{
    public void Configure(EntityTypeBuilder<TodoList> list)
    {
        list.ToTable("lists");
        list.Property(l => l.Name).HasMaxLength(Limits.ListNameMaxLength);
        list.Property(l => l.NormalizedName).HasMaxLength(Limits.ListNameMaxLength);
        list.HasOne<User>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        list.HasIndex(l => new { l.UserId, l.NormalizedName }).IsUnique().HasDatabaseName("ix_lists_user_normalized_name");
        // Exactly one Inbox per user: unique among the user's rows with is_inbox (a partial index, both providers).
        list.HasIndex(l => l.UserId).IsUnique().HasFilter("is_inbox").HasDatabaseName("ix_lists_user_inbox");
    }
}

internal sealed class TaskLabelConfiguration : IEntityTypeConfiguration<TaskLabel>
{
    public void Configure(EntityTypeBuilder<TaskLabel> label)
    {
        label.ToTable("task_labels");
        label.HasKey(l => new { l.TaskId, l.Label });
        label.Property(l => l.Label).HasMaxLength(Limits.LabelMaxLength);
        label.HasIndex(l => new { l.UserId, l.Label, l.TaskNumber }).HasDatabaseName("ix_task_labels_user_label_number");
    }
}

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> conversation)
    {
        conversation.ToTable("conversations");
        conversation.Property(c => c.Title).HasMaxLength(Limits.ConversationTitleMaxLength);
        conversation.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        conversation.HasIndex(c => c.UserId).HasDatabaseName("ix_conversations_user_id");
        conversation.HasIndex(c => c.UpdatedAt).HasDatabaseName("ix_conversations_updated_at");
        conversation.HasIndex(c => c.IsDeleted).HasDatabaseName("ix_conversations_is_deleted");
        conversation.HasIndex(c => c.DeletedAt).HasDatabaseName("ix_conversations_deleted_at");
        conversation.HasIndex(c => new { c.UserId, c.IsDeleted }).HasDatabaseName("ix_conversations_user_deleted");
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> message)
    {
        message.ToTable("messages");
        message.Property(m => m.Content).HasMaxLength(Limits.MessageMaxLength);
        message.Property(m => m.ToolCalls).HasColumnType("jsonb"); // TEXT on SQLite (SqliteModel)
        message.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        message.HasIndex(m => m.ConversationId).HasDatabaseName("ix_messages_conversation_id");
        message.HasIndex(m => m.CreatedAt).HasDatabaseName("ix_messages_created_at");
        message.HasIndex(m => new { m.ConversationId, m.CreatedAt }).HasDatabaseName("ix_messages_conversation_created");
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> record)
    {
        record.ToTable("idempotency_keys");
        record.HasKey(r => new { r.UserId, r.Key });
        record.Property(r => r.Key).HasMaxLength(IdempotencyStore.MaxKeyLength);
        record.Property(r => r.RequestHash).HasMaxLength(64);
        record.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        record.HasIndex(r => r.CreatedAt).HasDatabaseName("ix_idempotency_keys_created_at");
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> key) => key.ToTable("data_protection_keys");
}

internal sealed class ActivityEventConfiguration : IEntityTypeConfiguration<ActivityEvent>
{
    public void Configure(EntityTypeBuilder<ActivityEvent> activity)
    {
        // Newest first for one user, and "everything after N", read the primary key; a task's history its own index.
        activity.ToTable("activity");
        activity.HasKey(a => new { a.UserId, a.Seq });
        activity.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        activity.Property(a => a.Source).HasConversion(LowerCaseName<ActivitySource>()).HasMaxLength(16);
        activity.Property(a => a.Kind).HasConversion(LowerCaseName<ActivityKind>()).HasMaxLength(16);
        activity.Property(a => a.TaskTitle).HasMaxLength(Limits.TaskTitleMaxLength);
        activity.HasIndex(a => new { a.UserId, a.TaskId, a.Seq }).HasDatabaseName("ix_activity_user_task");
        activity.HasIndex(a => new { a.UserId, a.BatchId }).HasDatabaseName("ix_activity_user_batch");
    }

    private static ValueConverter<T, string> LowerCaseName<T>() where T : struct, Enum =>
        new(value => value.ToString().ToLowerInvariant(), name => Enum.Parse<T>(name, true));
}

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> reminder)
    {
        reminder.ToTable("reminders");
        reminder.HasOne<TaskItem>().WithMany().HasForeignKey(r => r.TaskId).OnDelete(DeleteBehavior.Cascade);
        reminder.HasIndex(r => new { r.UserId, r.TaskId }).HasDatabaseName("ix_reminders_user_task");
        // What fires next, across every user: only the reminders still to fire are in it.
        reminder.HasIndex(r => r.FireAt).HasFilter("fired_at IS NULL").HasDatabaseName("ix_reminders_pending_fire_at");
        reminder.HasIndex(r => r.TaskId).HasDatabaseName("ix_reminders_task_id");
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.ToTable("notifications");
        notification.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        notification.Property(n => n.Title).HasMaxLength(Limits.TaskTitleMaxLength);
        notification.HasIndex(n => new { n.UserId, n.CreatedAt }).HasDatabaseName("ix_notifications_user_created");
        // One notification per firing of a reminder, whichever server sends it.
        notification.HasIndex(n => new { n.ReminderId, n.DueAt }).IsUnique().HasDatabaseName("ix_notifications_reminder_due");
    }
}

internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> token)
    {
        // A presented token is found by its unique prefix; a user's tokens are listed newest first.
        token.ToTable("personal_access_tokens");
        token.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        token.Property(t => t.Name).HasMaxLength(Limits.TokenNameMaxLength);
        token.Property(t => t.Prefix).HasMaxLength(PersonalAccessTokenFormat.PrefixLength);
        token.Property(t => t.TokenHash).HasMaxLength(PersonalAccessTokenFormat.HashLength);
        token.HasIndex(t => t.Prefix).IsUnique().HasDatabaseName("ix_personal_access_tokens_prefix");
        token.HasIndex(t => new { t.UserId, t.CreatedAt }).HasDatabaseName("ix_personal_access_tokens_user_created");
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> feed)
    {
        feed.ToTable("calendar_feeds");
        feed.HasKey(f => f.UserId);
        feed.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        feed.Property(f => f.SecretHash).HasMaxLength(CalendarFeed.SecretHashLength);
        // The feed's address is looked up by its secret's hash.
        feed.HasIndex(f => f.SecretHash).IsUnique().HasDatabaseName("ix_calendar_feeds_secret_hash");
    }
}

internal sealed class WebhookConfiguration : IEntityTypeConfiguration<Webhook>
{
    public void Configure(EntityTypeBuilder<Webhook> webhook)
    {
        webhook.ToTable("webhooks");
        webhook.HasOne<User>().WithMany().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Cascade);
        webhook.Property(w => w.Url).HasMaxLength(WebhookTargets.MaxUrlLength);
        webhook.Property(w => w.Events).HasMaxLength(WebhookEvents.MaxStoredLength);
        webhook.HasIndex(w => new { w.UserId, w.CreatedAt }).HasDatabaseName("ix_webhooks_user_created");
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> delivery)
    {
        delivery.ToTable("webhook_deliveries");
        delivery.HasOne<Webhook>().WithMany().HasForeignKey(d => d.WebhookId).OnDelete(DeleteBehavior.Cascade);
        delivery.Property(d => d.EventType).HasMaxLength(32);
        delivery.Property(d => d.Status).HasConversion(new ValueConverter<WebhookDeliveryStatus, string>(
            value => value.ToString().ToLowerInvariant(), name => Enum.Parse<WebhookDeliveryStatus>(name, true))).HasMaxLength(16);
        delivery.Property(d => d.Error).HasMaxLength(500);
        // One delivery per event and webhook, whichever server makes it; the log reads it newest event first.
        delivery.HasIndex(d => new { d.WebhookId, d.EventSeq }).IsUnique().HasDatabaseName("ix_webhook_deliveries_webhook_event");
        // What is due next, across every user: only the deliveries still to send are in it.
        delivery.HasIndex(d => d.NextAttemptAt).HasFilter("next_attempt_at IS NOT NULL").HasDatabaseName("ix_webhook_deliveries_due");
        delivery.HasIndex(d => d.UserId).HasDatabaseName("ix_webhook_deliveries_user_id");
    }
}
