using Todo.Tests.Infrastructure;

namespace Todo.Tests.Assistant;

/// <summary>
/// Requests worded the way people talk to a voice assistant's to-do and shopping lists and write in help forums (wake
/// words, fillers, speech-to-text forms, number words, past tense, several items at once…), written blind: without
/// reading the engine or the phrase table, and not read while the engine was developed (only the score was). The test
/// reports the share of cases with exactly their effect and reply words, and the harmful failures (the tasks or lists
/// changed, and not as meant). The goal is 90% with nothing harmful; the test holds the score where the engine's
/// development left it (<see cref="PassedFloor"/>, <see cref="HarmfulCeiling"/>), so a change that makes it worse fails.
/// </summary>
public abstract class HeldOutRealSpeechTests(ApiFixture api)
{
    /// <summary>Cases passed after the latest round of general changes: 179 of 183 (98%); blind, before the front end, 101 (55%).</summary>
    private const int PassedFloor = 179;

    /// <summary>Harmful failures then: none (blind, before the front end: 23).</summary>
    private const int HarmfulCeiling = 0;

    /// <summary>1 Buy groceries · 2 Team meeting · 3 Call mom · 4 Pay rent (done) · 5 Dentist appointment (with notes).</summary>
    private static readonly string[] Standard =
        ["Buy groceries", "Team meeting", "Call mom", "[x] Pay rent", "Dentist appointment | Bring insurance card"];

    /// <summary>1 Buy milk · 2 Pay the electricity bill · 3 Call the bank · 4 Bathroom painting · 5 Renew passport, all pending in the Inbox.</summary>
    private static readonly string[] Home =
        ["Buy milk", "Pay the electricity bill", "Call the bank", "Bathroom painting", "Renew passport"];

    /// <summary>1 Milk · 2 Eggs · 3 Bread · 4 Bananas on Groceries; 5 Bathroom painting · 6 Call the bank in the Inbox.</summary>
    private static readonly string[] Shop =
        ["Milk #Groceries", "Eggs #Groceries", "Bread #Groceries", "Bananas #Groceries", "Bathroom painting", "Call the bank"];

    /// <summary>1 Milk on Groceries · 2 Write report on Work · 3 Call mom in the Inbox.</summary>
    private static readonly string[] Lists = ["Milk #Groceries", "Write report #Work", "Call mom"];

    /// <summary>An empty Shopping list; 1 Call mom in the Inbox.</summary>
    private static readonly string[] Shopping = ["list:Shopping", "Call mom"];

    /// <summary>1 Buy groceries · 2 Dentist appointment Friday 10:00 · 3 Call mom · 4 Pay rent Monday · 5 Renew passport 15 December.</summary>
    private static readonly string[] Dated =
        ["Buy groceries", "Dentist appointment ^2026-11-27T10:00", "Call mom", "Pay rent ^2026-11-30", "Renew passport ^2026-12-15"];

    /// <summary>1 Water plants, due today · 2 Call mom, due today · 3 Read a book, no date.</summary>
    private static readonly string[] Today = ["Water plants ^2026-11-26", "Call mom ^2026-11-26", "Read a book"];

    /// <summary>1 Buy groceries (high) · 2 Team meeting · 3 Call mom (high) · 4 Pay rent (low).</summary>
    private static readonly string[] Prioritised = ["Buy groceries !high", "Team meeting", "Call mom !high", "Pay rent !low"];

    /// <summary>1 Milk · 2 Eggs (done) · 3 Bread on Groceries; 4 Write report · 5 Slides on Work; 6 Call the bank (done) in the Inbox.</summary>
    private static readonly string[] Bulk =
        ["Milk #Groceries", "[x] Eggs #Groceries", "Bread #Groceries", "Write report #Work", "Slides #Work", "[x] Call the bank"];

