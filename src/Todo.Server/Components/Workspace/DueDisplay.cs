using System.Globalization;
using Todo.Server.Tasks;
using Todo.Server.Tasks.Filters;

namespace Todo.Server.Components.Workspace;

/// <summary>
/// A task's due as its row shows it, reckoned in the user's zone: "Today", "Tomorrow", a weekday for the six days after,
/// else "Fri 4 Dec" (with the year when it is not this one), with ", 17:00" when a time is set. An overdue due says so in
/// words (<see cref="IsOverdue"/>: "Overdue · Wed 2 Dec"), so it does not rest on colour; <see cref="Repeats"/> is the
/// rule of a repeating task ("every Monday at 09:00").
/// </summary>
public sealed record DueDisplay(string When, bool IsOverdue, string? Repeats)
{
    public const string OverdueWord = "Overdue";

    /// <summary>What shows: <see cref="When"/>, after "Overdue · " when overdue.</summary>
    public string Text => IsOverdue ? $"{OverdueWord} · {When}" : When;

    /// <summary>How the due shows for <paramref name="task"/> at <paramref name="clock"/>; null without a due.</summary>
    public static DueDisplay? For(TaskDto task, DueClock clock)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(clock);
        if (task.Due is not { } due)
        {
            return null;
        }

        DateOnly day;
        TimeOnly? time = null;
        bool overdue;
        if (due.Datetime is { } at)
        {
            var local = TimeZoneInfo.ConvertTime(at, clock.Zone);
            day = DateOnly.FromDateTime(local.DateTime);
            time = new TimeOnly(local.Hour, local.Minute);
            overdue = at.UtcDateTime < clock.Now;
        }
        else
        {
            day = due.Date;
            overdue = day < clock.Today;
        }

        var when = DayName(day, clock.Today) + (time is { } t ? ", " + t.ToString("HH:mm", CultureInfo.InvariantCulture) : "");
        return new DueDisplay(when, overdue && !task.IsCompleted, due.IsRecurring ? due.Text : null);
    }

    /// <summary>"Today", "Tomorrow", a weekday name for the 2–6 days after today, else "Fri 4 Dec" or "Fri 4 Dec 2027".</summary>
    public static string DayName(DateOnly day, DateOnly today)
    {
        var days = day.DayNumber - today.DayNumber;
        return days switch
        {
            0 => "Today",
            1 => "Tomorrow",
            > 1 and < 7 => day.ToString("dddd", CultureInfo.InvariantCulture),
            _ => day.ToString(day.Year == today.Year ? "ddd d MMM" : "ddd d MMM yyyy", CultureInfo.InvariantCulture),
        };
    }
}
