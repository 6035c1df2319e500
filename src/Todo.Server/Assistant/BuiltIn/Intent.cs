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

    /// <summary>"show my lists": the user's lists.</summary>
    Lists,

    /// <summary>"create a list called Garden" (<see cref="Intent.ListName"/>; null: ask for the name).</summary>
    CreateList,

    /// <summary>"rename the Garden list to Yard" (<see cref="Intent.ListName"/> to <see cref="Intent.NewListName"/>).</summary>
    RenameList,

    /// <summary>"delete the Yard list" (<see cref="Intent.ListName"/>), with <see cref="Intent.TasksOnDelete"/> once said.</summary>
    DeleteList,

    /// <summary>"undo", "put it back": the latest change is taken back.</summary>
    Undo,

    /// <summary>"restore the milk task": a task comes back from the trash (<see cref="Intent.Reference"/>).</summary>
    Restore,

    /// <summary>"what's in the trash": the deleted tasks.</summary>
    Trash,

    /// <summary>"empty the trash": asked to confirm, then everything in the trash is removed for good.</summary>
    EmptyTrash,

    /// <summary>"what did I change today?", "what did you just do?": the activity log, in words.</summary>
    Activity,

    /// <summary>
    /// "complete everything on my shopping list": one change (<see cref="Intent.BulkAction"/>) for the tasks a filter
    /// (<see cref="Intent.Filter"/>) selects, or the tasks last shown (<see cref="Intent.LastShown"/>); asked to confirm first.
    /// </summary>
    Bulk,
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

    /// <summary>For an add of several items ("eggs, milk and bread"): the titles after <see cref="Title"/>, each a task of its own.</summary>
    public IReadOnlyList<string>? MoreTitles { get; init; }

    public string? Description { get; init; }

    /// <summary>For a list: all, pending or completed (null: all).</summary>
    public string? Status { get; init; }

    /// <summary>For a list: only tasks containing this text.</summary>
    public string? Query { get; init; }

    /// <summary>For a list: the question was "how many".</summary>
    public bool AsksCount { get; init; }

    /// <summary>For a list: the one task the question is about ("what's task 3?").</summary>
    public int? Focus { get; init; }

    /// <summary>For a list: the order asked for, as list_tasks takes it ("priority", "due"); null: by number.</summary>
    public string? Sort { get; init; }

    /// <summary>
    /// The list named: for an add, where the task goes; for a list, whose tasks; for an update, where the task moves;
    /// for the list actions, which list. A normalised name ("Shopping"), never a generic "my list".
    /// </summary>
    public string? ListName { get; init; }

    /// <summary>For <see cref="IntentKind.RenameList"/>: the new name.</summary>
    public string? NewListName { get; init; }

    /// <summary>For an add: its labels; for an update: labels to add; for a list: the label asked about (one).</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>For an update: labels to take off (empty: all of them).</summary>
    public IReadOnlyList<string>? RemoveLabels { get; init; }

    /// <summary>none, low, medium or high: the new task's, the task's new one, or the one a list asks about.</summary>
    public string? Priority { get; init; }

    /// <summary>For <see cref="IntentKind.DeleteList"/>: "move" (into the Inbox) or "delete", once the person has said.</summary>
    public string? TasksOnDelete { get; init; }

    /// <summary>
    /// The date words, as the tools' <c>due</c> takes them: for an add, the new task's; for an update, its new due ("none"
    /// removes it).
    /// </summary>
    public string? Due { get; init; }

    /// <summary>For an update: how far the current due moves ("1 week", "-2 days"), as the update_task tool's due_shift takes it.</summary>
    public string? DueShift { get; init; }

    /// <summary>A reminder this many minutes before the due (0: at the due): for an add ("remind me at 4pm to…"), for an update ("remind me 30 minutes before").</summary>
    public int? RemindMinutesBefore { get; init; }

    /// <summary>
    /// For an update with a reminder: <see cref="Due"/> is when to remind (the tool's remind_at), and a task already due keeps
    /// its due ("remind me tonight about the bill").
    /// </summary>
    public bool RemindsAtDueOnly { get; init; }

    /// <summary>For an update: the task's reminders go ("stop reminding me about the bill"); the task and its due stay.</summary>
    public bool RemovesReminders { get; init; }

    /// <summary>For an update: the task stops repeating and keeps its date.</summary>
    public bool StopsRepeating { get; init; }

    /// <summary>A date was said that names no day or could be two ("feb 30", "3/4"): the question to ask instead of guessing.</summary>
    public string? DateProblem { get; init; }

    /// <summary>For a list: the filter term of the days asked about ("today", "overdue", "next 7 days").</summary>
    public string? DueFilter { get; init; }

    /// <summary>For a list: a day the question names that no filter term covers ("friday").</summary>
    public string? OtherDay { get; init; }

    /// <summary>For a bulk change: complete, reopen, delete, move, add_label, remove_label, set_priority or set_due.</summary>
    public string? BulkAction { get; init; }

    /// <summary>For a bulk change: the filter expression selecting its tasks.</summary>
    public string? Filter { get; init; }

    /// <summary>For an add: "add bread to it", "put chips on that list": the list the conversation last named.</summary>
    public bool OnListInView { get; init; }

    /// <summary>For a bulk change: the tasks are the ones the engine last showed ("mark all of them done").</summary>
    public bool LastShown { get; init; }

    /// <summary>
    /// A change of the task at a position ("delete the first task on my grocery list") with no list shown: the plan lists
    /// the tasks, and the reply offers the one at that position, to be confirmed.
    /// </summary>
    public bool PicksFromList { get; init; }

    /// <summary>An undo said of "that" ("that was wrong", "cancel that"): only of a change made in this conversation.</summary>
    public bool PointsBack { get; init; }

    /// <summary>For an undo: how many of the latest changes to take back ("undo the last two changes"); 0: asked for all, so ask how many.</summary>
    public int UndoCount { get; init; } = 1;

    /// <summary>
    /// For an update of a task named by its words ("remind me about the dentist on friday", "call mom needs to be done by
    /// thursday"): the title of the task to add instead when no task has those words.
    /// </summary>
    public string? AddsIfMissing { get; init; }

    /// <summary>"remind me to buy stamps": a reminder asked for without a time, so the reply asks when (the answer sets both).</summary>
    public bool AsksWhenToRemind { get; init; }

    /// <summary>
    /// For an add whose last words may name a list without saying "list" ("add call mom to work", "put milk in costco"): the
    /// titles without those words and the list they name ("Call mom" on Work), added so when the user has a list of that name.
    /// The plan looks the lists up first (<see cref="ListsLookedUp"/>); without such a list the add is made as said.
    /// </summary>
    public PlaceAsList? OnListIfKnown { get; init; }

    /// <summary>The lists were looked up this turn, before the calls of the plan (see <see cref="OnListIfKnown"/>).</summary>
    public bool ListsLookedUp { get; init; }

    /// <summary>
    /// For an add that puts a title on a list ("put bathroom painting on the work list"): when a pending task with that title is
    /// on another list, it is moved there instead of adding a copy.
    /// </summary>
    public bool MovesExisting { get; init; }

    /// <summary>
    /// For an add read from an order alone ("buy eggs", "water the plants"): said while a question is pending, the message
    /// answers it instead ("Which one?" — "buy bread").
    /// </summary>
    public bool IsErrand { get; init; }

    /// <summary>
    /// For reminders taken off a task named as a reminder of an action ("delete the reminder to call mom"): when the task has
    /// none, the task itself is what was meant, and it is deleted.
    /// </summary>
    public bool DeletesIfNoReminders { get; init; }

    /// <summary>
    /// For reminders taken off a task named by what the reminder is for ("cancel my reminder for the dentist"): when the task
    /// has none, deleting the task itself is offered, and done once confirmed.
    /// </summary>
    public bool OffersTaskIfNoReminders { get; init; }

    /// <summary>For a list named by a thing ("show me the electricity bill"): when no list has that name, the tasks about it.</summary>
    public bool SearchesIfNoList { get; init; }

    /// <summary>
    /// For a change of tasks named one after another ("delete call mom and bathroom painting"): each part of
    /// <see cref="Reference"/> names a task of its own (set once no task has the words of the whole).
    /// </summary>
    public bool NamesEachPart { get; init; }

    /// <summary>A second request said in the same message ("add milk and remind me to call mom"), done after this one.</summary>
    public Intent? Then { get; init; }

    /// <summary>
    /// What a change of a task becomes when no task has the words or number it was named by: the add of
    /// <see cref="AddsIfMissing"/>; for words naming several tasks one after another, the change of each
    /// (<see cref="NamesEachPart"/>); for a reopen ("put it back on the list"), the restoring of that task from the trash; for
    /// a new title alone ("rename groceries to food"), the renaming of the list of that name; for reminders taken off a task
    /// named as a reminder, the deleting of that task (made when it had none); null: none of these.
    /// </summary>
    public Intent? InsteadOfMissing() =>
        AddsIfMissing is not null
            ? this with
            {
                Kind = IntentKind.Add, Title = AddsIfMissing, Reference = null, AddsIfMissing = null, RemindsAtDueOnly = false,
                RemindMinutesBefore = Due is null ? null : RemindMinutesBefore,
            }
        : Kind is IntentKind.Complete or IntentKind.Reopen or IntentKind.Delete && !NamesEachPart && Reference is not null
            && IntentParser.NamedOneByOne(Reference) is not null
            ? this with { NamesEachPart = true }
        : Kind == IntentKind.Reopen && Reference is not null ? new Intent(IntentKind.Restore) { Reference = Reference }
        : Kind == IntentKind.Complete && Reference is not null && IntentParser.NamesTaskByWords(Reference) && IntentParser.CompleteList(Reference) is { } wholeList
            ? wholeList
        : SearchesIfNoList ? this with { ListName = null, Query = ListName, SearchesIfNoList = false }
        : DeletesIfNoReminders ? new Intent(IntentKind.Delete) { Reference = Reference }
        : RenamesOnly && RequestParts.ListName(Reference!) is { } list && RequestParts.ListName(Title!) is { } renamed
            ? new Intent(IntentKind.RenameList) { ListName = list, NewListName = renamed }
            : null;

    /// <summary>An update that gives a task named by words a new title and changes nothing else.</summary>
    private bool RenamesOnly => Kind == IntentKind.Update && Title is not null && Reference is not null && IntentParser.NamesTaskByWords(Reference)
        && (Description ?? ListName ?? Priority ?? Due ?? DueShift) is null && Labels is null && RemoveLabels is null
        && RemindMinutesBefore is null && !RemovesReminders && !StopsRepeating && Then is null;

    /// <summary>For a bulk change or emptying the trash: the person said yes to the question that showed them.</summary>
    public bool Confirmed { get; init; }

    /// <summary>For a confirmed bulk change: the numbers of the tasks the question showed (null: the filter's, as they are now).</summary>
    public IReadOnlyList<int>? Numbers { get; init; }

    /// <summary>For the activity: "today" or "yesterday", when asked about one day.</summary>
    public string? Day { get; init; }

    /// <summary>For the activity: "assistant" when asked what the assistant did.</summary>
    public string? Source { get; init; }

    /// <summary>An update that changes the task's list, labels, priority or due (not only its words).</summary>
    public bool ChangesParts => ListName is not null || Labels is not null || RemoveLabels is not null || Priority is not null
        || Due is not null || DueShift is not null || StopsRepeating || DateProblem is not null || RemindMinutesBefore is not null
        || RemovesReminders;

    public bool NeedsTask => Kind is IntentKind.Complete or IntentKind.Reopen or IntentKind.Delete or IntentKind.Update or IntentKind.Restore;

    /// <summary>How the action is named in a question ("Which one do you want me to …?").</summary>
    public string Verb => Kind switch
    {
        IntentKind.Complete => "mark as done",
        IntentKind.Reopen => "reopen",
        IntentKind.Delete => "delete",
        IntentKind.Update when Title is null && Description is null && Due is null && RemindMinutesBefore is not null => "set the reminder on",
        IntentKind.Update when RemovesReminders => "stop the reminders of",
        IntentKind.Update when Title is null && Description is null && Due is "none" => "take the date off",
        IntentKind.Update when Title is null && Description is null && StopsRepeating => "stop repeating",
        IntentKind.Update when Title is null && Description is null && (Due is not null || DateProblem is not null) => "reschedule",
        IntentKind.Update when Title is null && Description is null && ListName is not null => "move",
        IntentKind.Update when Title is null && Description is null && Labels is not null => "tag",
        IntentKind.Update when Title is null && Description is null && RemoveLabels is not null => "untag",
        IntentKind.Update => "change",
        IntentKind.Restore => "restore",
        _ => "use",
    };
}

/// <summary>An add's titles with the place said after the last one taken out, and that place as a list name ("Call mom", Work).</summary>
internal sealed record PlaceAsList(string List, string Title, IReadOnlyList<string>? MoreTitles);
