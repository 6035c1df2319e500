using Todo.Server;
using Todo.Server.Accounts;
using Todo.Server.Assistant;
using Todo.Server.Chat;
using Todo.Server.Components;
using Todo.Server.Data;
using Todo.Server.History;
using Todo.Server.Http;
using Todo.Server.Lists;
using Todo.Server.Live;
using Todo.Server.Mcp;
using Todo.Server.OAuth;
using Todo.Server.Reminders;
using Todo.Server.Tasks;
using Todo.Server.Telemetry;
using Todo.Server.Tokens;
using Todo.Server.Transfer;
using Todo.Server.Webhooks;

var builder = WebApplication.CreateBuilder(ServerCommands.HostArguments(args));
builder.AddServerCommands(args);
builder.AddTelemetry();
builder.AddTodoDatabase();
builder.AddTodoHealthChecks();
builder.AddApiConventions();
builder.AddApiDocs();
builder.AddRateLimits();
builder.AddAccounts();
builder.AddPersonalAccessTokens();
builder.AddOAuthServer();
builder.AddWebUi();
builder.AddTasks();
builder.AddHistory();
builder.AddReminders();
builder.AddWebhooks();
builder.AddLists();
builder.AddTransfer();
builder.AddLive();
builder.AddAssistant();
builder.AddTodoMcp();

var app = builder.Build();
if (ServerCommands.IsCommand(args))
{
    return await app.RunCommandAsync(args);
}

if (!await app.PrepareAsync())
{
    return 1;
}

app.UseSecurityHeaders();
app.UseApiConventions();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapTodoHealthChecks();
app.MapApiDocs();
app.MapAccounts();
app.MapPersonalAccessTokens();
app.MapTasks();
app.MapHistory();
app.MapBulk();
app.MapNotifications();
app.MapWebhooks();
app.MapLists();
app.MapTransfer();
app.MapLive();
app.MapChat();
app.MapTodoMcp();
app.MapOAuthServer();
app.MapWebUi();

await app.RunAsync();
return 0;

public partial class Program;
