namespace Todo.Server.Reminders;

public static class RemindersRegistration
{
    /// <summary>Reminders on tasks, the firing loop that runs on every server copy, notifications and their email.</summary>
    public static WebApplicationBuilder AddReminders(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section);
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        services.AddScoped<NotificationService>();
        services.AddSingleton<ReminderFirer>();
        services.AddHostedService<ReminderDispatcher>();
        services.AddHostedService<ReminderMailer>();
        return builder;
    }
}
