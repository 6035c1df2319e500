namespace Todo.Tests.Assistant;

/// <summary>
/// One phrasing case: tasks to start with, the user's messages (one turn each, the last one being the phrasing
/// under test), the net effect on the tasks, and words the final reply must (or, with "!", must not) contain.
/// </summary>
/// <remarks>
/// Seeds are numbered 1, 2, 3… in order: "[x] Title" is completed, "Title | notes" has a description; trailing marks
/// "#List" (or "#\"Two words\""), "@label" and "!high" put it in a list (else the Inbox), label it and set its priority;
/// "list:Name" is an empty list (no number); "[del] Title" is in the trash (it keeps its number).
/// Effects: "+Title" or "+Title | notes", with the same marks, adds the next number; "x3" completes #3; "o3" reopens it;
/// "-3" deletes it (to the trash); "r3" restores it from the trash; "3=New title" renames it; "3|notes" sets its description ("3|" removes it); "3#Work" moves it;
/// "3@errands" adds a label, "3@-errands" takes it off, "3@-" takes them all off; "3!high" sets its priority;
/// "list+Garden" makes an empty list, "list-Yard" deletes one, "list=Garden>Yard" renames one; "3^2026-11-27" sets its
/// due (in the due mark's form, see <see cref="SeedTask"/>), "3^-" takes it off; "3~30" gives it a reminder 30 minutes
/// before its due ("3~0": at the due). A list a task effect names is expected to
/// exist (made if it was missing). No effects: nothing changed, no list made. Every case runs at <see cref="PhraseTable.Clock"/>
/// for a user in <see cref="PhraseTable.TimeZone"/>.
/// </remarks>
public sealed record PhraseCase(string Name, string[] Seed, string[] Turns, string[] Effects, string[] Reply);

public static class PhraseTable
{
    /// <summary>
    /// The user's zone: New Zealand (UTC+13 in November), where it is already Thursday 26 November while it is still
    /// Wednesday in UTC, so a day reckoned in the wrong zone shows.
    /// </summary>
    public const string TimeZone = "Pacific/Auckland";

