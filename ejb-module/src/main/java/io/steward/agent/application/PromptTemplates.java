package io.steward.agent.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompt templates plan steps name. Their text stays on the server: clients and plans see only
 * ids, descriptions and variable names.
 */
@ApplicationScoped
public class PromptTemplates {

  private static final Pattern VARIABLE = Pattern.compile("\\{\\{(\\w+)}}");

  /** A template: which agent it suits, what it is for, and its text with {{variables}}. */
  public record PromptTemplate(String id, String agent, String description, String text) {

    /** The names of its variables, in order of first use. */
    public List<String> variables() {
      Matcher matcher = VARIABLE.matcher(text);
      java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
      return List.copyOf(names);
    }

    /** The text with every variable replaced by its value. */
    public String render(Map<String, String> values) {
      return VARIABLE
          .matcher(text)
          .replaceAll(m -> Matcher.quoteReplacement(values.get(m.group(1))));
    }
  }

  private final Map<String, PromptTemplate> templates = new LinkedHashMap<>();

  public PromptTemplates() {
    add("ask", "task", "Any request, in the person's words", "{{request}}");
    add(
        "task-from-email",
        "task",
        "Create a task from an email",
        "Create one task from this email from {{sender}}. Use a short imperative title, put the"
            + " request in the description and set the due date only if the email names one."
            + "\nEmail:\n{{email}}");
    add(
        "log-email",
        "crm",
        "Log an email as an interaction with the contact who sent it",
        "Find the contact {{sender}} and log this email as an EMAIL interaction with a one-line"
            + " summary.\nEmail:\n{{email}}");
    add(
        "due-and-overdue-tasks",
        "task",
        "Tasks overdue or due within a week",
        "List the open tasks that are overdue or due within the next seven days, most urgent"
            + " first.");
    add(
        "open-deals",
        "crm",
        "Open deals with stage and value",
        "List the open deals with their company, stage and value.");
    add(
        "weekly-report-note",
        "note",
        "Write the weekly report as a note",
        "Write a short weekly report from the results of the earlier steps (done, due, risks,"
            + " pipeline) and save it as a note titled \"Weekly report\".");
  }

  private void add(String id, String agent, String description, String text) {
    templates.put(id, new PromptTemplate(id, agent, description, text));
  }

  public List<PromptTemplate> all() {
    return List.copyOf(templates.values());
  }

  public Optional<PromptTemplate> template(String id) {
    return Optional.ofNullable(templates.get(id));
  }
}
