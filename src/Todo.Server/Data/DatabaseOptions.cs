namespace Todo.Server.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending migrations when the server starts. Turn off to run <c>db migrate</c> as a release step.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
