namespace Todo.Server.Data;

/// <summary>Field limits shared by the schema and input validation.</summary>
public static class Limits
{
    public const int EmailMaxLength = 255;
    public const int PasswordMinLength = 8;
    public const int PasswordMaxLength = 128;
    public const int TaskTitleMaxLength = 100;
    public const int TaskDescriptionMaxLength = 1000;
    public const int ConversationTitleMaxLength = 200;
    public const int MessageMaxLength = 2000;
    public const int ListNameMaxLength = 100;
    public const int LabelMaxLength = 50;
    public const int LabelsPerTask = 20;
    public const int TimeZoneMaxLength = 64;
    public const int RecurrenceMaxLength = 200;
    public const int TokenNameMaxLength = 100;
}