    public static readonly PhraseCase[] Cases =
    [
        // Adds with wake words, fillers, politeness and the speech-to-text forms of "to-do list".
        new("add: alexa add buy milk to my to do list", Standard, ["alexa add buy milk to my to do list"], ["+Buy milk"], ["Buy milk"]),
        new("add: hey google add call the plumber to my to-do list", Standard, ["hey google add call the plumber to my to-do list"], ["+Call the plumber"], ["Call the plumber"]),
        new("add: ok so um can you add pick up the dry cleaning", Standard, ["ok so um can you add pick up the dry cleaning"], ["+Pick up the dry cleaning"], ["dry cleaning"]),
        new("add: can you please put water the plants on my list", Standard, ["can you please put water the plants on my list"], ["+Water the plants"], ["Water the plants"]),
        new("add: siri add renew my passport to my todo list", Standard, ["siri, add renew my passport to my todo list"], ["+Renew my passport"], ["passport"]),
        new("add: I need to add book a haircut to my to do list please", Standard, ["I need to add book a haircut to my to do list please"], ["+Book a haircut"], ["haircut"]),
        new("add: add feed the cat to the list", Standard, ["add feed the cat to the list"], ["+Feed the cat"], ["Feed the cat"]),
        new("add: put take out the bins on my todo", Standard, ["put take out the bins on my todo"], ["+Take out the bins"], ["bins"]),
        new("add: hey siri put get gas on my to do list", Standard, ["hey siri put get gas on my to do list"], ["+Get gas"], ["Get gas"]),
        new("add: alexa add call grandma", Standard, ["Alexa, add call grandma."], ["+Call grandma"], ["Call grandma"]),
        new("add: add vacuum the living room to my to do list thanks", Standard, ["add vacuum the living room to my to do list thanks"], ["+Vacuum the living room"], ["living room"]),
        new("add: please add a to-do to email the landlord", Standard, ["please add a to-do to email the landlord"], ["+Email the landlord"], ["landlord"]),
        new("add: could you add wash the car to my list please", Standard, ["could you add wash the car to my list please"], ["+Wash the car"], ["Wash the car"]),

        // Number words and ordinals.
        new("number: alexa remove item three from my to do list", Home, ["alexa remove item three from my to do list"], ["-3"], ["Call the bank"]),
        new("number: delete number four", Home, ["delete number four"], ["-4"], ["Bathroom painting"]),
        new("number: check off item two", Home, ["check off item two"], ["x2"], ["electricity"]),
        new("number: mark number five as done", Home, ["mark number five as done"], ["x5"], ["passport"]),
        new("number: remove the last item on my to do list", Home, ["remove the last item on my to do list"], ["-5"], ["Renew passport"]),
        new("number: delete the first item on my list", Home, ["delete the first item on my list"], ["-1"], ["Buy milk"]),
        new("number: complete task number one", Home, ["complete task number one"], ["x1"], ["Buy milk"]),
        new("number: cross off the third item", Home, ["cross off the third item"], ["x3"], ["Call the bank"]),
        new("number: take item 3 off the list", Home, ["take item 3 off the list"], ["-3"], ["Call the bank"]),
        new("number: task two is done", Home, ["task two is done"], ["x2"], ["electricity"]),
        new("number: what is task four", Home, ["what is task four"], [], ["Bathroom painting"]),

        // Removal by name, with the list or a reason around it.
        new("remove: remove milk from my grocery list", Shop, ["remove milk from my grocery list"], ["-1"], ["Milk"]),
        new("remove: take the milk off the grocery list", Shop, ["take the milk off the grocery list"], ["-1"], ["Milk"]),
        new("remove: we're out of paint so take bathroom painting off the list", Shop, ["we're out of paint so take bathroom painting off the list"], ["-5"], ["Bathroom painting"]),
        new("remove: I don't want eggs anymore", Shop, ["I don't want eggs anymore"], ["-2"], ["Eggs"]),
        new("remove: alexa delete bread from my groceries list", Shop, ["alexa delete bread from my groceries list"], ["-3"], ["Bread"]),
        new("remove: get rid of the bananas", Shop, ["get rid of the bananas"], ["-4"], ["Bananas"]),
        new("remove: no need for bread anymore, remove it", Shop, ["no need for bread anymore, remove it"], ["-3"], ["Bread"]),
        new("remove: please remove call the bank from my to do list", Shop, ["please remove call the bank from my to do list"], ["-6"], ["Call the bank"]),
        new("remove: I don't need milk any more", Shop, ["I don't need milk any more"], ["-1"], ["Milk"]),
        new("remove: forget about the bathroom painting", Shop, ["forget about the bathroom painting"], ["-5"], ["Bathroom painting"]),
        new("remove: remove bananas from the grocery list please", Shop, ["remove bananas from the grocery list please"], ["-4"], ["Bananas"]),

        // Hearing the list, or asking about an item.
        new("read: read me my list", Home, ["read me my list"], [], ["Buy milk", "Call the bank", "Renew passport"]),
        new("read: what's on my to do list", Home, ["what's on my to do list"], [], ["Buy milk", "Bathroom painting", "Renew passport"]),
        new("read: do I have anything on my to do list", Home, ["do I have anything on my to do list"], [], ["Call the bank", "Renew passport"]),
        new("read: are eggs on my grocery list", Shop, ["are eggs on my grocery list"], [], ["Eggs"]),
        new("read: what's on my grocery list", Shop, ["what's on my grocery list"], [], ["Milk", "Bananas", "!Bathroom painting", "!Call the bank"]),
        new("read: alexa what's on my shopping list", ["Sunscreen #Shopping", "Towels #Shopping", "Call mom"], ["alexa, what's on my shopping list"], [], ["Sunscreen", "Towels", "!Call mom"]),
        new("read: hey google show me my to-do list", Home, ["hey google show me my to-do list"], [], ["Buy milk", "Renew passport"]),
        new("read: what's left on my list", ["Buy milk", "[x] Pay rent", "Call the bank"], ["what's left on my list"], [], ["Buy milk", "Call the bank", "!Pay rent"]),
        new("read: read my to do list to me", Home, ["read my to do list to me"], [], ["Pay the electricity bill", "Bathroom painting"]),
        new("read: is there anything about the dentist on my list", Standard, ["is there anything about the dentist on my list"], [], ["Dentist appointment"]),
        new("read: list my tasks please", Home, ["list my tasks please"], [], ["Buy milk", "Renew passport"]),

        // Requests naming no item: one short question, nothing changed.
        new("ask: add something to my list", Standard, ["add something to my list"], [], ["?"]),
        new("ask: add to list", Standard, ["add to list"], [], ["?"]),
        new("ask: alexa add to my to do list", Standard, ["alexa add to my to do list"], [], ["?"]),
        new("ask: can you add a task", Standard, ["can you add a task"], [], ["?"]),
        new("ask: remove an item from my list", Standard, ["remove an item from my list"], [], ["?"]),
        new("ask: delete a task", Standard, ["delete a task"], [], ["?"]),
        new("ask: put something on my shopping list", Shopping, ["put something on my shopping list"], [], ["?"]),
        new("ask: add", Standard, ["add"], [], ["?"]),
        new("ask: mark it as done, nothing said before", Standard, ["mark it as done"], [], ["?"]),
        new("ask: add a new item to my to do list", Standard, ["add a new item to my to do list"], [], ["?"]),

        // Reminders: a due and a reminder at it.
        new("remind: send me a reminder to take out the trash tomorrow at 8am", Standard, ["alexa send me a reminder to take out the trash tomorrow at 8am"],
            ["+Take out the trash ^2026-11-27T08:00", "6~0"], ["trash"]),
        new("remind: remind me at 8pm to take the chicken out", Standard, ["remind me at 8pm to take the chicken out"], ["+Take the chicken out ^2026-11-26T20:00", "6~0"], ["chicken"]),
        new("remind: remind me at 8pm take the chicken out", Standard, ["remind me at 8pm take the chicken out"], ["+Take the chicken out ^2026-11-26T20:00", "6~0"], ["chicken"]),
        new("remind: set a reminder every friday to put the bins out", Standard, ["set a reminder every friday to put the bins out"],
            ["+Put the bins out ^2026-11-27;FREQ=WEEKLY;BYDAY=FR", "6~0"], ["bins"]),
        new("remind: remind me tomorrow to call the vet", Standard, ["remind me tomorrow to call the vet"], ["+Call the vet ^2026-11-27", "6~0"], ["vet"]),
        new("remind: hey siri remind me to pay the water bill on monday", Standard, ["hey siri remind me to pay the water bill on monday"], ["+Pay the water bill ^2026-11-30", "6~0"], ["water bill"]),
        new("remind: remind me in 2 hours to check the oven", Standard, ["remind me in 2 hours to check the oven"], ["+Check the oven ^2026-11-26T11:00", "6~0"], ["oven"]),
        new("remind: remind me on december 3rd to renew the car registration", Standard, ["remind me on december 3rd to renew the car registration"],
            ["+Renew the car registration ^2026-12-03", "6~0"], ["registration"]),
        new("remind: set a reminder for 7:30 tomorrow morning to go for a run", Standard, ["set a reminder for 7:30 tomorrow morning to go for a run"],
            ["+Go for a run ^2026-11-27T07:30", "6~0"], ["run"]),
        new("remind: remind me to water the plants at 6 tonight", Standard, ["remind me to water the plants at 6 tonight"], ["+Water the plants ^2026-11-26T18:00", "6~0"], ["plants"]),
        new("remind: ok google remind me friday at noon to pick up the cake", Standard, ["ok google remind me friday at noon to pick up the cake"],
            ["+Pick up the cake ^2026-11-27T12:00", "6~0"], ["cake"]),
        new("remind: remind me an hour before the dentist", Dated, ["remind me an hour before the dentist"], ["2~60"], ["Dentist"]),

        // Checking off, and saying it is done in the past tense.
        new("done: check off bananas", Shop, ["check off bananas"], ["x4"], ["Bananas"]),
        new("done: I bought the milk", Home, ["I bought the milk"], ["x1"], ["milk"]),
        new("done: I paid the electricity bill", Home, ["I paid the electricity bill"], ["x2"], ["electricity"]),
        new("done: task completed call the bank", Home, ["task completed call the bank"], ["x3"], ["Call the bank"]),
        new("done: I called the bank", Home, ["I called the bank"], ["x3"], ["Call the bank"]),
        new("done: done with the bathroom painting", Home, ["done with the bathroom painting"], ["x4"], ["Bathroom painting"]),
        new("done: alexa mark renew passport as done", Home, ["alexa mark renew passport as done"], ["x5"], ["passport"]),
        new("done: got the milk", Home, ["got the milk"], ["x1"], ["milk"]),
        new("done: the electricity bill is paid", Home, ["the electricity bill is paid"], ["x2"], ["electricity"]),
        new("done: tick off call the bank", Home, ["tick off call the bank"], ["x3"], ["Call the bank"]),
        new("done: finished painting the bathroom", Home, ["finished painting the bathroom"], ["x4"], ["Bathroom painting"]),
        new("done: I renewed my passport", Home, ["I renewed my passport"], ["x5"], ["passport"]),

        // "that one", "this one", "the last one" after an add or a listing.
        new("that: add, then actually delete that one", Standard, ["add buy batteries", "actually delete that one"], ["+Buy batteries", "-6"], ["batteries"]),
        new("that: read my to do list, then remove the second one", Home, ["read my to do list", "remove the second one"], ["-2"], ["electricity"]),
        new("that: what's on my list, then mark the last one as done", Home, ["what's on my list", "mark the last one as done"], ["x5"], ["passport"]),
        new("that: show my tasks, then I finished the first one", Home, ["show my tasks", "I finished the first one"], ["x1"], ["Buy milk"]),
        new("that: add, then set it for tomorrow", Standard, ["add pick up dry cleaning", "set it for tomorrow"], ["+Pick up dry cleaning ^2026-11-27"], ["Friday"]),
        new("that: add, then move this one to friday", Standard, ["add book flights", "move this one to friday"], ["+Book flights ^2026-11-27"], ["Friday"]),
        new("that: list my tasks, then delete the third one", Home, ["list my tasks", "delete the third one"], ["-3"], ["Call the bank"]),
        new("that: add, then mark that one done", Standard, ["add buy a birthday card", "mark that one done"], ["+Buy a birthday card", "x6"], ["birthday card"]),
        new("that: what's on my to do list, then the fourth one is done", Home, ["what's on my to do list", "the fourth one is done"], ["x4"], ["Bathroom painting"]),
        new("that: add, then put that one on my work list", ["list:Work", "Call mom"], ["add email the landlord", "put that one on my work list"],
            ["+Email the landlord #Work"], ["Work"]),

        // Several items in one message.
        new("several: add eggs, milk and bread", Standard, ["add eggs, milk and bread"], ["+Eggs", "+Milk", "+Bread"], ["Eggs", "Milk", "Bread"]),
        new("several: add two tasks: call the bank and book a haircut", Standard, ["add two tasks: call the bank and book a haircut"],
            ["+Call the bank", "+Book a haircut"], ["Call the bank", "haircut"]),
        new("several: alexa add apples, bananas and oranges to my grocery list", Lists, ["alexa add apples, bananas and oranges to my grocery list"],
            ["+Apples #Groceries", "+Bananas #Groceries", "+Oranges #Groceries"], ["Apples", "Oranges"]),
        new("several: put milk and eggs on my shopping list", Shopping, ["put milk and eggs on my shopping list"], ["+Milk #Shopping", "+Eggs #Shopping"], ["Milk", "Eggs"]),
        new("several: add three things: buy stamps, post the parcel, and call grandma", Standard, ["add three things: buy stamps, post the parcel, and call grandma"],
            ["+Buy stamps", "+Post the parcel", "+Call grandma"], ["stamps", "parcel", "grandma"]),
        new("several: add bread, butter, jam", Standard, ["add bread, butter, jam"], ["+Bread", "+Butter", "+Jam"], ["Butter"]),
        new("several: can you add toothpaste and shampoo to my list", Standard, ["can you add toothpaste and shampoo to my list"], ["+Toothpaste", "+Shampoo"], ["Toothpaste", "Shampoo"]),
        new("several: add the following: renew passport, book dentist", Standard, ["add the following: renew passport, book dentist"],
            ["+Renew passport", "+Book dentist"], ["passport", "Book dentist"]),

        // Edits.
        new("edit: change the second item to pay the gas bill", Home, ["change the second item to pay the gas bill"], ["2=Pay the gas bill"], ["gas bill"]),
        new("edit: edit task 3 title to call the bank about the mortgage", Home, ["edit task 3 title to call the bank about the mortgage"],
            ["3=Call the bank about the mortgage"], ["mortgage"]),
        new("edit: rename buy milk to buy oat milk", Home, ["rename buy milk to buy oat milk"], ["1=Buy oat milk"], ["oat milk"]),
        new("edit: alexa change renew passport to renew passport and visa", Home, ["alexa change renew passport to renew passport and visa"],
            ["5=Renew passport and visa"], ["visa"]),
        new("edit: can you update item four to say paint the bathroom ceiling", Home, ["can you update item four to say paint the bathroom ceiling"],
            ["4=Paint the bathroom ceiling"], ["ceiling"]),
        new("edit: actually call the bank should be call the credit union", Home, ["actually call the bank should be call the credit union"],
            ["3=Call the credit union"], ["credit union"]),
        new("edit: change number one to buy almond milk", Home, ["change number one to buy almond milk"], ["1=Buy almond milk"], ["almond"]),
        new("edit: make task 5 say renew passport online", Home, ["make task 5 say renew passport online"], ["5=Renew passport online"], ["online"]),

        // Times and numbers inside titles: the title stays whole.
        new("title: add meet Leon after 5:00 PM", Standard, ["add meet Leon after 5:00 PM"], ["+Meet Leon after 5:00 PM"], ["Leon"]),
        new("title: add meet Leon at 5pm", Standard, ["add meet Leon at 5pm"], ["+Meet Leon ^2026-11-26T17:00"], ["Leon"]),
        new("title: add pick up kids at 3:30 pm", Standard, ["add pick up kids at 3:30 pm"], ["+Pick up kids ^2026-11-26T15:30"], ["kids"]),
        new("title: add dinner with Sam at 7:30 pm on saturday", Standard, ["add dinner with Sam at 7:30 pm on saturday"], ["+Dinner with Sam ^2026-11-28T19:30"], ["Sam"]),
        new("title: add read chapter 5", Standard, ["add read chapter 5"], ["+Read chapter 5"], ["chapter 5"]),
        new("title: add buy 2 pints of milk", Standard, ["add buy 2 pints of milk"], ["+Buy 2 pints of milk"], ["pints"]),
        new("title: add call mom back after lunch", Standard, ["add call mom back after lunch"], ["+Call mom back after lunch"], ["lunch"]),
        new("title: add 10 minute yoga session", Standard, ["add 10 minute yoga session"], ["+10 minute yoga session"], ["yoga"]),
        new("title: add pay the 50 dollars for the school trip by friday", Standard, ["add pay the 50 dollars for the school trip by friday"],
            ["+Pay the 50 dollars for the school trip ^2026-11-27"], ["school trip"]),
        new("title: add call the 24 hour pharmacy", Standard, ["add call the 24 hour pharmacy"], ["+Call the 24 hour pharmacy"], ["pharmacy"]),

        // Named lists: the task goes to the list, whose name never stays in the title.
        new("list: add broccoli to my grocery list", Lists, ["add broccoli to my grocery list"], ["+Broccoli #Groceries"], ["Broccoli"]),
        new("list: alexa add broccoli to groceries", Lists, ["alexa add broccoli to groceries"], ["+Broccoli #Groceries"], ["Broccoli"]),
        new("list: put dish soap on the groceries list", Lists, ["put dish soap on the groceries list"], ["+Dish soap #Groceries"], ["Dish soap"]),
        new("list: can you add toilet paper to my grocery list please", Lists, ["can you add toilet paper to my grocery list please"], ["+Toilet paper #Groceries"], ["Toilet paper"]),
        new("list: add finish the slides to my work list", Lists, ["add finish the slides to my work list"], ["+Finish the slides #Work"], ["slides"]),
        new("list: on my work list add email Sarah", Lists, ["on my work list add email Sarah"], ["+Email Sarah #Work"], ["Sarah"]),
        new("list: what's on my work list", Lists, ["what's on my work list"], [], ["Write report", "!Milk", "!Call mom"]),
        new("list: add cheese to the grocery list", Lists, ["add cheese to the grocery list"], ["+Cheese #Groceries"], ["Cheese"]),
        new("list: add sunscreen to my shopping list", Shopping, ["add sunscreen to my shopping list"], ["+Sunscreen #Shopping"], ["Sunscreen"]),
        new("list: hey google, add paper towels to my shopping list", Shopping, ["hey google, add paper towels to my shopping list"], ["+Paper towels #Shopping"], ["Paper towels"]),

        // Dates.
        new("date: move the dentist appointment to monday", Dated, ["move the dentist appointment to monday"], ["2^2026-11-30T10:00"], ["Monday"]),
        new("date: what's due this week", Dated, ["what's due this week"], [], ["Dentist appointment", "!Renew passport", "!Call mom"]),
        new("date: what do I have tomorrow", Dated, ["what do I have tomorrow"], [], ["Dentist appointment", "!Pay rent", "!Renew passport"]),
        new("date: push pay rent to tuesday", Dated, ["push pay rent to tuesday"], ["4^2026-12-01"], ["Tuesday"]),
        new("date: when is my dentist appointment", Dated, ["when is my dentist appointment"], [], ["Friday"]),
        new("date: set call mom for saturday", Dated, ["set call mom for saturday"], ["3^2026-11-28"], ["Saturday"]),
        new("date: make buy groceries due tomorrow", Dated, ["make buy groceries due tomorrow"], ["1^2026-11-27"], ["Friday"]),
        new("date: postpone the passport renewal to january 10th", Dated, ["postpone the passport renewal to january 10th"], ["5^2027-01-10"], ["passport"]),
        new("date: what's due today", Today, ["what's due today"], [], ["Water plants", "Call mom", "!Read a book"]),
        new("date: add buy a christmas tree on december 5th", Standard, ["add buy a christmas tree on december 5th"], ["+Buy a christmas tree ^2026-12-05"], ["Saturday"]),
        new("date: remove the due date from pay rent", Dated, ["remove the due date from pay rent"], ["4^-"], ["Pay rent"]),

        // Priorities.
        new("priority: add, then make that urgent", Standard, ["add call the plumber", "make that urgent"], ["+Call the plumber !high"], ["plumber"]),
        new("priority: make the dentist appointment high priority", Standard, ["make the dentist appointment high priority"], ["5!high"], ["Dentist"]),
        new("priority: call mom is urgent", Standard, ["call mom is urgent"], ["3!high"], ["Call mom"]),
        new("priority: what's important", Prioritised, ["what's important"], [], ["Buy groceries", "Call mom", "!Team meeting", "!Pay rent"]),
        new("priority: what are my urgent tasks", Prioritised, ["what are my urgent tasks"], [], ["Buy groceries", "Call mom", "!Team meeting", "!Pay rent"]),
        new("priority: flag team meeting as important", Standard, ["flag team meeting as important"], ["2!high"], ["Team meeting"]),
        new("priority: take the priority off call mom", Prioritised, ["take the priority off call mom"], ["3!none"], ["Call mom"]),
        new("priority: set team meeting to low priority", Standard, ["set team meeting to low priority"], ["2!low"], ["Team meeting"]),
        new("priority: alexa make buying groceries a top priority", Standard, ["alexa, make buying groceries a top priority"], ["1!high"], ["groceries"]),
        new("priority: add pay the credit card bill as high priority", Standard, ["add pay the credit card bill as high priority"], ["+Pay the credit card bill !high"], ["credit card"]),

        // Undo.
        new("undo: delete call mom, then undo that", Standard, ["delete call mom", "undo that"], [], ["Call mom"]),
        new("undo: mark the team meeting done, then oops put it back", Standard, ["mark the team meeting done", "oops put it back"], [], ["Team meeting"]),
        new("undo: add, then oops undo", Standard, ["add buy eggs", "oops, undo"], [], ["Buy eggs"]),
        new("undo: remove task 2, then wait no bring it back", Standard, ["remove task 2", "wait no bring it back"], [], ["Team meeting"]),
        new("undo: rename, then undo", Standard, ["rename call mom to call dad", "undo"], [], ["Call"]),
        new("undo: complete, then oops I didn't mean to do that", Standard, ["complete buy groceries", "oops I didn't mean to do that"], [], ["Buy groceries"]),
        new("undo: delete the dentist appointment, then alexa undo", Standard, ["delete the dentist appointment", "alexa undo"], [], ["Dentist"]),
        new("undo: move, then never mind undo that", Standard, ["move the team meeting to tomorrow", "never mind, undo that"], [], ["Team meeting"]),
        new("undo: add, then take that back", Standard, ["add walk the dog", "take that back"], [], ["Walk the dog"]),

        // Bulk changes: asked first, then carried out or cancelled.
        new("bulk: clear my grocery list, yes", Bulk, ["clear my grocery list", "yes"], ["-1", "-2", "-3"], []),
        new("bulk: delete all completed tasks, yes", Bulk, ["delete all completed tasks", "yes"], ["-2", "-6"], []),
        new("bulk: mark everything on my grocery list as done, yes", Bulk, ["mark everything on my grocery list as done", "yes"], ["x1", "x3"], []),
        new("bulk: delete everything on my to do list, no", Bulk, ["delete everything on my to do list", "no"], [], []),
        new("bulk: check off all my groceries, yep", Bulk, ["check off all my groceries", "yep"], ["x1", "x3"], []),
        new("bulk: clear out the completed items, sure", Bulk, ["clear out the completed items", "sure"], ["-2", "-6"], []),
        new("bulk: alexa delete all the items on my grocery list, yes please", Bulk, ["alexa delete all the items on my grocery list", "yes please"], ["-1", "-2", "-3"], []),
        new("bulk: make everything on my work list urgent, yes", Bulk, ["make everything on my work list urgent", "yes"], ["4!high", "5!high"], []),
        new("bulk: mark all tasks as done, cancel", Bulk, ["mark all tasks as done", "cancel"], [], []),
        new("bulk: push all of today's tasks to tomorrow, yes", Today, ["push all of today's tasks to tomorrow", "yes"], ["1^2026-11-27", "2^2026-11-27"], []),

        // Typed typos (speech never makes them).
        new("typo: dlete task 3", Standard, ["dlete task 3"], ["-3"], ["Call mom"]),
        new("typo: remvoe call mom", Standard, ["remvoe call mom"], ["-3"], ["Call mom"]),
        new("typo: mark task 2 as compelte", Standard, ["mark task 2 as compelte"], ["x2"], ["Team meeting"]),
        new("typo: whats on my todo lsit", Home, ["whats on my todo lsit"], [], ["Buy milk", "Renew passport"]),
        new("typo: shwo my tasks", Home, ["shwo my tasks"], [], ["Buy milk", "Renew passport"]),
        new("typo: add buy mlik keeps the title as typed", Standard, ["add buy mlik"], ["+Buy mlik"], ["mlik"]),
        new("typo: delet the dentist appointment", Standard, ["delet the dentist appointment"], ["-5"], ["Dentist"]),
        new("typo: pleas add call the vet", Standard, ["pleas add call the vet"], ["+Call the vet"], ["vet"]),

        // Lower case, contractions, no punctuation.
        new("casual: i've called mom", Standard, ["i've called mom"], ["x3"], ["Call mom"]),
        new("casual: can't make the team meeting delete it", Standard, ["can't make the team meeting delete it"], ["-2"], ["Team meeting"]),
        new("casual: what's left to do", Standard, ["what's left to do"], [], ["Buy groceries", "Call mom", "Dentist appointment", "!Pay rent"]),
        new("casual: i don't need to call mom anymore", Standard, ["i don't need to call mom anymore"], ["-3"], ["Call mom"]),
        new("casual: lets add buy stamps", Standard, ["lets add buy stamps"], ["+Buy stamps"], ["stamps"]),
        new("casual: i'm done with the team meeting", Standard, ["i'm done with the team meeting"], ["x2"], ["Team meeting"]),
        new("casual: whats on my list", Home, ["whats on my list"], [], ["Buy milk", "Renew passport"]),
        new("casual: don't forget to buy stamps", Standard, ["don't forget to buy stamps"], ["+Buy stamps"], ["stamps"]),
        new("casual: i'll need to buy a new charger", Standard, ["i'll need to buy a new charger"], ["+Buy a new charger"], ["charger"]),
    ];