    /// <summary>Thursday 26 November 2026, 09:00 in <see cref="TimeZone"/> (Wednesday 25 November, 20:00 UTC).</summary>
    public static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 25, 20, 0, 0, TimeSpan.Zero));

    private static readonly string[] None = [];

    /// <summary>1 Buy groceries · 2 Team meeting · 3 Call mom · 4 Pay rent (done) · 5 Dentist appointment (with notes).</summary>
    private static readonly string[] Standard =
        ["Buy groceries", "Team meeting", "Call mom", "[x] Pay rent", "Dentist appointment | Bring insurance card"];

    /// <summary>1 Team meeting · 2 Meeting notes · 3 Buy milk · 4 Buy bread: words that match twice.</summary>
    private static readonly string[] Twins = ["Team meeting", "Meeting notes", "Buy milk", "Buy bread"];

    /// <summary>The same title pending (1) and done (2).</summary>
    private static readonly string[] SameTitle = ["Buy milk", "[x] Buy milk"];

    /// <summary>The eight phrasings of the original specification.</summary>
    public static readonly PhraseCase[] Original =
    [
        new("spec: add a task to buy groceries", None, ["Add a task to buy groceries"], ["+Buy groceries"], ["task #1", "Buy groceries"]),
        new("spec: show me all my tasks", Standard, ["Show me all my tasks"], [], ["Buy groceries", "Team meeting", "Call mom", "Pay rent", "Dentist appointment"]),
        new("spec: what's pending?", Standard, ["What's pending?"], [], ["4 pending", "Buy groceries", "Dentist appointment", "!Pay rent"]),
        new("spec: mark task 3 as complete", Standard, ["Mark task 3 as complete"], ["x3"], ["task #3", "Call mom"]),
        new("spec: delete the meeting task", Standard, ["Delete the meeting task"], ["-2"], ["task #2", "Team meeting"]),
        new("spec: change task 1 to 'Call mom tonight'", Standard, ["Change task 1 to 'Call mom tonight'"], ["1=Call mom tonight"], ["task #1", "Call mom tonight"]),
        new("spec: I need to remember to pay bills", None, ["I need to remember to pay bills"], ["+Pay bills"], ["task #1", "Pay bills"]),
        new("spec: what have I completed?", Standard, ["What have I completed?"], [], ["Pay rent", "!Buy groceries"]),
    ];

    public static readonly PhraseCase[] Further =
    [
        // Add: the many ways of asking, stripped and capitalised titles, descriptions.
        new("add: remind me to", None, ["Remind me to call the plumber"], ["+Call the plumber"], ["task #1", "Call the plumber"]),
        new("add: remind me to, trailing period", None, ["remind me to call the plumber."], ["+Call the plumber"], ["Call the plumber"]),
        new("add: please remind me to, exclamation", None, ["Please remind me to water the plants!"], ["+Water the plants"], ["Water the plants"]),
        new("add: can you remind me to", None, ["can you remind me to take out the trash"], ["+Take out the trash"], ["Take out the trash"]),
        new("add: remind me that I need to", None, ["Remind me that I need to buy a gift"], ["+Buy a gift"], ["Buy a gift"]),
        new("add: remind me about", None, ["remind me about the dentist"], ["+The dentist"], ["The dentist"]),
        new("add: I need to remember to", None, ["I need to remember to renew my passport"], ["+Renew my passport"], ["Renew my passport"]),
        new("add: don't let me forget to", None, ["Don't let me forget to feed the cat"], ["+Feed the cat"], ["Feed the cat"]),
        new("add: don't let me forget to, curly apostrophe", None, ["Don’t let me forget to call Anna"], ["+Call Anna"], ["Call Anna"]),
        new("add: don't forget to", None, ["don't forget to book flights"], ["+Book flights"], ["Book flights"]),
        new("add: put X on my list", Standard, ["Put eggs on my list"], ["+Eggs"], ["task #6", "Eggs"]),
        new("add: put quoted X on my todo list", None, ["put 'pick up dry cleaning' on my todo list"], ["+Pick up dry cleaning"], ["Pick up dry cleaning"]),
        new("add: add X to my shopping list puts it in that list", None, ["add oat milk to my shopping list"], ["+Oat milk #Shopping"], ["Oat milk", "Shopping", "created"]),
        new("add: todo colon", None, ["todo: buy stamps"], ["+Buy stamps"], ["Buy stamps"]),
        new("add: TODO colon, capitals", None, ["TODO: fix the leaking tap"], ["+Fix the leaking tap"], ["Fix the leaking tap"]),
        new("add: add X", None, ["add buy milk"], ["+Buy milk"], ["Buy milk"]),
        new("add: add X and Y is two tasks", None, ["Add milk and bread"], ["+Milk", "+Bread"], ["Milk", "Bread"]),
        new("add: create a task called", None, ["create a task called Prepare slides"], ["+Prepare slides"], ["Prepare slides"]),
        new("add: create a task called, quoted", None, ["Create a task called 'Send invoice'"], ["+Send invoice"], ["Send invoice"]),
        new("add: create a task called, double quotes", None, ["create a new task called \"Plan the offsite\""], ["+Plan the offsite"], ["Plan the offsite"]),
        new("add: new task colon", None, ["new task: clean the garage"], ["+Clean the garage"], ["Clean the garage"]),
        new("add: new todo colon", None, ["New todo: wash the car"], ["+Wash the car"], ["Wash the car"]),
        new("add: add a new task colon", None, ["add a new task: order pizza"], ["+Order pizza"], ["Order pizza"]),
        new("add: add a task to, with colon description", None, ["Add a task to call the bank: about the mortgage rate"], ["+Call the bank | About the mortgage rate"], ["Call the bank", "About the mortgage rate"]),
        new("add: with description", None, ["add a task to renew insurance with description compare three quotes first"], ["+Renew insurance | Compare three quotes first"], ["Renew insurance"]),
        new("add: called X with the description", None, ["create a task called Book hotel with the description near the station"], ["+Book hotel | Near the station"], ["Book hotel"]),
        new("add: new task colon title colon description", None, ["new task: pay the gas bill: before Friday"], ["+Pay the gas bill | Before Friday"], ["Pay the gas bill"]),
        new("add: could you ... please?", None, ["Could you add a task to buy a birthday present please?"], ["+Buy a birthday present"], ["Buy a birthday present"]),
        new("add: add a reminder to", None, ["add a reminder to call grandma"], ["+Call grandma"], ["Call grandma"]),
        new("add: make a note to", None, ["make a note to check the tyres"], ["+Check the tyres"], ["Check the tyres"]),
        new("add: add to my list colon", None, ["add to my list: buy batteries"], ["+Buy batteries"], ["Buy batteries"]),
        new("add: I have to", None, ["I have to finish the report"], ["+Finish the report"], ["Finish the report"]),
        new("add: I need to", None, ["I need to pay the electricity bill"], ["+Pay the electricity bill"], ["Pay the electricity bill"]),
        new("add: add task X", None, ["add task walk the dog"], ["+Walk the dog"], ["Walk the dog"]),
        new("add: write down a task to", None, ["write down a task to call the electrician"], ["+Call the electrician"], ["Call the electrician"]),
        new("add: hey, add a task to", None, ["Hey, add a task to book the car service"], ["+Book the car service"], ["Book the car service"]),
        new("add: a duplicate title is still added", Standard, ["add a task to call mom"], ["+Call mom"], ["task #6", "Call mom"]),
        new("add: remind me to, quoted", None, ["remind me to \"Email Sarah\""], ["+Email Sarah"], ["Email Sarah"]),
        new("add: set a reminder to", None, ["set a reminder to renew the domain"], ["+Renew the domain"], ["Renew the domain"]),
        new("add: I'd like to add a task", None, ["I'd like to add a task to sort the photos"], ["+Sort the photos"], ["Sort the photos"]),
        new("add: no title asks, then the title", None, ["add a task", "Buy light bulbs"], ["+Buy light bulbs"], ["Buy light bulbs"]),
        new("add: no title asks what it should say", None, ["add a task"], [], ["What should the new task say"]),
        new("add: only where it goes asks what to add", Standard, ["add to my list"], [], ["What should the new task say"]),
        new("add: only the to do list asks what to add", Standard, ["add to my to do list"], [], ["What should the new task say"]),
        new("add: 'this' names nothing, asks", Standard, ["add this to the list"], [], ["What should the new task say"]),
        new("add: 'that one' names nothing, asks", Standard, ["add that one"], [], ["What should the new task say"]),
        new("add: a title over 100 characters is refused", None, ["add " + new string('x', 120)], [], ["100"]),
        new("add: keeps the title's own capitals", None, ["remind me to call IKEA about the sofa"], ["+Call IKEA about the sofa"], ["Call IKEA about the sofa"]),
        new("add: an apostrophe in the title", None, ["remind me to call mom's doctor"], ["+Call mom's doctor"], ["Call mom's doctor"]),
        new("add: the title answer may read like a command", None, ["add a task", "Delete old emails"], ["+Delete old emails"], ["Delete old emails"]),
        new("add: please add quoted X to my list", None, ["please add 'Renew car insurance' to my list"], ["+Renew car insurance"], ["Renew car insurance"]),
        new("add: I gotta", None, ["I gotta buy a new phone"], ["+Buy a new phone"], ["Buy a new phone"]),
        new("add: remind me tomorrow to", None, ["Remind me tomorrow to call the bank"], ["+Call the bank ^2026-11-27", "1~0"], ["Call the bank", "Friday, 27 November"]),
        new("add: I should", None, ["I should call my sister"], ["+Call my sister"], ["Call my sister"]),
        new("add: a time comes out of the title", None, ["remind me to pick up the kids at 3pm"], ["+Pick up the kids ^2026-11-26T15:00", "1~0"], ["Pick up the kids", "Thursday, 26 November, 15:00"]),

        // List: all, pending, completed, counts, searches, one task.
        new("list: list my tasks", Standard, ["list my tasks"], [], ["Buy groceries", "Pay rent", "Dentist appointment"]),
        new("list: my tasks", Standard, ["my tasks"], [], ["Buy groceries", "Pay rent"]),
        new("list: tasks", Standard, ["tasks"], [], ["Team meeting", "Pay rent"]),
        new("list: show me everything", Standard, ["show me everything"], [], ["Buy groceries", "Pay rent"]),
        new("list: what's on my list?", Standard, ["what's on my list?"], [], ["Call mom", "Pay rent"]),
        new("list: completed ones are marked done", Standard, ["show me all my tasks"], [], ["Pay rent (#4) — done", "1. Buy groceries (#1)"]),
        new("list: what's left?", Standard, ["what's left?"], [], ["Buy groceries", "Call mom", "!Pay rent"]),
        new("list: what's left to do", Standard, ["What's left to do"], [], ["Team meeting", "!Pay rent"]),
        new("list: what do I have to do?", Standard, ["what do I have to do?"], [], ["Call mom", "!Pay rent"]),
        new("list: what should I do next?", Standard, ["what should I do next?"], [], ["Buy groceries", "!Pay rent"]),
        new("list: show me my pending tasks", Standard, ["show me my pending tasks"], [], ["4 pending", "!Pay rent"]),
        new("list: any pending tasks?", Standard, ["any pending tasks?"], [], ["Dentist appointment", "!Pay rent"]),
        new("list: am I done?", Standard, ["am I done?"], [], ["4 pending", "Buy groceries"]),
        new("list: what did I finish?", Standard, ["What did I finish?"], [], ["Pay rent", "!Buy groceries"]),
        new("list: what's done", Standard, ["what's done"], [], ["Pay rent", "!Call mom"]),
        new("list: show completed tasks", Standard, ["show completed tasks"], [], ["Pay rent", "!Call mom"]),
        new("list: tell me what I've completed", Standard, ["Tell me what I've completed"], [], ["Pay rent", "!Team meeting"]),
        new("list: which tasks are done?", Standard, ["which tasks are done?"], [], ["Pay rent", "!Team meeting"]),
        new("list: finished tasks", Standard, ["finished tasks"], [], ["Pay rent", "!Team meeting"]),
        new("list: how many tasks do I have?", Standard, ["how many tasks do I have?"], [], ["5 tasks", "4 pending", "1 completed"]),
        new("list: how many are pending?", Standard, ["How many are pending?"], [], ["4 pending tasks"]),
        new("list: how many have I completed", Standard, ["how many have I completed"], [], ["completed 1 task"]),
        new("list: how many tasks, none", None, ["How many tasks do I have?"], [], ["don't have any tasks"]),
        new("list: anything about the dentist?", Standard, ["anything about the dentist?"], [], ["Dentist appointment", "!Buy groceries"]),
        new("list: do I have anything about groceries", Standard, ["do I have anything about groceries"], [], ["Buy groceries", "!Team meeting"]),
        new("list: is there a task about the meeting", Standard, ["is there a task about the meeting?"], [], ["Team meeting", "!Call mom"]),
        new("list: search for", Standard, ["search for meeting"], [], ["Team meeting", "!Call mom"]),
        new("list: find the rent task", Standard, ["find the rent task"], [], ["Pay rent", "!Call mom"]),
        new("list: show me the dentist task", Standard, ["show me the dentist task"], [], ["Dentist appointment", "!Call mom"]),
        new("list: search matches the description", Standard, ["anything about insurance?"], [], ["Dentist appointment"]),
        new("list: anything about, nothing matches", Standard, ["anything about taxes?"], [], ["no tasks matching \"taxes\""]),
        new("list: what's pending, nothing", ["[x] Pay rent"], ["What's pending?"], [], ["caught up"]),
        new("list: show my tasks, none yet", None, ["Show me all my tasks"], [], ["don't have any tasks"]),
        new("list: what did I finish, nothing", ["Call mom"], ["what did I finish?"], [], ["haven't completed"]),
        new("list: what's task 3?", Standard, ["what's task 3?"], [], ["task #3", "Call mom", "pending"]),
        new("list: show me task 4", Standard, ["show me task 4"], [], ["task #4", "Pay rent", "done"]),
        new("list: could you show me my tasks please?", Standard, ["Could you show me my tasks please?"], [], ["Buy groceries", "Pay rent"]),
        new("list: what's on my plate today?", ["Buy groceries ^2026-11-26", "Team meeting ^2026-11-27"], ["What's on my plate today?"], [], ["Buy groceries", "!Team meeting"]),
        new("list: do I have any tasks?", Standard, ["do I have any tasks?"], [], ["5 tasks", "Call mom"]),
        new("list: what tasks do I have?", Standard, ["what tasks do I have?"], [], ["Buy groceries", "Pay rent"]),
        new("list: show me what's left", Standard, ["show me what's left"], [], ["4 pending", "!Pay rent"]),
        new("list: give me a summary", Standard, ["give me a summary"], [], ["Buy groceries", "Pay rent"]),
        new("list: how many tasks are left?", Standard, ["how many tasks are left?"], [], ["4 pending tasks"]),
        new("list: count my tasks", Standard, ["count my tasks"], [], ["5 tasks"]),
        new("list: is there anything about mom?", Standard, ["is there anything about mom?"], [], ["Call mom", "!Team meeting"]),
        new("list: what's task N, a missing number", Standard, ["what's task 9?"], [], ["task number 9"]),

        // Complete: by number, by title words, many phrasings.
        new("complete: mark task N as done", Standard, ["mark task 1 as done"], ["x1"], ["task #1", "Buy groceries"]),
        new("complete: I finished task 4", ["Water plants", "Buy stamps", "Call mom", "Book flights"], ["I finished task 4"], ["x4"], ["task #4", "Book flights"]),
        new("complete: mark the words as done", Standard, ["mark the groceries as done"], ["x1"], ["Buy groceries"]),
        new("complete: I've completed words", Standard, ["I've completed the dentist appointment"], ["x5"], ["Dentist appointment"]),
        new("complete: cross task N off", Standard, ["cross task 2 off"], ["x2"], ["Team meeting"]),
        new("complete: words is done", Standard, ["call mom is done"], ["x3"], ["Call mom"]),
        new("complete: finished the words", Standard, ["finished the meeting"], ["x2"], ["Team meeting"]),
        new("complete: mark #N done", Standard, ["mark #2 done"], ["x2"], ["Team meeting"]),
        new("complete: complete task N", Standard, ["complete task 2"], ["x2"], ["Team meeting"]),
        new("complete: tick off task N", Standard, ["tick off task 1"], ["x1"], ["Buy groceries"]),
        new("complete: tick off words", Standard, ["tick off groceries"], ["x1"], ["Buy groceries"]),
        new("complete: I finished task N", Standard, ["I finished task 3"], ["x3"], ["Call mom"]),
        new("complete: I've finished the words", Standard, ["I've finished the meeting"], ["x2"], ["Team meeting"]),
        new("complete: done with words", Standard, ["done with groceries"], ["x1"], ["Buy groceries"]),
        new("complete: I'm done with words", Standard, ["I'm done with the dentist appointment"], ["x5"], ["Dentist appointment"]),
        new("complete: complete the meeting task", Standard, ["complete the meeting task"], ["x2"], ["Team meeting"]),
        new("complete: check off words", Standard, ["check off call mom"], ["x3"], ["Call mom"]),
        new("complete: cross off words", Standard, ["cross off groceries"], ["x1"], ["Buy groceries"]),
        new("complete: task N is done", Standard, ["task 3 is done"], ["x3"], ["Call mom"]),
        new("complete: the words are done", Standard, ["the groceries are done"], ["x1"], ["Buy groceries"]),
        new("complete: finish the words task", Standard, ["finish the dentist task"], ["x5"], ["Dentist appointment"]),
        new("complete: mark words as finished", Standard, ["mark call mom as finished"], ["x3"], ["Call mom"]),
        new("complete: check task N", Standard, ["check task 2"], ["x2"], ["Team meeting"]),
        new("complete: I did the words", Standard, ["I did the groceries"], ["x1"], ["Buy groceries"]),
        new("complete: tick words off my list", Standard, ["tick groceries off my list"], ["x1"], ["Buy groceries"]),
        new("complete: task number as a word", Standard, ["mark task three as done"], ["x3"], ["Call mom"]),
        new("complete: two numbers at once", Standard, ["complete tasks 1 and 3"], ["x1", "x3"], ["Buy groceries", "Call mom"]),
        new("complete: mark task N and M as done", Standard, ["mark task 2 and 3 as done"], ["x2", "x3"], ["Team meeting", "Call mom"]),
        new("complete: everything asks to confirm first", Standard, ["mark everything as done"], [], ["4 tasks", "Buy groceries", "!Pay rent"]),
        new("complete: please ... thanks", Standard, ["please mark task 2 as complete, thanks"], ["x2"], ["Team meeting"]),
        new("complete: change task N to done", Standard, ["change task 3 to done"], ["x3"], ["Call mom"]),
        new("complete: already completed says so", Standard, ["Mark task 4 as done"], [], ["already done", "Pay rent"]),
        new("complete: already completed, by words", Standard, ["complete the rent task"], [], ["already done", "task #4"]),
        new("complete: prefers the pending one of two", SameTitle, ["complete buy milk"], ["x1"], ["task #1"]),
        new("complete: a missing number is not found", Standard, ["complete task 9"], [], ["task number 9"]),
        new("complete: words that match nothing", Standard, ["mark the swimming task as done"], [], ["couldn't find", "swimming"]),
        new("complete: no task named asks which", Standard, ["mark as done"], [], ["Which task"]),

        // Reopen.
        new("reopen: reopen task N", Standard, ["reopen task 4"], ["o4"], ["task #4", "Pay rent"]),
        new("reopen: reopen words", Standard, ["reopen pay rent"], ["o4"], ["Pay rent"]),
        new("reopen: mark task N as not done", Standard, ["mark task 4 as not done"], ["o4"], ["Pay rent"]),
        new("reopen: mark words as incomplete", Standard, ["mark the rent task as incomplete"], ["o4"], ["Pay rent"]),
        new("reopen: uncheck words", Standard, ["uncheck pay rent"], ["o4"], ["Pay rent"]),
        new("reopen: untick task N", Standard, ["untick task 4"], ["o4"], ["Pay rent"]),
        new("reopen: task N isn't done", Standard, ["task 4 isn't done"], ["o4"], ["Pay rent"]),
        new("reopen: I didn't actually finish words", Standard, ["I didn't actually finish the rent"], ["o4"], ["Pay rent"]),
        new("reopen: put words back on my list", Standard, ["put pay rent back on my list"], ["o4"], ["Pay rent"]),
        new("reopen: set task N to pending", Standard, ["set task 4 to pending"], ["o4"], ["Pay rent"]),
        new("reopen: mark task N as not done yet", Standard, ["mark task 4 as not done yet"], ["o4"], ["Pay rent"]),
        new("reopen: undo words", Standard, ["undo pay rent"], ["o4"], ["Pay rent"]),
        new("reopen: mark task N as undone", Standard, ["mark task 4 as undone"], ["o4"], ["Pay rent"]),
        new("reopen: actually words isn't finished", Standard, ["actually pay rent isn't finished"], ["o4"], ["Pay rent"]),
        new("reopen: a missing number is not found", Standard, ["reopen task 77"], [], ["task number 77"]),
        new("reopen: already pending says so", Standard, ["reopen task 1"], [], ["already pending", "Buy groceries"]),
        new("reopen: prefers the completed one of two", SameTitle, ["reopen buy milk"], ["o2"], ["task #2"]),
        new("reopen: words that match nothing", Standard, ["reopen the party task"], [], ["couldn't find", "party"]),

        // Delete.
        new("delete: delete task N", Standard, ["delete task 2"], ["-2"], ["Team meeting"]),
        new("delete: remove task N", Standard, ["remove task 2"], ["-2"], ["Team meeting"]),
        new("delete: get rid of the words task", Standard, ["get rid of the groceries task"], ["-1"], ["Buy groceries"]),
        new("delete: cancel the task about", Standard, ["cancel the task about the dentist"], ["-5"], ["Dentist appointment"]),
        new("delete: delete words", Standard, ["delete call mom"], ["-3"], ["Call mom"]),
        new("delete: remove #N", Standard, ["remove #4"], ["-4"], ["Pay rent"]),
        new("delete: erase task N", Standard, ["erase task 1"], ["-1"], ["Buy groceries"]),
        new("delete: drop the words", Standard, ["drop the dentist appointment"], ["-5"], ["Dentist appointment"]),
        new("delete: take words off my list", Standard, ["take groceries off my list"], ["-1"], ["Buy groceries"]),
        new("delete: I don't need to ... anymore", Standard, ["I don't need to buy groceries anymore"], ["-1"], ["Buy groceries"]),
        new("delete: forget about the words", Standard, ["forget about the meeting"], ["-2"], ["Team meeting"]),
        new("delete: trash task N", Standard, ["trash task 3"], ["-3"], ["Call mom"]),
        new("delete: the task called", Standard, ["delete the task called Team meeting"], ["-2"], ["Team meeting"]),
        new("delete: remove words from my list", Standard, ["remove the groceries from my list"], ["-1"], ["Buy groceries"]),
        new("delete: please delete #N", Standard, ["please delete #3"], ["-3"], ["Call mom"]),
        new("delete: scrap the words", Standard, ["scrap the team meeting"], ["-2"], ["Team meeting"]),
        new("delete: two numbers at once", Standard, ["delete tasks 1 and 2"], ["-1", "-2"], ["Buy groceries", "Team meeting"]),
        new("delete: a range of numbers", Standard, ["delete tasks 1 through 3"], ["-1", "-2", "-3"], ["Buy groceries", "Team meeting"]),
        new("complete: a range with a dash", Standard, ["complete 2-3"], ["x2", "x3"], ["Team meeting"]),
        new("complete: a range of lines of the list shown", Standard, ["show my tasks", "mark items 2 to 3 as done"], ["x2", "x3"], ["Team meeting"]),
        new("delete: a range too long asks", Standard, ["delete tasks 1 to 40"], [], ["up to 10 at a time"]),
        new("delete: words are no longer needed", Standard, ["the dentist appointment is no longer needed"], ["-5"], ["Dentist appointment"]),
        new("delete: a missing number is not found", Standard, ["delete task 42"], [], ["task number 42"]),
        new("delete: words that match nothing", Standard, ["delete the homework task"], [], ["couldn't find", "homework"]),
        new("delete: clearing the completed ones asks to confirm first", Standard, ["clear completed tasks"], [], ["1 task", "Pay rent", "!Call mom"]),

        // Update: titles and descriptions.
        new("update: rename task N to", Standard, ["rename task 2 to Weekly team meeting"], ["2=Weekly team meeting"], ["task #2", "Weekly team meeting"]),
        new("update: rename the words task to", Standard, ["rename the groceries task to Buy groceries and fruit"], ["1=Buy groceries and fruit"], ["Buy groceries and fruit"]),
        new("update: change 'A' to 'B'", Standard, ["change 'Call mom' to 'Call mom and dad'"], ["3=Call mom and dad"], ["Call mom and dad"]),
        new("update: change \"A\" to \"B\"", Standard, ["change \"Team meeting\" to \"Team sync\""], ["2=Team sync"], ["Team sync"]),
        new("update: change curly-quoted A to B", Standard, ["change “Team meeting” to “Team sync”"], ["2=Team sync"], ["Team sync"]),
        new("update: update task N to say", Standard, ["update task 3 to say Call mom on Sunday"], ["3=Call mom on Sunday"], ["Call mom on Sunday"]),
        new("update: change the title of task N to", Standard, ["change the title of task 1 to Buy vegetables"], ["1=Buy vegetables"], ["Buy vegetables"]),
        new("update: rename task N colon", Standard, ["rename task 2: Project kickoff"], ["2=Project kickoff"], ["Project kickoff"]),
        new("update: task N should be", Standard, ["task 3 should be Call mom tomorrow"], ["3=Call mom tomorrow"], ["Call mom tomorrow"]),
        new("update: task N's title to", Standard, ["update task 5's title to Dentist on Monday"], ["5=Dentist on Monday"], ["Dentist on Monday"]),
        new("update: change the name of task N to", Standard, ["change the name of task 2 to Team sync"], ["2=Team sync"], ["Team sync"]),
        new("update: rename 'A' as 'B'", Standard, ["rename 'Call mom' as 'Ring mom'"], ["3=Ring mom"], ["Ring mom"]),
        new("update: update the words task colon", Standard, ["update the dentist task: move to Monday"], ["5=Move to Monday"], ["Move to Monday"]),
        new("update: change task N description to", Standard, ["change task 2 description to bring slides"], ["2|Bring slides"], ["Team meeting"]),
        new("update: task N needs a description", Standard, ["task 1 needs a description: bring bags"], ["1|Bring bags"], ["Buy groceries"]),
        new("update: add a description to task N colon", Standard, ["add a description to task 3: ask about the holidays"], ["3|Ask about the holidays"], ["task #3", "Call mom", "Ask about the holidays"]),
        new("update: add a note to the words task", Standard, ["add a note to the meeting task: prepare the agenda"], ["2|Prepare the agenda"], ["Team meeting"]),
        new("update: set the description of task N to", Standard, ["set the description of task 1 to semi-skimmed milk"], ["1|Semi-skimmed milk"], ["Buy groceries"]),
        new("update: change the description of the words task", Standard, ["change the description of the dentist task to Bring the referral letter"], ["5|Bring the referral letter"], ["Dentist appointment"]),
        new("update: remove the description", Standard, ["remove the description from task 5"], ["5|"], ["Removed the description", "Dentist appointment"]),
        new("update: describe a completed task", Standard, ["add a description to task 4: paid by transfer"], ["4|Paid by transfer"], ["Pay rent"]),
        new("update: a missing number is not found", Standard, ["rename task 9 to Something else"], [], ["task number 9"]),
        new("update: the same title changes nothing", Standard, ["rename task 3 to Call mom"], [], ["nothing changed"]),
        new("update: a new title over 100 characters is refused", Standard, ["rename task 1 to " + new string('y', 101)], [], ["100"]),

        // References by position in the list just shown, and by "it".
        new("position: the second one", Standard, ["show me all my tasks", "mark the second one as done"], ["x2"], ["task #2", "Team meeting"]),
        new("position: the last one of the pending list", Standard, ["what's pending?", "delete the last one"], ["-5"], ["Dentist appointment"]),
        new("position: number N in that list", Standard, ["list my tasks", "complete number 3 in that list"], ["x3"], ["Call mom"]),
        new("position: the first one", Standard, ["what's pending?", "tick off the first one"], ["x1"], ["Buy groceries"]),
        new("position: reopen the first completed one", Standard, ["what did I finish?", "reopen the first one"], ["o4"], ["Pay rent"]),
        new("position: rename the third one", Standard, ["show my tasks", "rename the third one to Call mum"], ["3=Call mum"], ["Call mum"]),
        new("position: the 2nd one of a filtered list", Standard, ["show pending tasks", "delete the 2nd one"], ["-2"], ["Team meeting"]),
        new("position: the fifth one", Standard, ["show my tasks", "mark the fifth one as done"], ["x5"], ["Dentist appointment"]),
        new("position: number N in that list is done", Standard, ["what's pending?", "number 2 in that list is done"], ["x2"], ["Team meeting"]),
        new("position: the last one is done", Standard, ["show my tasks", "the last one is done"], ["x5"], ["Dentist appointment"]),
        new("position: the first task", Standard, ["what's pending?", "delete the first task"], ["-1"], ["Buy groceries"]),
        new("position: past the end of the list", Standard, ["what's pending", "mark the sixth one as done"], [], ["only has 4 tasks"]),
        new("position: with no list shown offers that task first", Standard, ["mark the second one as done"], [], ["second task", "Mark it as done?"]),
        new("position: with no list shown, yes", Standard, ["mark the second one as done", "yes"], ["x2"], ["Done"]),
        new("position: positions follow the latest list", Standard, ["show my tasks", "what did I finish?", "reopen the first one"], ["o4"], ["Pay rent"]),
        new("position: a second pick from the same list", Standard, ["show my tasks", "complete the first one", "complete the third one"], ["x1", "x3"], ["Call mom"]),
        new("it: mark it as done after adding", Standard, ["add buy stamps", "mark it as done"], ["+Buy stamps", "x6"], ["task #6", "Buy stamps"]),
        new("it: delete it after adding", Standard, ["add buy stamps", "actually, delete it"], ["+Buy stamps", "-6"], ["Buy stamps"]),
        new("it: delete it after asking about one task", Standard, ["what's task 2?", "delete it"], ["-2"], ["Team meeting"]),
        new("it: reopen it after completing", Standard, ["complete task 3", "oops, reopen it"], ["x3", "o3"], ["Reopened", "Call mom"]),
        new("it: describe it after adding", None, ["add a task to call the vet", "add a description to it: ask about vaccines"], ["+Call the vet | Ask about vaccines"], ["Call the vet"]),
        new("it: rename it after asking", Standard, ["what's task 3?", "rename it to Call dad"], ["3=Call dad"], ["Call dad"]),
        new("it: mark it done after a search", Standard, ["anything about the dentist?", "mark it done"], ["x5"], ["Dentist appointment"]),
        new("it: that one after a pick", Standard, ["show me all my tasks", "the second one", "delete that one"], ["-2"], ["Team meeting"]),
        new("it: with nothing mentioned asks which", Standard, ["delete it"], [], ["Which task"]),
        new("it: the answer to which task", Standard, ["delete it", "task 3"], ["-3"], ["Call mom"]),
        new("it: after a list of several asks which", Standard, ["show my tasks", "delete it"], [], ["Which task"]),

        // Multi-turn conversations.
        new("multi: a pick asks what to do", Standard, ["show me all my tasks", "the second one"], [], ["What would you like", "task #2", "Team meeting"]),
        new("multi: rename asks for the title", Standard, ["rename task 2", "Team standup"], ["2=Team standup"], ["Team standup"]),
        new("multi: complete then list pending", Standard, ["complete task 1", "what's left?"], ["x1"], ["3 pending", "!Buy groceries"]),
        new("multi: add two, then count", None, ["add buy milk", "remind me to call mom", "how many tasks do I have?"], ["+Buy milk", "+Call mom"], ["2 tasks", "2 pending"]),
        new("multi: add, complete by words, list completed", None, ["add walk the dog", "I walked the dog", "done with walk the dog", "what have I completed?"], ["+Walk the dog", "x1"], ["Walk the dog"]),
        new("multi: delete then the list no longer has it", Standard, ["delete the meeting task", "show me all my tasks"], ["-2"], ["!Team meeting", "Call mom"]),
        new("multi: which task for a bare action, then a number", Standard, ["complete", "#3"], ["x3"], ["Call mom"]),

        // Ambiguous references: nothing changes until the person says which.
        new("ambiguous: delete lists the candidates", Twins, ["delete the meeting task"], [], ["Which one", "Team meeting (#1)", "Meeting notes (#2)"]),
        new("ambiguous: then the second one", Twins, ["delete the meeting task", "the second one"], ["-2"], ["Meeting notes"]),
        new("ambiguous: then #1", Twins, ["delete the meeting task", "#1"], ["-1"], ["Team meeting"]),
        new("ambiguous: then a bare task number", Twins, ["delete the meeting task", "2"], ["-2"], ["Meeting notes"]),
        new("ambiguous: then a bare position", Twins, ["complete buy", "2"], ["x4"], ["Buy bread"]),
        new("ambiguous: complete, then the first one", Twins, ["complete buy", "the first one"], ["x3"], ["Buy milk"]),
        new("ambiguous: then the one about words", Twins, ["mark the meeting task done", "the one about notes"], ["x2"], ["Meeting notes"]),
        new("ambiguous: then the full title", Twins, ["delete the meeting task", "Meeting notes"], ["-2"], ["Meeting notes"]),
        new("ambiguous: rename keeps the new title", Twins, ["rename meeting to Sync", "the first one"], ["1=Sync"], ["Sync"]),
        new("ambiguous: then never mind", Twins, ["delete buy", "never mind"], [], ["left your tasks"]),
        new("ambiguous: then the last one", Twins, ["remove buy", "the last one"], ["-4"], ["Buy bread"]),
        new("ambiguous: then the full title, again", Twins, ["complete buy", "Buy bread"], ["x4"], ["Buy bread"]),
        new("ambiguous: then a whole new command", Twins, ["delete the meeting task", "delete the second one"], ["-2"], ["Meeting notes"]),
        new("ambiguous: same words twice", ["Call mom", "Call dad"], ["complete call"], [], ["Which one", "Call mom", "Call dad"]),
        new("ambiguous: exact title wins", ["Meeting", "Team meeting"], ["delete the meeting task"], ["-1"], ["task #1"]),

        // Greetings, help and things it cannot do.
        new("talk: hi", Standard, ["hi"], [], ["Hi", "task"]),
        new("talk: Hello!", Standard, ["Hello!"], [], ["Hi"]),
        new("talk: hey there", Standard, ["hey there"], [], ["Hi"]),
        new("talk: good morning", Standard, ["Good morning"], [], ["Hi"]),
        new("talk: yo", Standard, ["yo"], [], ["Hi"]),
        new("talk: help me", Standard, ["help me"], [], ["Add", "Delete"]),
        new("talk: how are you?", Standard, ["how are you?"], [], ["Hi"]),
        new("talk: bye", Standard, ["bye"], [], ["Bye"]),
        new("talk: help", Standard, ["help"], [], ["add buy milk", "what's pending"]),
        new("talk: what can you do?", Standard, ["What can you do?"], [], ["Add", "Delete"]),
        new("talk: how does this work?", Standard, ["How does this work?"], [], ["Add"]),
        new("talk: thanks", Standard, ["thanks"], [], ["welcome"]),
        new("talk: thank you so much!", Standard, ["Thank you so much!"], [], ["welcome"]),
        new("talk: the weather is not a task", Standard, ["what's the weather like?"], [], ["didn't understand"]),
        new("talk: gibberish", Standard, ["asdfgh qwerty"], [], ["didn't understand"]),
    ];

    /// <summary>
    /// 1 Buy milk (Shopping) · 2 Buy bananas (Shopping) · 3 Finish report (Work) · 4 Call mom · 5 Pay rent (done) ·
    /// 6 Dentist appointment (with notes); and an empty list Garden.
    /// </summary>
    private static readonly string[] Lists =
        ["Buy milk #Shopping", "Buy bananas #Shopping", "Finish report #Work", "Call mom", "[x] Pay rent", "Dentist appointment | Bring insurance card", "list:Garden"];

    /// <summary>1 Buy stamps @errands · 2 Pick up parcel @errands !high · 3 Call mom !high · 4 Read a book !low · 5 Pay taxes @errands !high (done).</summary>
    private static readonly string[] Labelled =
        ["Buy stamps @errands", "Pick up parcel @errands !high", "Call mom !high", "Read a book !low", "[x] Pay taxes @errands !high"];

    /// <summary>Lists, labels and priority in everyday words: adds into a list, list questions, moves, the lists themselves, tags, priorities.</summary>
    public static readonly PhraseCase[] ListsLabelsPriority =
    [
        // Adding into a list: made when missing, and the reply says so.
        new("lists: add bananas to my shopping list", None, ["add bananas to my shopping list"], ["+Bananas #Shopping"], ["Bananas", "Shopping", "created"]),
        new("lists: add to a list that exists creates nothing", Lists, ["add bread to my shopping list"], ["+Bread #Shopping"], ["Bread", "Shopping", "!created"]),
        new("lists: put milk on the grocery list", None, ["put milk on the grocery list"], ["+Milk #Grocery"], ["Milk", "Grocery", "created"]),
        new("lists: add eggs to the Costco list", None, ["add eggs to the Costco list"], ["+Eggs #Costco"], ["Eggs", "Costco"]),
        new("lists: add a task to X to my Home list", None, ["add a task to call the plumber to my Home list"], ["+Call the plumber #Home"], ["Call the plumber", "Home"]),
        new("lists: remind me to X for the Garden list", Lists, ["remind me to buy seeds for the Garden list"], ["+Buy seeds #Garden"], ["Buy seeds", "Garden", "!created"]),
        new("lists: add X to the list called Y", None, ["add read Dune to the list called Books"], ["+Read Dune #Books"], ["Read Dune", "Books"]),
        new("lists: my to do list is the Inbox", Lists, ["add walk the dog to my to do list"], ["+Walk the dog"], ["Walk the dog", "!created"]),
        new("lists: put quoted X on the holiday list", None, ["put 'sunscreen' on the holiday list"], ["+Sunscreen #Holiday"], ["Sunscreen", "Holiday"]),
        new("lists: a list's name matches ignoring case", ["list:shopping"], ["add bread to my Shopping list"], ["+Bread #shopping"], ["Bread", "!created"]),
        new("lists: add X and Y to the shopping list is two tasks", None, ["add milk and eggs to the shopping list"], ["+Milk #Shopping", "+Eggs #Shopping"], ["Milk", "Eggs"]),
        new("lists: quick-add marks", None, ["add #Work prepare slides"], ["+Prepare slides #Work"], ["Prepare slides", "Work"]),
        new("lists: a list with a two-word name", None, ["add fix the fence to my home projects list"], ["+Fix the fence #\"Home projects\""], ["Fix the fence", "Home projects"]),
        new("lists: add to the list, no name, is the Inbox", Standard, ["add bananas to the list"], ["+Bananas"], ["task #6", "Bananas", "!created"]),
        new("lists: could you put X on my work list please", Lists, ["could you put send the invoice on my work list please"], ["+Send the invoice #Work"], ["Send the invoice", "Work"]),

        // Adding with labels and a priority.
        new("priority: add call mom with high priority", None, ["add call mom with high priority"], ["+Call mom !high"], ["Call mom", "high priority"]),
        new("priority: add X, urgent", None, ["add pay taxes, urgent"], ["+Pay taxes !high"], ["Pay taxes", "high"]),
        new("priority: remind me to X, low priority", None, ["remind me to renew the passport, low priority"], ["+Renew the passport !low"], ["Renew the passport", "low"]),
        new("priority: create a task called X with priority medium", None, ["create a task called Send invoice with priority medium"], ["+Send invoice !medium"], ["Send invoice", "medium"]),
        new("labels: add X tagged errands", None, ["add buy stamps tagged errands"], ["+Buy stamps @errands"], ["Buy stamps", "errands"]),
        new("labels: add X with the tag", None, ["add water the plants with the tag garden"], ["+Water the plants @garden"], ["Water the plants", "garden"]),
        new("labels: add X with the errands label", None, ["add buy milk with the errands label"], ["+Buy milk @errands"], ["Buy milk", "errands"]),
        new("labels: two labels", None, ["add task walk the dog tagged health and outdoors"], ["+Walk the dog @health @outdoors"], ["Walk the dog", "health"]),
        new("labels: quick-add marks for labels and priority", None, ["add pick up parcel @errands !high"], ["+Pick up parcel @errands !high"], ["Pick up parcel", "errands", "high"]),
        new("lists: list and priority together", None, ["add book flights to my Travel list with high priority"], ["+Book flights #Travel !high"], ["Book flights", "Travel", "high"]),
        new("lists: list, label and priority together", None, ["add buy paint to the garden list tagged errands with low priority"], ["+Buy paint #Garden @errands !low"], ["Buy paint", "Garden"]),

        // What is on a list: only that list's tasks.
        new("lists: what's on my shopping list?", Lists, ["what's on my shopping list?"], [], ["Buy milk", "Buy bananas", "!Finish report", "!Call mom", "!Dentist"]),
        new("lists: show me the work list", Lists, ["show me the work list"], [], ["Finish report", "!Buy milk", "!Call mom"]),
        new("lists: my shopping list", Lists, ["my shopping list"], [], ["Buy bananas", "!Call mom"]),
        new("lists: what's on my list is every task", Lists, ["what's on my list?"], [], ["Buy milk", "Finish report", "Call mom"]),
        new("lists: what's on my to do list is every task", Lists, ["what's on my to do list?"], [], ["Finish report", "Call mom", "Dentist appointment"]),
        new("lists: show me the list is every task", Standard, ["show me the list"], [], ["Buy groceries", "Team meeting"]),
        new("lists: a list that does not exist is not made by a question", Lists, ["what's on my Costco list?"], [], ["don't have a list called", "Shopping", "Work"]),
        new("lists: what's left on my work list", ["Finish report #Work", "[x] Send slides #Work", "Call mom"], ["what's left on my work list"], [], ["Finish report", "!Send slides", "!Call mom"]),
        new("lists: how many tasks are on my shopping list", Lists, ["how many tasks are on my shopping list?"], [], ["2 tasks", "Shopping"]),
        new("lists: anything on the garden list, empty", Lists, ["is there anything on the garden list?"], [], ["no tasks", "Garden"]),
        new("lists: listed tasks show their list", Lists, ["show me all my tasks"], [], ["Buy milk (#1) · Shopping", "Call mom (#4)"]),

        // The lists themselves.
        new("lists: show my lists", Lists, ["show my lists"], [], ["Inbox", "Shopping", "Work", "Garden", "2 pending"]),
        new("lists: what lists do I have", Lists, ["what lists do I have?"], [], ["4 lists", "Shopping"]),
        new("lists: how many lists", Lists, ["how many lists do I have"], [], ["4 lists"]),
        new("lists: create a list called Garden", None, ["create a list called Garden"], ["list+Garden"], ["Created", "Garden"]),
        new("lists: make a new list named Home Projects", None, ["make a new list named Home Projects"], ["list+Home Projects"], ["Created", "Home Projects"]),
        new("lists: new list colon", None, ["new list: Reading"], ["list+Reading"], ["Reading"]),
        new("lists: start a new X list", None, ["start a new Books list"], ["list+Books"], ["Created", "Books"]),
        new("lists: create a list that exists", Lists, ["create a list called garden"], [], ["already have", "Garden"]),
        new("lists: create a list with no name asks", Standard, ["create a list called"], [], ["What should the new list be called"]),
        new("lists: rename the Garden list to Yard", Lists, ["rename the Garden list to Yard"], ["list=Garden>Yard"], ["Renamed", "Garden", "Yard"]),
        new("lists: rename a list keeps its tasks", Lists, ["rename the shopping list to Groceries"], ["list=Shopping>Groceries"], ["Groceries"]),
        new("lists: the Inbox is not renamed", Lists, ["rename the inbox list to Stuff"], [], ["Inbox cannot be renamed"]),
        new("lists: a rename onto another list's name", Lists, ["rename the Garden list to work"], [], ["already have a list named"]),
        new("lists: rename a list that does not exist", Lists, ["rename the Costco list to Bulk"], [], ["don't have a list called"]),
        new("lists: delete an empty list", Lists, ["delete the Garden list"], ["list-Garden"], ["Deleted", "Garden"]),
        new("lists: delete a list with tasks asks", Lists, ["delete the shopping list"], [], ["2 tasks", "move them", "delete them"]),
        new("lists: then move them", Lists, ["delete the shopping list", "move them"], ["list-Shopping", "1#Inbox", "2#Inbox"], ["moved its 2 tasks", "Inbox"]),
        new("lists: then move them to the inbox", Lists, ["delete the shopping list", "move them to the inbox"], ["list-Shopping", "1#Inbox", "2#Inbox"], ["Inbox"]),
        new("lists: then delete them", Lists, ["delete the shopping list", "delete them"], ["list-Shopping", "-1", "-2"], ["Deleted", "2 tasks"]),
        new("lists: then cancel", Lists, ["delete the shopping list", "cancel"], [], ["left your tasks"]),
        new("lists: then keep them", Lists, ["remove my work list", "keep them"], ["list-Work", "3#Inbox"], ["moved its 1 task"]),
        new("lists: delete a list and all its tasks", Lists, ["delete the work list and all its tasks"], ["list-Work", "-3"], ["Deleted", "Work"]),
        new("lists: delete a list but keep the tasks", Lists, ["delete the work list but keep the tasks"], ["list-Work", "3#Inbox"], ["Inbox"]),
        new("lists: delete a task whose title has a list's word", ["Buy the shopping", "Call mom #Shopping"], ["delete buy the shopping"], ["-1"], ["Buy the shopping"]),
        new("lists: delete the shopping list is the list, not the task", ["Buy the shopping", "list:Shopping"], ["delete the shopping list"], ["list-Shopping"], ["Deleted the list"]),
        new("lists: delete a list that does not exist", Lists, ["delete the Costco list"], [], ["don't have a list called"]),
        new("lists: the Inbox is not deleted", Lists, ["delete the inbox list"], [], ["Inbox cannot be deleted"]),
        new("lists: delete my list deletes no list", Standard, ["delete my list"], [], ["Which task"]),

        // Moving a task to another list.
        new("lists: move task N to Work", Lists, ["move task 4 to Work"], ["4#Work"], ["Call mom", "Work", "!created"]),
        new("lists: move the words task to my Health list", Lists, ["move the dentist task to my Health list"], ["6#Health"], ["Dentist appointment", "Health", "created"]),
        new("lists: move task N to the inbox", Lists, ["move task 1 to the inbox"], ["1#Inbox"], ["Buy milk", "Inbox"]),
        new("lists: put task N in the shopping list", Lists, ["put task 3 in the shopping list"], ["3#Shopping"], ["Finish report", "Shopping"]),
        new("lists: move two tasks", Lists, ["move tasks 1 and 4 to Work"], ["1#Work", "4#Work"], ["Buy milk", "Call mom"]),
        new("lists: move it after adding", None, ["add call the bank", "move it to Work"], ["+Call the bank", "1#Work"], ["Call the bank", "Work"]),
        new("lists: file the words task under X", Lists, ["file the milk task under Groceries"], ["1#Groceries"], ["Buy milk", "Groceries"]),
        new("lists: move to the list it is in", Lists, ["move task 2 to the Shopping list"], [], ["already in your Shopping list"]),
        new("lists: a missing task makes no list", Lists, ["move task 9 to Hobbies"], [], ["task number 9"]),
        new("lists: move to done is not a list", Standard, ["move task 3 to done"], [], ["!created"]),
        new("lists: move to a day is not a list", Standard, ["move the dentist task to Monday"], ["5^2026-11-30"], ["!created", "Monday, 30 November"]),

        // Labels.
        new("labels: tag task N with errands", Standard, ["tag task 2 with errands"], ["2@errands"], ["Tagged", "Team meeting", "errands"]),
        new("labels: label the words task X", Lists, ["label the milk task urgent-ish"], ["1@urgent-ish"], ["Buy milk", "urgent-ish"]),
        new("labels: add the X tag to task N", Labelled, ["add the errands tag to task 4"], ["4@errands"], ["Read a book", "errands"]),
        new("labels: give task N the X label", Standard, ["give task 1 the home label"], ["1@home"], ["Buy groceries", "home"]),
        new("labels: tag with two labels", Labelled, ["tag task 3 with errands and family"], ["3@errands", "3@family"], ["Call mom"]),
        new("labels: tag it after adding", None, ["add buy stamps", "tag it with errands"], ["+Buy stamps", "1@errands"], ["errands"]),
        new("labels: already tagged", Labelled, ["tag task 1 with errands"], [], ["already tagged"]),
        new("labels: remove the errands tag from task N", Labelled, ["remove the errands tag from task 2"], ["2@-errands"], ["Removed the errands label", "Pick up parcel"]),
        new("labels: take the X label off the words task", Labelled, ["take the errands label off the stamps task"], ["1@-errands"], ["Buy stamps"]),
        new("labels: untag task N", Labelled, ["untag task 1"], ["1@-"], ["Removed all labels"]),
        new("labels: remove a label the task does not have", Labelled, ["remove the errands tag from task 3"], [], ["doesn't have"]),
        new("labels: a label over 50 characters is refused", Standard, ["tag task 2 with " + new string('a', 60)], [], ["couldn't do that", "50"]),
        new("labels: what's tagged errands?", Labelled, ["what's tagged errands?"], [], ["Buy stamps", "Pick up parcel", "Pay taxes", "!Call mom", "!Read a book"]),
        new("labels: show tasks tagged errands", Labelled, ["show tasks tagged errands"], [], ["Buy stamps", "!Call mom"]),
        new("labels: @label alone", Labelled, ["@errands"], [], ["Pick up parcel", "!Read a book"]),
        new("labels: a label nobody has", Labelled, ["what's tagged shopping?"], [], ["no tasks tagged shopping"]),
        new("labels: how many are tagged", Labelled, ["how many tasks are tagged errands?"], [], ["3 tasks tagged errands"]),

        // Priority.
        new("priority: make the words task high priority", Standard, ["make the dentist task high priority"], ["5!high"], ["Dentist appointment", "high priority"]),
        new("priority: set task N to low priority", Standard, ["set task 4 to low priority"], ["4!low"], ["Pay rent", "low priority"]),
        new("priority: set the priority of task N to medium", Standard, ["set the priority of task 2 to medium"], ["2!medium"], ["Team meeting", "medium"]),
        new("priority: change task N priority to high", Standard, ["change task 1 priority to high"], ["1!high"], ["Buy groceries"]),
        new("priority: prioritize task N", Standard, ["prioritize task 3"], ["3!high"], ["Call mom", "high"]),
        new("priority: mark task N as urgent", Standard, ["mark task 1 as urgent"], ["1!high"], ["Buy groceries", "high"]),
        new("priority: task N is high priority", Standard, ["task 3 is high priority"], ["3!high"], ["Call mom"]),
        new("priority: remove the priority", Labelled, ["remove the priority from task 3"], ["3!none"], ["Removed the priority", "Call mom"]),
        new("priority: already high", Labelled, ["make task 3 high priority"], [], ["already high priority"]),
        new("priority: a missing task", Standard, ["make task 9 high priority"], [], ["task number 9"]),
        new("priority: what's urgent?", Labelled, ["what's urgent?"], [], ["Pick up parcel", "Call mom", "!Pay taxes", "!Buy stamps", "!Read a book"]),
        new("priority: what's high priority?", Labelled, ["what's high priority?"], [], ["Pick up parcel", "Call mom", "!Read a book"]),
        new("priority: show low priority tasks", Labelled, ["show low priority tasks"], [], ["Read a book", "!Call mom"]),
        new("priority: anything urgent, nothing", Standard, ["anything urgent?"], [], ["no pending tasks with high priority"]),
        new("priority: setting a priority keeps the rest", ["Buy milk #Shopping @errands"], ["make task 1 high priority"], ["1!high"], ["Buy milk"]),

        // Conversations: follow-ups and "which one?" answers keep the part asked for.
        new("lists: a whole list's life", None,
            ["create a list called Garden", "rename the Garden list to Yard", "add rake leaves to the Yard list", "delete the Yard list", "move them"],
            ["list+Garden", "list=Garden>Yard", "+Rake leaves #Yard", "list-Yard", "1#Inbox"], ["moved its 1 task", "Inbox"]),
        new("labels: tag it asks which, then a number", Standard, ["tag it with errands", "task 2"], ["2@errands"], ["Tagged", "Team meeting"]),
        new("priority: ambiguous words, then a number", Twins, ["make the meeting task high priority", "2"], ["2!high"], ["Meeting notes", "high"]),
        new("lists: ambiguous move makes no list until it is clear", Twins, ["move buy to Shopping"], [], ["Which one", "Buy milk", "Buy bread"]),
        new("lists: ambiguous move, then the first one", Twins, ["move buy to Shopping", "the first one"], ["3#Shopping"], ["Buy milk", "Shopping", "created"]),
        new("lists: then a list question after a move", Lists, ["move task 4 to Work", "what's on my work list?"], ["4#Work"], ["Finish report", "Call mom", "!Buy milk"]),

        new("lists: remove X from my shopping list deletes the task", Lists, ["remove milk from my shopping list"], ["-1"], ["Buy milk"]),
        new("lists: take X off my shopping list", Lists, ["take the bananas off my shopping list"], ["-2"], ["Buy bananas"]),
        new("lists: delete task N from my X list", Lists, ["delete task 3 from my work list"], ["-3"], ["Finish report"]),
        new("lists: show the inbox", Lists, ["show the inbox"], [], ["Call mom", "Dentist appointment", "!Buy milk", "!Finish report"]),
        new("lists: add X for Y to my list keeps the words", None, ["add buy flowers for mom to my list"], ["+Buy flowers for mom"], ["Buy flowers for mom"]),
        new("lists: a quoted list name with a space", None, ["add eggs to #\"Weekly shopping\""], ["+Eggs #\"Weekly shopping\""], ["Eggs", "Weekly shopping"]),
        new("lists: add a task to my X list asks what it says", Lists, ["add a task to my shopping list", "Buy bread"], ["+Buy bread #Shopping"], ["Buy bread", "Shopping"]),

        // Nothing harmful and no junk.
        new("junk: clear the shopping list touches no task named like it", ["Buy the shopping", "list:Shopping"], ["clear the shopping list"], [], ["nothing needs changing"]),
        new("junk: complete the shopping list completes no task", ["Buy the shopping #Shopping"], ["complete the shopping list"], [], ["is a list, not a task"]),
        new("junk: the list word alone deletes nothing", Standard, ["delete the list"], [], ["!Deleted"]),
        new("junk: rename my list renames no list", Standard, ["rename my list to Stuff"], [], ["!Renamed the list"]),
        new("junk: tag with nothing", Standard, ["tag task 2"], [], ["!Tagged"]),
        new("junk: a number is not a list", Standard, ["move task 2 to 5"], [], ["!created"]),
    ];

    /// <summary>
    /// 1 Dentist appointment, Monday 30 November 10:00 · 2 Pay rent, every month on the 1st (next 1 December) · 3 Gym, no date
    /// · 4 Call mom, Friday 27 November.
    /// </summary>
    private static readonly string[] Dated =
        ["Dentist appointment ^2026-11-30T10:00", "Pay rent ^2026-12-01;FREQ=MONTHLY;BYMONTHDAY=1", "Gym", "Call mom ^2026-11-27"];

    /// <summary>
    /// Today is Thursday 26 November: 1 Call mom (today) · 2 Dentist (tomorrow 10:00) · 3 Pay rent (every 1st, next 1 December)
    /// · 4 Renew passport (overdue since 20 November) · 5 Read a book (no date) · 6 Plan holiday (20 December) · 7 Send card (today, done).
    /// </summary>
    private static readonly string[] Agenda =
    [
        "Call mom ^2026-11-26", "Dentist ^2026-11-27T10:00", "Pay rent ^2026-12-01;FREQ=MONTHLY;BYMONTHDAY=1", "Renew passport ^2026-11-20",
        "Read a book", "Plan holiday ^2026-12-20", "[x] Send card ^2026-11-26",
    ];

    /// <summary>Date phrasings, judged by the due they leave (date, time, rule) as of <see cref="Clock"/> in <see cref="TimeZone"/>.</summary>
    public static readonly PhraseCase[] Dates =
    [
        // A new task's date comes out of its title; the confirmation names the day with its weekday.
        new("dates: remind me to call mom tomorrow at 5", None, ["remind me to call mom tomorrow at 5"], ["+Call mom ^2026-11-27T17:00", "1~0"], ["Call mom", "Friday, 27 November, 17:00"]),
        new("dates: pay rent every 1st of the month", None, ["pay rent every 1st of the month"], ["+Pay rent ^2026-12-01;FREQ=MONTHLY;BYMONTHDAY=1"], ["every month on the 1st, next Tuesday, 1 December"]),
        new("dates: add with every month on the 1st", None, ["add pay rent every month on the 1st"], ["+Pay rent ^2026-12-01;FREQ=MONTHLY;BYMONTHDAY=1"], ["Pay rent", "every month on the 1st"]),
        new("dates: add with a weekday and a time", None, ["add dentist appointment friday at 10am"], ["+Dentist appointment ^2026-11-27T10:00"], ["Friday, 27 November, 10:00"]),
        new("dates: add by a day and month", None, ["add submit report by dec 1"], ["+Submit report ^2026-12-01"], ["Tuesday, 1 December"]),
        new("dates: remind me every other day", None, ["remind me to water plants every other day"], ["+Water plants ^2026-11-26;FREQ=DAILY;INTERVAL=2", "1~0"], ["every 2 days"]),
        new("dates: no verb, three weekdays and a time", None, ["gym every mon, wed and fri at 7am"], ["+Gym ^2026-11-27T07:00;FREQ=WEEKLY;BYDAY=MO,WE,FR"], ["every Monday, Wednesday and Friday at 07:00"]),
        new("dates: every weekday at a time still ahead today", None, ["add standup every weekday at 9:30"], ["+Standup ^2026-11-26T09:30;FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"], ["every weekday at 09:30", "Thursday, 26 November"]),
        new("dates: in 2 hours", None, ["remind me to call dad in 2 hours"], ["+Call dad ^2026-11-26T11:00", "1~0"], ["Thursday, 26 November, 11:00"]),
        new("dates: end of month", None, ["add submit timesheet end of month"], ["+Submit timesheet ^2026-11-30"], ["Monday, 30 November"]),
        new("dates: on the 3rd at 10am", None, ["remind me about the dentist on the 3rd at 10am"], ["+Dentist ^2026-12-03T10:00", "1~0"], ["Thursday, 3 December, 10:00"]),
        new("dates: next week is its Monday", None, ["add book flights next week"], ["+Book flights ^2026-11-30"], ["Monday, 30 November"]),
        new("dates: every! counts from completion", None, ["add clean the bathroom every! 3 days"], ["+Clean the bathroom ^2026-11-26;every!;FREQ=DAILY;INTERVAL=3"], ["every! 3 days"]),
        new("dates: an ISO date next year names the year", None, ["add file taxes 2027-04-15"], ["+File taxes ^2027-04-15"], ["Thursday, 15 April 2027"]),
        new("dates: this weekend", None, ["add party this weekend"], ["+Party ^2026-11-28"], ["Saturday, 28 November"]),
        new("dates: dec 31 at noon", None, ["add order the cake dec 31 at noon"], ["+Order the cake ^2026-12-31T12:00"], ["Thursday, 31 December, 12:00"]),
        new("dates: tonight", None, ["remind me to call grandma tonight"], ["+Call grandma ^2026-11-26T20:00", "1~0"], ["Thursday, 26 November, 20:00"]),
        new("dates: today", None, ["add buy milk today"], ["+Buy milk ^2026-11-26"], ["Thursday, 26 November"]),
        new("dates: tmrw", None, ["add call the plumber tmrw"], ["+Call the plumber ^2026-11-27"], ["Friday, 27 November"]),
        new("dates: in 3 days", None, ["add send invoice in 3 days"], ["+Send invoice ^2026-11-29"], ["Sunday, 29 November"]),
        new("dates: in 2 weeks", None, ["add visit grandma in 2 weeks"], ["+Visit grandma ^2026-12-10"], ["Thursday, 10 December"]),
        new("dates: next friday is next week's", None, ["add dentist next friday"], ["+Dentist ^2026-12-04"], ["Friday, 4 December"]),
        new("dates: on friday", None, ["add call mom on friday"], ["+Call mom ^2026-11-27"], ["Friday, 27 November"]),
        new("dates: every day", None, ["add water the plants every day"], ["+Water the plants ^2026-11-26;FREQ=DAILY"], ["every day"]),
        new("dates: every day at a time already past starts tomorrow", None, ["add take vitamins every day at 8am"], ["+Take vitamins ^2026-11-27T08:00;FREQ=DAILY"], ["every day at 08:00, next Friday, 27 November"]),
        new("dates: every monday at 9am", None, ["add team sync every monday at 9am"], ["+Team sync ^2026-11-30T09:00;FREQ=WEEKLY;BYDAY=MO"], ["every Monday at 09:00"]),
        new("dates: every 2 weeks keeps its weekday", None, ["add newsletter every 2 weeks"], ["+Newsletter ^2026-11-26;FREQ=WEEKLY;INTERVAL=2;BYDAY=TH"], ["every 2 weeks on Thursday"]),
        new("dates: every month on the 15th", None, ["add pay the credit card every month on the 15th"], ["+Pay the credit card ^2026-12-15;FREQ=MONTHLY;BYMONTHDAY=15"], ["every month on the 15th"]),
        new("dates: every year keeps its day", None, ["add renew insurance every year"], ["+Renew insurance ^2026-11-26;FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=26"], ["every year on 26 November"]),
        new("dates: every last day of the month", None, ["add check the smoke alarm every last day of the month"], ["+Check the smoke alarm ^2026-11-30;FREQ=MONTHLY;BYMONTHDAY=-1"], ["Monday, 30 November"]),
        new("dates: every first monday", None, ["add book club every first monday"], ["+Book club ^2026-12-07;FREQ=MONTHLY;BYDAY=1MO"], ["Monday, 7 December"]),
        new("dates: every last friday", None, ["add board meeting every last friday"], ["+Board meeting ^2026-11-27;FREQ=MONTHLY;BYDAY=-1FR"], ["last Friday"]),
        new("dates: every other tuesday", None, ["add put the bins out every other tuesday"], ["+Put the bins out ^2026-12-01;FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"], ["Tuesday, 1 December"]),
        new("dates: at noon", None, ["add lunch with Sam at noon"], ["+Lunch with Sam ^2026-11-26T12:00"], ["12:00"]),
        new("dates: at 5:30pm", None, ["add call Ana at 5:30pm"], ["+Call Ana ^2026-11-26T17:30"], ["17:30"]),
        new("dates: a bare hour is the next time it strikes", None, ["add pick up the parcel at 8"], ["+Pick up the parcel ^2026-11-26T20:00"], ["Thursday, 26 November, 20:00"]),
        new("dates: tomorrow morning", None, ["add walk the dog tomorrow morning"], ["+Walk the dog ^2026-11-27T09:00"], ["Friday, 27 November, 09:00"]),
        new("dates: tomorrow evening", None, ["add yoga tomorrow evening"], ["+Yoga ^2026-11-27T19:00"], ["19:00"]),
        new("dates: this evening", None, ["add finish the essay this evening"], ["+Finish the essay ^2026-11-26T19:00"], ["19:00"]),
        new("dates: dec 24", None, ["add christmas shopping dec 24"], ["+Christmas shopping ^2026-12-24"], ["Thursday, 24 December"]),
        new("dates: 24 december", None, ["add send the card 24 december"], ["+Send the card ^2026-12-24"], ["Thursday, 24 December"]),
        new("dates: the 24th of december", None, ["add wrap presents the 24th of december"], ["+Wrap presents ^2026-12-24"], ["Thursday, 24 December"]),
        new("dates: on the 3rd", None, ["add pay the water bill on the 3rd"], ["+Pay the water bill ^2026-12-03"], ["Thursday, 3 December"]),
        new("dates: an ISO date and time", None, ["add renew the lease 2026-12-24 17:30"], ["+Renew the lease ^2026-12-24T17:30"], ["17:30"]),
        new("dates: monday at 7pm", None, ["add dinner with Jo monday at 7pm"], ["+Dinner with Jo ^2026-11-30T19:00"], ["Monday, 30 November, 19:00"]),
        new("dates: on mon", None, ["add call the bank on mon"], ["+Call the bank ^2026-11-30"], ["Monday, 30 November"]),
        new("dates: this saturday", None, ["add haircut this saturday"], ["+Haircut ^2026-11-28"], ["Saturday, 28 November"]),
        new("dates: next month is its 1st", None, ["add review the budget next month"], ["+Review the budget ^2026-12-01"], ["Tuesday, 1 December"]),
        new("dates: in a month", None, ["add plan the trip in a month"], ["+Plan the trip ^2026-12-26"], ["Saturday, 26 December"]),
        new("dates: feb 29 is the next that exists", None, ["add email Sue feb 29"], ["+Email Sue ^2028-02-29"], ["Tuesday, 29 February 2028"]),
        new("dates: quick-add marks and a rule", None, ["add pay rent every 1st #Home"], ["+Pay rent #Home ^2026-12-01;FREQ=MONTHLY;BYMONTHDAY=1"], ["Home", "every month on the 1st"]),
        new("dates: with a priority", None, ["add buy flowers tomorrow with high priority"], ["+Buy flowers !high ^2026-11-27"], ["high priority", "Friday, 27 November"]),
        new("dates: with a label", None, ["add pick up the parcel friday @errands"], ["+Pick up the parcel @errands ^2026-11-27"], ["errands", "Friday, 27 November"]),
        new("dates: the date before a description", None, ["add call mom tomorrow at 5: about her birthday"], ["+Call mom | About her birthday ^2026-11-27T17:00"], ["About her birthday"]),
        new("dates: add a task to, on monday", None, ["add a task to call the bank on monday"], ["+Call the bank ^2026-11-30"], ["Monday, 30 November"]),
        new("dates: I need to, by friday", None, ["I need to finish the report by friday"], ["+Finish the report ^2026-11-27"], ["Friday, 27 November"]),
        new("dates: don't let me forget, tonight", None, ["don't let me forget to feed the cat tonight"], ["+Feed the cat ^2026-11-26T20:00"], ["20:00"]),
        new("dates: the date first", None, ["tomorrow call the electrician"], ["+Call the electrician ^2026-11-27"], ["Friday, 27 November"]),
        new("dates: a date in the description stays there", None, ["new task: pay the gas bill: before Friday"], ["+Pay the gas bill | Before Friday"], ["Pay the gas bill"]),

        // Words that look like dates stay in the title.
        new("dates: not a date: The 5th Wave", None, ["add read The 5th Wave"], ["+Read The 5th Wave"], ["Read The 5th Wave", "!November"]),
        new("dates: not a date: 2 tickets", None, ["add buy 2 tickets"], ["+Buy 2 tickets"], ["Buy 2 tickets"]),
        new("dates: not a date: Friday Night Lights", None, ["add Friday Night Lights tickets"], ["+Friday Night Lights tickets"], ["Friday Night Lights tickets"]),
        new("dates: not a date: chapter 3", None, ["add read chapter 3"], ["+Read chapter 3"], ["Read chapter 3"]),
        new("dates: not a date: sun cream", None, ["add buy sun cream"], ["+Buy sun cream"], ["Buy sun cream"]),
        new("dates: not a date: Black Friday", None, ["add Black Friday deals"], ["+Black Friday deals"], ["Black Friday deals"]),
        new("dates: not a date: weekly report", None, ["add prepare weekly report"], ["+Prepare weekly report"], ["Prepare weekly report"]),
        new("dates: not a date: march in the parade", None, ["add march in the parade"], ["+March in the parade"], ["March in the parade"]),
        new("dates: not a date: Monday Night Football", None, ["add watch Monday Night Football"], ["+Watch Monday Night Football"], ["Watch Monday Night Football"]),
        new("dates: not a date: Mon Cheri", None, ["add Mon Cheri chocolates"], ["+Mon Cheri chocolates"], ["Mon Cheri chocolates"]),
        new("dates: not a date: quoted", None, ["remind me to \"call mom tomorrow\""], ["+Call mom tomorrow"], ["Call mom tomorrow"]),

        // A day that does not exist, or could be two, is asked about; the answer finishes the request.
        new("dates: feb 30 asks", None, ["add call mom feb 30"], [], ["February has no 30th day", "Which day"]),
        new("dates: feb 30, then march 1", None, ["add call mom feb 30", "march 1"], ["+Call mom ^2027-03-01"], ["Call mom", "Monday, 1 March 2027"]),
        new("dates: a slashed date asks", None, ["add call mom on 3/4"], [], ["3rd of April", "4th of March"]),
        new("dates: a slashed date, then 4 march", None, ["add pay the bill on 3/4", "4 march"], ["+Pay the bill ^2027-03-04"], ["Thursday, 4 March 2027"]),
        new("dates: moving to feb 30 asks", Dated, ["move task 4 to feb 30"], [], ["February has no 30th day"]),
        new("dates: moving to feb 30, then a day", Dated, ["move task 4 to feb 30", "dec 2"], ["4^2026-12-02"], ["Wednesday, 2 December"]),

        // Moving, clearing and stopping a task's date.
        new("dates: push the dentist task to friday", Dated, ["push the dentist task to friday"], ["1^2026-11-27"], ["Dentist appointment", "Friday, 27 November"]),
        new("dates: move it to next monday", None, ["add call the vet", "move it to next monday"], ["+Call the vet", "1^2026-11-30"], ["Call the vet", "Monday, 30 November"]),
        new("dates: reschedule task 3 to dec 24 at 3pm", Dated, ["reschedule task 3 to dec 24 at 3pm"], ["3^2026-12-24T15:00"], ["Gym", "Thursday, 24 December, 15:00"]),
        new("dates: remove the date from task 4", Dated, ["remove the date from task 4"], ["4^-"], ["Removed the date", "Call mom"]),
        new("dates: stop repeating the rent task", Dated, ["stop repeating the rent task"], ["2^2026-12-01"], ["no longer repeats", "Tuesday, 1 December"]),
        new("dates: make the gym task repeat every monday", Dated, ["make the gym task repeat every monday"], ["3^2026-11-30;FREQ=WEEKLY;BYDAY=MO"], ["every Monday", "Monday, 30 November"]),
        new("dates: postpone until tomorrow", Dated, ["postpone the dentist until tomorrow"], ["1^2026-11-27"], ["Friday, 27 November"]),
        new("dates: set the due date of task N to", Dated, ["set the due date of task 3 to friday"], ["3^2026-11-27"], ["Gym", "Friday, 27 November"]),
        new("dates: change task N's due date to", Dated, ["change task 4's due date to dec 1"], ["4^2026-12-01"], ["Call mom", "Tuesday, 1 December"]),
        new("dates: make task N due tomorrow", Dated, ["make task 3 due tomorrow"], ["3^2026-11-27"], ["Friday, 27 November"]),
        new("dates: repeat the gym task every monday", Dated, ["repeat the gym task every monday"], ["3^2026-11-30;FREQ=WEEKLY;BYDAY=MO"], ["every Monday"]),
        new("dates: schedule for friday at 6pm", Dated, ["schedule the gym for friday at 6pm"], ["3^2026-11-27T18:00"], ["Friday, 27 November, 18:00"]),
        new("dates: task N is due friday", Dated, ["task 3 is due friday"], ["3^2026-11-27"], ["Friday, 27 November"]),
        new("dates: the gym task repeats every weekday", Dated, ["the gym task repeats every weekday"], ["3^2026-11-26;FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"], ["every weekday"]),
        new("dates: moving one occurrence keeps the rule", Dated, ["move the rent task to dec 3"], ["2^2026-12-03;FREQ=MONTHLY;BYMONTHDAY=1"], ["Thursday, 3 December", "still repeats"]),
        new("dates: clear the due date", Dated, ["clear the due date of the dentist task"], ["1^-"], ["Removed the date"]),
        new("dates: no due date for the X task", Dated, ["no due date for the dentist task"], ["1^-"], ["Removed the date"]),
        new("dates: X doesn't need a date", Dated, ["the gym task doesn't need a date"], [], ["has no date"]),
        new("dates: make X not repeat anymore", Dated, ["make the rent task not repeat anymore"], ["2^2026-12-01"], ["no longer repeats"]),
        new("dates: the due date for task N should be", Dated, ["due date for task 3 should be monday"], ["3^2026-11-30"], ["Gym", "Monday, 30 November"]),
        // A verb that acts now, with a time to act: a task to do then, not a change now.
        new("dates: finish X by a time is a task", Dated, ["finish the report by 5pm"], ["+Finish the report ^2026-11-26T17:00"], ["Finish the report", "17:00"]),
        new("dates: take out X every weekday night is a task", None, ["take out the trash every tuesday night"],
            ["+Take out the trash ^2026-12-01T20:00;FREQ=WEEKLY;BYDAY=TU"], ["every Tuesday at 20:00"]),
        new("dates: finishing a task by number stays a completion", Dated, ["finish task 3"], ["x3"], ["Gym"]),
        new("dates: take the deadline off", Dated, ["take the deadline off task 4"], ["4^-"], ["Removed the date"]),
        new("dates: task N has no due date", Dated, ["task 4 has no due date"], ["4^-"], ["Removed the date"]),
        new("dates: don't repeat task N anymore", Dated, ["don't repeat task 2 anymore"], ["2^2026-12-01"], ["no longer repeats"]),
        new("dates: remove the recurrence", Dated, ["remove the recurrence from task 2"], ["2^2026-12-01"], ["no longer repeats"]),
        new("dates: make it a one-off", Dated, ["make the rent task a one-off"], ["2^2026-12-01"], ["no longer repeats"]),
        new("dates: stop repeating a task that does not repeat", Dated, ["stop repeating task 3"], [], ["doesn't repeat"]),
        new("dates: remove the date from a task without one", Dated, ["remove the date from task 3"], [], ["has no date"]),
        new("dates: moving to a list keeps the date", Dated, ["move task 1 to Work"], ["1#Work"], ["Work", "created"]),
        new("dates: a rename keeps its words and the date", Dated, ["change task 1 to call the dentist tomorrow"], ["1=Call the dentist tomorrow"], ["Call the dentist tomorrow"]),
        new("dates: push to next friday", Dated, ["push task 4 to next friday"], ["4^2026-12-04"], ["Friday, 4 December"]),
        new("dates: set task N to repeat every 2 weeks", Dated, ["set task 3 to repeat every 2 weeks"], ["3^2026-11-26;FREQ=WEEKLY;INTERVAL=2;BYDAY=TH"], ["every 2 weeks on Thursday"]),
        new("dates: push to friday at 2pm", Dated, ["push the dentist to friday at 2pm"], ["1^2026-11-27T14:00"], ["Friday, 27 November, 14:00"]),
        new("dates: move two tasks to a day", Dated, ["move tasks 3 and 4 to monday"], ["3^2026-11-30", "4^2026-11-30"], ["Gym", "Call mom"]),

        // A due moved by an amount from the one it has (an undated task from today), later or earlier.
        new("dates: push back a week", Dated, ["push the dentist back a week"], ["1^2026-12-07T10:00"], ["Monday, 7 December, 10:00"]),
        new("dates: postpone by 2 days", Dated, ["postpone call mom by 2 days"], ["4^2026-11-29"], ["Sunday, 29 November"]),
        new("dates: delay an hour", Dated, ["delay the dentist appointment an hour"], ["1^2026-11-30T11:00"], ["Monday, 30 November, 11:00"]),
        new("dates: bring forward a day", Dated, ["bring the dentist forward a day"], ["1^2026-11-29T10:00"], ["Sunday, 29 November, 10:00"]),
        new("dates: move up two days", Dated, ["move task 4 up two days"], ["4^2026-11-25"], ["Wednesday, 25 November"]),
        new("dates: a couple of days later", Dated, ["can you push back call mom a couple of days"], ["4^2026-11-29"], ["Sunday, 29 November"]),
        new("dates: snooze for 3 hours", Dated, ["snooze the dentist for 3 hours"], ["1^2026-11-30T13:00"], ["13:00"]),
        new("dates: can wait a week", Dated, ["the gym can wait a week"], ["3^2026-12-03"], ["Thursday, 3 December"]),
        new("dates: a repeating task's occurrence moves", Dated, ["push the rent back 2 days"], ["2^2026-12-03;FREQ=MONTHLY;BYMONTHDAY=1"], ["Thursday, 3 December"]),
        new("dates: push it after an add", None, ["add dentist tomorrow at 3pm", "push it back 30 minutes"], ["+Dentist ^2026-11-27T15:30"], ["Friday, 27 November, 15:30"]),
        new("dates: an hour on an all-day due is explained", Dated, ["delay call mom an hour"], [], ["without a time", "Nothing was changed"]),
        new("dates: to the 12th", Dated, ["change the due date of task 4 to the 12th"], ["4^2026-12-12"], ["Saturday, 12 December"]),
        new("dates: move to sat", Dated, ["move the gym to sat"], ["3^2026-11-28"], ["Saturday, 28 November"]),
        new("dates: to the weekend", Dated, ["push the gym to the weekend"], ["3^2026-11-28"], ["Saturday, 28 November"]),
        new("dates: add over the weekend", None, ["add clean the garage over the weekend"], ["+Clean the garage ^2026-11-28"], ["Saturday, 28 November"]),

        // Completing a repeating task moves it to its next date.
        new("dates: complete a repeating task", Dated, ["complete the rent task"], ["2^2027-01-01;FREQ=MONTHLY;BYMONTHDAY=1"], ["Done — next: Friday, 1 January 2027"]),
        new("dates: mark a repeating task done", Dated, ["mark task 2 as done"], ["2^2027-01-01;FREQ=MONTHLY;BYMONTHDAY=1"], ["next: Friday, 1 January 2027", "every month on the 1st"]),
        new("dates: complete a dated task", Dated, ["complete task 4"], ["x4"], ["Marked", "Call mom"]),

        // What is due when, reckoned in the user's zone.
        new("dates: what's due today?", Agenda, ["what's due today?"], [], ["Call mom", "!Dentist", "!Renew passport", "!Send card"]),
        new("dates: what's overdue?", Agenda, ["what's overdue?"], [], ["Renew passport", "Friday, 20 November", "!Call mom"]),
        new("dates: what do I have this week?", Agenda, ["what do I have this week?"], [], ["Call mom", "Dentist", "Pay rent", "!Plan holiday", "!Read a book", "!Renew passport"]),
        new("dates: anything due tomorrow", Agenda, ["anything due tomorrow"], [], ["Dentist", "Friday, 27 November, 10:00", "!Call mom"]),
        new("dates: what's due tomorrow?", Agenda, ["what's due tomorrow?"], [], ["Dentist", "!Pay rent"]),
        new("dates: show me overdue tasks", Agenda, ["show me overdue tasks"], [], ["Renew passport", "!Dentist"]),
        new("dates: the next 30 days", Agenda, ["what's due in the next 30 days?"], [], ["Plan holiday", "Call mom", "!Read a book", "!Renew passport"]),
        new("dates: which tasks have no date?", Agenda, ["which tasks have no date?"], [], ["Read a book", "!Call mom"]),
        new("dates: show my recurring tasks", Agenda, ["show my recurring tasks"], [], ["Pay rent", "every month on the 1st", "!Call mom"]),
        new("dates: what do I have today?", Agenda, ["what do I have today?"], [], ["Call mom", "!Read a book"]),
        new("dates: what's due on one other day lists that day", Agenda, ["what's due friday?"], [], ["Dentist", "Friday", "!Call mom"]),
        new("dates: how many are overdue", Agenda, ["how many tasks are overdue?"], [], ["1 pending task overdue"]),
        new("dates: nothing due today", ["Read a book"], ["what's due today?"], [], ["no pending tasks due today"]),
        new("dates: listed tasks show their dates", Agenda, ["show me all my tasks"], [], ["Call mom (#1) · due Thursday, 26 November", "every month on the 1st, next Tuesday, 1 December"]),
    ];

    /// <summary>Reminders: a task with a due and a reminder at it, or a reminder some time before a task's due.</summary>
    public static readonly PhraseCase[] Reminders =
    [
        new("reminders: remind me at 4pm to call mom", None, ["remind me at 4pm to call mom"], ["+Call mom ^2026-11-26T16:00", "1~0"], ["Call mom", "Thursday, 26 November, 16:00", "remind you when it is due"]),
        new("reminders: remind me tomorrow at 9 to call the bank", None, ["remind me tomorrow at 9 to call the bank"], ["+Call the bank ^2026-11-27T09:00", "1~0"], ["Friday, 27 November, 09:00", "remind you"]),
        new("reminders: 30 minutes before, after an add", None, ["add dentist friday at 10am", "remind me 30 minutes before"], ["+Dentist ^2026-11-27T10:00", "1~30"], ["30 minutes before", "Dentist"]),
        new("reminders: 30 minutes before the dentist", Dated, ["remind me 30 minutes before the dentist"], ["1~30"], ["30 minutes before", "Dentist appointment"]),
        new("reminders: an hour before task N", Dated, ["remind me an hour before task 4"], ["4~60"], ["1 hour before", "Call mom"]),
        // A reminder about a task already there, named by "it" or its number: no new task called "It" or "Task 4".
        new("reminders: remind me about it", None, ["add dentist friday at 10am", "remind me about it"], ["+Dentist ^2026-11-27T10:00", "1~0"], ["remind you", "Dentist"]),
        new("reminders: remind me about task N at a time", Dated, ["remind me about task 3 tomorrow at 9"], ["3^2026-11-27T09:00", "3~0"], ["Gym", "Friday, 27 November, 09:00"]),
        new("reminders: remind me of it at a time", None, ["add pay rent", "remind me of it at 5pm"], ["+Pay rent ^2026-11-26T17:00", "1~0"], ["Pay rent", "17:00"]),
        new("dates: it needs to be done by friday", None, ["add pay rent", "it needs to be done by friday"], ["+Pay rent ^2026-11-27"], ["Pay rent", "Friday, 27 November"]),
        new("dates: task N has to be finished by monday", Dated, ["task 3 has to be finished by monday"], ["3^2026-11-30"], ["Gym", "Monday, 30 November"]),
        new("reminders: a day before a repeating task", Dated, ["remind me a day before the rent task"], ["2~1440"], ["1 day before", "Pay rent"]),
        new("reminders: set a reminder minutes before", Dated, ["set a reminder 15 minutes before the dentist"], ["1~15"], ["15 minutes before"]),
        new("reminders: remind me about X hours before", Dated, ["remind me about the dentist 2 hours before"], ["1~120"], ["2 hours before", "Dentist appointment"]),
        new("reminders: half an hour before it", None, ["add call the plumber tomorrow at 2pm", "remind me half an hour before it"], ["+Call the plumber ^2026-11-27T14:00", "1~30"], ["30 minutes before", "Call the plumber"]),
        new("reminders: a task without a date cannot be reminded before", Dated, ["remind me 10 minutes before the gym task"], [], ["due", "!I'll remind you"]),
    ];

    /// <summary>1 Milk, 2 Eggs, 3 Bread (done) on Shopping · 4 Call mom · 5 Old report, 6 Old invoice (done) tagged old · 7 Plan trip on Work.</summary>
    private static readonly string[] Shopping =
        ["Milk #Shopping", "Eggs #Shopping", "[x] Bread #Shopping", "Call mom", "Old report @old", "[x] Old invoice @old", "Plan trip #Work"];

    /// <summary>1 Renew passport, 2 Pay bills (overdue) · 3 Call mom (today) · 4 Read a book · 5 Old thing (done, long ago) · 6 Gym on Work (today).</summary>
    private static readonly string[] Overdue =
        ["Renew passport ^2026-11-20", "Pay bills ^2026-11-24", "Call mom ^2026-11-26", "Read a book", "[x] Old thing ^2026-11-01", "Gym #Work ^2026-11-26"];

    /// <summary>1 Buy groceries · 2 Buy milk (in the trash) · 3 Dentist appointment (in the trash) · 4 Call mom.</summary>
    private static readonly string[] Trashed = ["Buy groceries", "[del] Buy milk", "[del] Dentist appointment", "Call mom"];

    /// <summary>Undo, restore, the trash, the activity log and bulk changes (with their confirmation), judged by effect.</summary>
    public static readonly PhraseCase[] History =
    [
        // Undo: the latest change, a whole chat turn at once.
        new("undo: undo after a delete", Standard, ["delete task 3", "undo"], [], ["Call mom", "back"]),
        new("undo: undo that after a completion", Standard, ["complete task 1", "undo that"], [], ["Buy groceries", "pending again"]),
        new("undo: put it back", Standard, ["delete the meeting task", "put it back"], [], ["Team meeting"]),
        new("undo: take that back", Standard, ["mark task 2 as done", "take that back"], [], ["Team meeting"]),
        new("undo: revert a rename", Standard, ["rename task 1 to Buy vegetables", "revert"], [], ["Buy groceries"]),
        new("undo: oops undo", Standard, ["delete task 5", "oops undo"], [], ["Dentist appointment"]),
        new("undo: never mind, undo it", Standard, ["complete task 3", "never mind, undo it"], [], ["Call mom"]),
        new("undo: an add goes to the trash", None, ["add buy milk", "undo"], [], ["Buy milk", "removed"]),
        new("undo: a reopen", Standard, ["reopen task 4", "undo"], [], ["Pay rent", "done again"]),
        new("undo: the last change, a new date", Standard, ["push task 2 to friday", "undo the last change"], [], ["Team meeting"]),
        new("undo: what you just did, a move", Standard, ["move task 3 to Work", "undo what you just did"], ["list+Work"], ["Call mom"]),
        new("undo: a turn of two changes at once", Standard, ["complete tasks 1 and 3", "undo"], [], ["Buy groceries", "Call mom"]),
        new("undo: can you undo that please", Standard, ["delete task 1", "can you undo that please?"], [], ["Buy groceries"]),
        new("undo: reverse that", Standard, ["make task 2 high priority", "reverse that"], [], ["Team meeting"]),
        new("undo: nothing to undo", None, ["undo"], [], ["nothing to undo"]),
        new("undo: twice takes back two turns", Standard, ["complete task 1", "delete task 2", "undo", "undo"], [], ["Buy groceries"]),
        new("undo: roll that back", Standard, ["remove the date from task 1", "tag task 1 with errands", "roll that back"], [], ["Buy groceries"]),
        new("undo: undo my last change", Standard, ["delete call mom", "undo my last change"], [], ["Call mom"]),
        new("undo: a reason before it", Standard, ["delete task 1", "that was a mistake, bring it back"], [], ["Buy groceries"]),
        new("undo: cancel that takes back a completion, deletes nothing", Standard, ["complete task 3", "cancel that"], [], ["Call mom", "pending again"]),

        // Restore from the trash: same number, same list.
        new("restore: the milk task", Trashed, ["restore the milk task"], ["r2"], ["Buy milk", "task #2"]),
        new("restore: bring back the dentist task", Trashed, ["bring back the dentist task"], ["r3"], ["Dentist appointment"]),
        new("restore: the deleted words task", Trashed, ["restore the deleted milk task"], ["r2"], ["Buy milk"]),
        new("restore: by number", Trashed, ["restore task 3"], ["r3"], ["task #3"]),
        new("restore: undelete words", Trashed, ["undelete buy milk"], ["r2"], ["Buy milk"]),
        new("restore: recover from the bin", Trashed, ["recover task 2 from the bin"], ["r2"], ["Buy milk"]),
        new("restore: keeps its list", ["[del] Milk #Shopping"], ["restore milk"], ["r1"], ["Milk", "Shopping"]),
        new("restore: a task deleted in the chat", Standard, ["delete task 3", "restore call mom"], [], ["Call mom"]),
        new("restore: nothing in the trash matches", Trashed, ["restore the swimming task"], [], ["Nothing in the trash matches"]),
        new("restore: a task that is not deleted", Trashed, ["restore task 1"], [], ["not in the trash"]),
        new("restore: the second one of the trash", Trashed, ["what's in the trash?", "restore the second one"], ["r2"], ["Buy milk"]),

        // The trash: shown, and emptied only once confirmed.
        new("trash: what's in the trash", Trashed, ["what's in the trash"], [], ["Buy milk", "Dentist appointment", "!Call mom"]),
        new("trash: show me my deleted tasks", Trashed, ["show me my deleted tasks"], [], ["Buy milk", "!Buy groceries"]),
        new("trash: an empty trash", Standard, ["show the trash"], [], ["trash is empty"]),
        new("trash: empty the trash asks first", Trashed, ["empty the trash"], [], ["2 tasks", "for good", "Buy milk"]),
        new("trash: empty the trash, yes", Trashed, ["empty the trash", "yes"], [], ["Emptied", "2 tasks"]),
        new("trash: empty the trash, no keeps it", Trashed, ["empty the trash", "no", "restore the milk task"], ["r2"], ["Buy milk"]),
        new("trash: emptied, nothing left to restore", Trashed, ["empty the trash", "yes", "restore the milk task"], [], ["Nothing in the trash"]),
        new("trash: empty the trash when it is empty", Standard, ["empty the trash"], [], ["already empty"]),
        new("trash: a task deleted in the chat is in it", Standard, ["delete task 2", "what's in the trash?"], ["-2"], ["Team meeting"]),

        // Activity, in words.
        new("activity: what did I change today", Standard, ["complete task 3", "what did I change today?"], ["x3"], ["completed task #3"]),
        new("activity: what did you just do", Standard, ["delete task 2", "what did you just do?"], ["-2"], ["deleted task #2"]),
        new("activity: show my recent changes", Standard, ["show my recent changes"], [], ["added task #5"]),
        new("activity: what did you just do, nothing yet", Standard, ["what did you just do?"], [], ["haven't changed"]),
        new("activity: tell me what changed today", Standard, ["complete task 1", "tell me what changed today"], ["x1"], ["completed task #1"]),
        new("activity: what changed", Standard, ["rename task 1 to Buy vegetables", "what changed?"], ["1=Buy vegetables"], ["title"]),
        new("activity: an undone change is marked", Standard, ["complete task 1", "undo", "show my recent changes"], [], ["(undone)"]),

        // Bulk: the engine says how many and which, then yes carries it out and anything else cancels.
        new("bulk: complete everything on my shopping list asks", Shopping, ["complete everything on my shopping list"], [], ["2 tasks", "Milk", "Eggs", "!Bread", "yes"]),
        new("bulk: complete everything on my shopping list, yes", Shopping, ["complete everything on my shopping list", "yes"], ["x1", "x2"], ["2 tasks", "undo"]),
        new("bulk: complete everything on my shopping list, no", Shopping, ["complete everything on my shopping list", "no"], [], ["left your tasks"]),
        new("bulk: anything else cancels", Shopping, ["complete everything on my shopping list", "hmm, maybe later"], [], ["left your tasks"]),
        new("bulk: another request after the question is read as one", Shopping, ["complete everything on my shopping list", "what's on my work list?"], [], ["Plan trip"]),
        new("bulk: yes please", Shopping, ["complete everything on my shopping list", "yes please"], ["x1", "x2"], ["Milk"]),
        new("bulk: do it", Shopping, ["complete everything on my shopping list", "do it"], ["x1", "x2"], ["Eggs"]),
        new("bulk: ok", Shopping, ["complete everything on my shopping list", "ok"], ["x1", "x2"], ["2 tasks"]),
        new("bulk: sure", Shopping, ["complete everything on my shopping list", "sure"], ["x1", "x2"], ["2 tasks"]),
        new("bulk: certainly", Shopping, ["complete everything on my shopping list", "certainly"], ["x1", "x2"], ["2 tasks"]),
        new("bulk: go ahead", Shopping, ["complete everything on my shopping list", "go ahead"], ["x1", "x2"], ["2 tasks"]),
        new("bulk: clear completed asks", Shopping, ["clear completed"], [], ["2 tasks", "Bread", "Old invoice", "!Milk"]),
        new("bulk: clear completed, yes", Shopping, ["clear completed", "yes"], ["-3", "-6"], ["trash"]),
        new("bulk: delete all tasks tagged old asks", Shopping, ["delete all tasks tagged old"], [], ["2 tasks", "Old report", "Old invoice"]),
        new("bulk: delete all tasks tagged old, yes", Shopping, ["delete all tasks tagged old", "yes"], ["-5", "-6"], ["Deleted 2 tasks"]),
        new("bulk: move all overdue tasks to tomorrow, yes", Overdue, ["move all overdue tasks to tomorrow", "yes"], ["1^2026-11-27", "2^2026-11-27"], ["2 tasks"]),
        new("bulk: mark all of today's tasks done, yes", Overdue, ["mark all of today's tasks done", "yes"], ["x3", "x6"], ["Call mom", "Gym"]),
        new("bulk: set everything in #Work to high priority, yes", Shopping, ["set everything in #Work to high priority", "yes"], ["7!high"], ["high"]),
        new("bulk: nothing matches", Shopping, ["delete all tasks tagged ancient"], [], ["No tasks match"]),
        new("bulk: all of them after a list", Shopping, ["what's on my shopping list?", "mark all of them as done", "yes"], ["x1", "x2"], ["already"]),
        new("bulk: reopen all completed tasks, yes", Shopping, ["reopen all completed tasks", "yes"], ["o3", "o6"], ["Reopened 2 tasks"]),
        new("bulk: delete completed tasks on my shopping list, yes", Shopping, ["delete completed tasks on my shopping list", "yes"], ["-3"], ["Bread"]),
        new("bulk: move everything on a list to a new list, yes", Shopping, ["move everything on my shopping list to the Groceries list", "yes"],
            ["3#Groceries", "1#Groceries", "2#Groceries"], ["created"]),
        new("bulk: tick everything off my shopping list, yes", Shopping, ["tick everything off my shopping list", "yes"], ["x1", "x2"], ["Milk"]),
        new("bulk: one undo takes the whole change back", Shopping, ["complete everything on my shopping list", "yes", "undo"], [], ["Milk", "Eggs"]),
        new("bulk: prioritize all overdue tasks, yes", Overdue, ["prioritize all overdue tasks", "yes"], ["1!high", "2!high"], ["high"]),
        new("bulk: a second yes changes nothing more", Shopping, ["complete everything on my shopping list", "yes", "yes"], ["x1", "x2"], ["!2 tasks"]),
        new("bulk: yes after another turn confirms nothing", Shopping, ["complete everything on my shopping list", "add cheese to my shopping list", "yes"],
            ["+Cheese #Shopping"], []),
        new("bulk: reschedule all overdue tasks for monday, yes", Overdue, ["reschedule all overdue tasks for monday", "yes"], ["1^2026-11-30", "2^2026-11-30"], ["Renew passport"]),
        new("bulk: tag everything on my shopping list with errands, yes", Shopping, ["tag everything on my shopping list with errands", "yes"],
            ["1@errands", "2@errands", "3@errands"], ["errands"]),
        new("bulk: delete everything asks with the count", Standard, ["delete everything"], [], ["5 tasks"]),
        new("bulk: all the work tasks, yes", Shopping, ["complete all the work tasks", "yes"], ["x7"], ["Plan trip"]),
        new("bulk: the question names the tasks it will change", Overdue, ["move all overdue tasks to tomorrow"], [], ["Renew passport", "Pay bills", "!Call mom", "!Old thing"]),
    ];

    /// <summary>1 Milk, 2 Eggs, 3 Bananas on Groceries · 4 Call mom · 5 Pay the electricity bill · 6 Bathroom painting · 7 Reserve a restaurant · 8 Mop kitchen.</summary>
    private static readonly string[] Household =
        ["Milk #Groceries", "Eggs #Groceries", "Bananas #Groceries", "Call mom", "Pay the electricity bill", "Bathroom painting", "Reserve a restaurant", "Mop kitchen"];

    /// <summary>1 Call mom · 2 Milk (Groceries) · 3 Pay rent · 4 Eggs (Groceries) · 5 Mop kitchen · 6 Bananas (Groceries): positions in the Groceries list differ from numbers.</summary>
    private static readonly string[] Spread =
        ["Call mom", "Milk #Groceries", "Pay rent", "Eggs #Groceries", "Mop kitchen", "Bananas #Groceries"];

    /// <summary>
    /// The way people talk to a voice assistant or type in a hurry: wake words and fillers, the list as a destination or a
    /// source, hearing the list, removals and check-offs by name with words around them, requests that name no item, reminder
    /// wordings, positions and numbers in words, "that one", past tense, several items at once, times inside titles.
    /// </summary>
    public static readonly PhraseCase[] RealSpeech =
    [
        // Wake words, fillers and politeness in front.
        new("speech: alexa, add X to my shopping list", None, ["alexa, add milk to my shopping list"], ["+Milk #Shopping"], ["Milk", "Shopping"]),
        new("speech: hey google add X to my to do list", None, ["hey google add call the dentist to my to do list"], ["+Call the dentist"], ["Call the dentist", "!created"]),
        new("speech: a name and a comma", Household, ["olly, add bread to my grocery list"], ["+Bread #Groceries"], ["Bread", "Groceries", "!created"]),
        new("speech: ok so um add X", None, ["ok so um add pick up the kids"], ["+Pick up the kids"], ["Pick up the kids"]),
        new("speech: um can you please add X", None, ["um can you please add buy stamps"], ["+Buy stamps"], ["Buy stamps"]),
        new("speech: hey siri, what's on my to do list", Household, ["hey siri, what's on my to do list"], [], ["Milk", "Call mom", "Mop kitchen"]),
        new("speech: ok google, remind me to X", None, ["ok google, remind me to water the plants"], ["+Water the plants"], ["Water the plants"]),
        new("speech: uh, mark X as done", Household, ["uh, mark call mom as done"], ["x4"], ["Call mom"]),
        new("speech: so yeah add uh X to the list", None, ["so yeah add uh dog food to the shopping list"], ["+Dog food #Shopping"], ["Dog food"]),
        new("speech: Alexa add X, no comma", None, ["Alexa add eggs"], ["+Eggs"], ["Eggs"]),
        new("speech: hey assistant could you kindly add X", None, ["hey assistant could you kindly add renew the car insurance"], ["+Renew the car insurance"], ["Renew the car insurance"]),
        new("speech: a filler in the middle", None, ["add um call the um plumber"], ["+Call the plumber"], ["Call the plumber"]),

        // The list is a destination, never part of the title; "grocery" finds the Groceries list.
        new("speech: add X to my grocery list finds Groceries", Household, ["add broccoli to my grocery list"], ["+Broccoli #Groceries"], ["Broccoli", "Groceries", "!created"]),
        new("speech: put X on the groceries list", Household, ["put paper towels on the groceries list"], ["+Paper towels #Groceries"], ["Paper towels", "Groceries"]),
        new("speech: I need X on my grocery list", Household, ["I need broccoli on my grocery list"], ["+Broccoli #Groceries"], ["Broccoli"]),
        new("speech: on my grocery list add X", Household, ["on my grocery list add apples"], ["+Apples #Groceries"], ["Apples", "Groceries"]),
        new("speech: to my shopping list add X", None, ["to my shopping list add coffee"], ["+Coffee #Shopping"], ["Coffee", "Shopping"]),
        new("speech: add X to the to-do list", None, ["add walk the dog to the to-do list"], ["+Walk the dog"], ["Walk the dog", "!created"]),
        new("speech: add X to my todo list", None, ["add call the bank to my todo list"], ["+Call the bank"], ["Call the bank"]),
        new("speech: add X to my grocery list for tomorrow", Household, ["add bread to my grocery list for tomorrow"], ["+Bread #Groceries ^2026-11-27"], ["Bread", "Groceries", "Friday"]),
        new("speech: can you put X on my grocery list", Household, ["can you put butter on my grocery list please"], ["+Butter #Groceries"], ["Butter", "Groceries"]),
        new("speech: add X into the Y list", Household, ["add yoghurt into the grocery list"], ["+Yoghurt #Groceries"], ["Yoghurt"]),

        // Hearing the list.
        new("speech: say the list", Household, ["say the list"], [], ["Milk", "Call mom", "Mop kitchen"]),
        new("speech: let me hear my list", Household, ["let me hear my list"], [], ["Milk", "Call mom"]),
        new("speech: repeat my list", Household, ["repeat my list"], [], ["Eggs", "Reserve a restaurant"]),
        new("speech: read my to do list", Household, ["read my to do list"], [], ["Bananas", "Bathroom painting"]),
        new("speech: read it to me", Household, ["read it to me"], [], ["Milk", "Mop kitchen"]),
        new("speech: what reminders do I have", Household, ["what reminders do I have"], [], ["Call mom", "Pay the electricity bill"]),
        new("speech: do I have anything on my to do list", Household, ["do I have anything on my to do list"], [], ["Milk", "Call mom"]),
        new("speech: are X on my grocery list", Household, ["are eggs on my grocery list?"], [], ["Eggs", "!Call mom", "!Milk"]),
        new("speech: is X on my grocery list, no", Household, ["is bread on my grocery list"], [], ["bread", "!Call mom"]),
        new("speech: what's on the grocery list", Household, ["what's on the grocery list"], [], ["Milk", "Eggs", "Bananas", "!Call mom"]),
        new("speech: tell me what's on my list", Household, ["tell me what's on my list"], [], ["Milk", "Mop kitchen"]),
        new("speech: can you read out my tasks", Household, ["can you read out my tasks"], [], ["Milk", "Reserve a restaurant"]),
        new("speech: what's on my todo", Household, ["whats on my todo"], [], ["Milk", "Call mom"]),

        // Removals by name, with the list or a reason around them.
        new("speech: remove X from my grocery list", Household, ["remove milk from my grocery list"], ["-1"], ["Milk"]),
        new("speech: take out the X from the grocery list", Household, ["take out the milk from the grocery list"], ["-1"], ["Milk"]),
        new("speech: a reason, so, then the removal", Household, ["we're out of paint so take bathroom painting off the list"], ["-6"], ["Bathroom painting"]),
        new("speech: I don't want X anymore", Household, ["I don't want eggs anymore"], ["-2"], ["Eggs"]),
        new("speech: on my to dos remove X", Household, ["on my to dos remove mop kitchen"], ["-8"], ["Mop kitchen"]),
        new("speech: take X off my grocery list", Household, ["take bananas off my grocery list"], ["-3"], ["Bananas"]),
        new("speech: get rid of the X on my grocery list", Household, ["get rid of the eggs on my grocery list"], ["-2"], ["Eggs"]),
        new("speech: I no longer need to X, remove it", Household, ["I no longer need to call mom, remove it"], ["-4"], ["Call mom"]),
        new("speech: please remove X off the list", Household, ["please remove the mop kitchen task off my list"], ["-8"], ["Mop kitchen"]),
        new("speech: delete X from my list", Household, ["delete bathroom painting from my list"], ["-6"], ["Bathroom painting"]),

        // Requests that name no item: ask, make nothing.
        new("speech: add this to the list names nothing", Household, ["add this to the list"], [], ["?"]),
        new("speech: add to list names nothing", Household, ["add to list"], [], ["?"]),
        new("speech: I need to create a new to do list asks for a name", Household, ["I need to create a new to do list"], [], ["?"]),
        new("speech: add something to my shopping list", Household, ["add something to my grocery list"], [], ["?"]),
        new("speech: add an item", Household, ["add an item"], [], ["?"]),
        new("speech: can you add to my grocery list", Household, ["can you add to my grocery list"], [], ["?"]),
        new("speech: add to my to do list", Household, ["add to my to do list"], [], ["?"]),
        new("speech: put something on my list", Household, ["put something on my list"], [], ["?"]),
        new("speech: create a to do list asks for a name", None, ["create a to do list"], [], ["?"]),

        // Reminder wordings, with their dates.
        new("speech: set my calendar to remind me to X every friday", None, ["set my calendar to remind me to take out the bins every friday"],
            ["+Take out the bins ^2026-11-27;FREQ=WEEKLY;BYDAY=FR", "1~0"], ["Take out the bins", "every Friday"]),
        new("speech: send me a reminder to X tomorrow", None, ["send me a reminder to call the vet tomorrow"], ["+Call the vet ^2026-11-27", "1~0"], ["Call the vet", "Friday"]),
        new("speech: remind me at 8pm take the chicken out", None, ["remind me at 8pm take the chicken out"], ["+Take the chicken out ^2026-11-26T20:00", "1~0"], ["Take the chicken out", "Thursday"]),
        new("speech: can you remind me to X on friday", None, ["can you remind me to pay rent on friday"], ["+Pay rent ^2026-11-27", "1~0"], ["Pay rent", "Friday, 27 November"]),
        new("speech: set a reminder for 6pm to X", None, ["set a reminder for 6pm to start dinner"], ["+Start dinner ^2026-11-26T18:00", "1~0"], ["Start dinner", "18:00"]),
        new("speech: give me a reminder to X on saturday", None, ["give me a reminder to buy flowers on saturday"], ["+Buy flowers ^2026-11-28", "1~0"], ["Buy flowers", "Saturday"]),
        new("speech: remind me tomorrow at 7 I need to X", None, ["remind me tomorrow at 7am I need to put the bins out"], ["+Put the bins out ^2026-11-27T07:00", "1~0"], ["Put the bins out"]),
        new("speech: create a reminder that X", None, ["create a reminder that the car needs a service"], ["+The car needs a service"], ["The car needs a service"]),

        // Positions and numbers in words: an item's position in the list just shown, a task's number.
        new("speech: remove item three after a list", Spread, ["what's on my grocery list", "remove item three"], ["-6"], ["Bananas"]),
        new("speech: delete the last item listed", Spread, ["what's on my grocery list", "delete the last item listed"], ["-6"], ["Bananas"]),
        new("speech: complete the second row", Spread, ["what's on my grocery list", "complete the second row"], ["x4"], ["Eggs"]),
        new("speech: mark number four as done", Household, ["mark number four as done"], ["x4"], ["Call mom"]),
        new("speech: delete task two", Household, ["delete task two"], ["-2"], ["Eggs"]),
        new("speech: the second one is done after a list", Spread, ["show my grocery list", "the second one is done"], ["x4"], ["Eggs"]),
        new("speech: cross off the first item after a list", Spread, ["read me my grocery list", "cross off the first item"], ["x2"], ["Milk"]),
        new("speech: remove the 3rd one after a list", Spread, ["what's on my grocery list", "remove the 3rd one"], ["-6"], ["Bananas"]),
        new("speech: mark task number five complete", Household, ["mark task number five complete"], ["x5"], ["Pay the electricity bill"]),

        // "that one", "this item", "the last one" after an add or a list.
        new("speech: add, then delete that item", Household, ["add buy stamps", "actually delete that item"], ["+Buy stamps", "-9"], ["Buy stamps"]),
        new("speech: add, then mark that one done", Household, ["add call the plumber", "mark that one done"], ["+Call the plumber", "x9"], ["Call the plumber"]),
        new("speech: a list, then delete the last one", Spread, ["what's on my grocery list", "delete the last one"], ["-6"], ["Bananas"]),
        new("speech: add, then move it to my grocery list", Household, ["add flour", "move it to my grocery list"], ["+Flour", "9#Groceries"], ["Flour", "Groceries"]),
        new("speech: add, then make that one urgent", Household, ["add pay the gas bill", "make that one urgent"], ["+Pay the gas bill", "9!high"], ["Pay the gas bill", "high"]),
        new("speech: add, then the last one is done", Household, ["add water the plants", "the last one is done"], ["+Water the plants", "x9"], ["Water the plants"]),
        new("speech: add, then delete this one", Household, ["add buy a new kettle", "delete this one"], ["+Buy a new kettle", "-9"], ["Buy a new kettle"]),

        // Check-offs, "task completed", and the past tense.
        new("speech: check off X on my grocery list", Household, ["check off bananas on my grocery list"], ["x3"], ["Bananas"]),
        new("speech: task completed X", Household, ["task completed reserve a restaurant"], ["x7"], ["Reserve a restaurant"]),
        new("speech: I paid the electricity bill", Household, ["I paid the electricity bill"], ["x5"], ["Pay the electricity bill"]),
        new("speech: bought the milk", Household, ["bought the milk"], ["x1"], ["Milk"]),
        new("speech: I called mom", Household, ["I called mom"], ["x4"], ["Call mom"]),
        new("speech: got the eggs", Household, ["got the eggs"], ["x2"], ["Eggs"]),
        new("speech: mopped the kitchen", Household, ["just mopped the kitchen"], ["x8"], ["Mop kitchen"]),
        new("speech: I've already reserved a restaurant", Household, ["I've already reserved a restaurant"], ["x7"], ["Reserve a restaurant"]),
        new("speech: cross X off", Household, ["cross bananas off"], ["x3"], ["Bananas"]),
        new("speech: tick off X from the grocery list", Household, ["tick off eggs from the grocery list"], ["x2"], ["Eggs"]),
        new("speech: past tense of nothing on the list changes nothing", Household, ["I washed the car"], [], ["!Milk"]),
        new("speech: X is done now", Household, ["the bathroom painting is finished now"], ["x6"], ["Bathroom painting"]),

        // Several items in one message.
        new("speech: add eggs, milk and bread", None, ["add eggs, milk and bread"], ["+Eggs", "+Milk", "+Bread"], ["Eggs", "Milk", "Bread"]),
        new("speech: add two tasks: X and Y", None, ["add two tasks: call the bank and book the dentist"], ["+Call the bank", "+Book the dentist"], ["Call the bank", "Book the dentist"]),
        new("speech: add X and Y to my grocery list", Household, ["add apples and oranges to my grocery list"], ["+Apples #Groceries", "+Oranges #Groceries"], ["Apples", "Oranges", "Groceries"]),
        new("speech: put X, Y, and Z on the shopping list", None, ["put milk, eggs, and butter on the shopping list"], ["+Milk #Shopping", "+Eggs #Shopping", "+Butter #Shopping"], ["Milk", "Eggs", "Butter"]),
        new("speech: add buy X and Y is one task", None, ["add buy milk and eggs"], ["+Buy milk and eggs"], ["Buy milk and eggs"]),
        new("speech: remind me to call mom and dad is one task", None, ["remind me to call mom and dad"], ["+Call mom and dad"], ["Call mom and dad"]),
        new("speech: add walk the dog and feed the cat", None, ["add walk the dog and feed the cat"], ["+Walk the dog", "+Feed the cat"], ["Walk the dog", "Feed the cat"]),
        new("speech: add salt, pepper, and olive oil", None, ["add salt, pepper, and olive oil"], ["+Salt", "+Pepper", "+Olive oil"], ["Salt", "Pepper", "Olive oil"]),
        new("speech: add three things: X, Y and Z", None, ["add three things: tape, glue and scissors"], ["+Tape", "+Glue", "+Scissors"], ["Tape", "Glue", "Scissors"]),

        // Edits.
        new("speech: edit task 3 title to X", Household, ["edit task 3 title to buy organic bananas"], ["3=Buy organic bananas"], ["Buy organic bananas"]),
        new("speech: change the second item to X after a list", Spread, ["what's on my grocery list", "change the second item to almond milk"], ["4=Almond milk"], ["Almond milk"]),
        new("speech: rename X to Y", Household, ["rename milk to oat milk"], ["1=Oat milk"], ["Oat milk"]),
        new("speech: update task four to say X", Household, ["can you update task four to say call mom tonight"], ["4=Call mom tonight"], ["Call mom tonight"]),
        new("speech: change the name of X to Y", Household, ["change the name of the bathroom painting task to paint the bathroom"], ["6=Paint the bathroom"], ["Paint the bathroom"]),

        // Times inside titles stay whole.
        new("speech: add meet X after 5:00 PM", None, ["add meet Leon after 5:00 PM"], ["+Meet Leon after 5:00 PM"], ["Meet Leon after 5:00 PM"]),
        new("speech: remind me to meet X after 5:00 PM", None, ["remind me to meet Leon after 5:00 PM"], ["+Meet Leon after 5:00 PM"], ["Meet Leon after 5:00 PM"]),
        new("speech: a time with a colon is no description", None, ["add call Ana at 5:30pm"], ["+Call Ana ^2026-11-26T17:30"], ["Call Ana", "17:30"]),

        // More of the same classes: one thing said with "and", a thing needed, other edits and priorities.
        new("speech: mac and cheese is one item", None, ["add mac and cheese to my shopping list"], ["+Mac and cheese #Shopping"], ["Mac and cheese"]),
        new("speech: a meeting with two people is one task", None, ["add meeting with John and Sarah"], ["+Meeting with John and Sarah"], ["Meeting with John and Sarah"]),
        new("speech: we need X", Household, ["we need toilet paper"], ["+Toilet paper"], ["Toilet paper"]),
        new("speech: we're out of X, on the grocery list", Household, ["we're out of butter on the grocery list"], ["+Butter #Groceries"], ["Butter", "Groceries"]),
        new("speech: I need a summary is no task", Household, ["I need a summary of my tasks"], [], ["Milk", "Call mom"]),
        new("speech: replace X with Y", Household, ["replace milk with oat milk"], ["1=Oat milk"], ["Oat milk"]),
        new("speech: edit X and call it Y", Household, ["edit the mop kitchen task and call it mop the whole house"], ["8=Mop the whole house"], ["Mop the whole house"]),
        new("speech: make task N say X", Household, ["make task 4 say call mom and dad"], ["4=Call mom and dad"], ["Call mom and dad"]),
        new("speech: X is really important", Household, ["the electricity bill is really important"], ["5!high"], ["Pay the electricity bill", "high"]),
        new("speech: make X a priority", Household, ["make calling mom a priority"], ["4!high"], ["Call mom", "high"]),
        new("speech: flag X", Household, ["flag the restaurant task"], ["7!high"], ["Reserve a restaurant"]),
        new("speech: lower the priority of X", ["Call mom !high"], ["lower the priority of call mom"], ["1!low"], ["Call mom", "low"]),
        new("speech: X isn't urgent anymore", ["Call mom !high"], ["call mom isn't urgent anymore"], ["1!none"], ["Call mom"]),
        new("speech: remind me in 2 hours to X", None, ["remind me in 2 hours to check the oven"], ["+Check the oven ^2026-11-26T11:00", "1~0"], ["Check the oven", "11:00"]),
        new("speech: remind me tomorrow morning to X", None, ["remind me tomorrow morning to call the plumber"], ["+Call the plumber ^2026-11-27T09:00", "1~0"], ["Call the plumber", "Friday"]),
        new("speech: remind me on friday about X", None, ["remind me on friday about the dentist"], ["+The dentist ^2026-11-27", "1~0"], ["The dentist", "Friday"]),
        new("speech: what do I have on friday", ["Dentist ^2026-11-27", "Gym ^2026-11-28", "Call mom"], ["what do I have on friday?"], [], ["Dentist", "!Gym", "!Call mom"]),
        new("speech: what's due on saturday", ["Dentist ^2026-11-27", "Gym ^2026-11-28", "Call mom"], ["what's due on saturday"], [], ["Gym", "!Dentist"]),
        new("speech: a number word answers which one", Twins, ["delete the meeting", "two"], ["-2"], ["Meeting notes"]),
        new("speech: typed typos", Household, ["delte the mop kitchen task"], ["-8"], ["Mop kitchen"]),
        new("speech: typed typos in a question", Household, ["whats on my grocery lsit"], [], ["Milk", "!Call mom"]),
        new("speech: a misspelt day", None, ["add call the bank on thrusday"], ["+Call the bank ^2026-12-03"], ["Call the bank", "Thursday"]),

        new("speech: reminder to X at 5", None, ["reminder to call mom at 5pm"], ["+Call mom ^2026-11-26T17:00", "1~0"], ["Call mom", "17:00"]),
        new("speech: set a reminder for X at a time", None, ["set a reminder for the dentist at 3pm"], ["+Dentist ^2026-11-26T15:00", "1~0"], ["Dentist", "15:00"]),
        new("speech: number N after a list is its line", Spread, ["what's on my grocery list", "delete number three"], ["-6"], ["Bananas"]),
        new("speech: number N after a list, a shown task's number", Spread, ["what's on my grocery list", "delete number 4"], ["-4"], ["Eggs"]),
        new("speech: number N after a list naming two tasks asks", ["Milk #Groceries", "Bread", "Eggs #Groceries", "Tea #Groceries"], ["what's on my grocery list", "delete number 3"], [], ["?", "Eggs", "Tea"]),
        new("speech: when is X", ["Dentist appointment ^2026-11-27T10:00", "Call mom"], ["when is the dentist?"], [], ["Dentist appointment", "Friday"]),
        new("speech: a short first word", None, ["ad oat milk"], ["+Oat milk"], ["Oat milk"]),
        new("speech: shw my tasks", Household, ["shw my tasks"], [], ["Milk", "Mop kitchen"]),
        new("speech: mark X as doen", Household, ["mark call mom as doen"], ["x4"], ["Call mom"]),

        new("speech: rename X to Y on my grocery list", Household, ["change milk to oat milk on my grocery list"], ["1=Oat milk"], ["Oat milk"]),
        new("speech: X is on friday", ["Dentist appointment", "Call mom"], ["my dentist appointment is on friday at 10am"], ["1^2026-11-27T10:00"], ["Dentist appointment", "Friday"]),
        new("speech: items N and M after a list", Spread, ["what's on my grocery list", "delete items two and three"], ["-4", "-6"], ["Eggs", "Bananas"]),
        new("speech: the first and second ones after a list", Spread, ["what's on my grocery list", "check off the first and second ones"], ["x2", "x4"], ["Milk", "Eggs"]),
        new("speech: I need a reminder to X", None, ["I need a reminder to renew my license next monday"], ["+Renew my license ^2026-11-30", "1~0"], ["Renew my license", "Monday"]),

        new("speech: clear my grocery list, yes", Household, ["clear my grocery list", "yes"], ["-1", "-2", "-3"], ["3"]),
        new("speech: add X to a new list called Y", None, ["add nails to a new list called hardware"], ["+Nails #Hardware"], ["Nails", "Hardware", "created"]),
        new("speech: is anything overdue", ["Pay bills ^2026-11-20", "Call mom"], ["is anything overdue"], [], ["Pay bills", "!Call mom"]),
        new("speech: put X on my calendar for a day", None, ["put dentist on my calendar for tuesday at 2"], ["+Dentist ^2026-12-01T14:00"], ["Dentist", "Tuesday"]),
        new("speech: cross off X and Y", Household, ["cross off milk and eggs"], ["x1", "x2"], ["Milk", "Eggs"]),
        new("speech: I got X and Y", Household, ["i got the milk and the eggs"], ["x1", "x2"], ["Milk", "Eggs"]),
        new("speech: what do I have next week", ["Dentist ^2026-11-27", "Gym ^2026-12-03", "Plan trip ^2026-12-20"], ["what do I have next week?"], [], ["Gym", "!Dentist", "!Plan trip"]),

        new("speech: that was a mistake after an add", Household, ["add eggs", "oops that was a mistake"], [], ["Eggs"]),
        new("speech: what did I just delete", Household, ["delete call mom", "what did I just delete"], ["-4"], ["Call mom"]),
        new("speech: X tomorrow at 10 and remind me", None, ["create a task to call mom tomorrow at 10 and remind me"], ["+Call mom ^2026-11-27T10:00", "1~0"], ["Call mom", "Friday"]),
        new("speech: make X due today", Household, ["make mop kitchen due today"], ["8^2026-11-26"], ["Mop kitchen", "Thursday"]),
        new("speech: fix the spelling of X to Y", Household, ["fix the spelling of bathroom painting to bathroom paneling"], ["6=Bathroom paneling"], ["Bathroom paneling"]),
        new("speech: what's the highest priority", ["Call mom !high", "Buy milk"], ["what's the highest priority"], [], ["Call mom", "!Buy milk"]),
        new("speech: did I already add X", Household, ["did I already add eggs"], [], ["Eggs", "!Call mom"]),
        new("speech: read me the X (a list)", Household, ["read me the groceries"], [], ["Milk", "Bananas", "!Call mom"]),

        new("speech: remind me at 5 asks what", None, ["remind me at 5pm"], [], ["?"]),
        new("speech: remind me at 5, then what", None, ["remind me at 5pm", "call the bank"], ["+Call the bank ^2026-11-26T17:00", "1~0"], ["Call the bank", "17:00"]),
        new("speech: X should be called Y", Household, ["the bathroom painting task should be called paint the bathroom"], ["6=Paint the bathroom"], ["Paint the bathroom"]),

        new("speech: in N minutes remind me to X", None, ["in 10 minutes remind me to check the oven"], ["+Check the oven ^2026-11-26T09:10", "1~0"], ["Check the oven", "09:10"]),
        new("speech: at a time, remind me to X", None, ["at 6pm remind me to take the chicken out"], ["+Take the chicken out ^2026-11-26T18:00", "1~0"], ["Take the chicken out", "18:00"]),
        new("speech: set a due date of a day for X", Household, ["set a due date of friday for the electricity bill"], ["5^2026-11-27"], ["Pay the electricity bill", "Friday"]),

        // Dates, priorities, undo and bulk changes as people say them.
        new("speech: move the X to next friday", ["Dentist appointment", "Call mom"], ["move the dentist to next friday"], ["1^2026-12-04"], ["Dentist appointment", "Friday"]),
        new("speech: what's important", ["Call mom !high", "Buy milk"], ["what's important"], [], ["Call mom", "!Buy milk"]),
        new("speech: oops put it back after a delete", Household, ["delete call mom", "oops put it back"], [], ["Call mom"]),
        new("speech: undo that after a check-off", Household, ["I paid the electricity bill", "undo that"], [], ["Pay the electricity bill"]),
        new("speech: check off everything on my grocery list, yeah", Household, ["check off everything on my grocery list", "yeah"], ["x1", "x2", "x3"], ["3"]),
        new("speech: make sure I remember to X", None, ["make sure I remember to buy a birthday card for mom"], ["+Buy a birthday card for mom"], ["Buy a birthday card for mom"]),
        new("speech: I need to be reminded to X tomorrow", None, ["i need to be reminded to call the vet tomorrow"], ["+Call the vet ^2026-11-27", "1~0"], ["Call the vet", "Friday"]),
        new("speech: set a reminder at a time: X", None, ["set a reminder at 7am tomorrow: gym"], ["+Gym ^2026-11-27T07:00", "1~0"], ["Gym", "07:00"]),
        new("speech: new reminder X on a day", None, ["new reminder pick up dry cleaning saturday"], ["+Pick up dry cleaning ^2026-11-28", "1~0"], ["Pick up dry cleaning", "Saturday"]),
        new("speech: make that Y after an add", None, ["add oat milk", "actually make that almond milk"], ["+Almond milk"], ["Almond milk"]),
        new("speech: make it a day after an add", None, ["add oat milk", "make it tomorrow"], ["+Oat milk ^2026-11-27"], ["Oat milk", "Friday"]),
        new("speech: I didn't mean that, after a delete", Household, ["delete call mom", "i didn't mean that"], [], ["Call mom"]),
        new("speech: a typed what's with letters swapped", Household, ["waht's on my list"], [], ["Milk", "Mop kitchen"]),
        new("speech: what's on for the weekend", ["Party ^2026-11-28", "Brunch ^2026-11-29", "Dentist ^2026-11-30"], ["what's on for the weekend"], [], ["Party", "Brunch", "!Dentist"]),
        new("speech: anything due over the weekend", ["Party ^2026-11-28", "Dentist ^2026-11-27"], ["anything due over the weekend"], [], ["Party", "!Dentist"]),
        new("speech: that's wrong, before any change here, takes nothing back", Household, ["no that's wrong"], [], ["haven't changed anything"]),
        new("speech: cancel that after an add", None, ["add milk", "cancel that"], [], ["Milk"]),
        new("speech: I have to go is a goodbye", Household, ["i have to go"], [], ["Bye"]),
        new("speech: I need to think about it makes no task", Household, ["i need to think about it"], [], ["?"]),
        new("speech: set an alarm for a time, then what", None, ["set an alarm for 7am", "call the school"], ["+Call the school ^2026-11-27T07:00", "1~0"], ["Call the school", "07:00"]),
        new("speech: delete the first task on my grocery list, yes", Household, ["delete the first task on my grocery list", "yes"], ["-1"], ["Milk"]),
        new("speech: check off the second item on my grocery list, no", Household, ["check off the second item on my grocery list", "no"], [], ["left your tasks"]),
        new("speech: remove the fifth item from a shorter list asks", Household, ["remove the fifth item from my grocery list"], [], ["only 3"]),
        new("speech: several items added in one line", Household, ["add apples, pears and plums to my grocery list"], ["+Apples #Groceries", "+Pears #Groceries", "+Plums #Groceries"], ["Added 3 tasks", "Groceries"]),
        new("speech: alexa, clear my completed tasks, yes", ["[x] Milk", "Call mom", "[x] Eggs"], ["alexa, delete all my completed tasks", "yes"], ["-1", "-3"], ["2"]),
        new("speech: remind me about a task there at a time changes it", Household, ["remind me about call mom tomorrow at 6"], ["4^2026-11-27T18:00", "4~0"], ["Call mom", "Friday, 27 November, 18:00"]),
        new("speech: set a reminder for a task there at a time", Household, ["set a reminder for mop kitchen at 5pm"], ["8^2026-11-26T17:00", "8~0"], ["Mop kitchen", "17:00"]),
        new("speech: remind me about a bill by a word of it", Household, ["remind me about the electricity bill tomorrow morning"], ["5^2026-11-27T09:00", "5~0"], ["Pay the electricity bill"]),
        new("speech: don't forget about a task there on a day", Household, ["don't forget about bathroom painting on saturday"], ["6^2026-11-28"], ["Bathroom painting", "Saturday"]),
        new("speech: remind me about a thing not there adds it", Household, ["remind me about the dentist on friday at 3"], ["+Dentist ^2026-11-27T15:00", "9~0"], ["Dentist", "Friday"]),
        new("speech: X needs to be done by a day, X there", Household, ["call mom needs to be done by thursday"], ["4^2026-12-03"], ["Call mom", "Thursday, 3 December"]),
        new("speech: X needs to be submitted by a day, X not there", Household, ["the report needs to be submitted by friday"], ["+Submit the report ^2026-11-27"], ["Submit the report", "Friday"]),
        new("speech: X have to be returned by a day", Household, ["the library books have to be returned by monday"], ["+Return the library books ^2026-11-30"], ["Return the library books", "Monday"]),
        new("speech: X is due a day, X there by a word", Household, ["the electricity bill is due next monday"], ["5^2026-11-30"], ["Pay the electricity bill", "Monday"]),
        new("speech: X is due a day, X not there", Household, ["the gym membership is due monday"], ["+Gym membership ^2026-11-30"], ["Gym membership", "Monday"]),
        new("speech: snooze X until tomorrow", Household, ["snooze the electricity bill until tomorrow"], ["5^2026-11-27"], ["Pay the electricity bill", "Friday"]),
        new("speech: a noun for the verb of a title", Household, ["push the restaurant reservation to saturday"], ["7^2026-11-28"], ["Reserve a restaurant", "Saturday"]),
        new("speech: undo the last two changes", None, ["add milk", "add eggs", "undo the last two changes"], [], ["Milk", "Eggs"]),
        new("speech: undo everything asks how many", Household, ["delete call mom", "undo everything"], ["-4"], ["undo the last 3 changes"]),
        new("speech: what did I just do", None, ["add milk", "what did I just do"], ["+Milk"], ["Milk", "added"]),
        new("speech: show me what I changed today", None, ["add milk", "show me what I changed today"], ["+Milk"], ["Milk", "today"]),
        new("speech: do I need X", Household, ["do i need eggs"], [], ["Eggs", "!Milk"]),
        new("speech: remind me before X is due", ["Pay the electricity bill ^2026-11-27"], ["remind me 30 minutes before the electricity bill is due"], ["1~30"], ["30 minutes", "Pay the electricity bill"]),
        new("speech: add a thing with an article", None, ["add a restaurant reservation for friday"], ["+Restaurant reservation ^2026-11-27"], ["Restaurant reservation", "Friday"]),
        new("speech: we need more X", None, ["we need more eggs"], ["+Eggs"], ["Eggs"]),
        new("speech: on the first of the month", None, ["remind me to pay the rent on the first of the month"], ["+Pay the rent ^2026-12-01", "1~0"], ["Pay the rent", "Tuesday, 1 December"]),
        new("speech: on the 15th of next month", None, ["add pay rent on the 15th of next month"], ["+Pay rent ^2026-12-15"], ["Pay rent", "Tuesday, 15 December"]),
        new("speech: my shopping list is the Groceries list", Household, ["hey google add bread to my shopping list"], ["+Bread #Groceries"], ["Bread", "Groceries"]),
        new("speech: remove all items from my shopping list, yes", Household, ["remove all items from my shopping list", "yes"], ["-1", "-2", "-3"], ["Milk", "Bananas"]),
        new("speech: delete my reminder about X", Household, ["delete my reminder about the electricity bill"], ["-5"], ["Pay the electricity bill"]),
        new("speech: delete the reminder to X", Household, ["delete the reminder to call mom"], ["-4"], ["Call mom"]),
        new("speech: urgent: X", None, ["add urgent: pay taxes"], ["+Pay taxes !high"], ["Pay taxes", "high"]),
        new("speech: an urgent task to X", None, ["add an urgent task to renew the passport"], ["+Renew the passport !high"], ["Renew the passport", "high"]),
        new("speech: X p1", None, ["add pay taxes p1"], ["+Pay taxes !high"], ["Pay taxes", "high"]),
        new("speech: set priority 1 on X", Household, ["set priority 1 on call mom"], ["4!high"], ["Call mom", "high"]),
        new("speech: make X p2", Household, ["make mop kitchen p2"], ["8!medium"], ["Mop kitchen", "medium"]),
        new("speech: add X and Y to a list and remind me tomorrow", Household, ["add eggs and milk to the grocery list and remind me tomorrow"],
            ["+Eggs #Groceries ^2026-11-27", "9~0", "+Milk #Groceries ^2026-11-27", "10~0"], ["Eggs", "Milk", "Friday"]),
        new("speech: mark off X", Household, ["mark off milk"], ["x1"], ["Milk"]),
        new("speech: add like X to the list", None, ["um can you add like paper towels to the list"], ["+Paper towels"], ["Paper towels"]),
        new("speech: things to buy without commas", None, ["add milk eggs and bread"], ["+Milk", "+Eggs", "+Bread"], ["Milk", "Eggs", "Bread"]),
        new("speech: two-word things to buy stay whole", None, ["add coffee beans and milk"], ["+Coffee beans", "+Milk"], ["Coffee beans"]),
        new("speech: get rid of X from a list", Household, ["get rid of bananas from the grocery list"], ["-3"], ["Bananas"]),
        new("speech: scratch X", Household, ["scratch mop kitchen"], ["x8"], ["Mop kitchen"]),
        new("speech: X is paid", Household, ["the electricity bill is paid"], ["x5"], ["Pay the electricity bill"]),
        new("speech: X done", Household, ["call mom done"], ["x4"], ["Call mom"]),
        new("speech: X has been called", Household, ["mom has been called"], ["x4"], ["Call mom"]),
        new("speech: X is cancelled is no check-off", ["Team meeting"], ["the meeting is cancelled"], ["-1"], ["Team meeting"]),
        new("speech: no I meant Y after an add", None, ["add eggs", "no i meant bread"], ["+Bread"], ["Bread"]),
        new("speech: it's for tomorrow after an add", None, ["add eggs", "it's for tomorrow"], ["+Eggs ^2026-11-27"], ["Eggs", "Friday"]),
        new("speech: and Y after an add to a list", Household, ["add oat milk to groceries", "and flour"], ["+Oat milk #Groceries", "+Flour #Groceries"], ["Flour", "Groceries"]),
        new("speech: also Y after an add", Household, ["add oat milk to my shopping list", "also flour"], ["+Oat milk #Groceries", "+Flour #Groceries"], ["Flour"]),
        new("speech: Y too after an add", None, ["add walk the dog", "feed the cat too"], ["+Walk the dog", "+Feed the cat"], ["Feed the cat"]),
        new("speech: add it to a list after an add moves it", Household, ["add paint", "add it to my groceries list"], ["+Paint #Groceries"], ["Paint", "Groceries"]),
        new("speech: X to groceries", Household, ["add flour to groceries"], ["+Flour #Groceries"], ["Flour", "Groceries"]),
        new("speech: drive to work stays a title", None, ["add drive to work"], ["+Drive to work"], ["Drive to work"]),
        new("speech: I meant after a delete changes nothing more", Household, ["delete call mom", "no i meant mop kitchen"], ["-4"], ["!Renamed"]),
        new("speech: never mind the X", Household, ["never mind the bananas"], ["-3"], ["Bananas"]),
        new("speech: changed my mind about X, delete it", Household, ["i changed my mind about the restaurant, delete it"], ["-7"], ["Reserve a restaurant"]),
        new("speech: X got paid, check it off", Household, ["the electricity bill got paid, check it off"], ["x5"], ["Pay the electricity bill"]),
        new("speech: on the last day of the month", None, ["add pay rent on the last day of the month"], ["+Pay rent ^2026-11-30"], ["Pay rent", "Monday, 30 November"]),
        new("speech: by end of next week", None, ["add book flights by end of next week"], ["+Book flights ^2026-12-06"], ["Book flights", "Sunday, 6 December"]),
        new("speech: weekdays said together repeat", None, ["add gym monday wednesday and friday"], ["+Gym ^2026-11-27;FREQ=WEEKLY;BYDAY=MO,WE,FR"], ["Gym", "every Monday, Wednesday and Friday"]),
        new("speech: a weekday in the plural repeats", None, ["add yoga on tuesdays"], ["+Yoga ^2026-12-01;FREQ=WEEKLY;BYDAY=TU"], ["Yoga", "every Tuesday"]),
        new("speech: what am I doing tomorrow", Household, ["what am i doing tomorrow"], [], ["no pending tasks due tomorrow"]),
    ];

    public static IEnumerable<PhraseCase> All => Original.Concat(Further).Concat(ListsLabelsPriority).Concat(Dates).Concat(Reminders).Concat(History).Concat(RealSpeech);

    public static PhraseCase Find(string name) => All.Single(c => c.Name == name);
}
