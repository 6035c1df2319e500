using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Todo.Server.Dates;
using Todo.Server.Tasks;

namespace Todo.Server.Transfer;

/// <summary>
/// Todoist's CSV template (todoist.com/help, "Format a CSV file to import into Todoist"): a header row naming the columns
/// TYPE, CONTENT, DESCRIPTION, PRIORITY, INDENT, AUTHOR, RESPONSIBLE, DATE, DATE_LANG, TIMEZONE (and others, ignored), then
/// one row per task, section or note. A task's CONTENT is its title with <c>@label</c> words taken out as labels;
/// PRIORITY is Todoist's p1–p4 as its template writes them (1 is p1, the highest: high; 2 medium; 3 low; 4 none; an empty
/// cell none); DATE is read as a due in words, in TIMEZONE when given, else the user's. Section and note rows are
/// skipped (counted in the answer); INDENT over 1 (a sub-task) imports a task of its own, with a note; AUTHOR and
/// RESPONSIBLE are people of Todoist's and are ignored.
/// </summary>
public static partial class TodoistCsv
{
    public static ImportPlan Read(string text, ImportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rows = Rows(text).Where(row => row.Cells.Any(cell => cell.Length > 0)).ToList();
        if (rows.Count == 0)
        {
            throw new ImportRejectedException(null, "The CSV is empty; it needs a header row with TYPE and CONTENT.");
        }

        var header = rows[0].Cells.Select(cell => cell.Trim().ToUpperInvariant()).ToList();
        int Column(string name) => header.IndexOf(name);
        var (type, content, description, priority, indent, date, dateLang, timeZone) = (Column("TYPE"), Column("CONTENT"),
            Column("DESCRIPTION"), Column("PRIORITY"), Column("INDENT"), Column("DATE"), Column("DATE_LANG"), Column("TIMEZONE"));
        if (type < 0 || content < 0)
        {
            throw new ImportRejectedException(rows[0].Line, "The header row must name the columns TYPE and CONTENT (Todoist's template).");
        }

        var tasks = new List<ImportedTask>();
        var notes = new List<ImportNote>();
        var skipped = 0;
        foreach (var row in rows.Skip(1))
        {
            string Cell(int column) => column >= 0 && column < row.Cells.Count ? row.Cells[column].Trim() : "";
            switch (Cell(type))
            {
                case "section" or "note":
                    skipped++;
                    continue;
                case "task":
                    break;
                case var other:
                    throw new ImportRejectedException(row.Line, $"TYPE is \"{other}\"; Todoist's rows are task, section or note.");
            }

            if (tasks.Count == context.MaxTasks)
            {
                throw new ImportTooLargeException($"The file has more than {context.MaxTasks} tasks; one import takes at most {context.MaxTasks}.");
            }

            tasks.Add(ReadTask(row.Line, Cell(content), Cell(description), Cell(priority), Cell(indent), Cell(date), Cell(dateLang), Cell(timeZone), context, notes));
        }

        return new ImportPlan([], tasks, skipped, notes);
    }

    private static ImportedTask ReadTask(
        int line, string content, string description, string priority, string indent, string date, string dateLang, string timeZone,
        ImportContext context, List<ImportNote> notes)
    {
        var labels = LabelWord().Matches(content).Select(m => m.Groups[1].Value).ToList();
        var title = ImportRules.Title(line, string.Join(' ', LabelWord().Replace(content, " ").Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        var taskPriority = priority switch
        {
            "" or "4" => TaskPriority.None,
            "1" => TaskPriority.High,
            "2" => TaskPriority.Medium,
            "3" => TaskPriority.Low,
            _ => throw new ImportRejectedException(line, $"PRIORITY is \"{priority}\"; Todoist's are 1 (p1, the highest) to 4."),
        };
        if (indent.Length > 0)
        {
            if (!int.TryParse(indent, NumberStyles.None, CultureInfo.InvariantCulture, out var level) || level < 1)
            {
                throw new ImportRejectedException(line, $"INDENT is \"{indent}\"; it is a whole number from 1.");
            }

            if (level > 1)
            {
                notes.Add(new ImportNote(line, "A sub-task was imported as a task of its own."));
            }
        }

        DueReading? due = null;
        if (date.Length > 0)
        {
            if (dateLang.Length > 0 && !dateLang.Equals("en", StringComparison.OrdinalIgnoreCase))
            {
                throw new ImportRejectedException(line, $"DATE_LANG is \"{dateLang}\"; only English dates (en) can be read.");
            }

            if (date.Length > Tasks.DueInput.MaxTextLength)
            {
                throw new ImportRejectedException(line, $"DATE is longer than {Tasks.DueInput.MaxTextLength} characters.");
            }

            var zone = context.TimeZone;
            if (timeZone.Length > 0)
            {
                zone = ZonedTime.FindZone(timeZone) is null
                    ? throw new ImportRejectedException(line, $"TIMEZONE \"{timeZone}\" is not a known IANA time zone.")
                    : timeZone;
            }

            var read = DateReader.ReadWhole(date, context.Now, zone);
            due = read.Match?.Reading ?? throw new ImportRejectedException(line, $"DATE \"{date}\": {read.Error}");
        }

        return new ImportedTask(line, title, ImportRules.Description(line, description.Length == 0 ? null : description), null,
            ImportRules.Labels(line, labels), taskPriority, null, null, due, []);
    }

    /// <summary>The rows of RFC 4180 CSV (quoted cells may hold commas, quotes as "" and line breaks), each with the line it starts on.</summary>
    private static IEnumerable<(int Line, List<string> Cells)> Rows(string text)
    {
        var line = 1;
        var start = 1;
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when cell.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    yield return (start, cells);
                    cells = [];
                    line++;
                    start = line;
                    break;
                default:
                    cell.Append(c);
                    break;
            }
        }

        if (quoted)
        {
            throw new ImportRejectedException(start, "A quoted cell is never closed.");
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            yield return (start, cells);
        }
    }

    /// <summary>A label as Todoist writes it in CONTENT: @ at the start of a word.</summary>
    [GeneratedRegex(@"(?<=^|\s)@(\S+)")]
    private static partial Regex LabelWord();
}
