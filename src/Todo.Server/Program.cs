using Todo.Server;
using Todo.Server.Data;

var builder = WebApplication.CreateBuilder(ServerCommands.HostArguments(args));
builder.AddServerCommands(args);
builder.AddTodoDatabase();
builder.AddTodoHealthChecks();

var app = builder.Build();
if (ServerCommands.IsCommand(args))
{
    return await app.RunCommandAsync(args);
}

if (!await app.PrepareDatabaseAsync())
{
    return 1;
}

app.MapTodoHealthChecks();
await app.RunAsync();
return 0;

public partial class Program;