    [Fact]
    public async Task HeldOutScoreIsReported()
    {
        var failures = new List<string>();
        var harmful = 0;
        var byClass = new SortedDictionary<string, (int Passed, int Total)>(StringComparer.Ordinal);
        foreach (var phrase in Cases)
        {
            PhraseJudgement judgement;
            try
            {
                judgement = await PhraseTests.JudgeAsync(api, phrase);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                judgement = new(e.Message, false);
            }

            var kind = phrase.Name[..phrase.Name.IndexOf(':', StringComparison.Ordinal)];
            var (passed, total) = byClass.GetValueOrDefault(kind);
            byClass[kind] = (passed + (judgement.Failure is null ? 1 : 0), total + 1);
            if (judgement.Failure is not null)
            {
                harmful += judgement.Harmful ? 1 : 0;
                failures.Add($"{phrase.Name}{(judgement.Harmful ? " [harmful]" : "")}: {judgement.Failure}");
            }
        }

        var passedAll = Cases.Length - failures.Count;
        var report = $"Held-out real speech: {passedAll}/{Cases.Length} ({100.0 * passedAll / Cases.Length:F0}%), {harmful} harmful";
        var classes = string.Join(", ", byClass.Select(pair => $"{pair.Key} {pair.Value.Passed}/{pair.Value.Total}"));
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        TestContext.Current.TestOutputHelper?.WriteLine(classes);
        foreach (var failure in failures)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(failure);
        }

        Console.WriteLine(report);
        Console.WriteLine(classes);
        Assert.True(passedAll >= PassedFloor && harmful <= HarmfulCeiling, report + "\n" + string.Join("\n\n", failures));
    }

    [Fact]
    public void EveryClassHasAtLeastEightCasesAndTheNamesAreDistinct()
    {
        Assert.All(Cases.GroupBy(c => c.Name[..c.Name.IndexOf(':', StringComparison.Ordinal)]), kind => Assert.True(kind.Count() >= 8, $"{kind.Key}: {kind.Count()}"));
        Assert.Equal(Cases.Length, Cases.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
    }
}

public sealed class SqliteHeldOutRealSpeechTests(SqliteApi api) : HeldOutRealSpeechTests(api), IClassFixture<SqliteApi>;

public sealed class PostgresHeldOutRealSpeechTests(PostgresApi api) : HeldOutRealSpeechTests(api), IClassFixture<PostgresApi>;
