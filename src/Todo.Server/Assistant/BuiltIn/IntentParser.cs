using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Todo.Server.Dates;

namespace Todo.Server.Assistant.BuiltIn;

/// <summary>
/// Reads what one message asks for, with an ordered table of patterns: the first rule whose pattern
/// matches and whose builder accepts the match decides. Specific phrasings come before general ones
/// ("remind me to delete…" is an add; "add a description to task 4: …" is an update, not an add), and the
/// catch-all forms ("add X", "I need to X") come last. References stay as written ("it", "the second one",
/// "the meeting task"); <see cref="ReferenceResolver"/> resolves them against the conversation.
/// Each rule carries the phrasings it exists for: for every one of them that rule is the first to read it
/// (checked by a test), so a rule placed where an earlier one takes its phrasings shows at once.
/// </summary>
internal static partial class IntentParser
{
    private delegate Intent? Builder(Match match, string text, DateTimeOffset now);

    /// <summary>A pattern, what it builds, and examples of the messages it is the first rule to read.</summary>
    private sealed record Rule(
        Regex Pattern, Builder Build, IReadOnlyList<string> Examples, [CallerArgumentExpression(nameof(Pattern))] string Name = "");

    /// <summary>Checked on the message with only its punctuation trimmed, so "hi there" stays a greeting.</summary>
    private static readonly Rule[] SmallTalk =
    [
        new(Greeting(), (_, _, _) => new Intent(IntentKind.Greeting),
            ["hi", "Hello!", "hey there", "Good morning", "how are you?"]),
        new(Help(), (_, _, _) => new Intent(IntentKind.Help),
            ["help", "What can you do?", "How does this work?", "how do I delete a task?", "is there a way to add due dates"]),
        new(Thanks(), (_, _, _) => new Intent(IntentKind.Thanks),
            ["thanks", "Thank you so much!", "great"]),
        new(Farewell(), (_, _, _) => new Intent(IntentKind.Farewell),
            ["bye", "that's all for now", "ok, goodbye"]),
        new(Dismiss(), (_, _, _) => new Intent(IntentKind.Dismiss),
            ["never mind", "forget it", "none of them"]),
    ];

    private static readonly Rule[] Rules =
    [
        .. SmallTalk,

        // Another account's tasks ("show bob@example.com's tasks", "add a task for bob@example.com"): never acted on.
        new(OtherAccount(), (m, _, _) => new Intent(IntentKind.OtherAccount) { Reference = m.Groups["who"].Value },
            ["show bob@example.com's tasks", "add a task for bob@example.com", "show me someone else's tasks", "list every user's tasks"]),

        // The lists themselves: shown, created, renamed, deleted. "delete the shopping list" names a list, never a task.
        new(ShowLists(), (_, _, _) => new Intent(IntentKind.Lists),
            ["show my lists", "what lists do I have?", "my lists", "list my lists", "how many lists do I have", "which lists are there"]),
        new(CreateList(), (m, _, _) => CreateListIntent(m),
            [
                "create a list called Garden", "make a new list named Home Projects", "new list: Reading", "start a Garden list",
                "add a list for groceries", "create a new list", "add a shopping list", "I need a list for christmas presents",
            ]),
        new(RenameList(), (m, _, _) => RenameListIntent(m),
            ["rename the Garden list to Yard", "rename list Garden to Yard", "change the name of my work list to Office", "call the Garden list Yard", "rename this list to Yard"]),
        new(DeleteList(), (m, _, _) => DeleteListIntent(m),
            [
                "delete the Yard list", "delete the shopping list", "remove my Costco list", "get rid of the list called Garden",
                "delete the Yard list and all its tasks", "delete the Yard list but keep the tasks", "delete this list",
            ]),

        // Undo, the trash, the activity log and changes to many tasks at once (IntentParser.History.cs): before the changes
        // to one task, so "move all overdue tasks to tomorrow" is no single move and "undo that" no reopen.
        .. HistoryRules(),

        // "delete the reminder to call mom", "cancel my reminder for the dentist": the task's reminders, or, when it has none,
        // the task itself, which is what people call a reminder: deleted when the reminder was "to" do it, else offered.
        new(ReminderOrTask(), (m, _, _) => new Intent(IntentKind.Update)
            {
                Reference = m.Groups["ref"].Value, RemovesReminders = true,
                DeletesIfNoReminders = m.Groups["to"].Success, OffersTaskIfNoReminders = !m.Groups["to"].Success,
            },
            ["cancel my reminder for the dentist", "delete the reminder to call mom", "remove my reminder about the electricity bill"]),

        // Reminders taken off a task, which stays: "stop reminding me about the bill", "turn off the reminder for call mom".
        new(StopReminding(), (m, _, _) => new Intent(IntentKind.Update) { Reference = m.Groups["ref"].Success ? m.Groups["ref"].Value : "it", RemovesReminders = true },
            [
                "stop reminding me about the bill", "don't remind me about call mom anymore", "no need to remind me about the dentist",
                "turn off the reminder for the bill", "switch off reminders on task 3", "remove the reminders from task 2",
                "disable the reminder for the dentist", "stop reminding me", "turn off the bill's reminder",
            ]),

        // Reminders before a task's due: "remind me 30 minutes before" (the task just talked about), "… before the dentist".
        new(RemindBefore(), (m, _, _) => RemindBeforeIntent(m),
            [
                "remind me 30 minutes before", "remind me 30 minutes before the dentist", "remind me an hour before task 3",
                "set a reminder 15 minutes before the meeting", "remind me about the dentist 2 hours before", "ping me a day before it",
                "remind me half an hour before the call", "add a reminder 10 min before task 2",
                "remind me to pay the electricity bill a day before it's due",
            ]),

        // Dates: taken off, no longer repeating, or a task moved to a day. Before the moves between lists and the deletes,
        // so "move it to next monday" is no list and "remove the date from task 4" deletes nothing.
        new(ClearDue(), (m, _, _) => new Intent(IntentKind.Update) { Reference = m.Groups["ref"].Value, Due = "none" },
            [
                "remove the date from task 4", "clear the due date of the rent task", "take the deadline off task 2", "unschedule task 4",
                "task 4 has no due date", "make task 4 undated", "no due date for the plumber task", "the plumber task doesn't need a date",
                "remove the bill's due date",
            ]),
        new(StopRepeating(), (m, _, _) => new Intent(IntentKind.Update) { Reference = m.Groups["ref"].Value, StopsRepeating = true },
            [
                "stop repeating the rent task", "stop the rent task from repeating", "the rent task should stop repeating",
                "make task 4 stop repeating", "don't repeat task 4 anymore", "remove the recurrence from task 4", "task 4 shouldn't repeat",
                "make task 4 a one-off", "task 4 no longer repeats", "make the timesheet task not repeat anymore",
            ]),
        // A due moved by an amount, from the date it has: "push the dentist back a week", "postpone task 3 by 2 days".
        new(ShiftDue(), (m, _, _) => ShiftIntent(m),
            [
                "push the dentist back a week", "postpone task 3 by 2 days", "delay it an hour", "bring the rent task forward a day",
                "push back call mom by a couple of days", "snooze task 2 for 3 hours", "move task 4 up two days", "push it another week",
                "the report can wait a week", "make the dentist appointment an hour later",
            ]),
        new(Schedule(), (m, _, now) => ScheduleIntent(m, now),
            [
                "push the dentist task to friday", "move it to next monday", "reschedule task 3 to dec 24 at 3pm", "make the gym task repeat every monday",
                "postpone the dentist until tomorrow", "set the due date of task 2 to friday", "change task 2's due date to dec 1", "make task 2 due tomorrow",
                "repeat the gym task every monday", "schedule the dentist for friday at 10", "move task 2 to feb 30", "set task 2 to repeat every week",
                "move task 5 to the 12th", "bring the dentist forward to monday", "make the rent task monthly", "the report can wait till friday",
            ]),
        new(SetDueDate(), (m, _, now) => SetDueDateIntent(m, now),
            [
                "set a due date of friday for the electricity bill", "give the rent task a deadline of dec 1", "add a due date of monday to task 2",
                "set a deadline for the rent task next friday", "add a due date to task 2 for tomorrow",
            ]),
        new(IsDue(), (m, _, now) => IsDueIntent(m, now),
            [
                "task 2 is due friday", "the report is due on monday", "the gym task repeats every monday", "task 3 should repeat every week",
                "due date for task 2 should be monday", "the bill isn't due until monday",
                "remind me that the meeting is at 3 tomorrow", "the reminder for call mom should be at 7", "the rent needs to be paid by friday",
            ]),

        // Labels, priority and moves between lists: the task, and the part that changes.
        new(Untag(), (m, _, _) => UntagIntent(m),
            [
                "remove the errands tag from task 2", "take the urgent label off the milk task", "remove all the tags from task 2",
                "untag task 2", "remove label errands from task 2",
            ]),
        new(Tag(), (m, _, _) => new Intent(IntentKind.Update) { Reference = m.Groups["ref"].Value, Labels = RequestParts.LabelWords(m.Groups["labels"].Value) },
            [
                "tag task 2 with errands", "label the milk task urgent-ish", "tag it as home", "add the errands tag to task 2",
                "add label errands to task 3", "give task 1 the errands label", "tag task 2 with errands and home",
            ]),
        new(SetPriority(), (m, _, _) => PriorityIntent(m),
            [
                "make the dentist task high priority", "set task 4 to low priority", "set the priority of task 2 to medium",
                "change task 1 priority to high", "prioritize task 3", "mark task 2 as urgent", "remove the priority from task 5",
                "task 3 is high priority", "give task 3 low priority", "bump call mom up", "move milk to the top of my list", "give me my top priority", "set priority 1 on call mom", "make the dentist task p2",
                "make the dentist task less important", "set the priority of call mom to 1", "call mom priority high",
                "remove the high priority from task 5", "take the priority off call mom", "put a high priority on the bill",
            ]),
        new(SayPriority(), (m, _, _) => new Intent(IntentKind.Update)
            {
                Reference = m.Groups["ref"].Value,
                Priority = m.Groups["low"].Success ? "low" : m.Groups["none"].Success ? "none" : "high",
            },
            [
                "make the rent task a priority", "make it my main priority", "the dentist task is really important", "flag task 3",
                "lower the priority of task 2", "raise the priority of the rent task", "task 3 isn't urgent anymore",
                "unflag the restaurant", "no rush on bathroom painting", "the restaurant can wait",
            ]),
        new(Move(), (m, _, _) => MoveIntent(m),
            [
                "move task 3 to Work", "move the dentist task to my Health list", "put task 3 on the Work list", "move it to the inbox",
                "move tasks 1 and 2 to the Garden list", "file the milk task under Shopping",
            ]),

        // Add, when the phrasing says so unmistakably.
        new(RemindMe(), (m, _, now) => Reminding(m, Add(WithWhen(m), now), now),
            [
                "Remind me to call the plumber", "Remind me tomorrow to call the bank", "remind me about the dentist",
                "remind me at 4pm to call mom", "remind me tomorrow at 9 to call the bank",
                "remind me to delete the old photos", "I need to remember to pay bills", "Don't let me forget to feed the cat",
                "don't forget to book flights", "todo: buy stamps", "new task: clean the garage", "set a reminder to renew the domain",
            ]),
        // "remind me", "remind me later", "remind me tomorrow at 9": what about is asked next.
        new(RemindMeOnly(), (m, _, now) => m.Groups["when"].Success && DatePhrases.IsWholeDate(m.Groups["when"].Value, now)
                ? new Intent(IntentKind.Add) { Due = DatePhrases.Peel(m.Groups["when"].Value, now).Due, RemindMinutesBefore = 0 }
                : new Intent(IntentKind.Add),
            ["remind me", "remind me later", "can you remind me", "please remind me again"]),
        // Descriptions, before "add a task…", which "add a note to task 4: …" would otherwise look like.
        new(AddDescription(), (m, _, _) => Describe(m.Groups["ref"].Value, m.Groups["description"].Value),
            [
                "add a description to task 3: ask about the holidays", "add a note to the meeting task: prepare the agenda",
                "add a description to it: ask about vaccines",
            ]),
        new(AddQuotedDescription(), (m, _, _) => Describe(m.Groups["ref"].Value, m.Groups["description"].Value),
            ["add a note \"bring the receipts\" to task 2", "add the description 'semi-skimmed' to the milk task"]),
        new(DescriptionIntoNotes(), (m, _, _) => Describe(m.Groups["ref"].Value, m.Groups["description"].Value),
            [
                "add ask about christmas to the notes of call mom", "put gate code 4312 in the description for task 2",
                "add bring the receipts as a note to the tax task", "add bring bags to call mom's notes",
            ]),
        new(ChangeDescription(), (m, _, _) => Describe(m.Groups["ref"].Value, m.Groups["description"].Value),
            [
                "change the description of the dentist task to Bring the referral letter", "set the description of task 1 to semi-skimmed milk",
                "change task 2 description to bring slides", "task 1 needs a description: bring bags", "describe task 2 as the weekly sync",
            ]),
        new(RemoveDescription(), (m, _, _) => new Intent(IntentKind.Update) { Reference = m.Groups["ref"].Value, Description = "" },
            ["remove the description from task 5", "clear the notes on the dentist task"]),
        new(AddTaskCalled(), (m, _, now) => Add(m.Groups["rest"].Value, now),
            [
                "Add a task to buy groceries", "Create a task called 'Send invoice'", "add a new task: order pizza", "add task walk the dog",
                "add a task", "make a note to check the tyres",
                "Could you add a task to buy a birthday present please?", "add a task to call the bank: about the mortgage rate",
            ]),
        new(AddToMyListColon(), (m, _, now) => Add(m.Groups["rest"].Value, now),
            ["add to my list: buy batteries", "put on the todo list - renew passport"]),
        new(AddTheseToList(), (m, _, now) => Add($"{m.Groups["rest"].Value} to {m.Groups["list"].Value}", now),
            ["add these to my grocery list: apples, pears and cheese", "put the following on the Work list - call bank, email boss"]),
        new(PutOnMyList(), (m, _, now) => m.Groups["when"].Success && !DatePhrases.IsWholeDate(m.Groups["when"].Value, now)
                ? null
                : Add($"{m.Groups["rest"].Value} {m.Groups["when"].Value}", now),
            [
                "Put eggs on my list", "add oat milk to my shopping list", "put 'pick up dry cleaning' on my todo list",
                "put milk on the grocery list", "add eggs to the Costco list", "put dentist on my calendar for tuesday at 2",
            ]),

        // Lists that would otherwise read as actions ("finished tasks" is not "finish the tasks").
        new(ShortList(), (m, text, now) => List(text, now, query: null),
            ["my tasks", "tasks", "finished tasks", "show pending tasks", "list my tasks", "summary"]),
        new(NamedListOnly(), (m, text, now) => RequestParts.ListName(m.Groups["name"].Value) is { } name ? List(text, now, query: null) with { ListName = name } : null,
            ["my shopping list", "the Costco list", "work list", "my inbox"]),
        new(DueTasks(), (m, text, now) => List(text, now, query: null),
            ["overdue tasks", "today's tasks", "tasks due tomorrow", "show me overdue tasks", "my recurring tasks", "tasks for this week"]),
        new(ScopedTasks(), (m, text, now) => ScopedList(text, now),
            ["what's tagged errands?", "what's urgent?", "what's high priority?", "anything urgent?", "high priority tasks", "tasks tagged errands"]),

        // Update: rename, or a status said as a new title ("change task 3 to done").
        new(RenameQuoted(), (m, _, _) => Rename(m.Groups["ref"].Value, m.Groups["title"].Value),
            ["change \"Team meeting\" to \"Team sync\"", "rename 'Call mom' as 'Ring mom'", "change “Team meeting” to “Team sync”"]),
        new(RenameColon(), (m, _, _) => Rename(m.Groups["ref"].Value, m.Groups["title"].Value),
            ["rename task 2: Project kickoff", "update the dentist task: move to Monday", "edit task 3 title: pay the gas bill"]),
        new(Rename(), (m, _, now) => RenameOrReschedule(m.Groups["ref"].Value, m.Groups["title"].Value, now),
            [
                "Change task 1 to 'Call mom tonight'", "rename task 2 to Weekly team meeting", "change the title of task 1 to Buy vegetables",
                "rename it to Call dad", "update task 3 to say Call mom on Sunday", "update task 5's title to Dentist on Monday",
                "change task 3 to done", "set task 4 to pending",
            ]),
        new(RenameOther(), (m, _, now) => RenameOrReschedule(m.Groups["ref"].Value, m.Groups["title"].Value, now),
            ["make task 3 say call dad", "replace milk with oat milk", "edit the milk task and call it oat milk", "swap eggs for bacon"]),
        new(ShouldSay(), (m, _, now) => RenameOrReschedule(m.Groups["ref"].Value, m.Groups["title"].Value, now),
            ["task 3 should be Call mom tomorrow", "it should say Call the landlord", "buy milk should be buy oat milk"]),
        new(RenameWithoutTitle(), (m, _, _) => new Intent(IntentKind.Update) { Reference = m.Groups["ref"].Value },
            ["rename task 2", "edit the meeting task", "change it", "edit call mom"]),

        // An action without a task ("complete", "mark as done"): ask which.
        new(BareAction(), (m, _, _) => new Intent(BareActionKind(m.Groups["verb"].Value)),
            ["complete", "mark as done", "delete a task", "mark as not done", "remove an item from my list"]),

        // Reopen before complete: "mark it as not done" ends like "mark it as done".
        new(ReopenVerb(), (m, _, _) => Act(IntentKind.Reopen, m),
            ["reopen task 4", "reopen pay rent", "oops, reopen it", "uncheck pay rent", "undo pay rent", "untick task 4"]),
        new(MarkNotDone(), (m, _, _) => Act(IntentKind.Reopen, m),
            ["mark task 4 as not done", "mark task 4 as undone", "mark the rent task as incomplete", "mark it as not done yet"]),
        new(IsNotDone(), (m, _, _) => Act(IntentKind.Reopen, m),
            ["task 4 isn't done", "actually pay rent isn't finished", "task 4 is still pending"]),
        new(DidNotFinish(), (m, _, _) => Act(IntentKind.Reopen, m),
            ["I didn't actually finish the rent", "I haven't done task 4 yet"]),
        new(DidNotDoYet(), (m, _, now) => NotDoneYetIntent(m, now),
            ["I haven't called mom yet", "I didn't pay the rent after all", "we still haven't bought milk yet", "actually I haven't paid the electricity bill", "we haven't got any milk"]),
        new(PutBack(), (m, _, _) => Act(IntentKind.Reopen, m),
            ["put pay rent back on my list", "bring the rent task back", "add it back to my list"]),

        new(MarkDone(), (m, _, _) => Act(IntentKind.Complete, m),

            ["Mark task 3 as complete", "mark it done", "mark #2 done", "mark call mom as finished", "mark the second one as done", "mark task 2 and 3 as done"]),
        new(TickOff(), (m, _, _) => Act(IntentKind.Complete, m),
            ["tick groceries off my list", "cross task 2 off"]),
        new(DoneWith(), (m, _, _) => Act(IntentKind.Complete, m),
            ["I'm done with the dentist appointment", "done with groceries", "done: call mom"]),
        new(CompleteVerb(), (m, text, now) => ActNowOrLater(IntentKind.Complete, m, text, now),
            [
                "complete task 3", "complete the meeting task", "finish the dentist task", "tick off groceries", "check off call mom",
                "check task 2", "complete the first one", "finished the meeting", "cross off groceries", "mark off milk", "scratch milk",
            ]),
        new(IFinished(), (m, _, _) => Act(IntentKind.Complete, m),
            ["I finished task 3", "I did the groceries", "I've completed the dentist appointment", "we wrapped up the report"]),
        new(IsDone(), (m, _, _) => Act(IntentKind.Complete, m),
            ["task 3 is done", "call mom is done", "the groceries are done", "the last one is done", "task 2 done", "call mom done", "rent paid"]),
        // "the electricity bill is paid", "mom has been called": the thing the task does, said done.
        new(IsDoneAs(), (m, _, _) => PastTense.PresentOf(m.Groups["done"].Value) is not null && !NotDoneParticiple().IsMatch(m.Groups["done"].Value)
                ? Act(IntentKind.Complete, m)
                : null,
            ["the electricity bill is paid", "mom has been called", "the library books were returned", "the car got washed"]),

        // "take everything off my shopping list": all its tasks, asked about first.
        new(TakeOffList(), (m, _, now) => m.Groups["list"].Success && WholeOfIt().IsMatch(m.Groups["ref"].Value)
                ? Bulk($"delete everything on {m.Groups["list"].Value}", now)
                : Act(IntentKind.Delete, m),

            [
                "take groceries off my list", "remove the groceries from my list", "take that off", "take everything off my shopping list",
                "take bananas off groceries",
            ]),
        new(DeleteVerb(), (m, text, now) => ActNowOrLater(IntentKind.Delete, m, text, now),
            [
                "Delete the meeting task", "delete task 2", "delete it", "remove #4", "cancel the task about the dentist",
                "get rid of the groceries task", "drop the dentist appointment", "forget about the meeting", "delete the second one", "trash task 3",
                "never mind the bananas",
            ]),
        new(NoLongerNeedTo(), (m, _, _) => Act(IntentKind.Delete, m),
            ["I don't need to buy groceries anymore", "I no longer need to call the bank", "no need for bread anymore", "no more eggs needed"]),
        new(NotNeeded(), (m, _, _) => Act(IntentKind.Delete, m),
            ["the dentist appointment is no longer needed", "task 2 is cancelled", "the restaurant reservation got cancelled"]),

        // "make that almond milk" just after an add: a new title for the task talked about (its status, priority and
        // date were read above).
        new(MakeThatInstead(), (m, _, now) => RenameOrReschedule(m.Groups["ref"].Value, m.Groups["title"].Value, now),
            ["make that almond milk", "actually make it two dozen eggs"]),

        // The past tense says a task is done: "I paid the electricity bill", "bought the milk", "just mopped the kitchen".
        new(DidIt(), (m, _, now) => DidItIntent(m, now),
            ["I paid the electricity bill", "bought the milk", "just mopped the kitchen", "we've already booked the flights", "I called mom"]),

        // "when is the dentist?", "when's the rent due": the task, with its date.
        new(WhenIs(), (m, text, now) => List(text, now, Utterance.CleanQuery(m.Groups["query"].Value)),
            ["when is the dentist?", "when's the rent due", "when do I have to pay the electricity bill", "what time is the dentist"]),

        // "is call mom important?", "is the bill high priority": the task, with its priority.
        new(IsItImportant(), (m, _, _) => Utterance.CleanQuery(m.Groups["query"].Value) is { } query ? new Intent(IntentKind.List) { Query = query } : null,
            ["is call mom important?", "is the electricity bill high priority", "are the groceries urgent"]),

        // "is the dentist on friday?", "are the groceries due tomorrow": the task, with its date, whatever the day said.
        new(IsItOnDay(), (m, _, now) => DatePhrases.IsWholeDate(m.Groups["when"].Value, now)
                && Utterance.CleanQuery(m.Groups["query"].Value) is { } query
                ? new Intent(IntentKind.List) { Query = query }
                : null,
            ["is the dentist on friday", "are the groceries due tomorrow", "is my dentist appointment still at 10"]),

        // "are eggs on my shopping list?", "do I have anything on my to do list": the list, searched.
        new(IsOnList(), (m, text, now) => OnListIntent(m, text, now),
            [
                "are eggs on my shopping list?", "is bread on the grocery list", "do I have anything on my todo list", "did I put milk on the list",
                "did I already add eggs", "do I need eggs", "do we still need to buy milk",
            ]),

        // Questions about the list.
        new(HowMany(), (m, text, now) => List(text, now, Utterance.CleanQuery(QueryIn(m.Groups["rest"].Value))) with { AsksCount = true },
            [
                "How many tasks do I have?", "How many are pending?", "how many have I completed", "count my tasks",
                "how many tasks about the dentist?",
            ]),
        new(Search(), (m, text, now) => List(text, now, Utterance.CleanQuery(m.Groups["query"].Value)),
            ["search for meeting", "find the rent task", "look for tasks about insurance"]),
        // "what's in groceries", "anything left on work?", "what do I have on costco": the list of that name said without "list",
        // or the tasks about those words when no list has it.
        new(OnAPlace(), (m, text, now) => PlaceName(m.Groups["name"].Value, now) is { } name
                ? List(text, now, query: null) with { ListName = name, SearchesIfNoList = true }
                : null,
            [
                "what's in groceries", "anything left on work?", "what do I have on costco", "what's still in shopping that isn't done",
                "list everything on groceries", "show me my tasks in work",
            ]),
        new(AnythingAbout(), (m, text, now) => AnythingList(text, now, m.Groups["rest"].Value),
            [
                "anything about taxes?", "is there a task about the meeting?", "do I have any tasks?", "any pending tasks?",
                "do I have anything about groceries",
            ]),
        new(ShowVerb(), (m, text, now) => ShowList(SayVerb().Replace(text, "show"), now, m.Groups["rest"].Value),
            [
                "Show me all my tasks", "show me my pending tasks", "show me task 4", "show me the dentist task", "give me a summary",
                "Tell me what I've completed", "show me everything",
            ]),
        // "which list is milk on": the task, shown with its list.
        new(WhichList(), (m, text, now) => List(text, now, Utterance.CleanQuery(m.Groups["thing"].Value)) with { ListName = null },
            ["which list is milk on", "what list are the eggs in", "where is the dentist task"]),
        // "go to my grocery list", "switch to the work list": that list, shown.
        new(GoToList(), (m, _, _) => RequestParts.ListName(m.Groups["list"].Value) is { } name ? new Intent(IntentKind.List) { ListName = name } : null,
            ["go to my grocery list", "switch to the work list", "take me to my shopping list"]),
        // "what was the last thing I added", "what's my latest task": the tasks, the newest first.
        new(LastAdded(), (_, _, _) => new Intent(IntentKind.List) { Sort = "newest" },
            ["what was the last thing I added", "what's my latest task", "which task did I add most recently"]),
        new(WhatQuestion(), (m, text, now) => WhatList(text, now, m.Groups["rest"].Value),
            [
                "What's pending?", "What have I completed?", "what's task 3?", "What's on my plate today?", "what should I do next?",
                "which tasks are done?", "what tasks do I have?", "what's left?",
            ]),
        new(AmIDone(), (m, text, now) => List(text, now, query: null) with { Status = "pending" },
            ["am I done?", "am I all caught up?", "is everything done?"]),
        // "did I miss anything", "what am I behind on": the overdue tasks.
        new(Missed(), (_, _, _) => new Intent(IntentKind.List) { Status = "pending", DueFilter = "overdue" },
            ["what did I miss", "did I forget anything?", "what am I behind on", "am I behind on anything", "have I missed something"]),
        new(DidIFinish(), (m, text, now) => List(text, now, query: null) with { Status = m.Groups["all"].Success ? "pending" : "completed" },
            ["did I finish everything?", "have I completed anything today?", "did I do all of them yet?"]),
        new(HaveIDoneIt(), (m, _, _) => HaveIDoneItIntent(m),
            ["have I paid the electricity bill?", "did I call mom yet", "have we bought the milk already"]),

        // The general forms of add, last.
        new(AddAnything(), (m, _, now) => Add(m.Groups["rest"].Value, now),
            ["add buy milk", "Add milk and bread", "add walk the dog", "need to add a dentist appointment", "jot down buy stamps"]),
        new(PutOnADay(), (m, _, now) => PutOnADayIntent(m, now),
            ["put doctor's appointment on friday at 10am", "pencil in a haircut for saturday", "put the dentist on thursday"]),
        // "put milk in costco", "stick batteries on groceries": the item on that list; without a list of that name, a task said so.
        new(PutInPlace(), (m, _, now) => Add(m.Groups["rest"].Value, now) is { Kind: IntentKind.Add } placed && (placed.ListName ?? placed.OnListIfKnown?.List) is not null
                ? placed.ListName is not null ? placed : Add(m.Value, now) with { OnListIfKnown = placed.OnListIfKnown }
                : null,
            ["put milk in costco", "stick toilet paper on groceries", "pop the batteries into the garage"]),
        new(INeedTo(), (m, _, now) => LeavingNow().IsMatch(m.Groups["rest"].Value) ? new Intent(IntentKind.Farewell) : Add(m.Groups["rest"].Value, now),
            [
                "I need to pay the electricity bill", "I have to finish the report", "I gotta buy a new phone", "I should call my sister",
                "need to book a table",
            ]),
        new(WeNeed(), (m, _, now) => AboutTheTasks().IsMatch(RequestParts.Peel(m.Groups["rest"].Value).Item) ? null : Add(m.Groups["rest"].Value, now),
            ["I need broccoli on my grocery list", "we need milk", "we're out of eggs", "I still need batteries", "we're running out of toilet paper"]),

        // "the dentist is at 11 now", "the meeting got moved to friday": the task of those words, due then (never a new task).
        new(MovedTo(), (m, _, now) => MovedToIntent(m, now),
            ["the dentist is at 11 now", "the meeting got moved to friday"]),

        // A thing to do with a date and no verb: an add.
        new(DatedItem(), (_, text, now) => HaveAThing().Replace(text, "") is var thing
                && DatePhrases.Peel(thing, now) is { Due: not null, Rest.Length: > 0 } peeled && DatePhrases.SaysWhenToDoIt(text, now)
                && !ChangeWords().IsMatch(peeled.Rest) && !Remark().IsMatch(peeled.Rest)
                ? Add(thing, now)
                : null,
            ["pay rent every 1st of the month", "gym every mon, wed and fri at 7am", "tomorrow call the electrician", "I have a meeting at 3", "I'll call the plumber tomorrow",
                "there's a meeting at 3 tomorrow"]),

        // A task named, then what to do with it: "call mom finished", "mop kitchen, check", "call mom remove", "milk not needed".
        new(TaskThenAction(), (m, _, _) => new Intent(m.Groups["done"].Success ? IntentKind.Complete : IntentKind.Delete) { Reference = NamedIn(m.Groups["ref"].Value) },
            ["call mom finished", "mop kitchen, check", "call mom remove", "milk not needed", "bathroom painting - delete it", "can't make the team meeting delete it"]),

        // "sort my tasks by priority", "order the shopping list by due date": the list in that order.
        new(SortVerb(), (m, text, now) => SortAskedFor(text) is null ? null : List(text, now, query: null),
            ["sort my tasks by priority", "order the shopping list by due date", "can you arrange my to do list in order of importance"]),

        // An errand said as an order ("buy eggs", "pick up milk on the way home", "book a table"): an add, unless it answers a question.
        new(Errand(), (m, text, now) => ErrandWords().IsMatch(RequestParts.Peel(m.Groups["rest"].Value).Item) || Add(text, now) is not { Kind: IntentKind.Add } add
                ? null
                : add with { IsErrand = true },
            ["buy eggs", "pick up milk on the way home", "get milk", "book a table", "water the plants"]),

        new(BareReference(), (m, _, _) => new Intent(IntentKind.Reference) { Reference = m.Groups["ref"].Value },

            ["task 3", "#3", "2", "the first one", "the last one", "the one about notes", "I mean the second one"]),
    ];

