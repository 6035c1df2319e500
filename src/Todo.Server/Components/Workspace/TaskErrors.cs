using Todo.Server.Tasks;

namespace Todo.Server.Components.Workspace;

internal static class TaskErrors
{
    /// <summary>The rule that was broken, in the service's words, without the "(Parameter 'title')" ArgumentException adds.</summary>
    public static string Explanation(this TaskValidationException exception)
    {
        var suffix = $" (Parameter '{exception.ParamName}')";
        return exception.Message.EndsWith(suffix, StringComparison.Ordinal) ? exception.Message[..^suffix.Length] : exception.Message;
    }
}
