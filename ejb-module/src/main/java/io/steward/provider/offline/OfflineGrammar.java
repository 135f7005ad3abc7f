package io.steward.provider.offline;

import io.steward.crm.domain.InteractionKind;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The small, fixed grammar of the offline model: a table of rules, each a wording (a regular
 * expression over the whole request), the tool it calls and how the wording's parts become the
 * tool's arguments. {@link OfflineChatModel} documents the wordings; rules are tried in order and
 * the first whose wording matches decides.
 */
final class OfflineGrammar {

  /** Requests longer than this are not parsed, which keeps the regular expressions cheap. */
  private static final int MAX_REQUEST_LENGTH = 2000;

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL;
  private static final Pattern POLITE_START =
      Pattern.compile("^(?:(?:please|kindly|(?:can|could|would|will)\\s+you)[\\s,]+)+", FLAGS);
  private static final Pattern POLITE_END =
      Pattern.compile("(?:[\\s,]+(?:please|thanks|thank\\s+you))?[\\s.!?]*$", FLAGS);
  private static final Pattern PROJECT_SUFFIX =
      Pattern.compile("(?<rest>.+?)\\s+(?:in|for)\\s+(?:the\\s+)?project\\s+(?<project>.+)", FLAGS);
  private static final String SURROUNDING_QUOTES = "^[\"'“”‘’]+|[\"'“”‘’]+$";
  private static final String TRAILING_PUNCTUATION = "[\\s.,;:!?…]+$";
  private static final int NOTE_TITLE_WORDS = 8;
  private static final JsonProvider JSON = JsonProvider.provider();

  /** How a rule whose wording matched reads its tool's arguments; empty if they don't fit. */
  @FunctionalInterface
  private interface ArgumentReader {
    Optional<JsonObject> read(Matcher wording, LocalDate today);
  }

  /**
   * One kind of request.
   *
   * @param tools the tools that serve it, preferred first
   * @param purpose what it does, completing "this agent can't …"
   * @param example a request it understands, shown to people as a suggestion
   */
  record Rule(
      Pattern wording, List<String> tools, String purpose, String example, ArgumentReader reader) {

    /** The first of this rule's tools that is offered, if any. */
    Optional<String> toolAmong(Set<String> offered) {
      return tools.stream().filter(offered::contains).findFirst();
    }
  }

  /** A request the grammar understood: the rule it matched and the tool arguments read from it. */
  record Interpretation(Rule rule, JsonObject arguments) {}

  /** Starts a request to create something: "create a", "add an", "make a new", "new" … */
  private static final String CREATE =
      "(?:(?:create|add|make|start|write)\\s+(?:an?\\s+)?(?:new\\s+)?|new\\s+)";

  /** Between a kind of record and its name: a colon, "called", "named" or a space. */
  private static final String NAMED = "(?:\\s*:\\s*|\\s+(?:called|named)\\s+|\\s+)";

  /** Words that may come before a project's name. */
  private static final String PROJECT = "(?:the\\s+)?(?:project\\s+)?";

  private static final String LIST = "(?:list|show(?:\\s+me)?)\\s+(?:(?:my|all|the)\\s+)*";
  private static final ArgumentReader NO_ARGUMENTS = (wording, today) -> arguments().build();

