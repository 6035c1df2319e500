namespace Todo.Tests.Assistant;

/// <summary>
/// One phrasing case: tasks to start with, the user's messages (one turn each, the last one being the phrasing
/// under test), the net effect on the tasks, and words the final reply must (or, with "!", must not) contain.
/// </summary>
/// <remarks>
/// Seeds are numbered 1, 2, 3… in order: "[x] Title" is completed, "Title | notes" has a description; trailing marks
/// "#List" (or "#\"Two words\""), "@label" and "!high" put it in a list (else the Inbox), label it and set its priority;
/// "list:Name" is an empty list (no number).
/// Effects: "+Title" or "+Title | notes", with the same marks, adds the next number; "x3" completes #3; "o3" reopens it;
/// "-3" deletes it; "3=New title" renames it; "3|notes" sets its description ("3|" removes it); "3#Work" moves it;
/// "3@errands" adds a label, "3@-errands" takes it off, "3@-" takes them all off; "3!high" sets its priority;
/// "list+Garden" makes an empty list, "list-Yard" deletes one, "list=Garden>Yard" renames one. A list a task effect
/// names is expected to exist (made if it was missing). No effects: nothing changed, no list made.
/// </remarks>
public sealed record PhraseCase(string Name, string[] Seed, string[] Turns, string[] Effects, string[] Reply);

public static class PhraseTable
{
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
        new("add: add X and Y is one task", None, ["Add milk and bread"], ["+Milk and bread"], ["Milk and bread"]),
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
        new("add: a title over 100 characters is refused", None, ["add " + new string('x', 120)], [], ["100"]),
        new("add: keeps the title's own capitals", None, ["remind me to call IKEA about the sofa"], ["+Call IKEA about the sofa"], ["Call IKEA about the sofa"]),
        new("add: an apostrophe in the title", None, ["remind me to call mom's doctor"], ["+Call mom's doctor"], ["Call mom's doctor"]),
        new("add: the title answer may read like a command", None, ["add a task", "Delete old emails"], ["+Delete old emails"], ["Delete old emails"]),
        new("add: please add quoted X to my list", None, ["please add 'Renew car insurance' to my list"], ["+Renew car insurance"], ["Renew car insurance"]),
        new("add: I gotta", None, ["I gotta buy a new phone"], ["+Buy a new phone"], ["Buy a new phone"]),
        new("add: remind me tomorrow to", None, ["Remind me tomorrow to call the bank"], ["+Call the bank tomorrow"], ["Call the bank tomorrow"]),
        new("add: I should", None, ["I should call my sister"], ["+Call my sister"], ["Call my sister"]),
        new("add: times stay in the title", None, ["remind me to pick up the kids at 3pm"], ["+Pick up the kids at 3pm"], ["Pick up the kids at 3pm"]),

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
        new("list: what's on my plate today?", Standard, ["What's on my plate today?"], [], ["Buy groceries", "Team meeting"]),
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
        new("complete: everything is one at a time", Standard, ["mark everything as done"], [], ["one task at a time"]),
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
        new("delete: words are no longer needed", Standard, ["the dentist appointment is no longer needed"], ["-5"], ["Dentist appointment"]),
        new("delete: a missing number is not found", Standard, ["delete task 42"], [], ["task number 42"]),
        new("delete: words that match nothing", Standard, ["delete the homework task"], [], ["couldn't find", "homework"]),
        new("delete: clearing the completed ones is one at a time", Standard, ["clear completed tasks"], [], ["one task at a time"]),

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
        new("position: with no list shown", Standard, ["mark the second one as done"], [], ["Which list"]),
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
        new("lists: add X and Y to the shopping list is one task", None, ["add milk and eggs to the shopping list"], ["+Milk and eggs #Shopping"], ["Milk and eggs"]),
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
        new("lists: move to a day is not a list", Standard, ["move the dentist task to Monday"], [], ["!created"]),

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

        // Nothing harmful and no junk.
        new("junk: the list word alone deletes nothing", Standard, ["delete the list"], [], ["!Deleted"]),
        new("junk: rename my list renames no list", Standard, ["rename my list to Stuff"], [], ["!Renamed the list"]),
        new("junk: tag with nothing", Standard, ["tag task 2"], [], ["!Tagged"]),
        new("junk: a number is not a list", Standard, ["move task 2 to 5"], [], ["!created"]),
    ];

    public static IEnumerable<PhraseCase> All => Original.Concat(Further).Concat(ListsLabelsPriority);

    public static PhraseCase Find(string name) => All.Single(c => c.Name == name);
}
