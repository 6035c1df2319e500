using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Todo.Server.Components.Workspace;
using Todo.Server.Data;
using Todo.Server.Reminders;
using Todo.Server.Tasks;

namespace Todo.Tests.Web;

/// <summary>The workspace's notifications: a reminder that fires while the page is open shows and is announced; marking it read.</summary>
public sealed class NotificationsAreaTests : ComponentTestContext
{
    [Fact]
    public async Task AReminderFiringWhileThePageIsOpenShowsAtOnceIsAnnouncedAndIsMarkedRead()
    {
        var area = Render<NotificationsArea>(parameters => parameters.Add(p => p.UserId, UserId));
        area.WaitForAssertion(() => Assert.Equal("0 unread", area.Find("#notifications-unread").TextContent));

        await WithAsync<TodoDbContext>(async db =>
        {
            var task = await new TaskService(db, TimeProvider.System).CreateAsync(UserId, "Call mom");
            await new ReminderService(db, TimeProvider.System).ReplaceAsync(UserId, task, [ReminderSpec.AtMoment(DateTimeOffset.UtcNow.AddSeconds(-1))]);
        });
        Assert.Equal(1, await Services.GetRequiredService<ReminderFirer>().FireDueAsync());

        area.WaitForAssertion(() =>
        {
            Assert.Equal("1 unread", area.Find("#notifications-unread").TextContent);
            Assert.Equal("Reminder: Call mom", area.Find("#notifications-status").TextContent);
            Assert.Equal("status", area.Find("#notifications-status").GetAttribute("role"));
        });

        await area.Find("#notifications-toggle").ClickAsync(new());
        area.WaitForAssertion(() => Assert.Equal("Call mom", area.Find("li.notification.unread .notification-title").TextContent));
        await area.Find("li.notification .mark-read").ClickAsync(new());

        area.WaitForAssertion(() =>
        {
            Assert.Equal("0 unread", area.Find("#notifications-unread").TextContent);
            Assert.Empty(area.FindAll("li.notification.unread"));
            Assert.Single(area.FindAll("li.notification.read"));
        });
        Assert.NotNull((await WithAsync<TodoDbContext, Notification>(db => db.Notifications.SingleAsync())).ReadAt);
    }
}