  static final List<Rule> RULES =
      List.of(
          rule(
              "create_task",
              "create tasks",
              "create a task to call Acme tomorrow",
              "(?:" + CREATE + "task(?:\\s+to)?" + NAMED + "|remind\\s+me\\s+to\\s+)(?<rest>.+)",
              OfflineGrammar::task),
          rule(
              "list_tasks_due_today",
              "list what is due today",
              "what is due today",
              "(?:what(?:'s|’s|\\s+is)\\s+due|(?:(?:list|show)\\s+)?(?:(?:my|the)\\s+)?tasks"
                  + "\\s+(?:that\\s+are\\s+)?due|what\\s+do\\s+i\\s+have(?:\\s+due)?)\\s+today",
              NO_ARGUMENTS),
          rule(
              "list_tasks",
              "list tasks",
              "list tasks in project Website relaunch",
              LIST + "tasks(?:\\s+(?:in|for)\\s+" + PROJECT + "(?<project>.+))?",
              (wording, today) -> arguments().add("project", wording.group("project")).build()),
          rule(
              List.of("list_all_projects", "list_projects"),
              "list projects",
              "list projects",
              LIST + "projects",
              NO_ARGUMENTS),
          rule(
              "log_interaction",
              "log calls, emails, meetings or notes",
              "log a call with Jane Doe about pricing",
              "log\\s+an?\\s+(?<kind>"
                  + alternatives(InteractionKind.class)
                  + ")\\s+with\\s+(?<contact>.+?)(?:\\s+(?:about|regarding)\\s+(?<summary>.+))?",
              OfflineGrammar::interaction),
          rule(
              "crm_search",
              "search the CRM",
              "who do we know at Acme",
              "(?:(?:find|search\\s+for|show(?:\\s+me)?|list)\\s+(?:the\\s+)?(?:contacts|people)"
                  + "\\s+(?:at|from)|who\\s+do\\s+we\\s+know\\s+at)\\s+(?<query>.+)",
              (wording, today) ->
                  arguments()
                      .add("query", wording.group("query"))
                      .add("kinds", JSON.createArrayBuilder().add("contact"))
                      .build("query")),
          rule(
              "crm_search",
              "search the CRM",
              "find Acme",
              "(?:find|search(?:\\s+for)?|look\\s+up)\\s+(?<query>.+)",
              (wording, today) -> arguments().add("query", wording.group("query")).build("query")),
          rule(
              "create_note",
              "add notes",
              "add a note to Website relaunch: the client prefers email",
              CREATE // optional here: "note for Website: …"
                  + "?note(?:\\s+(?:to|for|on)\\s+"
                  + PROJECT
                  + "(?<project>[^:]+?))?(?:\\s*:|\\s+saying)\\s*(?<text>.+)",
              OfflineGrammar::note),
          rule(
              "create_project",
              "create projects",
              "create a project Website relaunch for Acme",
              CREATE + "project" + NAMED + "(?<name>.+?)(?:\\s+for\\s+(?<company>.+))?",
              (wording, today) ->
                  arguments()
                      .add("name", wording.group("name"))
                      .add("company", wording.group("company"))
                      .build("name")),
          rule(
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
              OfflineGrammar::checkpoint));

  private OfflineGrammar() {}

  /**
   * The first of the eligible rules that a request matches, with the arguments it reads, if the
   * grammar understands the request that way.
   */
  static Optional<Interpretation> interpret(
      String request, LocalDate today, Predicate<Rule> eligible) {
    if (request == null || request.length() > MAX_REQUEST_LENGTH) {
      return Optional.empty();
    }
    String words =
        POLITE_END.matcher(POLITE_START.matcher(request.strip()).replaceFirst("")).replaceFirst("");
    for (Rule rule : RULES) {
      if (!eligible.test(rule)) {
        continue;
      }
      Matcher wording = rule.wording().matcher(words);
      if (wording.matches()) {
        return rule.reader()
            .read(wording, today)
            .map(arguments -> new Interpretation(rule, arguments));
      }
    }
    return Optional.empty();
  }

  /** An enum's constants in lower case, as regular-expression alternatives. */
  private static String alternatives(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(constant -> constant.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining("|"));
  }

  private static Rule rule(
      String tool, String purpose, String example, String wording, ArgumentReader reader) {
    return rule(List.of(tool), purpose, example, wording, reader);
  }

  private static Rule rule(
      List<String> tools, String purpose, String example, String wording, ArgumentReader reader) {
    return new Rule(Pattern.compile(wording, FLAGS), tools, purpose, example, reader);
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

  private static Optional<JsonObject> interaction(Matcher wording, LocalDate today) {
    String kind = wording.group("kind").toLowerCase(Locale.ROOT);
    String contact = cleaned(wording.group("contact"));
    String summary = wording.group("summary");
    return arguments()
        .add("contact", contact)
        .add("kind", kind)
        .add("summary", capitalised(summary == null ? kind + " with " + contact : summary))
        .build("contact");
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

  /** Text as an argument: without surrounding quotes and trailing punctuation. */
  private static String cleaned(String text) {
    return text.strip().replaceAll(SURROUNDING_QUOTES, "").replaceAll(TRAILING_PUNCTUATION, "");
  }

  private static String capitalised(String text) {
    String cleaned = cleaned(text);
    return cleaned.isEmpty()
        ? cleaned
        : cleaned.substring(0, 1).toUpperCase(Locale.ROOT) + cleaned.substring(1);
  }

  private static ArgumentsBuilder arguments() {
    return new ArgumentsBuilder();
  }

  /** Tool arguments that leaves out absent values and cleans the text of those present. */
  private static final class ArgumentsBuilder {
    private final JsonObjectBuilder object = JSON.createObjectBuilder();

    ArgumentsBuilder add(String name, String value) {
      if (value != null && !cleaned(value).isEmpty()) {
        object.add(name, cleaned(value));
      }
      return this;
    }

    ArgumentsBuilder add(String name, JsonArrayBuilder value) {
      object.add(name, value);
      return this;
    }

    /** The arguments, or empty when one that is required came out empty. */
    Optional<JsonObject> build(String... required) {
      JsonObject arguments = object.build();
      return Arrays.stream(required).allMatch(arguments::containsKey)
          ? Optional.of(arguments)
          : Optional.empty();
    }
  }
}
