using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using Todo.Server.Reminders;
using Todo.Tests.Infrastructure;
using Todo.Tests.Tasks.Due;
using static Todo.Tests.Infrastructure.ProblemAssert;

namespace Todo.Tests.Reminders;

/// <summary>
/// A server on a <see cref="TestClock"/> whose firing loop is off (the tests fire with <see cref="ReminderApiSupport.FireAsync"/>,
/// at the moment they set), with email sent to a throwaway SMTP server on loopback.
/// </summary>
public interface IReminderApi
{
    ApiFixture Api { get; }

    TestClock Clock { get; }

    SimpleSmtpServer Smtp { get; }
}

internal static class ReminderApiSettings
{
    public static IReadOnlyDictionary<string, string?> For(SimpleSmtpServer smtp) => new Dictionary<string, string?>
    {
        ["Reminders:Enabled"] = "false",
        ["Email:SmtpHost"] = "127.0.0.1",
        ["Email:SmtpPort"] = smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:SmtpTls"] = "none",
        ["Email:From"] = "Todo <todo@example.com>",
        ["Email:RetryDelay"] = "00:00:00.200",
    };
}

public sealed class ReminderSqliteApi : SqliteApi, IReminderApi
{
    public ApiFixture Api => this;

    public TestClock Clock { get; } = new(DueApiSettings.Wednesday);

    public SimpleSmtpServer Smtp { get; } = Configuration.Configure().WithRandomPort().Build();

    protected override IReadOnlyDictionary<string, string?>? Settings => ReminderApiSettings.For(Smtp);

    protected override void ConfigureTestServices(IServiceCollection services) => Clock.Use(services);

    protected override void CleanUp()
    {
        Smtp.Dispose();
        base.CleanUp();
    }
}

public sealed class ReminderPostgresApi(PostgresServer server) : PostgresApi(server), IReminderApi
{
    public ApiFixture Api => this;

    public TestClock Clock { get; } = new(DueApiSettings.Wednesday);

    public SimpleSmtpServer Smtp { get; } = Configuration.Configure().WithRandomPort().Build();

    protected override IReadOnlyDictionary<string, string?>? Settings => ReminderApiSettings.For(Smtp);

    protected override void ConfigureTestServices(IServiceCollection services) => Clock.Use(services);

    protected override void CleanUp()
    {
        Smtp.Dispose();
        base.CleanUp();
    }
}

internal static class ReminderApiSupport
{
    /// <summary>Fires what is due at the clock's moment, as the server's loop would; how many notifications were written.</summary>
    public static Task<int> FireAsync(this ApiFixture api) => api.Services.GetRequiredService<ReminderFirer>().FireDueAsync();

    /// <summary>The reminders of a task as JSON: (at, minutes_before) in their order.</summary>
    public static List<(string? At, int? MinutesBefore)> RemindersOf(JsonElement task) =>
        [.. task.GetProperty("reminders").EnumerateArray().Select(r => (
            r.GetProperty("at").ValueKind == JsonValueKind.Null ? null : r.GetProperty("at").GetString(),
            r.GetProperty("minutes_before").ValueKind == JsonValueKind.Null ? (int?)null : r.GetProperty("minutes_before").GetInt32()))];

    public static async Task<JsonElement> NotificationsAsync(this TestUser user, string query = "")
    {
        var response = await user.Client.GetAsync("/api/notifications" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await DescribeAsync(response));
        return await response.Content.ReadFromJsonAsync<JsonElement>(ApiFixture.Json);
    }

    public static async Task<List<JsonElement>> NotificationItemsAsync(this TestUser user, string query = "") =>
        [.. (await user.NotificationsAsync(query)).GetProperty("items").EnumerateArray()];

    public static Task<int> StoredNotificationCountAsync(this ApiFixture api, Guid userId) =>
        api.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == userId));
}
