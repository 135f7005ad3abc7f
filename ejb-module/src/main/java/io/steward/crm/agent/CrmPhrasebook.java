package io.steward.crm.agent;

import static io.steward.provider.offline.OfflineWords.alternatives;
import static io.steward.provider.offline.OfflineWords.arguments;
import static io.steward.provider.offline.OfflineWords.capitalised;
import static io.steward.provider.offline.OfflineWords.cleaned;

import io.steward.crm.domain.InteractionKind;
import io.steward.provider.offline.OfflinePhrasebook;
import io.steward.provider.offline.OfflinePhrasing;
import io.steward.provider.offline.OfflineResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * The CRM requests the offline model understands, and how it answers logged interactions, moved
 * deals and searches. {@code [x]} is optional, {@code a|b} a choice.
 *
 * <ul>
 *   <li>{@code log a|an call|email|meeting|note with <contact> [about|regarding <summary>]} →
 *       {@code log_interaction {contact, kind, summary}}; the summary defaults to {@code Call with
 *       <contact>}.
 *   <li>{@code find|search for|show|list contacts|people at|from <company>}, {@code who do we know
 *       at <company>} → {@code crm_search {query, kinds: ["contact"]}}
 *   <li>{@code find|search [for]|look up <query>} → {@code crm_search {query}}
 * </ul>
 */
@ApplicationScoped
public class CrmPhrasebook implements OfflinePhrasebook {

  /** The groups of search hits, in the order answers list them. */
  private static final List<String> SEARCH_GROUPS = List.of("contacts", "companies", "deals");

  private static final List<OfflinePhrasing> PHRASINGS =
      List.of(
          OfflinePhrasing.of(
              "log_interaction",
              "log calls, emails, meetings or notes",
              "log a call with Jane Doe about pricing",
              "log\\s+an?\\s+(?<kind>"
                  + alternatives(InteractionKind.class)
                  + ")\\s+with\\s+(?<contact>.+?)(?:\\s+(?:about|regarding)\\s+(?<summary>.+))?",
              CrmPhrasebook::interaction),
          OfflinePhrasing.of(
              "crm_search",
              "search the CRM",
              "who do we know at Acme",
              "(?:(?:find|search\\s+for|show(?:\\s+me)?|list)\\s+(?:the\\s+)?(?:contacts|people)"
                  + "\\s+(?:at|from)|who\\s+do\\s+we\\s+know\\s+at)\\s+(?<query>.+)",
              (wording, today) ->
                  arguments()
                      .add("query", wording.group("query"))
                      .addList("kinds", "contact")
                      .build("query")),
          OfflinePhrasing.of(
              "crm_search",
              "search the CRM",
              "find Acme",
              "(?:find|search(?:\\s+for)?|look\\s+up)\\s+(?<query>.+)",
              (wording, today) -> arguments().add("query", wording.group("query")).build("query")));

  @Override
  public List<OfflinePhrasing> phrasings() {
    return PHRASINGS;
  }

  @Override
  public Map<String, Function<OfflineResult, String>> answers() {
    return Map.of(
        "log_interaction", CrmPhrasebook::logged,
        "move_deal", CrmPhrasebook::moved,
        "crm_search", CrmPhrasebook::found);
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

  private static String logged(OfflineResult interaction) {
    String kind =
        interaction.field("kind").or(() -> interaction.argument("kind")).orElse("interaction");
    return "Logged "
        + kind
        + " with "
        + interaction.argument("contact").orElse("the contact")
        + ".";
  }

  private static String moved(OfflineResult deal) {
    return "Moved deal"
        + deal.label().map(title -> " “" + title + "”").orElse("")
        + deal.field("stage").map(stage -> " to " + stage).orElse("")
        + ".";
  }

  private static String found(OfflineResult hits) {
    String query = hits.argument("query").map(words -> " for “" + words + "”").orElse("");
    StringBuilder answer = new StringBuilder();
    for (String group : SEARCH_GROUPS) {
      String bullets = hits.bullets(group);
      if (!bullets.isEmpty()) {
        answer
            .append("\n\n")
            .append(Character.toUpperCase(group.charAt(0)))
            .append(group.substring(1))
            .append(":")
            .append(bullets);
      }
    }
    return answer.length() == 0
        ? "I found nothing" + query + "."
        : "Here is what I found" + query + ":" + answer;
  }
}
