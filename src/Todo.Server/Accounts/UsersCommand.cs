using System.Globalization;

namespace Todo.Server.Accounts;

/// <summary><c>users list | deactivate EMAIL | activate EMAIL</c>. Exit codes: 0 success, 1 failure, 2 usage.</summary>
internal static class UsersCommand
{
    public const string Usage = """
        Usage: Todo.Server users <command>
          list                 every account: email, active, created
          deactivate EMAIL     stop the account signing in; its tokens and web sessions stop working within a minute
          activate EMAIL       let the account sign in again
        """;

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        switch (args)
        {
            case ["list"]:
                var users = await accounts.ListAsync();
                foreach (var user in users)
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{user.Email}\t{(user.IsActive ? "active" : "inactive")}\t{user.CreatedAt:yyyy-MM-dd HH:mm:ss}Z"));
                }

                await output.WriteLineAsync($"{users.Count} user(s)");
                return 0;
            case ["deactivate" or "activate", var email]:
                var activate = args[0] == "activate";
                if (!await accounts.SetActiveAsync(email, activate))
                {
                    await error.WriteLineAsync($"No user with the email {Emails.Normalize(email)}.");
                    return 1;
                }

                await output.WriteLineAsync($"{Emails.Normalize(email)} is now {(activate ? "active" : "inactive")}.");
                return 0;
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }
}
