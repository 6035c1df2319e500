namespace Todo.Server.Assistant.BuiltIn;

internal enum IntentKind
{
    Unknown,
    Greeting,
    Help,
    Thanks,
    Farewell,
    Dismiss,
    Add,
    List,
    Complete,
    Reopen,
    Delete,
    Update,

    /// <summary>About another account's tasks: declined, nothing is called (<see cref="Intent.Reference"/> names whose).</summary>
    OtherAccount,

    /// <summary>Only a reference ("the second one", "#5"): an answer to a question, or a pick from a list.</summary>
    Reference,
}

/// <summary>
/// What a message asks for, before references such as "it" or "the second one" are resolved.
/// <see cref="Description"/> "" means remove the description (as the update_task tool takes it).
/// </summary>
internal sealed record Intent(IntentKind Kind)
{
    public static readonly Intent Unknown = new(IntentKind.Unknown);

    public string? Reference { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    /// <summary>For a list: all, pending or completed (null: all).</summary>
    public string? Status { get; init; }

    /// <summary>For a list: only tasks containing this text.</summary>
    public string? Query { get; init; }

    /// <summary>For a list: the question was "how many".</summary>
    public bool AsksCount { get; init; }

    /// <summary>For a list: the one task the question is about ("what's task 3?").</summary>
    public int? Focus { get; init; }

    public bool NeedsTask => Kind is IntentKind.Complete or IntentKind.Reopen or IntentKind.Delete or IntentKind.Update;

    /// <summary>How the action is named in a question ("Which one do you want me to …?").</summary>
    public string Verb => Kind switch
    {
        IntentKind.Complete => "mark as done",
        IntentKind.Reopen => "reopen",
        IntentKind.Delete => "delete",
        IntentKind.Update => "change",
        _ => "use",
    };
}