    /// <summary>What <paramref name="message"/> asks for; date phrases in it are read as of <paramref name="now"/>.</summary>
    public static Intent Parse(string message, DateTimeOffset now) => Read(message, now).Intent;

    /// <summary>
    /// The instant the rule table's examples are read at: which rule reads a message never depends on the day, only
    /// whether its date words name a day at all.
    /// </summary>
    internal static readonly DateTimeOffset ExampleInstant = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The list a task reference names instead of a task ("the shopping list"), or null.</summary>
    public static string? ListInsteadOfTask(string? reference) =>
        reference is not null && ListReference().Match(Utterance.Clean(reference)) is { Success: true } match
            ? RequestParts.ListName(match.Groups["name"].Value)
            : null;

    /// <summary>The answer to "move its tasks to the Inbox or delete them?": "move" or "delete"; null for anything else.</summary>
    public static string? TasksOnDeleteAnswer(string answer) =>
        MoveThemAnswer().IsMatch(answer) ? "move" : DeleteThemAnswer().IsMatch(answer) ? "delete" : null;

    /// <summary>The rules in order, as (name, examples): for tests, with <see cref="FirstRule"/>.</summary>
    internal static IReadOnlyList<(string Name, IReadOnlyList<string> Examples)> Table { get; } =
        [.. Rules.Select(rule => (rule.Name, rule.Examples))];

    /// <summary>The position in <see cref="Table"/> of the rule that reads <paramref name="message"/>, or null when none does.</summary>
    internal static int? FirstRule(string message) => Read(message, ExampleInstant).Rule;

    /// <summary>What <paramref name="message"/> asks for, and the rule that read it (an index into <see cref="Rules"/>).</summary>
    private static (int? Rule, Intent Intent) Read(string message, DateTimeOffset now)
    {
        // Rules starts with SmallTalk, so a small-talk rule's index is its index in Rules too.
        var spoken = SpokenText.Normalize(message, now);
        var light = Whitespace().Replace(spoken, " ").Trim().TrimEnd('.', '!', '?', ' ');
        if (Apply(SmallTalk, light, now) is { } smallTalk)
        {
            return smallTalk;
        }

        var text = Utterance.Clean(spoken);
        if (text.Length == 0)
        {
            return (null, Intent.Unknown);
        }

        // "create a list called costco and add milk and eggs to it": the items added to a list made for them; "…and put call
        // mom on it" places the task there (moved when it is in the Inbox), "…and move mop kitchen there" moves it.
        var placing = false;
        if (ListWithItems().Match(text) is { Success: true } made && RequestParts.ListName(made.Groups["name"].Value) is { } madeList)
        {
            var moves = made.Groups["verb"].Value.Equals("move", StringComparison.OrdinalIgnoreCase);
            placing = made.Groups["verb"].Value.Equals("put", StringComparison.OrdinalIgnoreCase);
            text = moves
                ? $"move {made.Groups["items"].Value} to the \"{madeList}\" list"
                : $"add {made.Groups["items"].Value} to the \"{madeList}\" list";
        }

        // "add bread to it": the list is the one the conversation names (TurnPlanner finds it), never part of the title.
        var onListInView = false;
        if (ToListInView().Match(text) is { Success: true } there)
        {
            text = $"{there.Groups["rest"].Value} on the list";
            onListInView = true;
        }

        var whole = Apply(Rules, text, now);
        var read = Compound(text, now, whole) ?? ReadClauses(text, now, whole) ?? whole ?? (null, Intent.Unknown);
        return read.Intent switch
        {
            // "put it on the list", "add an item to groceries": no item named, so ask what (never a task "It" or "Groceries").
            { Kind: IntentKind.Add, MoreTitles: null } add when add.Title is { } title && NoItemNamed().IsMatch(title) =>
                (read.Rule, add with { Title = null }),

            // "i'll do the bathroom painting next weekend": the task of those words on that day, or a new one when none has them.
            { Kind: IntentKind.Add, MoreTitles: null, Title: { } title, Due: not null, ListName: null, Then: null } add
                when WillDo().IsMatch(text) && DoThe().Match(title) is { Success: true } doThe && NamesTaskByWords(title[doThe.Length..]) =>
                (read.Rule, new Intent(IntentKind.Update)
                {
                    Reference = title[doThe.Length..], Due = add.Due, Priority = add.Priority, RemindMinutesBefore = add.RemindMinutesBefore,
                    AddsIfMissing = title,
                }),

            // "no, tuesday", "wait, at 6": a correction of something said before (TurnPlanner reads it), never a task "No".
            { Kind: IntentKind.Add, MoreTitles: null, Title: { } title } when InterjectionAlone().IsMatch(title) => (read.Rule, Intent.Unknown),
            { Kind: IntentKind.Add, MoreTitles: null } add when ItemToList().Match(text) is { Success: true } item =>
                (read.Rule, add with { Title = null, ListName = RequestParts.ListName(item.Groups["list"].Value) ?? add.ListName }),
            { Kind: IntentKind.Add, Then: null } add when (add.ListName ?? add.OnListIfKnown?.List) is not null
                && (placing || PlacingVerb().IsMatch(text)) =>
                (read.Rule, add with { MovesExisting = true }),
            { Kind: IntentKind.Update, Title: { } title } update when !update.ChangesParts && !RenameVerb().IsMatch(text) =>
                (read.Rule, NotATitle(update, title)),

            { Kind: IntentKind.Add, ListName: null } add when onListInView => (read.Rule, add with { OnListInView = true }),

            // "add": an add with nothing named yet, so ask what.
            { Kind: IntentKind.Unknown } when BareAdd().IsMatch(text) => (read.Rule, new Intent(IntentKind.Add)),

            // "delete X permanently": the task; it goes to the trash like any deletion, and the reply says so.
            { Kind: IntentKind.Delete, Reference: { } reference } delete when ForGood().Match(reference) is { Success: true } forGood =>
                (read.Rule, delete with { Reference = reference[..forGood.Index] }),
            _ => read,
        };
    }

    /// <summary>
    /// "change X to high", "set X to the work list": a new "title" that is a priority or a list is that change, not a rename
    /// (an explicit "rename X to urgent" keeps its words).
    /// </summary>
    private static Intent NotATitle(Intent update, string title) =>
        PriorityTitle().Match(title) is { Success: true } priority
            ? update with { Title = null, Priority = priority.Groups["not"].Success ? "none" : RequestParts.PriorityWord(priority.Groups["p"].Value) }
        : ListTitle().IsMatch(title) && RequestParts.ListName(title) is { } list ? update with { Title = null, ListName = list }
        : update;

    [GeneratedRegex(@"^(?:(?:a|the)\s+)?(?<not>not\s+)?(?<p>high|top|urgent|important|highest|medium|low|lowest|normal)(?:[\s-]+priority)?$", Options)]
    private static partial Regex PriorityTitle();

    [GeneratedRegex(@"^(?:(?:my|the|our)\s+)?[\w'&-]+(?:\s+[\w'&-]+)?\s+list$", Options)]
    private static partial Regex ListTitle();

    [GeneratedRegex(@"^(?:create|make|start|set\s+up|begin)\s+(?:me\s+)?(?:(?:a|an|another)\s+)?(?:new\s+)?(?:" +
        @"(?:(?:todo|to-do|shopping|grocery|task)\s+)?list\s+(?:called|named|titled)\s+(?<name>[\w'&-]+(?:\s+[\w'&-]+){0,2}?)\s*,?\s+(?:and\s+(?:then\s+)?|then\s+)(?<verb>add|put|move)" +
        @"|(?<name>(?:(?!list\b)[\w'&-]+\s+){0,2}?(?!list\b)[\w'&-]+)\s+list\s*,?\s+(?:with|containing|(?:and\s+(?:then\s+)?|then\s+)(?<verb>add|put|move)))" +
        @"\s+(?<items>.+?)(?:\s+(?:(?:to|on|in|onto|into)\s+(?:it|that|there|that\s+list|the\s+list|this\s+list)|there))?$", Options)]
    private static partial Regex ListWithItems();

    [GeneratedRegex(@"(?<=\S)\s+(?:permanently|for\s+good|forever|completely|entirely)$", Options)]
    private static partial Regex ForGood();

    [GeneratedRegex(@"^(?:rename|retitle|re-title|re-name)\b", Options)]
    private static partial Regex RenameVerb();

    [GeneratedRegex(@"^(?<rest>(?:add|put|stick|throw|pop|include|write)\s+.+?)\s+(?:(?:to|on|onto|in|into)\s+(?:it|that|this|that\s+list|this\s+list|the\s+same\s+list|that\s+one|this\s+one)|(?:on\s+|in\s+)?there)$", Options)]
    private static partial Regex ToListInView();

    /// <summary>"add", "add to it": no words left to read as a title ("add one more" reads as an add of "one more", see <see cref="NoItemNamed"/>).</summary>
    [GeneratedRegex(@"^add(?:\s+(?:to|on)\s+(?:it|that|this|the\s+list))?$", Options)]
    private static partial Regex BareAdd();

    [GeneratedRegex(@"^(?:it|this|that|them|these|those|this\s+one|that\s+one|something|something\s+else|anything|stuff|things?|items?|(?:a\s+)?(?:few|couple(?:\s+of)?|some|several|more|other|lots\s+of|a\s+lot\s+of|the)\s+(?:things|items|stuff|tasks|entries)|one|one\s+more|another(?:\s+one)?|more|another\s+(?:thing|item|task)" +
        @"|labels?|tags?|priorit(?:y|ies)|due\s+dates?|deadlines?|reminders?|lists?|sub-?tasks?|attachments?|colou?rs?|categories|tasks?|todos?|to-dos?|emojis?" +
        @"|to|for|about|of|that|and|remember|plan|planning|organi[sz]e|do|go|start|begin|work|think)$", Options)]
    private static partial Regex NoItemNamed();

    [GeneratedRegex(@"^(?:add|put|stick|throw)\s+(?:an?\s+|one\s+more\s+|another\s+|some\s+)?(?:new\s+)?(?:item|items|thing|things|entry)\s+(?:to|on|in|onto|into)\s+(?<list>.+)$", Options)]
    private static partial Regex ItemToList();

    /// <summary>A message that places a thing on a list rather than adding it: "put …", "stick …", "move …".</summary>
    [GeneratedRegex(@"^(?:put|stick|throw|place|pop|move|transfer|shift|file)\b", Options)]
    private static partial Regex PlacingVerb();

    /// <summary>
    /// Two requests joined by "and" or "then" ("add milk and remind me to call mom tomorrow", "delete mop kitchen and add clean
    /// the garage"): each read on its own, the second kept in <see cref="Intent.Then"/>; "it" in the second is the task the
    /// first names. Null when the message does not break so, when either half reads as nothing, or when the whole reads well
    /// without the break (the second verb is not swallowed into a title or a task's name).
    /// </summary>
    private static (int? Rule, Intent Intent)? Compound(string text, DateTimeOffset now, (int? Rule, Intent Intent)? whole)
    {
        if (SecondRequest().Match(text) is not { Success: true } join)
        {
            return null;
        }

        var right = text[(join.Index + join.Length)..];
        var verb = right.Split(' ', 2)[0];
        if (whole is { Intent: { Kind: not IntentKind.Unknown } read } && !Swallowed(read, verb))
        {
            return null;
        }

        if (Apply(Rules, Utterance.Clean(text[..join.Index]), now) is not { Intent.Kind: not IntentKind.Unknown } first
            || Apply(Rules, Utterance.Clean(right), now) is not { Intent: { Kind: not IntentKind.Unknown } second }
            || first.Intent.Then is not null || second.Then is not null)
        {
            return null;
        }

        if (AddWithParts(first.Intent, second) is { } added)
        {
            return (first.Rule, added);
        }

        // "add paint and brushes and make them high priority": "them" are what the first adds.
        if (first.Intent is { Kind: IntentKind.Add, Title: not null } adds && second is { Kind: IntentKind.Bulk, LastShown: true, Filter: null } all
            && all.BulkAction is "set_priority" or "set_due")
        {
            return (first.Rule, adds with { Priority = all.Priority ?? adds.Priority, Due = all.Due ?? adds.Due });
        }

        if (second.Reference is { } pointing && Pronoun().IsMatch(pointing.Trim()) && first.Intent.Reference is { } named)
        {
            second = second with { Reference = named };
        }

        return (first.Rule, first.Intent with { Then = second });
    }

    /// <summary>
    /// "add apples and make it high priority", "remind me to call mom, set it for 5pm": what <paramref name="second"/> says of
    /// "it" is said of the task (or tasks) <paramref name="first"/> adds; null when it is not an add and such a change.
    /// </summary>
    private static Intent? AddWithParts(Intent first, Intent second) =>
        first is { Kind: IntentKind.Add, Title: not null } add && second is
        {
            Kind: IntentKind.Update, Reference: { } added, Title: null, Description: null, DueShift: null, RemoveLabels: null,
            RemovesReminders: false, StopsRepeating: false, RemindsAtDueOnly: false, DateProblem: null,
        } parts && Pronoun().IsMatch(added.Trim())
            ? add with
            {
                Priority = parts.Priority ?? add.Priority,
                Due = parts.Due ?? add.Due,
                Labels = parts.Labels ?? add.Labels,
                ListName = parts.ListName ?? add.ListName,
                RemindMinutesBefore = parts.RemindMinutesBefore ?? add.RemindMinutesBefore ?? (add.AsksWhenToRemind && parts.Due is not null ? 0 : null),
                AsksWhenToRemind = add.AsksWhenToRemind && parts.Due is null,
            }
            : null;

