package io.steward.work.agent;

import static io.steward.provider.offline.OfflineWords.CREATE;
import static io.steward.provider.offline.OfflineWords.LIST;
import static io.steward.provider.offline.OfflineWords.NAMED;
import static io.steward.provider.offline.OfflineWords.arguments;
import static io.steward.provider.offline.OfflineWords.capitalised;
import static io.steward.provider.offline.OfflineWords.cleaned;

import io.steward.provider.offline.OfflineDates;
import io.steward.provider.offline.OfflinePhrasebook;
import io.steward.provider.offline.OfflinePhrasing;
import io.steward.provider.offline.OfflineResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requests about tasks, projects, notes and checkpoints the offline model understands, and how
 * it answers what is due today. {@code <create>} is {@code create|add|make|start|write a|an [new]}
 * or {@code new}; a {@code <date>} is one of {@link OfflineDates}; {@code [x]} is optional, {@code
 * a|b} a choice.
 *
 * <ul>
 *   <li>{@code <create> task [to|called|named|:] <title> [<date>] [in|for project <project>]},
 *       {@code remind me to <title> [<date>] [in|for project <project>]} → {@code create_task
 *       {title, dueDate?, project?}}; the title gets a capital first letter.
 *   <li>{@code what is|what's due today}, {@code [list|show] [my] tasks due today}, {@code what do
 *       I have today} → {@code list_tasks_due_today {}}
 *   <li>{@code list|show [my|all|the] tasks [in|for [project] <project>]} → {@code list_tasks
 *       {project?}}
 *   <li>{@code list|show [my|all|the] projects} → {@code list_all_projects {}}, or {@code
 *       list_projects {}} if only that is offered
 *   <li>{@code [<create>] note [to|for|on [project] <project>]: <text>} (or {@code saying} for the
 *       colon) → {@code create_note {project?, title, content}}; the title is the first eight words
 *       of the text.
 *   <li>{@code <create> project [called|named|:] <name> [for <company>]} → {@code create_project
 *       {name, company?}}; the name ends at the first "for".
 *   <li>{@code <create> checkpoint [called|named|:] <title> <date> to|for|in [project] <project>} →
 *       {@code create_checkpoint {project, title, date}}
 * </ul>
 */
@ApplicationScoped
public class WorkPhrasebook implements OfflinePhrasebook {

  /** Words that may come before a project's name. */
  private static final String PROJECT = "(?:the\\s+)?(?:project\\s+)?";

  private static final Pattern PROJECT_SUFFIX =
      Pattern.compile(
          "(?<rest>.+?)\\s+(?:in|for)\\s+(?:the\\s+)?project\\s+(?<project>.+)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
  private static final int NOTE_TITLE_WORDS = 8;
  private static final OfflinePhrasing.Reader NO_ARGUMENTS =
      (wording, today) -> arguments().build();

  private static final List<OfflinePhrasing> PHRASINGS =
      List.of(
          OfflinePhrasing.of(
              "create_task",
              "create tasks",
              "create a task to call Acme tomorrow",
              "(?:" + CREATE + "task(?:\\s+to)?" + NAMED + "|remind\\s+me\\s+to\\s+)(?<rest>.+)",
              WorkPhrasebook::task),
          OfflinePhrasing.of(
              "list_tasks_due_today",
              "list what is due today",
              "what is due today",
              "(?:what(?:'s|’s|\\s+is)\\s+due|(?:(?:list|show)\\s+)?(?:(?:my|the)\\s+)?tasks"
                  + "\\s+(?:that\\s+are\\s+)?due|what\\s+do\\s+i\\s+have(?:\\s+due)?)\\s+today",
              NO_ARGUMENTS),
          OfflinePhrasing.of(
              "list_tasks",
              "list tasks",
              "list tasks in project Website relaunch",
              LIST + "tasks(?:\\s+(?:in|for)\\s+" + PROJECT + "(?<project>.+))?",
              (wording, today) -> arguments().add("project", wording.group("project")).build()),
          OfflinePhrasing.of(
              List.of("list_all_projects", "list_projects"),
              "list projects",
              "list projects",
              LIST + "projects",
              NO_ARGUMENTS),
          OfflinePhrasing.of(
              "create_note",
              "add notes",
              "add a note to Website relaunch: the client prefers email",
              CREATE // optional here: "note for Website: …"
                  + "?note(?:\\s+(?:to|for|on)\\s+"
                  + PROJECT
                  + "(?<project>[^:]+?))?(?:\\s*:|\\s+saying)\\s*(?<text>.+)",
              WorkPhrasebook::note),
          OfflinePhrasing.of(
              "create_project",
              "create projects",
              "create a project Website relaunch for Acme",
              CREATE + "project" + NAMED + "(?<name>.+?)(?:\\s+for\\s+(?<company>.+))?",
              (wording, today) ->
                  arguments()
                      .add("name", wording.group("name"))
                      .add("company", wording.group("company"))
                      .build("name")),
          OfflinePhrasing.of(
              "create_checkpoint",
              "add checkpoints",
              "add a checkpoint Design review on 2026-12-01 to Website relaunch",
              CREATE
                  + "checkpoint"
                  + NAMED
                  + "(?<title>.+?)\\s+(?<date>"
                  + OfflineDates.PHRASE
                  + ")\\s+(?:to|for|in)\\s+"
                  + PROJECT
                  + "(?<project>.+)",
              WorkPhrasebook::checkpoint));

  @Override
  public List<OfflinePhrasing> phrasings() {
    return PHRASINGS;
  }

  @Override
  public Map<String, Function<OfflineResult, String>> answers() {
    return Map.of("list_tasks_due_today", WorkPhrasebook::dueToday);
  }

  private static Optional<JsonObject> task(Matcher wording, LocalDate today) {
    OfflineDates.Split dated = OfflineDates.splitTrailing(wording.group("rest"), today);
    String title = dated.rest();
    String project = null;
    Matcher inProject = PROJECT_SUFFIX.matcher(title);
    if (inProject.matches()) {
      title = inProject.group("rest");
      project = inProject.group("project");
    }
    LocalDate dueDate = dated.date();
    if (dueDate == null) {
      OfflineDates.Split titleDated = OfflineDates.splitTrailing(title, today);
      title = titleDated.rest();
      dueDate = titleDated.date();
    }
    return arguments()
        .add("title", capitalised(title))
        .add("dueDate", dueDate == null ? null : dueDate.toString())
        .add("project", project)
        .build("title");
  }

  /** A note's title is the first few words of its text. */
  private static Optional<JsonObject> note(Matcher wording, LocalDate today) {
    String content = cleaned(wording.group("text"));
    String[] words = content.split("\\s+");
    String title =
        String.join(" ", Arrays.asList(words).subList(0, Math.min(words.length, NOTE_TITLE_WORDS)));
    return arguments()
        .add("project", wording.group("project"))
        .add("title", capitalised(title))
        .add("content", content)
        .build("content");
  }

  private static Optional<JsonObject> checkpoint(Matcher wording, LocalDate today) {
    return OfflineDates.resolve(wording.group("date"), today)
        .flatMap(
            date ->
                arguments()
                    .add("project", wording.group("project"))
                    .add("title", capitalised(wording.group("title")))
                    .add("date", date.toString())
                    .build("project", "title"));
  }

  private static String dueToday(OfflineResult tasks) {
    long total = tasks.total();
    return total == 0
        ? "Nothing is due today."
        : OfflineResult.counted(total, "task")
            + (total == 1 ? " is" : " are")
            + " due today:"
            + tasks.listing();
  }
}
