namespace Todo.Tests.Scaling;

/// <summary>
/// The statements that touch user-keyed tables across users on purpose, each found by a stable fragment of its SQL
/// (compared after <see cref="UserFilterChecker.Normalize"/>: lower case, quotes off, literals as '?'). Keep it short:
/// a statement on a user's request path belongs here only when it looks a row up by a globally unique secret.
/// docs/scaling.md says what each costs on a database distributed by user_id.
/// </summary>
public static class CrossUserStatements
{
    private const string Migration = "a data migration (db migrate): it fills a new column for every user's rows, once";
    private const string Retention = "the retention job (Chat/ConversationRetention.cs): one server an hour, under an advisory lock, sweeps every user's expired rows";
    private const string Reminders = "the reminder firer (Reminders/ReminderFirer.cs): finds and claims due reminders of every user";
    private const string Webhooks = "the webhook dispatcher (Webhooks/WebhookDispatcher.cs): finds webhooks with new activity and due deliveries of every user, then works on each by its id";

    public static IReadOnlyList<CrossUserStatement> All { get; } =
    [
        new("update tasks set number = ranked.number from", Migration + " (002: per-user task numbers)"),
        new("update users set task_number_seq =", Migration + " (002: each user's task number sequence)"),
        new("update tasks set list_id = lists.id from lists where lists.user_id = tasks.user_id", Migration + " (007: every task into its owner's Inbox)"),
        new("update task_labels set task_number =", Migration + " (008: the task's number copied into its labels)"),

        new("where not (c.is_deleted) and c.updated_at < @idlebefore", Retention + " (idle conversations soft-deleted)"),
        new("delete from conversations as c where c.is_deleted and c.deleted_at < @purgebefore", Retention + " (deleted conversations purged)"),
        new("delete from idempotency_keys as i where i.created_at < @cutoff", Retention + " (expired idempotency keys)"),
        new("delete from tasks as t where t.deleted_at is not null and t.deleted_at < @deletedbefore", Retention + " (the trash emptied after Tasks:TrashDays)"),

        new("from reminders as r where r.fired_at is null and r.fire_at <= @now", Reminders + " (is anything due?)"),
        new("update reminders set claimed_until = @p0 where id in ( select id from reminders where fired_at is null", Reminders + " (the claim)"),
        new("from tasks as t where t.id = any (@taskids)", Reminders + " (the claimed reminders' tasks, by id)"),
        new("update reminders as r set fired_at = @p,", Reminders + " (the claimed reminders marked fired, by id and lease)"),

        new("select w.id from webhooks as w where exists ( select 1 from users as u where u.id = w.user_id and u.activity_seq > w.cursor_seq)", Webhooks + " (webhooks behind their user's activity)"),
        new("select * from webhooks where id = @p0 for update skip locked", Webhooks + " (one of them, locked by id)"),
        new("update webhooks as w set cursor_seq = @p where w.id =", Webhooks + " (its cursor moved)"),
        new("from webhook_deliveries as w where w.next_attempt_at is not null and w.next_attempt_at <= @now", Webhooks + " (is any delivery due?)"),
        new("update webhook_deliveries set claimed_until = @p0 where id in ( select id from webhook_deliveries", Webhooks + " (the claim)"),
        new("from webhooks as w where w.id = any (@ids)", Webhooks + " (the claimed deliveries' webhooks)"),
        new("update webhook_deliveries as w set status = @p,", Webhooks + " (a delivery's outcome, by id and lease)"),

        new("from personal_access_tokens as p inner join ( select u.id, u.email from users as u where u.is_active ) as u0 on p.user_id = u0.id where p.prefix = @prefix",
            "a presented personal access token, looked up by its unique prefix before its user is known (then its SHA-256 is compared)"),
        new("select c.user_id from calendar_feeds as c where c.secret_hash = @hash",
            "the calendar feed's address, looked up by the SHA-256 of its unique secret: the address is how its user is known"),
    ];
}