    /// <summary>Whether the words of <paramref name="verb"/> ended up inside what <paramref name="intent"/> names (a title, a task, a search).</summary>
    private static bool Swallowed(Intent intent, string verb)
    {
        string?[] named = [intent.Title, intent.Reference, intent.Description, intent.Query, .. intent.MoreTitles ?? []];
        return named.Any(words => words is not null && words.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(word => string.Equals(word.Trim(',', '.', ';', ':'), verb, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The break before a second request: " and remind me …", " then delete …", " and mark … done".</summary>
    [GeneratedRegex(@"\s+(?:and\s+(?:then\s+|also\s+)?|then\s+)(?=(?:please\s+)?(?:remind\s+me|mark|add|put|delete|remove|show|complete|check\s+off|tick\s+off|cross\s+off|move|tell\s+me|what'?s|set|rename|undo|make|change|give|bump|flag|push|reschedule|postpone)\b)", Options)]
    private static partial Regex SecondRequest();

    /// <summary>
    /// A reason or a first clause, then the request: "we're out of paint so take bathroom painting off the list", "I no
    /// longer need to call mom, remove it". The request is read on its own, and "it" in it means the task the first clause
    /// names. Null when the message has no such break, or when the whole message reads as a request (the first clause
    /// taken as part of it) and no "it" in the last needs the first.
    /// </summary>
    private static (int? Rule, Intent Intent)? ReadClauses(string text, DateTimeOffset now, (int? Rule, Intent Intent)? whole)
    {
        if (ClauseBreak().Matches(text) is not { Count: > 0 } breaks)
        {
            return null;
        }

        var last = breaks[^1];
        var request = Utterance.Clean(text[(last.Index + last.Length)..]);
        if (request.Length == 0 || Apply(Rules, request, now) is not { } read || read.Intent.Kind == IntentKind.Unknown)
        {
            return null;
        }

        if (read.Intent.Reference is { } reference && PointsBack().IsMatch(reference.Trim()))
        {
            var first = Utterance.Clean(text[..last.Index]);
            var firstRead = Apply(Rules, first, now)?.Intent;
            if (firstRead is { Reference: { } named, Kind: IntentKind.Complete or IntentKind.Delete or IntentKind.Reopen or IntentKind.Update })
            {
                return (read.Rule, read.Intent with { Reference = named });
            }

            if (firstRead is not null && AddWithParts(firstRead, read.Intent) is { } added)
            {
                return (read.Rule, added);
            }

            // "call mom, check it off": an errand named alone is the task.
            if (firstRead is { IsErrand: true, MoreTitles: null })
            {
                return (read.Rule, read.Intent with { Reference = first });
            }

            // "I changed my mind about the restaurant, delete it", "the dentist got moved, push it to friday": the thing the
            // first clause is about.
            return ClauseSubject().Match(first) is { Success: true } subject && NamesTaskByWords(subject.Groups["ref"].Value)
                ? (read.Rule, read.Intent with { Reference = subject.Groups["ref"].Value })
                : null;
        }

        return whole is null || whole.Value.Intent.Kind == IntentKind.Unknown ? read : null;
    }

    private static (int? Rule, Intent Intent)? Apply(Rule[] rules, string text, DateTimeOffset now)
    {
        for (var i = 0; i < rules.Length; i++)
        {
            var match = rules[i].Pattern.Match(text);
            if (match.Success && rules[i].Build(match, text, now) is { } intent)
            {
                return (i, intent);
            }
        }

        return null;
    }

    /// <summary>An add: the item's words, with the list, labels and priority said with it taken out (<see cref="RequestParts.Peel"/>).</summary>
    private static Intent Add(string rest, DateTimeOffset now)
    {
        // "call mom tomorrow at 10 and remind me": a reminder at the due, not words of the title.
        // "add eggs to the grocery list and remind me tomorrow": the date said with the reminder is the task's.
        if (AndRemindMe().Match(rest) is { Success: true } remindToo && remindToo.Index > 0
            && remindToo.Groups["when"].Value is var when && (when.Length == 0 || DatePhrases.IsWholeDate(when, now)))
        {
            var added = Add(when.Length == 0 ? rest[..remindToo.Index] : $"{rest[..remindToo.Index]} {when}", now);
            return added.Due is null ? added : added with { RemindMinutesBefore = 0 };
        }

        var cleaned = Utterance.Clean(rest);
        var parts = RequestParts.Peel(cleaned);

        // "bread to my grocery list for tomorrow": the list said before the date.
        if (parts.List is null && DatePhrases.Peel(cleaned, now) is { Due: { } due } dated
            && RequestParts.Peel(dated.Rest) is var listed && !string.Equals(listed.Item, dated.Rest, StringComparison.Ordinal))
        {
            parts = listed with { Item = $"{listed.Item} {due}" };
        }

        var intent = new Intent(IntentKind.Add)
        {
            ListName = parts.List,
            Labels = parts.Labels.Count == 0 ? null : parts.Labels,
            Priority = parts.Priority,
        };
        if (MissingTitle().IsMatch(parts.Item.Trim()) || PointsWithoutNaming().IsMatch(parts.Item.Trim()))
        {
            return intent;
        }

        // "add a task to my shopping list": the words name where it goes, not what it says, so ask.
        if (parts.List is null && ListInsteadOfTask(LeadingPreposition().Replace(parts.Item.Trim(), "")) is { } destination)
        {
            return intent with { ListName = destination };
        }

        // "add it to my groceries list", "put that on the work list": the task just talked about, moved there.
        if (parts.List is not null && Pronoun().IsMatch(parts.Item.Trim()))
        {
            return new Intent(IntentKind.Update) { Reference = parts.Item.Trim(), ListName = parts.List };
        }

        // "two tasks: call the bank and book the dentist": the items, which are no title and description.
        var counted = Counted().Match(parts.Item);
        var item = counted.Success ? counted.Groups["items"].Value : parts.Item;
        (string Title, string? Description) Read(string words) => counted.Success ? (Utterance.CleanTitle(words), null) : Utterance.TitleAndDescription(words);
        var (title, description) = Read(item);

        // "gym monday wednesday and friday", "yoga on tuesdays": days said together, or said in the plural, repeat.
        item = WeekdayRun().Replace(item, run => $"every {PluralDay().Replace(run.Groups["days"].Value, day => day.Groups["day"].Value)}");

        // One date phrase comes out of the title ("call mom tomorrow at 5"); one in the description stays there.
        var date = DatePhrases.Peel(item, now);
        if (date.Due is not null || date.Problem is not null)
        {
            var (datedTitle, datedDescription) = Read(date.Rest);
            // The phrase belonged to the description when taking it out changes the description and the description held it
            // ("pay the gas bill: before Friday"); a time's colon is no description ("call Ana at 5:30pm").
            var inDescription = !string.Equals(datedDescription, description, StringComparison.Ordinal)
                && description is not null && date.Due is not null && description.Contains(date.Due, StringComparison.OrdinalIgnoreCase);
            if (!inDescription)
            {
                (title, description) = (datedTitle, datedDescription);
                intent = intent with { Due = date.Due, DateProblem = date.Problem };
            }
        }

        // "remind me about it friday", "task 5 has to be done by monday": a task already there, not a new one called "It".
        if (!counted.Success && description is null && (intent.Due is not null || intent.DateProblem is not null)
            && TaskItself().Match(title) is { Success: true } itself)
        {
            return intent with { Kind = IntentKind.Update, Reference = itself.Groups["ref"].Value };
        }

        // "call mom needs to be done by thursday", "the report has to be submitted by friday": the task with those words when
        // there is one, else a new one ("Call mom", "Submit the report").
        if (!counted.Success && description is null && intent is { Due: not null, ListName: null } && NeedsDoing().Match(title) is { Success: true } needs
            && NamesTaskByWords(needs.Groups["ref"].Value))
        {
            var named = needs.Groups["ref"].Value;
            var present = needs.Groups["verb"].Success ? PastTense.BaseForm(needs.Groups["verb"].Value) : null;
            return intent with
            {
                Kind = IntentKind.Update,
                Reference = named,
                AddsIfMissing = present is null
                    ? TitleOf(named)
                    : Utterance.CleanTitle($"{present}{needs.Groups["particle"].Value} {Determiner().Replace(named, d => d.Value.ToLowerInvariant())}"),
            };
        }

        // "eggs, milk and bread", "walk the dog and feed the cat": one task each.
        if (description is null && Several(intent, title, counted.Success) is { } several)
        {
            return OrOnNamedList(several);
        }

        return OrOnNamedList(intent with { Title = title.Length == 0 ? null : title, Description = description });
    }

    /// <summary>
    /// An add whose last title ends in a place said without "list" ("call mom to work", "eggs and milk to costco"), with the
    /// add of the titles without it to the list of that name as <see cref="Intent.OnListIfKnown"/>; unchanged otherwise.
    /// </summary>
    private static Intent OrOnNamedList(Intent added)
    {
        if (added is not { Kind: IntentKind.Add, ListName: null, Title: { } title })
        {
            return added;
        }

        List<string> titles = [title, .. added.MoreTitles ?? []];
        if (BarePlace().Match(titles[^1]) is not { Success: true } place || RequestParts.ListName(place.Groups["name"].Value) is not { } list
            || Utterance.CleanTitle(place.Groups["item"].Value) is not { Length: > 0 } item || Pronoun().IsMatch(item))
        {
            return added;
        }

        // "\"fix the fence\" to home", "hiking boots to my wishlist": the quotes close the title, and a word that ends in
        // "list" is one, so the place is a list whether or not it exists yet.
        var surelyList = Utterance.Unquote(place.Groups["item"].Value.Trim()) != place.Groups["item"].Value.Trim()
            || CompoundListWord().IsMatch(place.Groups["name"].Value);
        titles[^1] = item;

        // "eggs and cheese to work": the place kept the items together; without it they are one task each.
        if (titles.Count == 1 && added.Description is null && Several(added, item, counted: false) is { Title: { } first } several)
        {
            titles = [first, .. several.MoreTitles ?? []];
        }

        return surelyList
            ? added with { Title = titles[0], MoreTitles = titles.Count > 1 ? titles[1..] : null, ListName = list }
            : added with { OnListIfKnown = new PlaceAsList(list, titles[0], titles.Count > 1 ? titles[1..] : null) };
    }

    /// <summary>"wishlist", "watchlist": one word naming a list.</summary>
    [GeneratedRegex(@"^[a-z]{3,}list$", Options)]
    private static partial Regex CompoundListWord();

    /// <summary>An add of several items ("eggs, milk and bread"): one task each (see <see cref="Items"/>); null when one.</summary>
    private static Intent? Several(Intent intent, string items, bool counted) =>
        Items(items, counted)?.Select(Utterance.CleanTitle).ToList() is { } titles && titles.All(title => title.Length > 0)
            ? intent with { Title = titles[0], MoreTitles = titles[1..] }
            : null;

    /// <summary>"bananas from groceries", "milk on my shopping list": an item, then the list it is on.</summary>
    [GeneratedRegex(@"^.+?\s+(?<place>(?:on|from|in|off|out\s+of)\s+(?:(?:my|the|our|your)\s+)?[\w'&-]+(?:\s+[\w'&-]+){0,2})$", Options)]
    private static partial Regex ListAfterItem();

    /// <summary>"call mom to work", "milk in costco": an item, then a place of one or two words that may be a list's name.</summary>
    [GeneratedRegex(@"^(?<item>.+?)\s+(?:to|on|onto|in|into)\s+(?:(?:my|the|our)\s+)?(?<name>[\w'&-]+(?:\s+[\w'&-]+)?)$", Options)]
    private static partial Regex BarePlace();

    /// <summary>
    /// "call mom and bathroom painting", "the milk, the eggs and task 4": the parts of words that name tasks one after another
    /// (2 to 10 parts of at most 6 words each); null when they do not break so.
    /// </summary>
    internal static IReadOnlyList<string>? NamedOneByOne(string reference)
    {
        var parts = ItemSeparator().Split(reference.Trim().TrimEnd('.', '!', '?')).Select(part => part.Trim()).Where(part => part.Length > 0).ToList();
        if (parts.Count is < 2 or > 10 || parts.Any(part => part.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 6))
        {
            return null;
        }

        // "eggs and bananas from groceries": the list said after the last names where each of them is.
        if (ListAfterItem().Match(parts[^1]) is { Success: true } place && !parts[..^1].Any(part => ListAfterItem().IsMatch(part)))
        {
            parts = [.. parts[..^1].Select(part => $"{part} {place.Groups["place"].Value}"), parts[^1]];
        }

        return parts;
    }

    /// <summary>
    /// The items of "eggs, milk and bread", "walk the dog and feed the cat", for an add or a reference; null when the words
    /// are one item. Said with a count ("two tasks: …") they always split; otherwise "and" splits only items alike (all
    /// things, or all things to do, each of a few words), so "buy milk and eggs", "call mom and dad", "mac and cheese" and
    /// "meeting with John and Sarah" stay one.
    /// </summary>
    internal static IReadOnlyList<string>? Items(string text, bool counted)
    {
        if (text.Contains('"', StringComparison.Ordinal) || OneThing().IsMatch(text))
        {
            return null;
        }

        var enumerated = counted || CommaList().IsMatch(text);
        var pieces = ItemSeparator().Split(text.Trim().TrimEnd('.', '!', '?')).Select(piece => piece.Trim()).Where(piece => piece.Length > 0).ToList();

        // "milk eggs and bread": things to buy said one after another without commas, each one word.
        if (!enumerated && pieces.SelectMany(piece => piece.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(word => word.ToLowerInvariant() is not ("the" or "my" or "our" or "some")).ToList() is { Count: >= 2 and <= 20 } words
            && words.Count > pieces.Count && words.All(word => ShoppingWords.Contains(word)))
        {
            return words;
        }

        if (pieces.Count < 2 || pieces.Count > 20)
        {
            return null;
        }

        if (!counted)
        {
            var verbs = pieces.Count(piece => TaskVerb().IsMatch(piece));
            if ((verbs > 0 && verbs < pieces.Count) || pieces.Any(piece => piece.Split(' ').Length > (enumerated ? 6 : 4))
                || (verbs == 0 && pieces.Any(piece => Joining().IsMatch(piece))))
            {
                return null;
            }
        }

        return pieces;
    }

    /// <summary>
    /// "push the dentist task to friday", "make the gym task repeat every monday", "set the due date of task 2 to dec 1":
    /// the task, then one date phrase ending the message. A verb that also means other things ("move", "change", "set",
    /// "make") needs the phrase led by "to", "until", "for", "repeat"… or a date word ("due friday"), so "change task 1 to
    /// call mom tomorrow" stays a rename and "move task 3 to Work" a move.
    /// </summary>
    private static Intent? ScheduleIntent(Match match, DateTimeOffset now)
    {
        var rest = match.Groups["rest"].Value;
        var onlyDates = DateOnlyVerb().IsMatch(match.Groups["verb"].Value);
        var found = DateReader.Find(rest, now, "UTC");
        string before;
        string? due = null;
        if (found.Match is { } phrase)
        {
            if (rest[(phrase.Start + phrase.Length)..].Trim().Trim('.', '!', '?').Length > 0)
            {
                return null;
            }

            before = rest[..phrase.Start];
            due = phrase.Text;
            var led = DateLead().IsMatch(phrase.Text) || phrase.Reading.IsRecurring;
            var connected = ScheduleConnector().IsMatch(before);
            var saysDue = phrase.Text.StartsWith("due", StringComparison.OrdinalIgnoreCase);
            var makesRepeat = phrase.Reading.IsRecurring && match.Groups["verb"].Value.Equals("make", StringComparison.OrdinalIgnoreCase);
            if (!onlyDates && !connected && !makesRepeat && !(led && (saysDue || TaskLike().IsMatch(DueOfTail().Replace(DueOf().Replace(before.Trim(), ""), "").Trim()))))
            {
                return null;
            }
        }
        else if (found.Error is not null && LastConnector().Match(rest) is { Success: true } connector)
        {
            before = rest[..connector.Index];
        }
        else if (LastConnector().Match(rest) is { Success: true } to && DayAfterOn(rest[(to.Index + to.Length)..], now) is { } day)
        {
            // "move task 5 to the 12th": a day that is a date only after a date word.
            before = rest[..to.Index];
            due = day;
        }
        else if (LastConnector().Match(rest) is { Success: true } toHour && BareHour().IsMatch(rest[(toHour.Index + toHour.Length)..].Trim())
            && MovingVerb().IsMatch(match.Groups["verb"].Value) && ScheduleConnector().Replace(rest[..toHour.Index].Trim(), "").Trim() is var movedTask
            && !FocusedTask().IsMatch(movedTask) && !movedTask.All(char.IsAsciiDigit))
        {
            // "move the dentist to 11": an hour said alone is a time (of the day the task has); "move task 2 to 5" is not clear.
            before = rest[..toHour.Index];
            due = $"at {rest[(toHour.Index + toHour.Length)..].Trim()}";
        }
        else if (PutOffVerb().IsMatch(match.Groups["verb"].Value) && !ChangeWords().IsMatch(rest))
        {
            // "reschedule call mom", "postpone the dentist": which day is asked.
            return new Intent(IntentKind.Update) { Reference = rest, DateProblem = "To which day? Say a day like \"friday\" or \"next monday at 10\"." };
        }
        else
        {
            return null;
        }

        var named = ScheduleConnector().Replace(before.Trim(), "").Trim();
        var reference = DueOfTail().Replace(DueOf().Replace(named, "").Trim(), "").Trim();

        // "change the due date to tomorrow", "move its deadline to friday": the task talked about.
        if (reference.Length < named.Length && OnlyADeterminer().IsMatch(reference))
        {
            reference = "it";
        }

        // "move the bill from friday to monday": the day it had says nothing about which task.
        if (FromADay().Match(reference) is { Success: true } from && DatePhrases.IsWholeDate(from.Groups["day"].Value, now))
        {
            reference = reference[..from.Index];
        }

        // "schedule a call with Bob for friday" names a new thing, not a task.
        if (reference.Length == 0 || NewThing().IsMatch(reference))
        {
            return null;
        }

        // "schedule a haircut for friday": that task, or a new one when none has those words; "make dinner every sunday": that
        // task repeating, or a new one with all the words.
        var verb = match.Groups["verb"].Value;
        var addsIfMissing = !NamesTaskByWords(reference) ? null
            : verb.Equals("schedule", StringComparison.OrdinalIgnoreCase) ? TitleOf(reference)
            : verb.Equals("make", StringComparison.OrdinalIgnoreCase) && found.Match is { Reading.IsRecurring: true } && !ScheduleConnector().IsMatch(before.Trim())
                ? TitleOf($"{verb} {reference}")
            : null;
        return found.Error is { } error
            ? new Intent(IntentKind.Update) { Reference = reference, DateProblem = $"I couldn't read that date: {error} Which day do you mean?" }
            : new Intent(IntentKind.Update) { Reference = reference, Due = due, AddsIfMissing = addsIfMissing };
    }

    /// <summary>
    /// "push the dentist back a week": the task and how far its due moves. Waiting verbs (postpone, delay, snooze, "can
    /// wait") and "back", "out", "later" move it later; "forward", "up", "earlier", "sooner" earlier; a bare "push" or
    /// "move" later.
    /// </summary>
    private static Intent? ShiftIntent(Match match)
    {
        var said = match.Groups["n"].Value.ToLowerInvariant();
        var count = said switch
        {
            _ when int.TryParse(said, NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
            _ when said.EndsWith("couple of", StringComparison.Ordinal) || said == "couple" => 2,
            _ when said.EndsWith("few", StringComparison.Ordinal) => 3,
            "another" => 1,
            _ when DateWords.TryNumberWord(said, out var word) => word,
            _ => 0,
        };
        if (count is <= 0 or > 999)
        {
            return null;
        }

        var direction = string.Join(' ', match.Groups["dir"].Captures.Select(c => c.Value.ToLowerInvariant()));
        var earlier = EarlierWord().IsMatch(direction);
        if (earlier && LaterWord().IsMatch(direction))
        {
            return null;
        }

        var unit = match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            var u when u.StartsWith("mo", StringComparison.Ordinal) => "months",
            var u when u.StartsWith('m') => "minutes",
            var u when u.StartsWith('h') => "hours",
            var u when u.StartsWith('w') => "weeks",
            _ => "days",
        };
        // "move task 3 to repeat every 2 weeks", "move it to in 3 days": a date phrase, not an amount.
        var reference = match.Groups["ref"].Value.Trim();
        return reference.Length == 0 || NewThing().IsMatch(reference) || EndsBeforeADate().IsMatch(reference)
            ? null
            : new Intent(IntentKind.Update)
            {
                Reference = reference,
                DueShift = string.Create(CultureInfo.InvariantCulture, $"{(earlier ? -count : count)} {unit}"),
            };
    }

    /// <summary>"the 12th" as "on the 12th" when that is all of it a date; null otherwise.</summary>
    private static string? DayAfterOn(string words, DateTimeOffset now)
    {
        var day = "on " + words.Trim().TrimEnd('.', '!', '?');
        return DateReader.Find(day, now, "UTC").Match is { Start: 0 } phrase && phrase.Length == day.Length ? day : null;
    }

    /// <summary>"the report is due friday", "the gym task repeats every monday": the whole of the rest is the date.</summary>
    private static Intent? IsDueIntent(Match match, DateTimeOffset now)
    {
        // "the dentist got moved to 2": an hour alone.
        var when = BareHour().IsMatch(match.Groups["when"].Value) ? "at " + match.Groups["when"].Value : match.Groups["when"].Value;
        var found = DateReader.Find(when, now, "UTC");
        var reference = match.Groups["ref"].Value;
        if (found.Match is { } phrase && phrase.Start == 0 && phrase.Length == when.TrimEnd('.', '!', '?', ' ').Length)
        {
            // "the electricity bill is due monday": that task, or a new one when there is none.
            return new Intent(IntentKind.Update)
            {
                Reference = reference,
                Due = phrase.Text,
                AddsIfMissing = NamesTaskByWords(reference) ? TitleOf(reference) : null,
                RemindMinutesBefore = match.Groups["remind"].Success ? 0 : null,
            };
        }

        return found.Error is { } error
            ? new Intent(IntentKind.Update) { Reference = reference, DateProblem = $"I couldn't read that date: {error} Which day do you mean?" }
            : null;
    }

    private static Intent? CreateListIntent(Match match)
    {
        var said = match.Groups["name"].Value.Trim();
        if (said.Length == 0)
        {
            return new Intent(IntentKind.CreateList);
        }

        // "create a list called" or "make a to do list": no name yet, so ask for one.
        return RequestParts.ListName(said) is { } name
            ? HasPreposition(name) ? null : new Intent(IntentKind.CreateList) { ListName = name }
            : new Intent(IntentKind.CreateList);
    }

    private static Intent? RenameListIntent(Match match) =>
        RequestParts.ListName(match.Groups["new"].Value) is not { } renamed ? null
        : ThisList().IsMatch(match.Groups["old"].Value) ? new Intent(IntentKind.RenameList) { NewListName = renamed, OnListInView = true }
        : RequestParts.ListName(match.Groups["old"].Value) is { } old && !HasPreposition(old)
            ? new Intent(IntentKind.RenameList) { ListName = old, NewListName = renamed }
            : null;

    private static Intent? DeleteListIntent(Match match)
    {
        // "delete this list": the list the conversation is looking at.
        if (ThisList().IsMatch(match.Groups["name"].Value))
        {
            return new Intent(IntentKind.DeleteList) { OnListInView = true, TasksOnDelete = TasksOnDelete(match.Groups["tail"].Value) };
        }

        if (RequestParts.ListName(match.Groups["name"].Value) is not { } name || HasPreposition(name))
        {
            return null;
        }

        return new Intent(IntentKind.DeleteList) { ListName = name, TasksOnDelete = TasksOnDelete(match.Groups["tail"].Value) };
    }

    private static string? TasksOnDelete(string tail) =>
        tail.Length == 0 ? null : KeepTasks().IsMatch(tail) ? "move" : DropTasks().IsMatch(tail) ? "delete" : null;

    private static Intent UntagIntent(Match match)
    {
        var labels = match.Groups["labels"].Success ? RequestParts.LabelWords(match.Groups["labels"].Value) : [];
        return new Intent(IntentKind.Update) { Reference = match.Groups["ref"].Value, RemoveLabels = labels };
    }

    private static Intent? PriorityIntent(Match match)
    {
        var verb = match.Groups["verb"].Value.ToLowerInvariant();
        var priority = verb.StartsWith("de", StringComparison.Ordinal) || verb is "less" or "down" or "bottom" ? "low"
            : verb.StartsWith("prior", StringComparison.Ordinal) || verb is "more" or "up" or "top" ? "high"
            : match.Groups["none"].Success || match.Groups["not"].Success ? "none"
            : RequestParts.PriorityWord(match.Groups["p"].Value);
        var reference = match.Groups["ref"].Value;

        // "give me my top priority": the tasks of that priority, shown.
        if (priority is not null && ToMe().IsMatch(reference))
        {
            return new Intent(IntentKind.List) { Status = "pending", Priority = priority == "none" ? null : priority };
        }

        // "buy milk priority high": that task, or a new one when there is none.
        return priority is null ? null : new Intent(IntentKind.Update)
        {
            Reference = reference,
            Priority = priority,
            AddsIfMissing = match.Groups["adds"].Success && NamesTaskByWords(reference) ? TitleOf(reference) : null,
        };
    }

    /// <summary>"move task 3 to Work": a list; not a status ("move it to done") or a day ("move it to Monday").</summary>
    private static Intent? MoveIntent(Match match)
    {
        var destination = match.Groups["list"].Value.Trim();
        var reference = match.Groups["ref"].Value.Trim();
        if (NotAList().IsMatch(destination) || RequestParts.ListName(destination) is not { } name)
        {
            return null;
        }

        // "put milk on the grocery list" adds milk; "put task 3 on the Work list" moves task 3.
        var verb = match.Groups["verb"].Value.ToLowerInvariant();
        if (verb is not ("move" or "file" or "shift" or "transfer" or "relocate") && !TaskLike().IsMatch(reference))
        {
            return null;
        }

        return new Intent(IntentKind.Update) { Reference = reference, ListName = name };
    }

    /// <summary>A question about the tasks with a label or a priority ("what's urgent?", "tasks tagged errands").</summary>
    private static bool AsksDays(string text, DateTimeOffset now) => DatePhrases.ListTerm(text, now, out _) is not null;

    private static Intent? ScopedList(string text, DateTimeOffset now)
    {
        var scope = RequestParts.ScopeOf(text);
        return scope.Label is null && scope.Priority is null ? null : List(text, now, query: null);
    }

    private static bool HasPreposition(string name) => Preposition().IsMatch(name);

    /// <summary>"remind me 30 minutes before the dentist": a reminder on that task (on "it", the one just talked about, when none is named).</summary>
    private static Intent? RemindBeforeIntent(Match match)
    {
        var n = match.Groups["n"].Value.ToLowerInvariant();
        int? count = int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : n switch
        {
            "a" or "an" or "the" or "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "ten" => 10,
            "fifteen" => 15,
            "twenty" => 20,
            "thirty" => 30,
            "forty-five" or "fortyfive" => 45,
            _ when n.StartsWith("half", StringComparison.Ordinal) => 0,
            _ => null,
        };
        var unit = match.Groups["unit"].Value.ToLowerInvariant();
        var minutes = n.StartsWith("half", StringComparison.Ordinal)
            ? unit.StartsWith('h') ? 30 : (int?)null
            : count * (unit[0] switch { 'h' => 60, 'd' => 1440, 'w' => 10080, _ => 1 });
        if (minutes is null)
        {
            return null;
        }

        // "remind me to pay the bill a day before it's due": the task is what the reminder is about.
        var before = match.Groups["ref"].Success ? WhenItHappens().Replace(match.Groups["ref"].Value.Trim(), "") : null;
        var reference = before is not null && !(match.Groups["about"].Success && ItsDue().IsMatch(before)) ? before
            : match.Groups["about"].Success ? WhenItHappens().Replace(match.Groups["about"].Value.Trim(), "") : "it";
        return new Intent(IntentKind.Update) { Reference = reference, RemindMinutesBefore = minutes };
    }

    /// <summary>
    /// "put the dentist on thursday", "pencil in a haircut for saturday": the task with those words moved to that day when
    /// there is one, a new one otherwise; null without a day.
    /// </summary>
    private static Intent? PutOnADayIntent(Match match, DateTimeOffset now) =>
        Add(match.Groups["rest"].Value, now) is { Kind: IntentKind.Add, Due: { } due, MoreTitles: null, ListName: null, Description: null, Title: { } named }
        && NamesTaskByWords(named)
            ? new Intent(IntentKind.Update) { Reference = named, Due = due, AddsIfMissing = TitleOf(named) }
            : null;

    /// <summary>"remind me at 4pm to call mom": a task with that due, and a reminder at it; without a date only the task.</summary>
    private static Intent Reminding(Match match, Intent add, DateTimeOffset now)
    {
        var reminds = match.Value.StartsWith("remind", StringComparison.OrdinalIgnoreCase);

        // When to remind of a task there; its own due stays (a repeating phrase is a new due: "remind me about the bins every friday").
        bool RemindsThen(string? when) => when is not null && !DatePhrases.Repeats(when, now);

        // "remind me about it", "remind me of task 4": that task, at its due; "remind me to do it tomorrow": that task, then.
        if (reminds && add is { Kind: IntentKind.Add, DateProblem: null, MoreTitles: null }
            && (add.Due is null ? TaskItself() : DoIt()).Match(add.Title ?? match.Groups["rest"].Value.Trim()) is { Success: true } itself)
        {
            return new Intent(IntentKind.Update) { Reference = itself.Groups["ref"].Value, Due = add.Due, RemindMinutesBefore = 0, RemindsAtDueOnly = RemindsThen(add.Due) };
        }

        // "remind me about the electricity bill tomorrow", "don't forget about call mom on friday", "remind me about the bill":
        // the task with those words when there is one (reminded then), a new one otherwise.
        if (match.Groups["about"].Success && (reminds || add.Due is not null)
            && add is { Kind: IntentKind.Add, MoreTitles: null, ListName: null, Description: null, Title: { } named })
        {
            return add with
            {
                Kind = IntentKind.Update, Reference = named, AddsIfMissing = TitleOf(named), Title = null,
                RemindMinutesBefore = 0, RemindsAtDueOnly = RemindsThen(add.Due),
            };
        }

        // "don't forget my passport": the passport.
        if (match.Groups["about"].Success && add is { Kind: IntentKind.Add, MoreTitles: null, Title: { } thing })
        {
            add = add with { Title = TitleOf(thing) };
        }

        return reminds && (add.Due is not null || add.Kind == IntentKind.Update) ? add with { RemindMinutesBefore = 0 }
            : reminds && add is { Kind: IntentKind.Add, Title: not null, DateProblem: null } ? add with { AsksWhenToRemind = true }
            : add;
    }

    /// <summary>"remind me tomorrow to call the bank" → "call the bank tomorrow"; "remind me that I have a haircut" → "a haircut".</summary>
    private static string WithWhen(Match match)
    {
        var rest = HaveAThing().Replace(match.Groups["rest"].Value, "");
        return match.Groups["when"].Success ? $"{rest} {match.Groups["when"].Value}" : rest;
    }

    private static Intent Describe(string reference, string description) =>
        new(IntentKind.Update) { Reference = reference, Description = Utterance.CleanDescription(description) };

    /// <summary>"change it to tomorrow", "make it 6" (after "remind me at 5 to…"): a new time, not a new title; else a new title.</summary>
    private static Intent RenameOrReschedule(string reference, string title, DateTimeOffset now)
    {
        var when = BareHour().IsMatch(title.Trim()) ? $"at {title.Trim()}" : title;
        return DatePhrases.IsWholeDate(when, now) ? new Intent(IntentKind.Update) { Reference = reference, Due = when } : Rename(reference, title);
    }

    private static Intent Rename(string reference, string title)
    {
        // "change milk to oat milk on my grocery list": the list says where the task is, not what it is called.
        var cleanTitle = Utterance.CleanTitle(OnAList().Replace(title, ""));
        return StatusWord(cleanTitle) switch
        {
            "completed" => new Intent(IntentKind.Complete) { Reference = reference },
            "pending" => new Intent(IntentKind.Reopen) { Reference = reference },
            _ => new Intent(IntentKind.Update) { Reference = reference, Title = cleanTitle },
        };
    }

    private static Intent? MovedToIntent(Match match, DateTimeOffset now)
    {
        var when = MoveConnector().Replace(match.Groups["when"].Value.Trim(), "");
        when = BareHour().IsMatch(when) ? $"at {when}" : when;
        var reference = match.Groups["ref"].Value.Trim();
        return DatePhrases.IsWholeDate(when, now) && NamesTaskByWords(reference)
            ? new Intent(IntentKind.Update) { Reference = reference, Due = when }
            : null;
    }

    /// <summary>"the dentist is at 11 now", "the meeting got moved to friday", "the bill is now on monday": a task's new time said as news.</summary>
    [GeneratedRegex(@"^(?<ref>.+?)\s+(?:(?:is|was|are|has\s+been|have\s+been|got|gets)\s+)?(?:now\s+)?(?:moved|changed|rescheduled|pushed(?:\s+back)?|postponed|put\s+off|bumped|shifted)\s+(?<when>(?:to|until|till|for|at|on)\s+.+?)(?:\s+(?:now|instead))?[.!]*$" +
        @"|^(?<ref>.+?)\s+(?:is|are)\s+(?:now\s+(?<when>(?:at|on)\s+.+?)|(?<when>(?:at|on)\s+.+?)\s+(?:now|instead))[.!]*$", Options)]
    private static partial Regex MovedTo();

    [GeneratedRegex(@"^(?:to|until|till|for)\s+", Options)]
    private static partial Regex MoveConnector();

    [GeneratedRegex(@"^(?:move|push|reschedule|re-schedule|shift|bump|bring|pull|postpone|delay)$", Options)]
    private static partial Regex MovingVerb();

    /// <summary>An hour of the clock said alone: "6", "6:30".</summary>
    [GeneratedRegex(@"^(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?$", Options)]
    private static partial Regex BareHour();

    /// <summary>The action on the task the match names; the list it is said to be on stays with it ("milk from my work list").</summary>
    private static Intent Act(IntentKind kind, Match match) =>
        new(kind)
        {
            Reference = LeadingRemark().Replace(match.Groups["ref"].Value, "")
                + (match.Groups["list"].Success ? " from " + match.Groups["list"].Value : ""),
        };

    /// <summary>"that was a mistake, call mom": a remark before the task's name.</summary>
    [GeneratedRegex(@"^(?:[^,]*\b(?:mistake|wrong|oops|whoops|sorry|actually|my\s+bad|oh\s+no|wait|hmm+)\b[^,]*|no|nope|ok|okay|so|well)\s*,\s*(?=\S)", Options)]
    private static partial Regex LeadingRemark();

    /// <summary>"set a due date of friday for X"; "set a deadline for X next friday": the date said after the task.</summary>
    private static Intent? SetDueDateIntent(Match match, DateTimeOffset now)
    {
        if (match.Groups["named"].Success)
        {
            var peeled = DatePhrases.Peel(match.Groups["named"].Value, now);
            var named = TrailingPreposition().Replace(peeled.Rest, "");
            return peeled.Due is null || named.Length == 0 ? null
                : new Intent(IntentKind.Update) { Reference = named, Due = peeled.Due };
        }

        return DatePhrases.IsWholeDate(match.Groups["when"].Value, now)
            ? new Intent(IntentKind.Update) { Reference = match.Groups["ref"].Value, Due = match.Groups["when"].Value }
            : null;
    }

    [GeneratedRegex(@"\s+(?:to|for|on|of|by|as|at)$", Options)]
    private static partial Regex TrailingPreposition();

    /// <summary>"have I paid the electricity bill?": the tasks with those words, done or not; null for a verb of no deed.</summary>
    private static Intent? HaveIDoneItIntent(Match match)
    {
        var present = PastTense.BaseForm(match.Groups["verb"].Value) ?? match.Groups["verb"].Value.ToLowerInvariant();
        var rest = match.Groups["rest"].Value.Trim();
        if (NotAThing().IsMatch(rest) || PointingWords().IsMatch(rest))
        {
            return null;
        }

        // "did I pay the bill?": a thing said with its article is searched alone, since the title may name the deed otherwise
        // ("Pay the electricity bill", "Mop kitchen").
        return new Intent(IntentKind.List) { Query = Utterance.CleanQuery(Determined().IsMatch(rest) ? rest : DeedTask(present, rest)) };
    }

    [GeneratedRegex(@"^(?:the|my|our|a|an|this|that)\s+\S", Options)]
    private static partial Regex Determined();

    [GeneratedRegex(@"\s+for\s+\S", Options)]
    private static partial Regex ForADay();

    /// <summary>"I haven't called mom yet" → reopen "call mom"; "I didn't buy the milk after all" → reopen "the milk".</summary>
    private static Intent? NotDoneYetIntent(Match match, DateTimeOffset now)
    {
        var said = match.Groups["verb"].Value;
        var present = PastTense.BaseForm(said) ?? said.ToLowerInvariant();
        var rest = SomeOf().Replace(WhenItWasDone().Replace(match.Groups["rest"].Value.Trim(), ""), "");
        return rest.Length == 0 || NotAThing().IsMatch(rest) || DatePhrases.SaysWhenToDoIt(rest, now)
            ? null
            : new Intent(IntentKind.Reopen) { Reference = DeedTask(present, rest) };
    }

    /// <summary>
    /// The words of the task a deed names: "call" + "mom" → "call mom"; a getting or finishing verb names only its object
    /// ("bought the milk" → "the milk", "finished the report" → "the report").
    /// </summary>
    private static string DeedTask(string present, string rest) =>
        PastTense.IsGetting(present) || present is "finish" or "complete" or "do" ? rest : $"{present} {rest}";

    /// <summary>"I paid the electricity bill" → complete "pay the electricity bill"; "bought the milk" → complete "the milk".</summary>
    private static Intent? DidItIntent(Match match, DateTimeOffset now)
    {
        var said = match.Groups["verb"].Value;
        if (PastTense.PresentOf(said) is not { } present)
        {
            return null;
        }

        // "we've got a dentist appointment on friday": a thing to come, not one done; "we ran out of coffee": a thing needed.
        var rest = WhenItWasDone().Replace(match.Groups["rest"].Value.Trim(), "");

        // "booked the restaurant for friday": done now, for a day to come.
        if (present is not ("get" or "have") && ForADay().IsMatch(rest) && DatePhrases.Peel(rest, now) is { Due: not null } booked)
        {
            rest = TrailingPreposition().Replace(booked.Rest, "");
        }

        if (rest.Length == 0 || NotAThing().IsMatch(rest) || DatePhrases.SaysWhenToDoIt(rest, now)
            || (present == "run" && rest.StartsWith("out of ", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return new Intent(IntentKind.Complete) { Reference = DeedTask(present, rest) };
    }

    private static Intent? OnListIntent(Match match, string text, DateTimeOffset now)
    {
        var thing = match.Groups["thing"].Value.Trim();

        // "is there anything due on the work list", "anything overdue on groceries": the list's tasks of those days.
        if (AnythingDated().Match(thing) is { Success: true } dated)
        {
            var days = List(text.Replace(thing, dated.Groups["days"].Value, StringComparison.Ordinal), now, query: null);
            return days with { Status = days.Status ?? "pending", DueFilter = days.DueFilter ?? DatePhrases.DatedTerm };
        }

        var about = ThingsAbout().Match(thing) is { Success: true } anything ? thing[anything.Length..] : thing;
        var query = AnyThing().IsMatch(about) ? null : Utterance.CleanQuery(about);
        var list = List(text.Replace(thing, " ", StringComparison.Ordinal), now, query: null);
        return list with { Query = query, Status = null };
    }

    /// <summary>
    /// "finish the report", "delete the old photos": done now; with a time to do it ("finish the report by 5pm", "take out
    /// the trash every tuesday night"), the whole message is a task to add, since nothing can be done later but remind.
    /// A task named by number or by "it" is still acted on.
    /// </summary>
    private static Intent ActNowOrLater(IntentKind kind, Match match, string text, DateTimeOffset now)
    {
        var reference = match.Groups["ref"].Value;
        return !NamesATask().IsMatch(reference) && !TasksInGeneral().IsMatch(reference) && DatePhrases.SaysWhenToDoIt(reference, now)
            ? Add(text, now)
            : Act(kind, match);
    }

    [GeneratedRegex(@"\b(?:task\s*(?:number\s*)?#?\d+|#\d+|it|that|this|them|these|those|(?:the\s+)?(?:first|second|third|last)\s+one)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NamesATask();

    /// <summary>"my tasks due friday", "all the reminders for monday", "everything on friday": tasks picked by their day, never a thing to do.</summary>
    [GeneratedRegex(@"^(?:(?:all|any|every)\s+)?(?:of\s+)?(?:(?:my|the|our)\s+)?(?:tasks|todos|to-?dos|reminders|items|everything|all)\b", Options)]
    private static partial Regex TasksInGeneral();

    /// <summary>
    /// The order a request asks its list in, as list_tasks takes it: "by priority", "most important first", "what should I do
    /// first" → "priority"; "by due date", "soonest first", "what's my next task" → "due"; null: none asked.
    /// </summary>
    internal static string? SortAskedFor(string text) =>
        ByAge().Match(text) is { Success: true } age ? age.Groups["newest"].Success ? "newest" : "oldest"
        : SortedBy().Match(text) is { Success: true } sorted
            ? sorted.Groups["priority"].Success ? "priority" : "due"
        : WhatFirst().Match(text) is { Success: true } first ? first.Groups["next"].Success ? "due" : "priority"
        : null;

    [GeneratedRegex(@"\b(?:the\s+)?(?:labels?|tags?|tagged|labell?ed|hashtag)\b", Options)]
    private static partial Regex LabelNoun();

    [GeneratedRegex(@"^(?:sort|order|re-?order|arrange|rank|organi[sz]e|prioriti[sz]e)\s+(?:out\s+)?\S", Options)]
    private static partial Regex SortVerb();

    [GeneratedRegex(@"\b(?:by|in\s+order\s+of|according\s+to)\s+(?:(?:their|its|the|my)\s+)?(?:(?<priority>priority|priorities|importance|urgency)|due\s+dates?|dates?|deadlines?|when\s+(?:they'?re|it'?s)\s+due)\b" +
        @"|\b(?:(?<priority>priority|importance)|date|due\s+date|deadline)\s+order\b|\b(?:(?<priority>most\s+(?:important|urgent))|soonest|earliest|closest\s+deadlines?)\s+(?:ones?\s+|tasks?\s+)?(?:first|at\s+the\s+top)\b|\bdue\s+(?:the\s+)?(?:soonest|earliest|first)\b", Options)]
    private static partial Regex SortedBy();

    /// <summary>"my oldest tasks", "the most recent ones", "newest first": the order they were added in.</summary>
    [GeneratedRegex(@"\b(?:(?<oldest>oldest)|(?<newest>newest|most\s+recent(?:ly\s+added)?))\b", Options)]
    private static partial Regex ByAge();

    [GeneratedRegex(@"^(?:what|which)(?:'s|\s+is|\s+was)\s+(?:the\s+|my\s+)?(?:last|latest|newest|most\s+recent)\s+(?:thing|task|item|one|to-?do|entry)(?:\s+(?:that\s+)?(?:i|we)\s+(?:just\s+)?(?:added|put\s+(?:on|in)|created|wrote\s+down|entered|made)\b.*)?$" +
        @"|^(?:what|which\s+(?:task|item|one|thing))\s+did\s+(?:i|we)\s+(?:just\s+add|add\s+(?:last|most\s+recently)|last\s+add|add\s+just\s+now)\b.*$", Options)]
    private static partial Regex LastAdded();

    /// <summary>"what should I do first?", "where do I start", "what's my next task": the pending tasks in the order to do them.</summary>
    [GeneratedRegex(@"\b(?:do|tackle|start\s+with|work\s+on|focus\s+on|begin\s+with)\s+first\b|\bwhere\s+(?:should|do|shall)\s+i\s+(?:start|begin)\b" +
        @"|(?<next>\b(?:do|tackle|work\s+on)\s+next\b|\bnext\s+(?:task|thing|item|to-?do|job)\b|^what'?s\s+(?:up\s+)?next\b)", Options)]
    private static partial Regex WhatFirst();

    /// <summary>
    /// A question about the tasks: its status, its search words, and the list, label and priority it names
    /// (<see cref="RequestParts.ScopeOf"/>); search words that only repeat those parts are not searched for.
    /// </summary>
    private static Intent List(string text, DateTimeOffset now, string? query)
    {
        var dueFilter = DatePhrases.ListTerm(text, now, out var otherDay);
        if (query is not null && (DatePhrases.ListTerm(query, now, out var dayInQuery) is not null || dayInQuery is not null
            || ByAge().Replace(query, "").Trim().Length == 0))
        {
            query = null;
        }

        var rest = query is null ? text : text.Replace(query, "", StringComparison.OrdinalIgnoreCase);
        var scope = RequestParts.ScopeOf(text);
        if (query is not null && (!RequestParts.ScopeOf(query).IsEmpty || (scope.List is not null && ListWord().IsMatch(query))))
        {
            query = null;
            rest = text;
        }

        // "everything with the label finance": the label, not a search for "label finance".
        if (query is not null && scope.Label is { } label && string.Equals(LabelNoun().Replace(query, " ").Trim(), label, StringComparison.OrdinalIgnoreCase))
        {
            query = null;
            rest = text;
        }

        var status = Utterance.StatusAskedFor(scope.List is null ? rest : NamedListPhrase().Replace(rest, " "));

        // "what did I finish today?" asks about completions, not dues.
        if (status == "completed")
        {
            (dueFilter, otherDay) = (null, null);
        }

        var sort = SortAskedFor(text);
        var list = new Intent(IntentKind.List)
        {
            DueFilter = dueFilter,
            OtherDay = otherDay,
            Sort = sort,
            Status = status ?? (scope.Priority is not null || dueFilter is not null || sort is "oldest" || WhatFirst().IsMatch(text) ? "pending" : null),
            Query = query,
            ListName = scope.List,
            Labels = scope.Label is null ? null : [scope.Label],

            // "most important first" orders by priority; it does not keep only the high ones.
            Priority = sort == "priority" ? null : scope.Priority,
        };

        // "my work tasks", "the grocery items", "completed home stuff": a list by the words before the noun, or the tasks
        // about them when no list has that name.
        if (scope.List is not null || scope.Label is not null || KindOfTasks(text, now) is not { } kind
            || (query is not null && !query.EndsWith(kind, StringComparison.OrdinalIgnoreCase)))
        {
            return list;
        }

        // "my to do items" names no kind: all of them.
        return RequestParts.ListName(kind) is { } name
            ? list with { ListName = name, Query = null, SearchesIfNoList = true, Status = list.Status ?? Utterance.StatusAskedFor(text) }
            : list with { Query = null, Status = list.Status ?? Utterance.StatusAskedFor(text) };
    }

    /// <summary>
    /// The list name in the words after "what's in/on" ("work" in "work tomorrow", with a day or a state after it taken off),
    /// or null when they name none or a figure of speech ("my plate", "the agenda", "today").
    /// </summary>
    private static string? PlaceName(string words, DateTimeOffset now)
    {
        var kept = words.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (kept.Count > 0 && (NotAKindOfTask().IsMatch(kept[^1]) || DatePhrases.ListTerm(kept[^1], now, out _) is not null))
        {
            kept.RemoveAt(kept.Count - 1);
        }

        return kept.Count > 0 && !kept.Any(word => NotAPlace().IsMatch(word) || NotAKindOfTask().IsMatch(word)
                || DatePhrases.ListTerm(word, now, out _) is not null || DatePhrases.ListTerm($"in {word}", now, out _) is not null)
            ? RequestParts.ListName(string.Join(' ', kept))
            : null;
    }

    /// <summary>The words before "tasks", "items" or "stuff" that say which kind ("work" in "my work tasks"), or null.</summary>
    private static string? KindOfTasks(string text, DateTimeOffset now)
    {
        if (TasksOfAKind().Match(text) is not { Success: true } match)
        {
            return null;
        }

        bool SaysWhichOrWhen(string word) => NotAKindOfTask().IsMatch(word)
            || DatePhrases.ListTerm(word.EndsWith("'s", StringComparison.OrdinalIgnoreCase) ? word[..^2] : word, now, out _) is not null;
        var words = match.Groups["words"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(SaysWhichOrWhen).ToList();
        return words.Count > 0 && !words.Any(SaysWhichOrWhen) ? string.Join(' ', words) : null;
    }

    private static Intent? AnythingList(string text, DateTimeOffset now, string rest)
    {
        rest = rest.Trim();
        var query = Utterance.CleanQuery(QueryIn(rest) ?? ForThing(rest) ?? NamedThing(rest));
        return query is not null || TaskWords().IsMatch(text) || rest.Length == 0 || !RequestParts.ScopeOf(text).IsEmpty || AsksDays(text, now)
            ? List(text, now, query) : null;
    }

    /// <summary>"show me …": everything, a status, a search ("the dentist task", "tasks about X") or one task ("task 3").</summary>
    private static Intent? ShowList(string text, DateTimeOffset now, string rest)
    {
        // "read it to me", "say that again", "repeat them back": the list, whatever was said of it.
        rest = SaidAloud().Replace(rest.Trim(), "").Trim();
        if (FocusedTask().Match(rest) is { Success: true } focus)
        {
            return new Intent(IntentKind.List) { Focus = int.Parse(focus.Groups["number"].ValueSpan, CultureInfo.InvariantCulture) };
        }

        var query = Utterance.CleanQuery(QueryIn(rest) ?? NamedThing(rest));
        if (query is not null || rest.Length == 0 || TaskWords().IsMatch(rest) || !RequestParts.ScopeOf(rest).IsEmpty || AsksDays(rest, now))
        {
            return List(text, now, query);
        }

        // "read me the groceries", "show me my work", "open groceries": a list by its name, or the tasks about it when no list has it.
        return (OwnThing().Match(rest) is { Success: true } own ? own.Groups["name"].Value
                : BareNameVerb().IsMatch(text) && PlainName().IsMatch(rest) ? rest : null) is { } said
            && RequestParts.ListName(said) is { } name
            ? List(text, now, query: null) with { ListName = name, SearchesIfNoList = true }
            : null;
    }

    /// <summary>"what's pending?", "what did I finish?", "what's task 3?" — but not "what's the weather?".</summary>
    private static Intent? WhatList(string text, DateTimeOffset now, string rest)
    {
        rest = rest.Trim();
        if (FocusedTask().Match(rest) is { Success: true } focus)
        {
            return new Intent(IntentKind.List) { Focus = int.Parse(focus.Groups["number"].ValueSpan, CultureInfo.InvariantCulture) };
        }

        return TaskWords().IsMatch(text) || !RequestParts.ScopeOf(text).IsEmpty || AsksDays(text, now)
            ? List(text, now, Utterance.CleanQuery(QueryIn(rest))) : null;
    }

    private static string? QueryIn(string text) =>
        QueryPhrase().Match(text) is { Success: true } match ? match.Groups["query"].Value : null;

    private static string? ForThing(string text) =>
        ForPhrase().Match(text) is { Success: true } match ? match.Groups["query"].Value : null;

    private static string? NamedThing(string text) =>
        NamedTasks().Match(text) is { Success: true } match && !StatusOnly().IsMatch(match.Groups["query"].Value)
            ? match.Groups["query"].Value
            : null;

    private static IntentKind BareActionKind(string verb) => verb.ToLowerInvariant() switch
    {
        "delete" or "remove" or "cancel" => IntentKind.Delete,
        "rename" or "edit" or "change" or "update" => IntentKind.Update,
        "reopen" or "uncheck" or "untick" => IntentKind.Reopen,
        var v when v.Contains(" not ", StringComparison.Ordinal) => IntentKind.Reopen,
        _ => IntentKind.Complete,
    };

    private static string? StatusWord(string title) => title.ToLowerInvariant() switch
    {
        "done" or "complete" or "completed" or "finished" => "completed",
        "not done" or "pending" or "incomplete" or "not completed" or "not finished" or "open" or "undone" => "pending",
        _ => null,
    };

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>An owner other than the caller: an email address owning tasks, or "someone else's", "other users'".</summary>
    [GeneratedRegex(@"(?:\b(?:for|of|belonging\s+to|owned\s+by|as|on\s+behalf\s+of)\s+(?:the\s+)?(?:user|account)?\s*(?<who>[^\s@'""]+@[^\s@'""]+\.[a-z]{2,})(?!\S*@)|(?<who>[^\s@'""]+@[^\s@'""]+\.[a-z]{2,})'s?\b|\b(?<who>someone\s+else|somebody\s+else|another\s+(?:user|person|account)|other\s+(?:users|people|accounts)|every(?:one|body)|all\s+(?:the\s+)?users|every\s+user)(?:'s|')?\s+(?:\w+\s+)?(?:tasks?|to-?dos?|lists?)\b)", Options)]
    private static partial Regex OtherAccount();

    /// <summary>Guards the "X is done" forms against questions ("what's done", "is everything done").</summary>
    private const string NotAQuestion = @"(?!(?:what|which|how|who|anything|everything|nothing|all|is|am|are|did|have|do)\b)";

    [GeneratedRegex(@"^(?:for|on)\s+(?<query>.+)$", Options)]
    private static partial Regex ForPhrase();

    [GeneratedRegex(@"^(?:what\s+(?:(?:did|have|had)\s+)?(?:i|we)\s+(?:miss(?:ed)?|forg[eo]t(?:ten)?)(?:\s+to\s+do)?|(?:did|have)\s+(?:i|we)\s+(?:miss(?:ed)?|forg[eo]t(?:ten)?)\s+(?:anything|something)(?:\s+to\s+do)?|what\s+(?:am\s+i|are\s+we)\s+behind\s+(?:on|with)|(?:am\s+i|are\s+we)\s+behind(?:\s+(?:on|with)\s+anything)?)$", Options)]
    private static partial Regex Missed();

    // Small talk.
    [GeneratedRegex(@"^(?:hi|hello|hey|hiya|howdy|yo|hola|greetings|good\s+(?:morning|afternoon|evening|day)|what'?s\s+up|sup|morning|evening|how\s+are\s+you(?:\s+doing)?(?:\s+today)?|how'?s\s+it\s+going)(?:[\s,!]+(?:there|assistant|bot|buddy|friend|mate|again|you|everyone))?$", Options)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^(?:help(?:\s+me)?|\?+|what\s+can\s+(?:you|i)\s+(?:do|say|ask)(?:\s+(?:here|with\s+you|for\s+me))?|what\s+do\s+you\s+do|what\s+are\s+you|who\s+are\s+you|how\s+(?:do|does)\s+(?:this|it|you)\s+work|how\s+do\s+i\s+use\s+(?:this|you|it)|what\s+are\s+(?:your|the)\s+(?:commands|options)|commands|instructions|what\s+(?:can|could)\s+you\s+help(?:\s+me)?\s+with|how\s+can\s+you\s+help(?:\s+me)?|what\s+are\s+you\s+able\s+to\s+do|what\s+do\s+you\s+understand|(?:how\s+(?:do|can|could|would|should)\s+i|is\s+there\s+(?:a\s+|any\s+)?way\s+(?:i\s+can|to)|is\s+it\s+possible\s+to|am\s+i\s+able\s+to)\s+(?:add|delete|remove|complete|rename|use|make|create|share|set|mark|edit|change|move|undo|restore|see|check|tick|sort|organi[sz]e|label|tag|prioriti[sz]e|schedule|get)\b.*|menu|usage|(?:show\s+me\s+)?examples)$", Options)]
    private static partial Regex Help();

    [GeneratedRegex(@"^(?:thanks|thank\s+you|thx|ty|cheers|great|perfect|awesome|cool|nice|ok(?:ay)?|got\s+it|good|sounds\s+good|that'?s\s+great|excellent|brilliant|lovely)(?:[\s,!]+(?:so\s+much|a\s+lot|very\s+much|again|thanks|thank\s+you))?$", Options)]
    private static partial Regex Thanks();

    [GeneratedRegex(@"^(?:(?:ok(?:ay)?|thanks|thank\s+you|great|(?:good\s?)?night|bye)[\s,!]+)?(?:bye|goodbye|bye\s+bye|good\s?night|night(?:\s+night)?|(?:see|talk\s+to|speak\s+to|catch)\s+(?:you|ya)(?:\s+(?:later|soon|tomorrow|tonight|then|next\s+\w+|on\s+\w+))?|later|that'?s\s+(?:all|it)(?:\s+for\s+now)?|i'?m\s+done(?:\s+for\s+now)?|all\s+done|cheerio)$", Options)]
    private static partial Regex Farewell();

    [GeneratedRegex(@"^(?:never\s?mind|nevermind|forget\s+it|no|nope|nothing|cancel|stop|no\s+thanks|none|neither|none\s+of\s+(?:them|those)|leave\s+it|don'?t\s+bother|skip\s+it|abort)$", Options)]
    private static partial Regex Dismiss();

    // Add.
    [GeneratedRegex(@"^(?:remind\s+me\s+(?:(?<when>(?:(?:tomorrow|today|tonight|on\s+\w+)\s+)?at\s+(?:\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?|noon|midnight)|tomorrow|today|tonight|later|this\s+\w+|next\s+\w+|on\s+\w+)\s+)?(?:to|(?<about>about|of)|that)|i\s+(?:need|have|must|should|want)\s+to\s+remember\s+(?:to|that)|(?:please\s+)?remember\s+(?:to|that)|help\s+me\s+remember\s+to|don'?t\s+let\s+me\s+forget(?:\s+(?:to|(?<about>about))|(?<about>(?=\s+(?:my|the|our)\b)))|(?:i\s+)?(?:don'?t|do\s+not)\s+want\s+to\s+forget\s+(?:to|about)|do\s+not\s+let\s+me\s+forget\s+(?:to|about)|don'?t\s+forget(?:\s+(?:to|(?<about>about))|(?<about>(?=\s+(?:my|the|our)\s)))|make\s+sure\s+i|note\s+to\s+self|memo|(?:todo|to-do|to\s+do|task|reminder|new\s+task|new\s+todo)\s*:)(?!\w)[\s:,-]*(?<rest>.+)$", Options)]
    private static partial Regex RemindMe();

    [GeneratedRegex(@"^(?:please\s+)?(?:(?:remind|ping|alert|notify|warn)\s+me|(?:set|add|create|put)\s+(?:up\s+)?(?:a\s+)?reminder(?:\s+for\s+me)?)\s+(?:(?:about|to|of)\s+(?<about>.+?)\s+)?(?:(?:about|for)\s+)?(?<n>\d+|an?|the|one|two|three|four|five|six|ten|fifteen|twenty|thirty|forty-?five|half\s+an?)\s*(?<unit>minutes?|mins?|hours?|hrs?|days?|weeks?)\s+(?:before|ahead\s+of|early)(?:\s+(?<ref>.+))?$", Options)]
    private static partial Regex RemindBefore();

    [GeneratedRegex(@"^(?:please\s+)?(?:(?:stop|quit)\s+reminding\s+me|(?:don'?t|do\s+not|(?:there'?s\s+|you\s+have\s+|you'?ve\s+got\s+)?no\s+need\s+to|you\s+(?:don'?t|do\s+not)\s+(?:need|have)\s+to)\s+remind\s+me)(?:\s+(?:about|of|to\s+do)\s+(?<ref>.+?))?(?:\s+(?:anymore|any\s+more|again))?$" +
        @"|^(?:please\s+)?(?:(?:turn|switch|shut)\s+off|disable|mute|silence)\s+(?:the\s+|my\s+|all\s+(?:the\s+|my\s+)?)?reminders?\s+(?:for|on|about|of|to|from)\s+(?<ref>.+)$" +
        @"|^(?:please\s+)?(?:(?:turn|switch|shut)\s+off|disable|mute|silence)\s+(?<ref>.+?)(?:'s)?\s+reminders?$" +
        @"|^(?:please\s+)?(?:remove|delete|clear|cancel|take)\s+(?:the\s+|my\s+|all\s+(?:the\s+|my\s+)?)?reminders?\s+(?:off\s+|from|on)\s*(?<ref>.+)$", Options)]
    private static partial Regex StopReminding();

    [GeneratedRegex(@"^(?:please\s+)?(?:delete|remove|cancel|clear|erase|drop)\s+(?:my|the|your)\s+reminders?\s+(?:about|for|of|(?<to>to))\s+(?<ref>.+)$", Options)]
    private static partial Regex ReminderOrTask();

    [GeneratedRegex(@"^(?:please\s+)?(?:(?:can|could|would|will)\s+you\s+)?remind\s+me(?:\s+(?:later|again|please|sometime|some\s+time)|\s+(?<when>(?!(?:to|about|of|that)\b)\S.*?))?(?:\s+please)?$", Options)]
    private static partial Regex RemindMeOnly();

    /// <summary>"… before the electricity bill is due", "… before the meeting starts": the task is what comes before these words.</summary>
    [GeneratedRegex(@"\s+(?:(?:is|are|'s)\s+(?:due|scheduled|happening|on)|starts?|begins?|happens?|ends?)$", Options)]
    private static partial Regex WhenItHappens();

    /// <summary>"it", "it's due", "the due date", "the deadline": what a reminder "before" counts back from, not a task.</summary>
    [GeneratedRegex(@"^(?:(?:it'?s?|it\s+is|that'?s?|that\s+is)\s+)?(?:it|due|(?:the|its)\s+(?:due(?:\s+date)?|deadline|date))$", Options)]
    private static partial Regex ItsDue();

    [GeneratedRegex(@"^(?:add|create|make|start|set|set\s+up|put\s+in|insert|write\s+down|jot\s+down|note\s+down|log|record|new|give\s+me)\s+(?:me\s+)?(?:(?:a|an|another|one\s+more|the|one)\s+)?(?:new\s+)?(?:task|todo|to-do|to-do\s+item|todo\s+item|item|reminder|entry|note)\b(?!\s*(?:#?\d+|number)\b)(?:\s+(?:called|named|titled|saying|that\s+says|to|about|for)(?=\s)|\s*[:\-—])?\s*(?<rest>.*)$", Options)]
    private static partial Regex AddTaskCalled();

    [GeneratedRegex(@"^(?:add|put|write|jot)\s+(?:(?:to|on|onto)\s+)?(?:my|the)\s+(?:todo\s+|to-do\s+|task\s+)?list\s*[:\-—]?\s*(?<rest>.+)$", Options)]
    private static partial Regex AddToMyListColon();

    [GeneratedRegex(@"^(?:add|put|write|jot\s+down|stick)\s+(?:these|the\s+following|this|these\s+items|the\s+following\s+items|them)\s+(?:to|on|onto|in|into)\s+(?<list>(?:my|the|our)\s+(?:(?!list\b)[\w'&-]+\s+){1,3}list)\s*[:\-—]\s*(?<rest>.+)$", Options)]
    private static partial Regex AddTheseToList();

    [GeneratedRegex(@"^(?:add|put|stick|pop|throw(?!\s+(?:away|out)\b)|place|write|jot(?:\s+down)?|get(?!\s+rid\b))\s+(?<rest>.+?(?<!\sback)\s+(?:on|to|onto|in|into)\s+(?:my|the|our)\s+(?:(?!list\b)[\w'&-]+\s+){0,4}?(?:list|todos?(?!\s+list\b)|tasks|to-dos?(?!\s+list\b)|reminders|calendar|agenda|schedule|diary|planner))(?:\s+(?<when>.+))?$", Options)]
    private static partial Regex PutOnMyList();

    [GeneratedRegex(@"^(?:a\s+|an\s+|one\s+|another\s+|the\s+)?(?:new\s+)?(?:task|todo|to-do|item|reminder|something|one)?$", Options)]
    private static partial Regex MissingTitle();

    /// <summary>
    /// Words that point at something without saying it ("this", "that one", "think about it") or only say where it goes
    /// ("to my list", "on the to do list"): an add of these names no item, so the engine asks what to add instead of making a task of them.
    /// </summary>
    [GeneratedRegex(@"^(?:(?:this|that|these|those)(?:\s+(?:one|ones|thing|things|item|items))?|[a-z]+(?:\s+(?:about|with|on|to|at|for|of|over|out))?\s+(?:it|that|this|them|those|these)|(?:(?:to|on|onto|in|into)\s+)?(?:(?:my|the|our|this|that|a)\s+)?(?:(?:to\s*-?\s*do|todo|task)\s+)?(?:list|todos|to-dos|tasks))$", Options)]
    private static partial Regex PointsWithoutNaming();

    /// <summary>"I have to go", "I need to run": the person is leaving, not adding a task.</summary>
    [GeneratedRegex(@"^(?:go|leave|run|head\s+out|head\s+off|get\s+going|be\s+going|dash|split|bounce|sign\s+off|log\s+off)(?:\s+(?:now|soon|bye))?[.!]*$", Options)]
    private static partial Regex LeavingNow();

    [GeneratedRegex(@"^(?:put|stick|pop|throw(?!\s+(?:away|out)\b)|place|chuck|toss)\s+(?<rest>.+?\s+(?:on|onto|in|into|to)\s+\S.*)$", Options)]
    private static partial Regex PutInPlace();

    [GeneratedRegex(@"^(?:add|need\s+to\s+add|i\s+need\s+to\s+add|(?:jot|write|note|put|take)\s+down)\s+(?!(?:(?:a|an|the|some)\s+)?(?:description|note|notes|details)\b)(?<rest>.+)$", Options)]
    private static partial Regex AddAnything();

    [GeneratedRegex(@"^(?:put|pencil(?:\s+in)?|slot\s+in|book\s+in|pop)\s+(?<rest>.+)$", Options)]
    private static partial Regex PutOnADay();

    [GeneratedRegex(@"^(?:i\s+(?:need|have|must|should|ought|want)\s+to|i\s+should|i'?ve\s+got\s+to|i\s+(?:got|gotta)(?:\s+to)?|i\s+must|i'?ll\s+need\s+to|need\s+to|have\s+to|gotta|must|don'?t\s+forget)\s+(?<rest>.+)$", Options)]
    private static partial Regex INeedTo();

    // Descriptions.
    [GeneratedRegex(@"^(?:add|set|put|give|attach|write|include|append)\s+(?:a\s+|an\s+|the\s+|some\s+)?(?:description|note|notes|details|detail|comment)\s+(?:to|on|for|of)\s+(?<ref>.+?)\s*(?::|\s-\s|\s—\s|\s+saying|\s+that\s+says|\s+reading|\s+which\s+says)\s*(?<description>.+)$", Options)]
    private static partial Regex AddDescription();

    [GeneratedRegex(@"^(?:add|set|put|give|attach|write)\s+(?:a\s+|the\s+)?(?:description|note|notes|details)\s+(?<description>[""'].+[""'])\s+(?:to|on|for)\s+(?<ref>.+)$", Options)]
    private static partial Regex AddQuotedDescription();

    /// <summary>"add X to the notes of Y", "put X in Y's description", "add X as a note to Y": X is Y's description.</summary>
    [GeneratedRegex(@"^(?:add|put|write|append|include|stick|jot)\s+(?:down\s+)?(?<description>.+?)\s+(?:" +
        @"(?:to|in|into|on|onto)\s+(?:the\s+)?(?:description|notes?|details|comments?)\s+(?:of|on|for|to|in)\s+(?<ref>.+)" +
        @"|(?:to|in|into|on|onto)\s+(?<ref>.+?)'s?\s+(?:description|notes?|details|comments?)" +
        @"|as\s+(?:a\s+|the\s+)?(?:description|note|comment|detail)\s+(?:to|on|for|of|in)\s+(?<ref>.+))$", Options)]
    private static partial Regex DescriptionIntoNotes();

    [GeneratedRegex(@"^(?:change|update|set|edit|replace|make|modify)\s+(?:the\s+)?(?:description|note|notes|details)\s+(?:of|on|for|in)\s+(?<ref>.+?)\s+(?:to|as|with|to\s+say)\s+(?<description>.+)$|^describe\s+(?<ref>.+?)\s+as\s+(?<description>.+)$|^(?:change|update|set|edit)\s+(?<ref>.+?)(?:'s)?\s+(?:description|note|notes|details)\s+(?:to|as)\s+(?<description>.+)$|^(?<ref>.+?)\s+(?:needs|should\s+have|gets)\s+(?:a|the|this)\s+(?:description|note)\s*(?::|saying|-)?\s*(?<description>.+)$", Options)]
    private static partial Regex ChangeDescription();

    [GeneratedRegex(@"^(?:remove|clear|delete|drop|erase|wipe)\s+(?:the\s+)?(?:description|note|notes|details)\s+(?:from|of|on|for|in)\s+(?<ref>.+)$", Options)]
    private static partial Regex RemoveDescription();

    // Update.
    [GeneratedRegex(@"^(?:change|rename|retitle|update|edit|modify|set|switch|reword|rewrite|replace)\s+(?:the\s+(?:title|name)\s+of\s+)?(?:task\s+)?(?<q1>[""'])(?<ref>.+?)\k<q1>\s+(?:to|into|as|with)\s+(?<title>.+)$", Options)]
    private static partial Regex RenameQuoted();

    [GeneratedRegex(@"^(?:change|rename|retitle|update|edit|modify|set|switch|reword|rewrite|fix|correct)\s+(?:the\s+(?:title|name|text|spelling|typo|wording)\s+(?:of|for|on|in)\s+)?(?<ref>.+?)(?:(?:'s)?\s+(?:title|name))?\s+(?:so\s+(?:that\s+)?it\s+(?:says|reads)|to\s+say|to\s+read|to|into|as)\s+(?<title>.+)$", Options)]
    private static partial Regex Rename();

    [GeneratedRegex(@"^(?:rename|retitle|update|change|edit)\s+(?<ref>[^:]+?)(?:(?:'s)?\s+(?:title|name|text|wording))?(?<!\sto)\s*:\s*(?<title>.+)$", Options)]
    private static partial Regex RenameColon();

    [GeneratedRegex(@"^(?<ref>(?:task\s*)?#?\d+|it|that(?:\s+one)?)\s+should\s+(?:be|say|read)(?:\s+called)?\s+(?<title>.+)$" +
        "|^" + NotAQuestion + @"(?<ref>.+?)\s+should\s+(?:be\s+called|be\s+named|say|read|be\s+renamed(?:\s+to)?)\s+(?<title>.+)$" +
        "|^" + NotAQuestion + @"(?<ref>(?<first>[a-z]+)\b.*?)\s+should\s+(?:be|have\s+been)\s+(?<title>\k<first>\b.+)$", Options)]
    private static partial Regex ShouldSay();

    [GeneratedRegex(@"^(?:(?:can|could)\s+you\s+)?make\s+(?<ref>that|it|this)(?:\s+one)?\s+(?:say\s+|read\s+|into\s+)?(?<title>(?!(?:done|complete|completed|finished|not|undone|pending|high|low|medium|normal|urgent|important|top|due|a\s+priority|priority|repeat|recurring|daily|weekly|monthly|every|private|public|recur|the\s+first|first|last)\b).+)$", Options)]
    private static partial Regex MakeThatInstead();

    [GeneratedRegex(@"^(?:rename|retitle|change\s+the\s+(?:title|name)\s+of)\s+(?<ref>.+)$|^(?:edit|change|update|modify)\s+(?<ref>(?:task\s*)?#?\d+|it|that(?:\s+one)?|the\s+.+\s+(?:task|todo|one))$|^(?:edit|modify)\s+(?<ref>(?!(?:my|the|our)\s+(?:[\w'&-]+\s+){0,3}list\b).+)$", Options)]
    private static partial Regex RenameWithoutTitle();

    [GeneratedRegex(@"^(?<verb>complete|finish|delete|remove|cancel|reopen|uncheck|untick|rename|edit|change|update|tick\s+off|check\s+off|mark\s+(?:as\s+)?(?:done|complete|completed|finished)|mark\s+(?:as\s+)?not\s+done)(?:\s+(?:a|an|one|some|the|my)\s+(?:task|todo|item|entry|thing))?(?:\s+(?:from|off|on|in)\s+(?:my|the)\s+(?:todo\s+|task\s+)?list)?$", Options)]
    private static partial Regex BareAction();

    // Reopen.
    [GeneratedRegex(@"^(?:reopen|re-open|undo|uncheck|untick|unmark|un-mark|uncomplete|un-complete|restore|revive|unfinish|resurrect|un-tick|un-check)\s+(?<ref>.+)$", Options)]
    private static partial Regex ReopenVerb();

    [GeneratedRegex(@"^(?:mark|set|flag|make|put|change|turn|move)\s+(?<ref>.+?)\s+(?:(?:as|to)\s+|back\s+(?:to|as|into)\s+)?(?:not\s+(?:yet\s+)?(?:done|complete|completed|finished)(?:\s+yet)?|incomplete|undone|unfinished|pending|open|uncompleted|to\s?do|active|unchecked)(?:\s+again)?$", Options)]
    private static partial Regex MarkNotDone();

    [GeneratedRegex("^" + NotAQuestion + @"(?<ref>.+?)(?:\s+(?:isn'?t|is\s+not|wasn'?t|was\s+not|aren'?t|are\s+not)|\s*'s\s+not)\s+(?:actually\s+|really\s+)?(?:done|finished|complete|completed)(?:\s+(?:yet|after\s+all))?$|^" + NotAQuestion + @"(?<ref>.+?)\s+(?:is|are)\s+(?:still\s+)?(?:pending|open|incomplete|unfinished|not\s+done)(?:\s+again)?$", Options)]
    private static partial Regex IsNotDone();

    [GeneratedRegex(@"^i\s+(?:didn'?t|did\s+not|haven'?t|have\s+not|never)\s+(?:actually\s+|really\s+|yet\s+)?(?:finish(?:ed)?|complete(?:d)?|do(?:ne)?)\s+(?<ref>.+?)(?:\s+(?:yet|after\s+all))?$", Options)]
    private static partial Regex DidNotFinish();

    /// <summary>Not done after all: "I haven't called mom yet", "actually I didn't pay the rent"; not "I didn't mean to …".</summary>
    [GeneratedRegex(@"^(?:(?:actually|oh|oops|wait|no|sorry|hmm+|um+)[\s,!.]+)*(?:i|we)\s+(?:still\s+)?(?:haven'?t|have\s+not|hadn'?t|didn'?t|did\s+not)\s+(?:(?:actually|really|even|quite)\s+)*" +
        @"(?!(?:mean|meant|want|wanted|need|needed|know|known|think|thought|say|said|ask|asked|like|liked|see|seen|forget|forgot|forgotten|remember|remembered|expect|expected|realize|realise|realized|realised|notice|noticed|hear|heard|have|had|get\s+to|tell|told|add|added|create|created|make|made|write|written|put)\b)" +
        @"(?<verb>[a-z]+)\s+(?<rest>.+?)(?:\s+(?:yet|after\s+all|actually|though|either))?$", Options)]
    private static partial Regex DidNotDoYet();

    [GeneratedRegex(@"^(?:(?:put|bring|move)\s+(?<ref>.+?)|add\s+(?<ref>it|that|them|this(?:\s+one)?|that\s+one))\s+back(?:\s+(?:on|to|in|onto|into)\s+(?:my|the)\s+(?:todo\s+|to-do\s+)?list|\s+to\s+pending)?$", Options)]
    private static partial Regex PutBack();

    // Complete.
    [GeneratedRegex(@"^(?:mark|set|flag|make|put|change|turn)\s+(?<ref>.+?)\s+(?:(?:as|to)\s+)?(?:complete|completed|done|finished|closed|ticked|checked)$", Options)]
    private static partial Regex MarkDone();

    [GeneratedRegex(@"^(?:tick|check|cross|strike|knock|mark|scratch)\s+(?<ref>.+?)\s+off(?:\s+(?:my|the)\s+(?:todo\s+|to-do\s+)?list)?$", Options)]
    private static partial Regex TickOff();

    [GeneratedRegex(@"^(?:(?:task|item|todo)\s+(?=(?:complete|completed|done|finished)\b))?(?:complete|finish|close|tick\s+off|tick|check\s+off|cross\s+off|mark\s+off|cross\s+out|strike\s+off|strike\s+out|knock\s+off|scratch\s+off|scratch(?!\s+(?:that|this|it)\b)|wrap\s+up|done|finished|completed|check(?=\s+(?:task\s*)?#?\d+$))\s+(?<ref>.+)$", Options)]
    private static partial Regex CompleteVerb();

    [GeneratedRegex(@"^(?:i|we)(?:'ve|\s+have)?\s+(?:just\s+|already\s+|finally\s+|now\s+)?(?:finished|completed|done|did|accomplished|wrapped\s+up|taken\s+care\s+of|took\s+care\s+of|sorted|handled|dealt\s+with|ticked\s+off|checked\s+off)\s+(?!(?:everything|all)\b)(?<ref>.+)$", Options)]
    private static partial Regex IFinished();

    [GeneratedRegex(@"^(?:i'?m\s+|i\s+am\s+|we'?re\s+)?(?:all\s+)?(?:done|finished|through)\s+with\s+(?<ref>.+)$|^(?:done|finished|completed|complete)\s*[:–-]\s*(?<ref>.+)$", Options)]
    private static partial Regex DoneWith();

    [GeneratedRegex("^" + NotAQuestion + @"(?<ref>.+?)\s+(?:is|are|was|were|has\s+been|have\s+been|'s)\s+(?:now\s+|all\s+|finally\s+)?(?:done|complete|completed|finished|taken\s+care\s+of|sorted|handled)(?:\s+(?:now|already|today|at\s+last|finally))?$|^(?<ref>(?:task\s*)?#?\d+|it|that)\s+(?:done|complete|completed|finished)$" +
        "|^" + NotAQuestion + @"(?!(?:i|i'm|we|we're|you|get|got|all|everything|nothing|just|almost|not)\b)(?![^,:-]*\b(?:what|which|how|show|tell|list|i've|i\s+have|have|has|had|was|were|be|been|being|get|got|getting|not|never|no|is|are|isn't|aren't|wasn't|it's|that's|almost|nearly|half)\b)(?<ref>[^,:-]+?)\s*[,:-]?\s+(?:done|completed|paid)(?:\s+(?:now|already|today))?$", Options)]
    private static partial Regex IsDone();

    [GeneratedRegex("^" + NotAQuestion + @"(?!(?:i|i'm|we|we're|you|they|he|she|everything|nothing|all)\b)(?<ref>.+?)\s+(?:is|are|was|were|has\s+been|have\s+been|got|'s)\s+(?:now\s+|all\s+|finally\s+|already\s+)?(?<done>[a-z]+ed|paid|sent|bought|made|built|sold|fed|swept|written|taken|given|done)(?:\s+(?:now|already|today|yesterday|earlier|at\s+last|finally|off|this\s+morning|last\s+night))?$", Options)]
    private static partial Regex IsDoneAs();

    /// <summary>Past participles that say a task is not done but changed, wanted or late ("cancelled", "needed", "overdue").</summary>
    [GeneratedRegex(@"^(?:cancell?ed|called\s+off|needed|required|wanted|overdue|delayed|postponed|scheduled|moved|planned|booked\s+up|expired|closed|stuck|blocked|tired|bored|worried|excited|confused|interested|spoiled|spoilt|ruined|damaged|lost|cracked|burnt|burned|flooded|locked|jammed|crashed|stolen|missed|forgotten|ignored|rejected|declined|denied|refused|delayed|rescheduled|double-booked|overbooked|sold|limited|used|opened|started|unfinished|unpaid|uncompleted)$", Options)]
    private static partial Regex NotDoneParticiple();

    // Delete.
    [GeneratedRegex(@"^(?:take(?:\s+out|\s+away)?|remove|get(?!\s+rid\b))\s+(?<ref>.+?)\s+(?:off|out\s+of|from)\s+(?<list>(?:my|the|our)\s+(?:[\w'&-]+\s+){0,3}?(?:list|tasks|todos))$" +
        @"|^(?:(?:no|wait|actually|hmm+)[\s,!.]+)*take\s+(?<ref>it|that|this|them|those)\s+(?:off|out)(?:\s+(?:again|please|now))?$" +
        @"|^take\s+(?<ref>.+?\s+(?:off|out\s+of)\s+(?:(?:my|the|our)\s+)?[\w'&-]+(?:\s+[\w'&-]+)?)$", Options)]
    private static partial Regex TakeOffList();

    /// <summary>"everything", "all of it", "all the items": the whole of a list.</summary>
    [GeneratedRegex(@"^(?:everything|all(?:\s+of)?(?:\s+(?:it|them|the\s+(?:items|tasks|things|stuff)|my\s+(?:items|tasks|things)))?|every\s+(?:item|task|thing))$", Options)]
    private static partial Regex WholeOfIt();

    [GeneratedRegex(@"^(?:delete|remove|erase|drop|trash|scrap|discard|bin|ditch|nuke|kill|cancel|axe|get\s+rid\s+of|throw\s+away|throw\s+out|do\s+away\s+with|forget\s+about|forget|never\s?mind(?:\s+about)?(?=\s+(?:the|my|about)\b)|eliminate|take\s+out|wipe|purge|lose|clear)\s+(?<ref>.+?)(?:\s+(?:from|off|on|in)\s+(?<list>(?:my|the|our)\s+(?:[\w'&-]+\s+){0,3}?(?:list|tasks|todos)))?$", Options)]
    private static partial Regex DeleteVerb();

    [GeneratedRegex(@"^(?:i|we)\s+(?:don'?t|do\s+not|no\s+longer)\s+(?:need|have|want)\s+to\s+(?!forget\b|remember\b)(?<ref>.+?)(?:\s+(?:anymore|any\s+more|after\s+all))?$" +
        @"|^(?:i|we)\s+(?:don'?t|do\s+not|no\s+longer)\s+(?:need|want)\s+(?!to\b|you\b|it\b|that\b|help\b|a\s+reminder\b)(?:the\s+|any\s+)?(?<ref>.+?)(?:\s+(?:anymore|any\s+more|after\s+all|on\s+(?:my|the)\s+list))?$" +
        @"|^(?:there'?s\s+|there\s+is\s+)?no\s+(?:more\s+|longer\s+(?:any\s+)?)?need\s+(?:for|of|to)\s+(?!remind\b|ask\b|add\b|worry\b)(?:the\s+|any\s+)?(?<ref>.+?)(?:\s+(?:anymore|any\s+more|after\s+all|now))?$" +
        @"|^no\s+more\s+(?<ref>.+?)\s+(?:needed|required|necessary)$", Options)]
    private static partial Regex NoLongerNeedTo();

    [GeneratedRegex("^" + NotAQuestion + @"(?<ref>.+?)\s+(?:is|are|was|were|got|has\s+been|have\s+been)\s+(?:no\s+longer\s+(?:needed|necessary|relevant)|not\s+needed(?:\s+anymore)?|cancell?ed|called\s+off|irrelevant|obsolete)$", Options)]
    private static partial Regex NotNeeded();

    /// <summary>
    /// The task a clause said before the action names: "no need for bread anymore, remove it" → "bread", "can't make the team
    /// meeting, delete it" → "the team meeting"; any other clause is the task's words.
    /// </summary>
    private static string NamedIn(string clause) =>
        NoLongerNeedTo().Match(clause) is { Success: true } need ? need.Groups["ref"].Value
        : NotNeeded().Match(clause) is { Success: true } notNeeded ? notNeeded.Groups["ref"].Value
        : CannotMake().Match(clause) is { Success: true } cannot ? cannot.Groups["ref"].Value
        : clause;

    [GeneratedRegex(@"^(?:i\s+|we\s+)?(?:can'?t|cannot|can\s+not|couldn'?t|won'?t(?:\s+be\s+able\s+to)?|will\s+not)\s+(?:make(?:\s+it\s+to)?|attend|go\s+to|do)\s+(?<ref>.+)$", Options)]
    private static partial Regex CannotMake();

    // Dates.
    [GeneratedRegex(@"^(?:remove|clear|delete|drop|erase|unset|take|strip|reset)\s+(?:the\s+|its\s+|any\s+)?(?:due\s+date|date|deadline|due)\s+(?:from|of|on|off(?:\s+of)?|for)\s+(?<ref>.+)$" +
        @"|^(?:unschedule|undate)\s+(?<ref>.+)$" +
        @"|^(?:remove|clear|delete|drop|erase|unset|take(?:\s+off)?|strip|reset)\s+(?<ref>.+?)'s?\s+(?:due\s+date|date|deadline)(?:\s+off)?$" +
        "|^" + NotAQuestion + @"(?<ref>.+?)\s+(?:has|needs|should\s+have)\s+no\s+(?:due\s+date|date|deadline)(?:\s+(?:anymore|any\s+more))?$" +
        @"|^(?:make|set)\s+(?<ref>.+?)\s+(?:to\s+)?(?:no\s+(?:due\s+)?date|undated|unscheduled)$" +
        @"|^(?:no|without\s+a|without)\s+(?:due\s+date|date|deadline)\s+(?:for|on)\s+(?<ref>.+)$" +
        "|^" + NotAQuestion + @"(?<ref>.+?)\s+(?:doesn'?t|does\s+not|won'?t|shouldn'?t)\s+(?:need|have)\s+(?:a\s+|any\s+)?(?:due\s+date|date|deadline)(?:\s+(?:anymore|any\s+more))?$", Options)]
    private static partial Regex ClearDue();

    [GeneratedRegex(@"^(?:stop|quit|cease)\s+(?:repeating|recurring)\s+(?<ref>.+)$" +
        @"|^(?:stop|end)\s+(?<ref>.+?)\s+(?:from\s+)?(?:repeating|recurring)$" +
        @"|^(?:make|set|let)\s+(?<ref>.+?)\s+(?:stop\s+(?:repeating|recurring)|not\s+(?:repeat|recur)|no\s+longer\s+(?:repeat|recur)|(?:a\s+)?one[\s-]?(?:off|time)(?:\s+task)?|non[\s-]?recurring|not\s+recurring)(?:\s+(?:anymore|any\s+more))?$" +
        @"|^(?:don'?t|do\s+not|never)\s+(?:repeat|recur)\s+(?<ref>.+?)(?:\s+(?:anymore|any\s+more|again))?$" +
        @"|^(?:remove|clear|delete|drop|end|cancel)\s+(?:the\s+)?(?:recurrence|repetition|repeat|repeating)\s+(?:from|of|on|for)\s+(?<ref>.+)$" +
        "|^" + NotAQuestion + @"(?<ref>.+?)\s+(?:should\s+stop|shouldn'?t|should\s+not|doesn'?t\s+need\s+to|should\s+no\s+longer|must\s+not)\s+(?:repeat(?:ing)?|recur(?:ring)?)(?:\s+(?:anymore|any\s+more))?$" +
        "|^" + NotAQuestion + @"(?<ref>.+?)\s+(?:no\s+longer|doesn'?t|does\s+not)\s+(?:repeats?|recurs?)(?:\s+(?:anymore|any\s+more))?$", Options)]
    private static partial Regex StopRepeating();

    private const string ShiftAmount =
        @"(?:by\s+|for\s+|about\s+|another\s+(?=\w+\s))?(?<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|another|(?:a\s+)?couple(?:\s+of)?|(?:a\s+)?few)\s+" +
        @"(?<unit>min(?:ute)?s?|hours?|hrs?|days?|weeks?|wks?|months?)";

    private const string ShiftDirection = @"(?<dir>back|out|forward|up|earlier|sooner|later)";

    [GeneratedRegex(@"^(?:(?:please|can\s+you|could\s+you|would\s+you|let'?s|i\s+want\s+to|i'?d\s+like\s+to)\s+)?" +
        @"(?:push|move|put\s+off|postpone|delay|defer|shift|bump|snooze|bring|reschedule)\s+(?:" + ShiftDirection + @"\s+)?" +
        @"(?<ref>.+?)\s+(?:" + ShiftDirection + @"\s+)?" + ShiftAmount + @"(?:\s+" + ShiftDirection + @")?(?:\s+please)?$" +
        "|^" + NotAQuestion + @"(?<ref>.+?)\s+(?:can|could|will\s+have\s+to|has\s+to|needs\s+to)\s+wait\s+(?:for\s+)?(?:another\s+)?" + ShiftAmount + "$" +
        @"|^(?:make|set|have)\s+(?<ref>.+?)\s+" + ShiftAmount + @"\s+(?<dir>earlier|sooner|later)$", Options)]
    private static partial Regex ShiftDue();

    [GeneratedRegex(@"\b(?:every|each|repeat(?:s|ing)?|recur(?:s|ring)?|to|in|until|till|within|after|from|on|at|by|due)$", Options)]
    private static partial Regex EndsBeforeADate();

    /// <summary>The title of a task named as a thing ("the dentist" → "Dentist", "my tax return" → "Tax return").</summary>
    private static string TitleOf(string named) => Utterance.CleanTitle(Determiner().Replace(named.Trim(), ""));

    [GeneratedRegex(@"^(?:the|my|our|his|her|their|your)\s+(?=\S)", Options)]
    private static partial Regex Determiner();

    /// <summary>
    /// Things bought by one word, each a whole item on its own: "milk eggs and bread" is three of them. Words that often begin
    /// a longer name ("orange" juice, "peanut" butter, "ice" cream) are left out, so those stay whole.
    /// </summary>
    private static readonly HashSet<string> ShoppingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "milk", "eggs", "bread", "butter", "cheese", "yogurt", "yoghurt", "bananas", "apples", "oranges", "grapes", "lettuce",
        "tomatoes", "onions", "potatoes", "carrots", "pasta", "flour", "sugar", "salt", "pepper", "coffee", "tea", "juice",
        "water", "beer", "wine", "cereal", "oats", "chicken", "beef", "pork", "fish", "salmon", "tuna", "bacon", "ham",
        "sausages", "shampoo", "soap", "toothpaste", "detergent", "napkins", "batteries", "bleach", "sponges", "honey", "jam",
        "ketchup", "mustard", "mayo", "mayonnaise", "cucumbers", "avocados", "lemons", "limes", "berries", "strawberries",
        "blueberries", "spinach", "broccoli", "ginger", "mushrooms", "peppers", "lentils", "nuts", "almonds", "crackers",
        "chips", "cookies", "biscuits", "muffins", "bagels", "tortillas", "noodles", "diapers", "nappies", "wipes", "tissues",
        "foil", "candles", "celery", "cabbage", "zucchini", "courgettes", "pears", "peaches", "plums", "melon", "watermelon",
        "pineapple", "cherries", "kiwis", "basil", "parsley", "cilantro", "oil", "vinegar", "rice", "soda", "snacks",
        "steak", "turkey", "shrimp", "prawns", "tofu", "hummus", "salsa", "granola", "pancakes", "waffles", "syrup", "popcorn",
    };

    [GeneratedRegex(@"^(?:it|that|this|them|those|these|that\s+one|this\s+one|both(?:\s+of\s+them)?)$", Options)]
    private static partial Regex Pronoun();

    private const string DayName = @"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";

    /// <summary>
    /// Two or more weekdays ending the words ("monday wednesday and friday"), or one in the plural ("on tuesdays"), not after
    /// "every" ("every monday and friday", "every other week on tuesdays").
    /// </summary>
    [GeneratedRegex(@"(?<!\bevery\s+(?:\w+\s+){0,2}(?:on\s+)?)(?<=\s)(?:on\s+)?(?<days>" + DayName + @"s?(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+)" + DayName + @"s?)+|" + DayName + @"s)(?=\s*(?:at\s+\S+(?:\s*[ap]m)?|mornings?|evenings?|nights?)?$)", Options)]
    private static partial Regex WeekdayRun();

    [GeneratedRegex(@"(?<day>" + DayName + @")s\b", Options)]
    private static partial Regex PluralDay();

    /// <summary>"and eggs", "also bread", "eggs too", "one more: bread": one more of what the message before added; the item, or null.</summary>
    public static string? MoreOfTheSame(string message) =>
        MoreItems().Match(message.Trim().TrimEnd('.', '!')) is { Success: true } more ? more.Groups["rest"].Value : null;

    [GeneratedRegex(@"^(?:(?:oh\s+)?and(?:\s+also)?|also|plus|as\s+well\s+as|(?:and\s+)?one\s+more(?:\s+thing)?\s*[:,-]?|(?:and\s+)?another(?:\s+one)?\s*[:,-])\s*(?<rest>.+?)(?:\s+(?:too|as\s+well|also))?$|^(?<rest>.+?)\s+(?:too|as\s+well)$", Options)]
    private static partial Regex MoreItems();

    /// <summary>
    /// "no, I meant bread", "I said oat milk", "it's for tomorrow": what the task just added should have been, a title or a
    /// date ("it's …" only a date); null when the message is no such correction.
    /// </summary>
    public static string? Correction(string message, DateTimeOffset now)
    {
        var said = SpokenText.RightDateOnly(message.Trim(), now).TrimEnd('.', '!');
        if (Meant().Match(said) is { Success: true } meant && (!meant.Groups["dated"].Success || DatePhrases.IsWholeDate(meant.Groups["title"].Value, now)))
        {
            return meant.Groups["title"].Value;
        }

        // "tomorrow at 9", "no, tomorrow", "sorry, friday": a date alone.
        var date = Interjections().Replace(said, "");
        return DatePhrases.IsWholeDate(date, now) ? date : null;
    }

    /// <summary>"on the grocery list", "no, put it on my work list" right after an add: the list the task belongs on; null otherwise.</summary>
    public static string? ListCorrection(string message) =>
        OnWhichList().Match(message.Trim().TrimEnd('.', '!')) is { Success: true } said ? RequestParts.ListName(said.Groups["list"].Value) : null;

    [GeneratedRegex(@"^(?:(?:no|nope|sorry|oops|wait|actually|oh|and)[,.!\s]+)*(?:(?:put|move)\s+(?:it|that)\s+|(?:it|that)\s+(?:goes|belongs)\s+|(?:it'?s|that'?s|it\s+is|that\s+is)\s+)?(?:on|to|in|onto|into|for)\s+(?:my|the|our)\s+(?<list>(?!to-?do\b|todo\b)[\w'&-]+(?:\s+[\w'&-]+){0,2}?)\s+list$", Options)]
    private static partial Regex OnWhichList();

    /// <summary>"no, I meant the eggs", "not that one, the eggs", "wrong one, I said eggs": the task a change just made was meant for; null otherwise.</summary>
    public static string? OtherTask(string message) =>
        MeantOther().Match(message.Trim().TrimEnd('.', '!')) is { Success: true } meant ? meant.Groups["ref"].Value : null;

    [GeneratedRegex(@"^(?:(?:no|nope|sorry|oops|wait|actually|oh|not\s+(?:that|this)(?:\s+one)?|(?:that'?s\s+)?(?:the\s+)?wrong\s+one)[,.!\s]+)*(?:i\s+(?:meant|wanted)\s+to\s+(?:say|write|type)|i\s+meant|i\s+mean|i\s+said|i\s+wanted)\s+(?<ref>(?!(?:to|it|that|this|done|finished|complete|completed|wrong|fine|ok|okay|good|right|not)\b).+)$" +
        @"|^(?:(?:no|nope|sorry|oops|wait|actually|oh(?:\s+wait)?)[,.!\s]+)*(?:not\s+(?:that|this)(?:\s+one)?|not\s+(?!(?:now|yet|really|sure|quite|so|too|me|you|that|this)\b)(?:the\s+)?[a-z]+(?:\s+[a-z]+)?(?=\s*[,.!]\s*[a-z])|(?:that'?s\s+)?(?:the\s+)?wrong\s+one|no)" +
        @"(?:\s*[,.!]\s*|\s+(?=the\s))(?<ref>the\s+(?!(?:one|other|first|second|third|last)\b).+|(?!(?:worries|problem|problems|rush|way|thanks|thank|need|matter|idea|doubt|biggie|kidding|clue|sweat|hurry|pressure|stress|fine|okay|ok|good|great|today|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)[a-z]\w*)$", Options)]
    private static partial Regex MeantOther();

    [GeneratedRegex(@"^(?:(?:no|nope|sorry|oops|wait|actually|oh|um+|uh+|hmm+)(?:[,.!]+\s*|\s+))+", Options)]
    private static partial Regex Interjections();

    [GeneratedRegex(@"^(?:no|nope|nah|not|sorry|oops|wait|actually|oh|um+|uh+|hmm+|yes|yeah|yep|ok|okay)$", Options)]
    private static partial Regex InterjectionAlone();

    [GeneratedRegex(@"^(?:i'?ll|i\s+will|i'?m\s+(?:going\s+to|gonna)|i\s+am\s+going\s+to|i\s+(?:can|could|should|might)|gonna|going\s+to|will)\s+(?:probably\s+|just\s+)?do\b", Options)]
    private static partial Regex WillDo();

    /// <summary>"do the ", "do my ": the light verb before a task's words.</summary>
    [GeneratedRegex(@"^do\s+(?=(?:the|my|our)\s+\S)", Options)]
    private static partial Regex DoThe();

    [GeneratedRegex(@"^(?:(?:no|nope|sorry|oops|wait|actually|oh)[,.!\s]+)*(?:i\s+(?:meant|wanted)\s+to\s+(?:say|write|type|add|put)|i\s+meant|i\s+mean|i\s+said|it\s+should\s+(?:be|say)|that\s+should\s+(?:be|say)|make\s+(?:it|that)(?:\s+(?:say|into))?|change\s+(?:it|that)\s+to|(?<dated>it'?s|it\s+is|that'?s|that\s+is|it\s+was|(?:it'?s\s+|it\s+is\s+)?due|for|by|on))\s+(?<title>(?!(?:done|finished|complete|completed|wrong|fine|ok|okay|good|right|not)\b).+)$", Options)]
    private static partial Regex Meant();

    /// <summary>Whether <paramref name="words"/> name a task by its title, not by a number, a position or a pronoun.</summary>
    internal static bool NamesTaskByWords(string words) =>
        TaskReferenceMatcher.ParseNumber(words) is null && !PointingWords().IsMatch(words);

    [GeneratedRegex(@"\b(?:it|that|this|these|those|them|one|ones|task\s*#?\d+|#\d+|number\s+\d+|item\s+\d+|first|second|third|fourth|fifth|last|previous|latter|former)\b", Options)]
    private static partial Regex PointingWords();

    /// <summary>"X needs to be done", "X has to be submitted", "X must be handed in": the task, and the verb when it says more than "done".</summary>
    [GeneratedRegex(@"^(?<ref>.+?)\s+(?:needs|need|has|have|must|should|ought)\s+(?:to\s+)?be\s+(?:(?:done|finished|completed|complete|ready|sorted|sorted\s+out|taken\s+care\s+of|dealt\s+with)|(?<verb>[a-z]+(?:ed|en)|paid|sent|bought|made|done|built|sold|kept|found|brought|hung|sewn|swept|fed|met|taught)(?<particle>\s+(?:in|out|off|up|over|back|away))?)$", Options)]
    private static partial Regex NeedsDoing();

    /// <summary>A title that only points at a task: "It", "Task 5", "#5", "that one", "it needs to be done".</summary>
    [GeneratedRegex(@"^(?<ref>it|that|this|that\s+one|this\s+one|(?:task|item|number|no\.?)\s*#?\d{1,9}|#\d{1,9})(?:\s+(?:needs|has|have|must|should|is|got)\s+to\s+be\s+(?:done|finished|completed|ready|submitted|paid|sent|handed\s+in))?$", Options)]
    private static partial Regex TaskItself();

    /// <summary>"do it", "finish that": the task talked about, as a thing to do.</summary>
    [GeneratedRegex(@"^(?:do|finish|handle|complete|sort)\s+(?<ref>it|that|this)(?:\s+out)?$", Options)]
    private static partial Regex DoIt();

    [GeneratedRegex(@"\b(?:forward|up|earlier|sooner)\b", Options)]
    private static partial Regex EarlierWord();

    [GeneratedRegex(@"\b(?:back|out|later)\b", Options)]
    private static partial Regex LaterWord();

    [GeneratedRegex(@"^(?<verb>push\s+back|move\s+back|put\s+off|push|move|reschedule|re-schedule|postpone|defer|delay|snooze|shift|bump|set|change|make|schedule|repeat|bring|pull)\s+(?<rest>.+)$", Options)]
    private static partial Regex Schedule();

    [GeneratedRegex(@"^(?:push\s+back|move\s+back|put\s+off|push|reschedule|re-schedule|postpone|defer|delay|snooze|schedule|repeat)$", Options)]
    private static partial Regex DateOnlyVerb();

    /// <summary>Verbs that move a task to another day and say nothing else: without a day, which day is asked.</summary>
    [GeneratedRegex(@"^(?:push\s+back|move\s+back|put\s+off|reschedule|re-schedule|postpone|defer|delay)$", Options)]
    private static partial Regex PutOffVerb();

    /// <summary>What ends the task's words before its new date: "to", "until", "for", "repeat", "to be due"…</summary>
    [GeneratedRegex(@"(?:^|\s)(?:to|until|till|for|on|at|by|back\s+to|forward\s+to|over\s+to|(?:to\s+)?(?:be\s+)?(?:repeat|recur|repeating|recurring)|(?:to\s+)?(?:be\s+)?due)\s*$", Options)]
    private static partial Regex ScheduleConnector();

    [GeneratedRegex(@"\s(?:to|until|till|for)\s", Options | RegexOptions.RightToLeft)]
    private static partial Regex LastConnector();

    [GeneratedRegex(@"^(?:on|by|due|until|till)\b", Options)]
    private static partial Regex DateLead();

    /// <summary>Not a question, a request to show something, or a remark about oneself or the day ("I'm so busy today").</summary>
    [GeneratedRegex(@"^(?!(?:what|which|when|where|who|why|how|is|are|am|do|does|did|can|could|would|will|should|any|anything|show|list|tell|give)\b)" +
        @"(?!(?:put|bring|get)\s+back\b|(?:restore|undelete|undo|redo|uncheck|untick|unmark|rename|reschedule|postpone|mark)\b)(?!.*\b(?:everything|all\s+(?:my|the)\s+tasks|my\s+tasks|the\s+tasks|i\s+deleted|you\s+deleted)\b)" +
        @"(?!(?:i'?m|i\s+am|i\s+was|i'?ve\s+been|i\s+have\s+been|i\s+feel|i\s+think|i\s+guess|we'?re|we\s+are|it'?s|it\s+is|it\s+was|that'?s|that\s+is|this\s+is|today\s+is|tomorrow\s+is|there'?s(?!\s+(?:a|an)\s)|there\s+is(?!\s+(?:a|an)\s)|so\s+busy|busy|tired|what\s+a)\b).+$", Options)]
    private static partial Regex DatedItem();

    /// <summary>"I have a meeting at 3", "we've got a dentist appointment on friday", "there's a meeting at 3 tomorrow": what they have is the task.</summary>
    [GeneratedRegex(@"^(?:(?:i|we)(?:\s+have\s+got|'ve\s+got|\s+have|'ve|\s+got|'ll|\s+will)\s+(?!to\b|been\b|had\b)|there(?:'s|\s+is)\s+(?=(?:a|an)\s))", Options)]
    private static partial Regex HaveAThing();

    /// <summary>
    /// A remark about the day or oneself, which a thing to do on a day is not: "ugh so much to do today", "happy friday",
    /// "long day tomorrow", "talk to you tomorrow", "today was productive", "maybe tomorrow", "I'll do it tomorrow".
    /// </summary>
    [GeneratedRegex(@"^(?:ugh+|argh+|sigh|wow|yay|omg|lol|phew|whew|geez|jeez|gosh|dang|damn|man|boy|meh|oh\s+well)\b" +
        @"|\b(?:you|ya|y'all|was|were|been)\b|\b(?:it|that|this|them|is|are|am)$|^(?:be|get)\s" +
        @"|^the\s+(?:one|other\s+one|ones|task|item|thing)\b" +
        @"|\b(?:(?:so\s+|too\s+)?much|a\s+lot|lots|loads|tons|nothing|not\s+much|plenty)\s+(?:(?:of\s+)?(?:stuff|things|work)\s+)?(?:to\s+do|going\s+on|on|planned|happening)\b" +
        @"|^(?:thank\s+(?:god|goodness|heavens)|happy|merry|feeling|feel|felt|no\s+(?:work|school|class|classes|plans))\b" +
        @"|^(?:(?:such\s+a|so|very|really|too|a)\s+)?(?:long|big|busy|crazy|hectic|rough|tough|slow|quiet|lazy|fun|bad|awful|terrible|good|great|nice|lovely|productive|weird|stressful|exhausting)(?:\s+(?:day|days|week|weekend|night|morning|afternoon|evening|one|time))?$" +
        @"|^(?:maybe|perhaps|probably|possibly|not|never|later|sometime|soon|again|also|then|sure|fine|same|nothing|(?:the\s+)?weather" +
        @"|for|on|by|at|due|in|to|from|until|till|and|or|but|the|a|an)$", Options)]
    private static partial Regex Remark();

    [GeneratedRegex(@"^(?:a|an|another|some)\s", Options)]
    private static partial Regex NewThing();

    [GeneratedRegex(@"^(?:the\s+)?(?:due\s+date|due\s+time|date|time|deadline|due)\s+(?:of|for|on)\s+", Options)]
    private static partial Regex DueOf();

    [GeneratedRegex(@"(?:'s|s')?\s+(?:due\s+date|date|deadline)$", Options)]
    private static partial Regex DueOfTail();

    [GeneratedRegex(@"^(?:the|its|it's|my|this|that|a)?$", Options)]
    private static partial Regex OnlyADeterminer();

    [GeneratedRegex(@"\s+from\s+(?<day>.+)$", Options)]
    private static partial Regex FromADay();

    [GeneratedRegex("^" + NotAQuestion + RemindMeThat + @"(?<ref>.+?)\s+(?:is|are|'s|should\s+be|will\s+be)\s+(?:now\s+)?(?<when>due\s+.+)$" +
        "|^" + NotAQuestion + @"(?<ref>.+?)\s+(?:isn't|is\s+not|aren't|are\s+not|won't\s+be|will\s+not\s+be|can\s+wait|(?:doesn't|does\s+not|don't|do\s+not)\s+(?:need|have)\s+to\s+be\s+(?:done|paid|finished|sent|booked))\s+(?:due\s+)?(?:until|till|til|'til)\s+(?<when>.+)$" +
        @"|^(?:the\s+)?(?:due\s+date|date|deadline)\s+(?:for|of|on)\s+(?<ref>.+?)\s+(?:is|should\s+be|will\s+be|becomes|is\s+now)\s+(?<when>.+)$" +
        "|^" + NotAQuestion + @"(?<ref>.+?)\s+(?:should\s+|will\s+|now\s+)?(?:repeats?|recurs?)\s+(?<when>.+)$" +
        "|^" + NotAQuestion + @"(?<ref>.+?)\s+(?:should|needs\s+to|has\s+to|must)\s+be\s+(?:(?:moved|changed|done|finished|paid|sent|booked)\s+)?(?<when>(?:on|at|by|this|next|tomorrow|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b.+)$" +
        "|^" + NotAQuestion + RemindMeThat + @"(?<ref>.+?)\s+(?:is|'s|are|will\s+be|got\s+moved\s+to|has\s+moved\s+to|moved\s+to)\s+(?:now\s+)?(?<when>(?:on|at|this|next|tomorrow|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b.+)$" +
        "|^" + NotAQuestion + RemindMeThat + @"(?<ref>.+?)\s+(?:got|has\s+been|was|has)?\s*(?:moved|changed|pushed|rescheduled)\s+(?:back\s+)?to\s+(?<when>\d.*)$", Options)]
    private static partial Regex IsDue();

    /// <summary>"remind me that the meeting is at 3": what follows says when a thing is.</summary>
    private const string RemindMeThat = @"(?:(?<remind>(?:please\s+)?remind\s+me\s+that)\s+)?";

    /// <summary>The list a task is on, said after a new title: "… on my grocery list".</summary>
    [GeneratedRegex(@"\s+(?:on|in|from)\s+(?:my|the|our)\s+(?:[\w'&-]+\s+){0,3}?list$", Options)]
    private static partial Regex OnAList();

    [GeneratedRegex(@"^(?:(?:show|list|see|get)\s+(?:me\s+)?)?(?:(?:my|the|all|all\s+my)\s+)?(?:overdue|today'?s|tomorrow'?s|this\s+week'?s|upcoming|recurring|repeating|undated)\s*(?:tasks|todos|to-dos|items|stuff|things|ones)?$" +
        @"|^(?:(?:show|list|see|get)\s+(?:me\s+)?)?(?:(?:my|the|all|all\s+my)\s+)?(?:tasks|todos|to-dos|items|stuff|things)\s+(?:due|for|that\s+are\s+(?:due|overdue)|overdue)\b.*$", Options)]
    private static partial Regex DueTasks();

    // Lists.
    [GeneratedRegex(@"^(?:(?:my|all|all\s+my|all\s+of\s+my|the|show|list|see)\s+)*(?:(?:pending|completed|complete|open|finished|done|remaining|outstanding|incomplete|unfinished|active|current)\s+)?(?:tasks|todos|to-dos|items|list|todo\s+list|to-do\s+list|stuff|things|ones)$|^(?:pending|completed|outstanding|unfinished|open\s+tasks|status|summary|overview|agenda|recap|rundown|todo|todos|to-do\s+list|todo\s+list|everything)$", Options)]
    private static partial Regex ShortList();

    [GeneratedRegex(@"^(?:how\s+many|count)\b(?<rest>.*)$", Options)]
    private static partial Regex HowMany();

    [GeneratedRegex(@"^(?:search|find|look\s+up|look\s+for|lookup|search\s+for|filter)\s+(?:for\s+)?(?:my\s+)?(?:tasks?\s+|todos?\s+)?(?:about|with|containing|mentioning|called|named|matching|for|by)?\s*(?<query>.+)$", Options)]
    private static partial Regex Search();

    [GeneratedRegex(@"^(?:is\s+there|are\s+there|do\s+i\s+have|have\s+i\s+got|got|any|anything|something|is\s+anything|are\s+any|is\s+something)\b\s*(?:(?:any|anything|a|an|some|something)\b)?\s*(?:(?:tasks?|todos?|items?|reminders?)\b)?\s*(?<rest>.*)$", Options)]
    private static partial Regex AnythingAbout();

    [GeneratedRegex(@"^(?:show|list|display|view|see|get|give|tell|read(?:\s+(?:out|back))?|print|check|open|pull\s+up|bring\s+up|what\s+about|go\s+(?:through|over)|say|repeat|recite|hear|run\s+(?:through|down)|let\s+(?:me|us)\s+(?:hear|see|know|have)|(?:can|could|may)\s+i\s+(?:hear|see|get|have))(?:\s+(?:me|us))?\b\s*(?<rest>.*)$", Options)]
    private static partial Regex ShowVerb();

    [GeneratedRegex(@"^(?:what|which)(?:'s|s|\s+is|\s+are|\s+have|\s+has|\s+did|\s+do|\s+else|\s+should|\s+tasks?|\s+ones?|\s+items?|\s+todos|\s+reminders|\s+things?|\s+jobs|\s+chores|\s+errands|'re|\s+remains|\s+was|\s+am)\b(?<rest>.*)$", Options)]
    private static partial Regex WhatQuestion();

    [GeneratedRegex(@"^(?:which|what)\s+list\s+(?:is|are|has|holds|contains)\s+(?<thing>.+?)(?:\s+(?:on|in))?$|^where(?:'s|\s+is|\s+are)\s+(?<thing>(?!my\b|the\s+list\b).+?)(?:\s+task)?$", Options)]
    private static partial Regex WhichList();

    [GeneratedRegex(@"^(?:go|switch|take\s+me|jump|navigate|flip)\s+(?:back\s+|over\s+)?to\s+(?<list>(?:my|the|our)\s+(?:[\w'&-]+\s+){1,3}list|(?:my|the)\s+inbox)$", Options)]
    private static partial Regex GoToList();

    [GeneratedRegex(@"^(?:am\s+i|are\s+we|is\s+everything)\s+(?:all\s+)?(?:done|finished|caught\s+up|up\s+to\s+date|free)\b.*$", Options)]
    private static partial Regex AmIDone();

    [GeneratedRegex(@"^(?:did|have)\s+i\s+(?:finish|finished|complete|completed|do|done)\s+(?:(?<all>everything|all(?:\s+of\s+them)?|all\s+my\s+tasks)|anything|any(?:\s+tasks)?)(?:\s+(?:yet|today))?$", Options)]
    private static partial Regex DidIFinish();

    [GeneratedRegex(@"^(?:did|have)\s+(?:i|we)\s+(?:already\s+)?(?<verb>[a-z]+)\s+(?<rest>.+?)(?:\s+(?:yet|already|today))?$", Options)]
    private static partial Regex HaveIDoneIt();

    [GeneratedRegex(@"\b(?:tasks?|todos?|to-?dos?|to\s+do|list|items?|pending|left|remaining|done|finish(?:ed)?|complete(?:d)?|accomplish(?:ed)?|plate|agenda|outstanding|open|unfinished|incomplete|everything|all|need\s+to|have\s+to|got\s+to|should\s+i|next|due|stuff|things|ones?|reminders?|summary|overview|rundown|recap|status)\b", Options)]
    private static partial Regex TaskWords();

    [GeneratedRegex(@"\b(?:about|regarding|concerning|mentioning|containing|matching|related\s+to|relating\s+to|involving|called|named|titled|with\s+the\s+words?|with)\s+(?<query>.+)$", Options)]
    private static partial Regex QueryPhrase();

    [GeneratedRegex(@"^(?:(?:me|us)\s+)?(?:the|my|all\s+my|all\s+the)\s+(?<query>.+?)\s+(?:task|tasks|todo|todos|items?|ones?)$", Options)]
    private static partial Regex NamedTasks();

    [GeneratedRegex(@"^(?:all\s+)?(?:pending|completed|complete|open|finished|done|remaining|outstanding|incomplete|unfinished|active|current|other|old|recent|new)$", Options)]
    private static partial Regex StatusOnly();

    [GeneratedRegex(@"^(?:me\s+)?(?:task\s*(?:number\s*)?#?|number\s+|#)(?<number>\d{1,9})$", Options)]
    private static partial Regex FocusedTask();

    [GeneratedRegex(@"^(?:(?:i\s+mean|i\s+meant|i\s+said|it'?s|it\s+was|the\s+one\s+that'?s|i\s+want|pick|choose|select|go\s+with)\s+)?(?<ref>(?:(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|top|bottom|\d{1,3}(?:st|nd|rd|th))(?:\s+(?:one|task|item|todo|entry))?(?:\s+(?:in|on|from)\s+(?:that|the|this|my|your)\s+list)?)|(?:(?:task|number|no\.?|item|#)\s*#?\d{1,9}(?:\s+(?:in|on|from)\s+(?:that|the|this|your)\s+list)?)|\d{1,9}|that\s+one|this\s+one|both(?:\s+of\s+them)?|the\s+one\s+(?:about|called|named|with|that\s+says)\s+.+)$", Options)]
    private static partial Regex BareReference();

    // Lists.
    [GeneratedRegex(@"^(?:(?:show|list|display|view|see|get|give|tell|what\s+are|which\s+are|open)(?:\s+(?:me|us))?\s+)?(?:all\s+)?(?:of\s+)?(?:(?:my|the|our)\s+)?(?:all\s+)?lists$|^(?:what|which)\s+lists\s+(?:do\s+i\s+have|have\s+i\s+got|are\s+there|exist|have\s+i\s+made)$|^how\s+many\s+lists(?:\s+(?:do\s+i\s+have|have\s+i\s+got|are\s+there))?$|^(?:do\s+i\s+have\s+any|any)\s+lists$", Options)]
    private static partial Regex ShowLists();

    [GeneratedRegex(@"^(?:create|make|start|set\s+up|begin|new)\s+(?:me\s+)?(?:(?:a|an|another)\s+)?(?:new\s+)?(?:[\w'&-]+\s+){1,2}list\s+(?:called|named|titled)\s+(?<name>.+)$" +
        @"|^(?:add|i\s+(?:need|want|would\s+like)|i'?d\s+like|(?:can|could)\s+i\s+(?:have|get))\s+(?:a|an|another)\s+(?:new\s+)?(?:(?<name>(?:(?!(?:list|to|on|in|into|onto|my|the|our|task|tasks|item|items|reminder)\b)[\w'&-]+\s+){0,2}(?!(?:list|to|on|in|into|onto|my|the|our|task|tasks|item|items|reminder)\b)[\w'&-]+)\s+list|list\s+(?:called|named|titled|for)\s+(?<name>.+))$|^(?:create|make|start|add|set\s+up|open|begin|new)\s+(?:me\s+)?(?:(?:a|an|another|one\s+more)\s+)?(?:new\s+)?(?:(?:todo|to-do|task|check)\s*)?list(?:\s+(?:called|named|titled|for)(?=\s)|\s*[:\-—])?\s*(?<name>.*)$|^(?:create|make|start|set\s+up|begin)\s+(?:me\s+)?(?:(?:a|an|another)\s+)?(?:new\s+)?(?<name>(?:(?!list\b)[\w'&-]+\s+){0,3}(?!list\b)[\w'&-]+)\s+list$", Options)]
    private static partial Regex CreateList();

    [GeneratedRegex(@"^(?:rename|retitle|change\s+the\s+name\s+of|call)\s+(?:the\s+|my\s+|our\s+)?(?:list\s+(?:called\s+|named\s+)?(?<old>.+?)|(?<old>.+?)\s+list)\s+(?:to|as|into)\s+(?<new>.+)$|^(?:change|update|rename)\s+(?:the\s+|my\s+)?(?<old>.+?)\s+list(?:'s\s+name|\s+name|\s+title)?\s+(?:to|as)\s+(?<new>.+)$|^call\s+(?:the\s+|my\s+)?(?<old>.+?)\s+list\s+(?<new>.+)$", Options)]
    private static partial Regex RenameList();

    /// <summary>"this", "that", "the", "the current": a list named by the conversation, not by its name.</summary>
    [GeneratedRegex(@"^(?:this|that|the|(?:this\s+|the\s+)?current|(?:this|that|the)\s+(?:whole|entire))$", Options)]
    private static partial Regex ThisList();

    [GeneratedRegex(@"^(?:delete|remove|erase|drop|trash|scrap|discard|bin|ditch|nuke|get\s+rid\s+of|throw\s+away|throw\s+out|do\s+away\s+with)\s+(?:the\s+|my\s+|our\s+|that\s+)?(?:(?:whole|entire)\s+)?(?:list\s+(?:called\s+|named\s+)?(?<name>""[^""]+""|'[^']+'|[\w'&-]+(?:\s+[\w'&-]+){0,3}?)|(?<name>(?:(?!list\b)[\w'&""-]+\s+){0,3}?(?!list\b)[\w'&""-]+)\s+list)(?<tail>\s*(?:,|\band\b|\bwith\b|\bbut\b).*)?$", Options)]
    private static partial Regex DeleteList();

    [GeneratedRegex(@"\b(?:keep|move|save|put)\b", Options)]
    private static partial Regex KeepTasks();

    [GeneratedRegex(@"\b(?:tasks|everything|all|items|contents|them)\b", Options)]
    private static partial Regex DropTasks();

    [GeneratedRegex(@"\b(?:from|off|on|onto|to|in|into|of|at|out|about)\b", Options)]
    private static partial Regex Preposition();

    [GeneratedRegex(@"^(?:remove|take|delete|drop|strip|clear|erase)\s+(?:all\s+)?(?:of\s+)?(?:the\s+|its\s+)?(?:tags|labels)\s+(?:from|off(?:\s+of)?|on)\s+(?<ref>.+)$" +
        @"|^(?:remove|take|delete|drop|strip|clear|erase)\s+(?:the\s+)?(?<labels>@?[\w-]+(?:\s*(?:,|and|&)\s*@?[\w-]+)*)\s+(?:tags?|labels?)\s+(?:from|off(?:\s+of)?|on)\s+(?<ref>.+)$" +
        @"|^(?:remove|take|delete|drop|strip|clear|erase)\s+(?:the\s+)?(?:tags?|labels?)\s+(?<labels>@?[\w-]+(?:\s*(?:,|and|&)\s*@?[\w-]+)*)\s+(?:from|off(?:\s+of)?)\s+(?<ref>.+)$" +
        @"|^(?:remove|take|delete|drop)\s+@(?<labels>[\w-]+)\s+(?:from|off)\s+(?<ref>.+)$" +
        @"|^(?:untag|unlabel)\s+(?<ref>.+?)(?:\s+(?:from|as)\s+(?<labels>@?[\w-]+))?$", Options)]
    private static partial Regex Untag();

    [GeneratedRegex(@"^(?:tag|label)\s+(?<ref>.+?)\s+(?:with|as)\s+(?:the\s+|a\s+|an\s+)?(?:(?:tags?|labels?)\s+)?(?<labels>@?[\w-]+(?:\s*(?:,|and|&)\s*@?[\w-]+)*)(?:\s+(?:tags?|labels?))?$" +
        @"|^(?:tag|label)\s+(?<ref>.+?)\s+(?<labels>@?[\w-]+)$" +
        @"|^(?:add|put|give|attach|stick|apply|slap)\s+(?:the\s+|a\s+|an\s+)?(?:tags?|labels?)\s+(?<labels>@?[\w-]+(?:\s*(?:,|and|&)\s*@?[\w-]+)*)\s+(?:to|on|onto)\s+(?<ref>.+)$" +
        @"|^(?:add|put|give|attach|stick|apply|slap)\s+(?:the\s+|a\s+|an\s+)?(?<labels>@?[\w-]+(?:\s*(?:,|and|&)\s*@?[\w-]+)*)\s+(?:tags?|labels?)\s+(?:to|on|onto)\s+(?<ref>.+)$" +
        @"|^give\s+(?<ref>.+?)\s+(?:the|a|an)\s+(?<labels>[\w-]+)\s+(?:tag|label)$" +
        @"|^(?:add|put)\s+@(?<labels>[\w-]+)\s+(?:to|on)\s+(?<ref>.+)$", Options)]
    private static partial Regex Tag();

    [GeneratedRegex(@"^(?:make|set|mark|change|put|flag|bump|raise|lower|turn|give)\s+(?<ref>.+?)(?:\s+(?:up|down))?\s+(?:(?:to|as|at|into)\s+)?(?:(?:a|an|my|the|our)\s+)?(?<p>high|top|low|medium|normal|no)[\s-]+priority$" +
        @"|^(?:set|give|make|change|put|assign)\s+(?:a\s+|the\s+)?priority\s+(?:(?:of|level|to)\s+)?(?<p>p?[1-4]|one|two|three|four|high|low|medium|urgent|top)\s+(?:on|to|for)\s+(?<ref>.+)$" +
        @"|^(?:set|give|put|assign|add|place)\s+(?:a\s+|the\s+)?(?<p>high|top|low|medium|urgent)[\s-]+priority\s+(?:on|to|for)\s+(?<ref>.+)$" +
        @"|^(?:make|set|mark|change|put|flag|turn)\s+(?<ref>.+?)\s+(?:(?:to|as|at|into)\s+)?(?:priority\s+(?<p>[1-4]|one|two|three|four)|(?<p>p[1-4]))$" +
        @"|^(?:set|change|make|update|raise|lower|bump)\s+(?:the\s+)?priority\s+(?:of|on|for)\s+(?<ref>.+?)\s+(?:to|as)\s+(?<p>high|top|low|medium|normal|none|urgent|p?[1-4]|one|two|three|four)$" +
        @"|^(?:set|change|update)\s+(?<ref>.+?)(?:'s)?\s+priority\s+(?:to|as)\s+(?<p>high|top|low|medium|normal|none|urgent|p?[1-4]|one|two|three|four)$" +
        "|^" + NotAQuestion + @"(?!(?:add|remind|put|create|new|make|set|i|we)\b)(?<adds>)(?<ref>.+?)\s*[,:-]?\s+priority\s*[:=]?\s*(?<p>high|top|low|medium|normal|none|urgent|p?[1-4])$" +
        @"|^(?:make|mark|set|consider)\s+(?<ref>.+?)\s+(?<verb>less|more)\s+(?:important|urgent|pressing|of\s+a\s+priority)$" +
        @"|^(?:make|mark|flag|set)\s+(?<ref>.+?)\s+(?:(?:as|to)\s+)?(?<not>not\s+)?(?<p>urgent|important)$" +
        @"|^(?<verb>prioriti[sz]e|deprioriti[sz]e)\s+(?<ref>.+)$" +
        @"|^(?:remove|clear|drop|reset|take(?:\s+off)?|get\s+rid\s+of)\s+(?:the\s+)?(?:(?:high|top|low|medium|urgent)\s+)?(?<none>priority|urgency)\s+(?:from|of|on|off(?:\s+of)?)\s+(?<ref>.+)$" +
        "|^" + NotAQuestion + @"(?<ref>.+?)\s+is\s+(?:now\s+)?(?:a\s+)?(?<p>high|top|low|medium)[\s-]+priority$" +
        "|^" + NotAQuestion + @"(?<ref>.+?)\s+is\s+(?:very\s+|really\s+)?(?<p>urgent)$" +
        @"|^(?:bump|move|push|raise)\s+(?:(?<verb>up|down)\s+)?(?<ref>(?:(?!\b(?:to|by|until|till|for|on|at|in)\b).)+?)(?(verb)|\s+(?<verb>up|down))(?:\s+(?:the|my|in\s+(?:the|my))\s+(?:list|priorities|priority\s+list|queue))?$" +
        @"|^(?:bump|move|push|put)\s+(?<ref>.+?)\s+(?:to\s+the\s+|at\s+the\s+)(?<verb>top|bottom)(?:\s+of\s+(?:the|my)\s+(?:[\w'&-]+\s+)?(?:list|priorities|queue))?$", Options)]
    private static partial Regex SetPriority();

    /// <summary>"me", "us": who is given something ("give me my top priority"), not a task.</summary>
    [GeneratedRegex(@"^(?:me|us)$", Options)]
    private static partial Regex ToMe();

    [GeneratedRegex(@"^(?<verb>move|file|shift|transfer|send|put|switch|relocate|place|stick)\s+(?<ref>.+?)\s+(?:(?:over|back)\s+)?(?:to|into|in|onto|on|under)\s+(?<list>.+?)$", Options)]
    private static partial Regex Move();

    [GeneratedRegex(@"^(?:(?:the|my)\s+)?(?:done|complete|completed|finished|pending|open|incomplete|not\s+done|to\s?do|active|undone|today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next\s+\w+|later|the\s+top|the\s+bottom|(?:the\s+)?(?:morning|afternoon|evening|weekend)|\d.*)$", Options)]
    private static partial Regex NotAList();

    [GeneratedRegex(@"^(?:tasks?\s*#?\d+(?:\s*(?:,|and|&)\s*(?:task\s*)?#?\d+)*|#\d+|\d+|it|that|this|them|both|these|those|that\s+one|this\s+one|the\s+.+\s+(?:task|one|item|todo)|the\s+(?:first|second|third|fourth|fifth|last)(?:\s+one)?)$", Options)]
    private static partial Regex TaskLike();

    /// <summary>"my shopping list", "the Costco list": a name of at most three words, none of them a verb's object marker or a preposition.</summary>
    [GeneratedRegex(@"^(?:my|the|our)\s+(?<name>inbox)$|^(?:(?:my|the|our)\s+)?(?<name>(?:(?!(?:list|my|the|our|me|a|an|on|in|to|from|off|of|at|for)\b)[\w'&-]+\s+){0,2}(?!(?:list|my|the|our|me|a|an|on|in|to|from|off|of|at|for)\b)[\w'&-]+)\s+list$", Options)]
    private static partial Regex NamedListOnly();

    [GeneratedRegex(@"^(?:(?:what(?:'s|\s+is|\s+are)?|which\s+(?:tasks?\s+)?(?:are|is)|show(?:\s+me)?|list|any(?:thing)?|do\s+i\s+have\s+any(?:thing)?|are\s+there\s+any|is\s+there\s+anything)\s+)?(?:(?:my|the|all|all\s+my)\s+)?(?:(?:tasks?|things|items|stuff)\s+)?(?:(?:tagged|labell?ed)\s+(?:as\s+|with\s+)?@?[\w-]+|@[\w-]+|(?:high|top|low|medium|highest)[\s-]+priority|(?:most\s+)?urgent|(?:most\s+)?important)(?:\s+(?:tasks?|things|items|stuff|ones))?$", Options)]
    private static partial Regex ScopedTasks();

    [GeneratedRegex(@"\blists?\b", Options)]
    private static partial Regex ListWord();

    [GeneratedRegex(@"\b(?<words>(?:[a-z][\w'&-]*\s+){1,3}?)(?:tasks?|items?|to-?dos?|things|stuff)\b", Options)]
    private static partial Regex TasksOfAKind();

    /// <summary>"what's in groceries", "anything left on work?": a question about a place named without "list".</summary>
    [GeneratedRegex(@"^(?:what(?:'s|s|\s+is|\s+are)?|what\s+(?:do|else\s+do|did)\s+(?:i|we)\s+(?:have|need|got|put)|(?:is\s+there\s+|do\s+(?:i|we)\s+have\s+)?anything(?:\s+else)?|what\s+else(?:'s|\s+is)?" +
        @"|(?:show|list|read|give|tell)(?:\s+me)?\s+(?:everything|all(?:\s+(?:of\s+)?(?:my|the)\s+(?:tasks|items|stuff))?|(?:my|the)\s+(?:tasks|items|stuff)))" +
        @"\s+(?:(?:left|still|else|remaining|pending|now)\s+)*(?:in|on)\s+(?:(?:my|the|our)\s+)?(?!\S+(?:\s+\S+){0,2}?\s+lists?\b)(?<name>[\w'&-]+(?:\s+[\w'&-]+){0,2}?)" +
        @"(?:\s+(?:that|which|to|left|still|remaining)\b.*)?[?.!]*$", Options)]
    private static partial Regex OnAPlace();

    /// <summary>Words after "what's on" that name no list: "my plate", "the agenda", "the dentist task".</summary>
    [GeneratedRegex(@"^(?:plate|agenda|docket|schedule|calendar|diary|planner|mind|radar|deck|tap|menu|horizon|books|cards|hands?|order|way|list|lists|todo|todos|to-dos?|tasks?|items?|stuff|things?|reminders?|tv|telly|there|here|it|this|that)$", Options)]
    private static partial Regex NotAPlace();

    /// <summary>A word before "tasks" that says how many, whose, what state or priority, not which kind ("my", "open", "high").</summary>
    [GeneratedRegex(@"^(?:my|the|all|any|some|of|your|our|their|these|those|this|that|other|remaining|rest|open|pending|done|completed?|finished|incomplete|unfinished|outstanding|current|new|old|newest|oldest|recent|latest|last|next|first|high|low|medium|normal|no|priority|urgent|important|top|overdue|late|due|upcoming|future|past|recurring|repeating|active|deleted|trashed|checked|unchecked|ticked|crossed|starred|flagged|tagged|labell?ed|a|an|\d+|one|two|three|four|five|six|seven|eight|nine|ten|many|much|more|few|what|which|how|are|is|were|was|i|we|you|have|has|got|do|does|did|to|on|in|for|and|or|with|left|still|related|list|lists|every|each|daily|weekly|monthly|yearly|me|us|show|see|view|read|tell|give|get|display|check|whats|what's|unread|shared|similar|same|different|such|individual|separate|single|total|entire|whole|both)$", Options)]
    private static partial Regex NotAKindOfTask();

    [GeneratedRegex(@"^(?:the|my|our)\s+(?<name>(?:(?!list\b)[\w'&-]+\s+){0,2}(?!list\b)[\w'&-]+)\s+list$", Options)]
    private static partial Regex ListReference();

    [GeneratedRegex(@"\b(?:my|the|our)\s+(?:(?!list\b)[\w'&-]+\s+){0,3}?(?!list\b)[\w'&-]+\s+list\b", Options)]
    private static partial Regex NamedListPhrase();

    [GeneratedRegex(@"^(?:(?:yes|ok(?:ay)?|sure)[,\s]+)?(?:please\s+)?(?:move|keep|save|put|send|transfer)\b(?:\s+(?:them|it|the\s+tasks|those|all(?:\s+of\s+them)?|everything))?(?:\s+(?:to|into)\s+(?:the\s+|my\s+)?inbox)?$|^(?:to\s+)?(?:the\s+)?inbox$", Options)]
    private static partial Regex MoveThemAnswer();

    [GeneratedRegex(@"^(?:(?:yes|ok(?:ay)?|sure)[,\s]+)?(?:please\s+)?(?:delete|remove|trash|drop|bin|discard|get\s+rid\s+of)\b(?:\s+(?:them|it|the\s+tasks|those|all(?:\s+of\s+them)?|everything|both))?(?:\s+(?:too|as\s+well|also))?$", Options)]
    private static partial Regex DeleteThemAnswer();

    /// <summary>What a clause is about: "… about the restaurant", "as for the dentist", "the dentist got moved".</summary>
    [GeneratedRegex(@"(?:^|\s)(?:about|regarding|as\s+for|concerning)\s+(?<ref>(?:the\s+|my\s+|that\s+)?[\w'-]+(?:\s+[\w'-]+){0,4})$" +
        @"|^(?<ref>(?:(?:the|my|that|this|our)\s+)?(?!(?:i|i'm|we|we're|you|he|she|they|it|there|what|who|this|that)\b)[\w'-]+(?:\s+[\w'-]+){0,3}?)\s+(?:is|are|was|were|got|has|have|isn'?t|aren'?t|wasn'?t|needs|can|can'?t|will|won'?t|'s|has\s+been)\b", Options)]
    private static partial Regex ClauseSubject();

    /// <summary>The break before a request that ends a message: ", remove it", " so take X off the list", "; then delete it".</summary>
    [GeneratedRegex(@"(?:\s*[,;]\s*(?:(?:and\s+)?so\s+|(?:and\s+)?then\s+|and\s+)?|\s+(?:(?:and\s+)?so|(?:and\s+)?then)\s+)(?=(?:please\s+)?(?:can\s+you\s+|could\s+you\s+)?(?:add|put|remove|delete|take|cross|tick|check|mark|complete|move|show|read|tell|remind|change|rename|clear|get\s+rid|undo|drop|erase|trash|scratch|make|set|push|postpone|bump|reschedule|flag|prioriti[sz]e|lower|raise|give)\b)", Options)]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"^(?:it|that|this|them|that\s+one|this\s+one|that\s+task|this\s+task|it\s+off(?:\s+(?:my|the)\s+list)?)$", Options)]
    private static partial Regex PointsBack();

    [GeneratedRegex(@"^(?:to|on|onto|in|into)\s+", Options)]
    private static partial Regex LeadingPreposition();

    /// <summary>"two tasks: …", "three things - …", "these: …", "the following items: …".</summary>
    [GeneratedRegex(@"^(?:(?:two|three|four|five|six|seven|eight|nine|ten|[2-9]|a\s+few|a\s+couple\s+of|some|several|multiple|these|the\s+following|following)\s+(?:new\s+)?(?:tasks|things|items|todos|reminders)\s*(?:[:\-—,]|\s+(?:called|named))\s*|(?:these|the\s+following|following)\s*:\s*)(?<items>.+)$", Options)]
    private static partial Regex Counted();

    /// <summary>"A, B and C", "A, B, and C", "A, B, C": a list said with commas.</summary>
    [GeneratedRegex(@"^[^,]+(?:,\s*[^,]+)+$", Options)]
    private static partial Regex CommaList();

    [GeneratedRegex(@"\s*[,;]\s*(?:and\s+|&\s+)?|\s+(?:and|&|plus)\s+", Options)]
    private static partial Regex ItemSeparator();

    /// <summary>Pairs said with "and" that are one thing: "mac and cheese", "fish and chips", "salt and vinegar crisps".</summary>
    [GeneratedRegex(@"\b(?:mac(?:aroni)?\s+(?:and|&|n)\s+cheese|fish\s+(?:and|&|n)\s+chips|salt\s+(?:and|&)\s+vinegar|bread\s+(?:and|&)\s+butter|peanut\s+butter\s+(?:and|&)\s+jelly|cheese\s+(?:and|&)\s+onion|sweet\s+(?:and|&)\s+sour|black\s+(?:and|&)\s+white|rock\s+(?:and|&|n)\s+roll|pros\s+(?:and|&)\s+cons|odds\s+(?:and|&)\s+ends|bits\s+(?:and|&)\s+pieces|r\s*(?:and|&)\s*d|q\s*(?:and|&)\s*a|b\s*(?:and|&)\s*b|m\s*(?:and|&)\s*ms|ham\s+(?:and|&)\s+cheese|surf\s+(?:and|&)\s+turf|oil\s+(?:and|&)\s+vinegar|shampoo\s+(?:and|&)\s+conditioner|cookies\s+(?:and|&)\s+cream)\b", Options)]
    private static partial Regex OneThing();

    [GeneratedRegex(@"\b(?:with|for|to|from|at|about|of|in|on|by|between)\b", Options)]
    private static partial Regex Joining();

    /// <summary>Words a thing to do starts with, to tell "walk the dog and feed the cat" (two) from "buy milk and eggs" (one).</summary>
    [GeneratedRegex(@"^(?:buy|call|phone|pay|book|email|e-mail|send|pick|get|clean|wash|walk|feed|fix|make|take|finish|write|read|schedule|order|return|renew|water|cook|check|visit|meet|go|do|file|print|mail|post|text|ring|cancel|prepare|submit|review|update|plan|organi[sz]e|pack|unpack|bake|mow|vacuum|hoover|mop|sweep|change|drop|collect|grab|bring|see|watch|study|learn|practi[cs]e|clear|empty|tidy|sort|repair|replace|install|paint|hang|move|ship|reply|respond|contact|ask|tell|apply|register|sign|fill|charge|refill|cut|trim|iron|fold|put|sell|donate|back\s+up|try|find|look|research|edit|draft|start|run|shop|dust|wipe|polish|defrost|thaw|book|reserve|confirm|arrange|invite|thank|wrap|decorate|feed|bathe|groom|fetch|deliver|print|scan|sign|renew|exercise|stretch|practice|memori[sz]e|read|listen|play|text|message|dm)\b", Options)]
    private static partial Regex TaskVerb();

    [GeneratedRegex(@"^(?:(?:i|we)(?:'ve|\s+have)?\s+)?(?:(?:just|already|finally|now|also|actually|totally)\s+)*(?<verb>[a-z]+)\s+(?<rest>.+)$", Options)]
    private static partial Regex DidIt();

    /// <summary>"any", "some", "enough" before a thing not had ("we haven't got any milk").</summary>
    [GeneratedRegex(@"^(?:any|some|enough)\s+", Options)]
    private static partial Regex SomeOf();

    [GeneratedRegex(@"\s+(?:yesterday|today|earlier(?:\s+today)?|this\s+(?:morning|afternoon|evening)|last\s+night|just\s+now|already|finally|too|as\s+well)$", Options)]
    private static partial Regex WhenItWasDone();

    /// <summary>What follows a past tense that is no task: "wanted to …", "forgot that …", "it", "you", "my mind".</summary>
    [GeneratedRegex(@"^(?:to|that|if|whether|it|you|i|we|he|she|they|all|everything|anything|about|for|by|on|in|at|with|so|but|and|my\s+mind)\b", Options)]
    private static partial Regex NotAThing();

    [GeneratedRegex(@"^did\s+i\s+(?:already\s+)?(?:add|put|write\s+down|write)\s+(?<thing>.+?)(?:\s+(?:already|yet))?$" +
        @"|^(?:is|are|do\s+i\s+have|have\s+i\s+got|did\s+i\s+(?:add|put|write)|is\s+there|are\s+there)\s+(?:there\s+)?(?:any\s+|some\s+|a\s+|an\s+)?(?<thing>.+?)\s+(?:on|in)\s+(?:my|the|our)\s+(?:[\w'&-]+\s+){0,3}?(?:list|todos|tasks)$" +
        @"|^(?:do|did)\s+(?:i|we)\s+(?:still\s+|already\s+)?(?:need(?!\s+to\b)|need\s+to\s+(?:buy|get|pick\s+up)|have\s+to\s+(?:buy|get|pick\s+up))\s+(?:any\s+|some\s+|more\s+)?(?<thing>.+?)(?:\s+(?:again|still|anymore|today|this\s+week))?$" +
        @"|^(?:do|did)\s+(?:i|we)\s+(?:still\s+)?(?:need|have|got)\s+to\s+(?<thing>(?!do\b|be\b|add\b)[a-z]+\s+.+?)(?:\s+(?:again|still|anymore|today|this\s+week))?$", Options)]
    private static partial Regex IsOnList();

    /// <summary>"repeat my list", "say the list": asking to hear it, not about tasks that repeat.</summary>
    [GeneratedRegex(@"^(?:repeat|recite|say|hear)\b", Options)]
    private static partial Regex SayVerb();

    [GeneratedRegex(@"^(?:it|that|them|this|these|those|everything)?(?:\s*(?:back|out|out\s+loud|aloud|again|to\s+(?:me|us)|for\s+(?:me|us)|one\s+more\s+time|please))*$", Options)]
    private static partial Regex SaidAloud();

    [GeneratedRegex(@"^(?:any|anything|something|everything|stuff|things|tasks|items|todos)(?:\s+(?:left|else|at\s+all))?$", Options)]
    private static partial Regex AnyThing();

    /// <summary>"anything due", "something overdue", "stuff due this week": things asked after by their days (the rest from "due").</summary>
    [GeneratedRegex(@"^(?:any|anything|something|stuff|things|tasks?|items?|todos?)\s+(?<days>(?:due|overdue|late|dated|scheduled)\b.*)$", Options)]
    private static partial Regex AnythingDated();

    /// <summary>"anything about ", "something to do with ": what a question about the list asks after is the rest.</summary>
    [GeneratedRegex(@"^(?:any|anything|something|stuff|things|tasks?|items?|todos?)\s+(?:about|regarding|concerning|for|on|with|related\s+to|to\s+do\s+with)\s+(?=\S)", Options)]
    private static partial Regex ThingsAbout();

    /// <summary>"make X a priority", "X is really important", "flag X", "lower the priority of X", "X isn't urgent anymore".</summary>
    [GeneratedRegex(@"^(?:make|set|mark)\s+(?<ref>.+?)\s+(?:a|my|the|our)\s+(?:top\s+|high\s+|number\s+1\s+|first\s+|main\s+|big\s+)?priority$" +
        "|^" + NotAQuestion + @"(?<ref>.+?)\s+(?:is|'s)\s+(?:really\s+|very\s+|super\s+|so\s+|quite\s+|extremely\s+|the\s+most\s+|most\s+)?(?:important|urgent|a\s+(?:top\s+|high\s+|big\s+)?priority|(?:my\s+|the\s+)?(?:top|first|number\s+one|highest|#?1)\s+priority)(?:\s+(?:now|today|right\s+now))?$" +
        @"|^(?:flag|star)\s+(?<ref>.+?)(?:\s+as\s+(?:important|urgent))?$" +
        @"|^(?:raise|increase|bump\s+up|up)\s+(?:the\s+)?priority\s+(?:of|on|for)\s+(?<ref>.+)$" +
        @"|^(?<low>lower|reduce|decrease|drop)\s+(?:the\s+)?priority\s+(?:of|on|for)\s+(?<ref>.+)$" +
        "|^" + NotAQuestion + @"(?<ref>.+?)\s+(?:isn'?t|is\s+not|is\s+no\s+longer)\s+(?<none>urgent|important|a\s+priority)(?:\s+(?:anymore|any\s+more))?$" +
        @"|^(?<none>)(?:unflag|unstar|un-flag|un-star)\s+(?<ref>.+)$" +
        @"|^(?<low>)(?:(?:there'?s|there\s+is)\s+)?no\s+(?:rush|hurry)\s+(?:on|for|with)\s+(?<ref>.+)$" +
        "|^" + NotAQuestion + @"(?<low>)(?<ref>.+?)\s+(?:can\s+wait|is\s+no\s+rush|is\s+not\s+a\s+rush|isn'?t\s+a\s+rush)$", Options)]
    private static partial Regex SayPriority();

    /// <summary>"make task 3 say X", "replace milk with oat milk", "edit the milk task and call it oat milk".</summary>
    [GeneratedRegex(@"^make\s+(?<ref>.+?)\s+(?:say|read)\s+(?<title>.+)$" +
        @"|^(?:replace|swap)\s+(?<ref>.+?)\s+(?:with|for)\s+(?<title>.+)$" +
        @"|^(?:change|edit|rename|update)\s+(?<ref>.+?)\s*(?:,\s*|\s+and\s+)(?:call|name|title)\s+it\s+(?<title>.+)$", Options)]
    private static partial Regex RenameOther();

    [GeneratedRegex(@"\s*(?:,\s*|\s+and\s+)(?:please\s+)?(?:remind|alert|notify|ping)\s+me(?:\s+(?:about\s+(?:it|them)|of\s+(?:it|them)|then|when\s+it'?s\s+due|too|as\s+well))?(?:\s+(?<when>(?!(?:about|to|of|that)\b)\S.*))?$", Options)]
    private static partial Regex AndRemindMe();

    [GeneratedRegex(@"^(?:my|the|our)\s+(?<name>[\w'&-]+(?:\s+[\w'&-]+)?)$", Options)]
    private static partial Regex OwnThing();

    /// <summary>One or two plain words: what "show" or "open" may name a list by ("open groceries").</summary>
    [GeneratedRegex(@"^[\w'&-]+(?:\s+[\w'&-]+)?$", Options)]
    private static partial Regex PlainName();

    /// <summary>The verbs that show a list named by its bare name ("show groceries"), unlike "get milk".</summary>
    [GeneratedRegex(@"^(?:show|display|view|open|pull\s+up|bring\s+up)\b", Options)]
    private static partial Regex BareNameVerb();

    /// <summary>"set a due date of friday for X", "give X a deadline of dec 1".</summary>
    [GeneratedRegex(@"^(?:set|add|put|give)\s+(?:a\s+|the\s+)?(?:due\s+date|deadline|date)\s+(?:for|on|to)\s+(?<named>.+)$" +
        @"|^(?:set|add|put|give)\s+(?:a\s+|the\s+)?(?:due\s+date|deadline|date)\s+(?:of\s+)?(?<when>.+?)\s+(?:for|on|to)\s+(?<ref>.+)$" +
        @"|^give\s+(?<ref>.+?)\s+(?:a|the)\s+(?:due\s+date|deadline|date)\s+(?:of\s+)?(?<when>.+)$", Options)]
    private static partial Regex SetDueDate();

    [GeneratedRegex(@"^(?:when|what\s+(?:time|day|date))(?:'s|\s+is|\s+are|\s+do\s+i\s+(?:have|need)\s+to|\s+should\s+i)\s+(?!(?:it|today|tomorrow|now)\b)(?:my\s+|the\s+)?(?<query>.+?)(?:\s+(?:due|happening|scheduled|set\s+for))?$", Options)]
    private static partial Regex WhenIs();

    [GeneratedRegex(@"^(?:is|are)\s+(?!(?:anything|everything|something|nothing|any|there|it|that|this|they|these|those|all|my\s+tasks)\b)(?<query>.+?)\s+(?:still\s+|really\s+)?(?:important|urgent|a\s+priority|(?:a\s+)?(?:high|low|top|medium)(?:[\s-]+priority)|prioriti[sz]ed|flagged)\??$", Options)]
    private static partial Regex IsItImportant();

    [GeneratedRegex(@"^(?:is|are)\s+(?!(?:there|anything|everything|something|nothing|it|that|this|they|all|any|i|we|you)\b)(?:my\s+|the\s+|our\s+)?(?<query>.+?)\s+(?:(?:still|really|definitely)\s+)?(?:(?:due|scheduled|set|happening|planned|booked)\s+)?(?<when>(?:on|for|at|by|this|next|tomorrow|today|tonight)\b.*)$", Options)]
    private static partial Regex IsItOnDay();

    [GeneratedRegex("^" + NotAQuestion + @"(?!(?:add|remind|put|create|make|new|set|(?:i|we)(?!\s+(?:can'?t|cannot|couldn'?t|won'?t)\b)|you|my|please|can(?!'?t\b)|could)\b)(?<ref>[^,:;-]+?)\s*[,:;-]?\s+(?:(?<done>finished|complete|completed|check(?:ed)?(?:\s+(?:it\s+)?off)?|ticked\s+off|crossed\s+off|[✓✔☑])|remove(?:\s+it)?|delete(?:\s+it)?|cancel(?:led)?(?:\s+it)?|not\s+needed(?:\s+any\s?more)?|no\s+longer\s+needed|scrap\s+(?:it|that)|drop\s+(?:it|that))$", Options)]
    private static partial Regex TaskThenAction();

    /// <summary>Words asking to change a task, which a thing to do with its date does not say: "pay the bill move to friday".</summary>
    [GeneratedRegex(@"\b(?:move|moved|change|changed|rename|mark|delete|remove|cancel|instead|reschedule|postpone|push)\b", Options)]
    private static partial Regex ChangeWords();

    /// <summary>An order that is itself a thing to do: a verb of errands and chores, then what it is about.</summary>
    [GeneratedRegex(@"^(?:buy|get|grab|pick\s+up|text|e-?mail|pay|book|schedule|renew|return|clean|wash|fix|repair|water|feed|walk|mow|vacuum|hoover|sweep|cook|bake|order|send|mail|post|write|prepare|submit|drop\s+off|bring|collect|visit|meet|pack|iron|tidy|organi[sz]e|practi[cs]e|study)\s+(?<rest>[^?]+?)[.!]*$", Options)]
    private static partial Regex Errand();

    /// <summary>
    /// Words that make an order about the tasks themselves, or a task named and then something said of it, not an errand:
    /// "get my tasks", "send me the list", "call mom move to friday", "call mom, I did it", "call mom is the one".
    /// </summary>
    [GeneratedRegex(@"\b(?:tasks?|lists?|todos?|to-?dos?|reminders?|summary|overview|agenda|me|rid|move|moved|change|rename|set|mark|is|are|was|were|isn't|aren't|wasn't|need|needs|did|didn't|done|not|yes|yeah|no|first|i|i'm|i've|it's|delete|remove|complete|completed|finish|finished|cancel|instead|already|priority|anymore)\b", Options)]
    private static partial Regex ErrandWords();

    /// <summary>Words about the tasks themselves, which "I need …" does not ask to add: "I need a summary of my tasks".</summary>
    [GeneratedRegex(@"\b(?:my|tasks?|lists?|summary|overview|reminders?|todos?|help|assistance|advice|idea|ideas)\b", Options)]
    private static partial Regex AboutTheTasks();

    /// <summary>"we need milk", "I need broccoli on my grocery list", "we're out of eggs": a thing to get, of a few words.</summary>
    [GeneratedRegex(@"^(?:(?:i|we)\s+(?:still\s+)?(?:need|want)|(?:we|i)(?:'re|\s+are|'m|\s+am)\s+(?:out\s+of|running\s+low\s+on|low\s+on|(?:almost|nearly|running|all)\s+out\s+of)|(?:we|i)(?:'ve|\s+have)?\s+(?:just\s+)?(?:run|ran)\s+out\s+of)\s+(?!to\b|you\b|help\b|it\b|that\b|this\b|them\b|a\s+(?:minute|second|break|moment|hand|reminder)\b|(?:more\s+)?time\b)(?<rest>(?:\S+\s+){0,4}?\S+(?:\s+(?:on|to|in|onto)\s+(?:my|the|our)\s+(?:[\w'&-]+\s+){0,3}?(?:list|todos))?)$", Options)]
    private static partial Regex WeNeed();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
