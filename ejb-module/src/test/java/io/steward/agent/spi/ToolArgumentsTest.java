package io.steward.agent.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steward.shared.domain.InvalidInputException;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.json.Json;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Tests {@link ToolArguments}' typed reading of a tool call's arguments: absent and JSON null read
 * as null (or the given fallback), values of the wrong shape fail naming the argument.
 */
class ToolArgumentsTest {

  enum Stage {
    LEAD,
    CLOSED_WON
  }

  private static final WorkspaceId WORKSPACE = WorkspaceId.generate();
  private static final UUID DEAL = UUID.randomUUID();

  private final ToolArguments arguments =
      new ToolArguments(
          WORKSPACE,
          Json.createReader(
                  new StringReader(
                      """
                      {"title":"Renewal","blank":"  ","nothing":null,"count":3,"countText":" 7 ",
                       "fraction":2.5,"huge":12345678901,"amount":"12.50","word":"twelve",
                       "yes":true,"no":false,"yesText":"true","deal":" %s ","badId":"deal-1",
                       "closesOn":" 2026-05-01 ","badDate":"01.05.2026","stage":" Closed_Won ",
                       "badStage":"won","deals":[" %s "],"badDeals":["deal-1"],"tags":["a","b"],"mixedTags":["a",1],"object":{"a":1},
                       "version":4}
                      """
                          .formatted(DEAL, DEAL)))
              .readObject());

  @Test
  void should_carry_the_workspace_of_the_run() {
    assertSame(WORKSPACE, arguments.workspace());
  }

  @Test
  void should_tell_present_arguments_from_absent_and_null_ones() {
    assertTrue(arguments.has("title"));
    assertTrue(arguments.has("blank"));
    assertFalse(arguments.has("nothing"));
    assertFalse(arguments.has("missing"));
  }

  @Test
  void should_read_text_and_refuse_other_json() throws Exception {
    assertEquals("Renewal", arguments.text("title"));
    assertNull(arguments.text("nothing"));
    assertNull(arguments.text("missing"));
    assertEquals("  ", arguments.text("blank"));
    assertInvalid("count", "must be a string", () -> arguments.text("count"));
  }

  @Test
  void should_require_non_blank_text() throws Exception {
    assertEquals("Renewal", arguments.requiredText("title"));
    assertInvalid("blank", "is required", () -> arguments.requiredText("blank"));
    assertInvalid("nothing", "is required", () -> arguments.requiredText("nothing"));
  }

  @Test
  void should_read_record_ids() throws Exception {
    assertEquals(DEAL, arguments.id("deal"));
    assertEquals(DEAL, arguments.requiredId("deal"));
    assertNull(arguments.id("blank"));
    assertNull(arguments.id("missing"));
    assertInvalid("badId", "must be the id of a record", () -> arguments.id("badId"));
    assertInvalid("count", "must be a string", () -> arguments.id("count"));
    assertInvalid("blank", "is required", () -> arguments.requiredId("blank"));
  }

  @Test
  void should_read_lists_of_record_ids() throws Exception {
    assertEquals(List.of(DEAL), arguments.idList("deals"));
    assertNull(arguments.idList("missing"));
    assertInvalid("badDeals", "must be ids of records", () -> arguments.idList("badDeals"));
    assertInvalid("mixedTags", "must be a list of strings", () -> arguments.idList("mixedTags"));
  }

  @Test
  void should_read_iso_dates() throws Exception {
    assertEquals(LocalDate.of(2026, 5, 1), arguments.date("closesOn"));
    assertEquals(LocalDate.of(2026, 5, 1), arguments.requiredDate("closesOn"));
    assertNull(arguments.date("blank"));
    assertInvalid("badDate", "must be a date as YYYY-MM-DD", () -> arguments.date("badDate"));
    assertInvalid("missing", "is required", () -> arguments.requiredDate("missing"));
  }

  @Test
  void should_read_whole_numbers_also_from_numeric_text() throws Exception {
    assertEquals(3, arguments.integer("count"));
    assertEquals(7, arguments.integer("countText"));
    assertNull(arguments.integer("nothing"));
    assertEquals(3, arguments.integer("count", 9));
    assertEquals(9, arguments.integer("missing", 9));
    assertInvalid("fraction", "must be a whole number", () -> arguments.integer("fraction"));
    assertInvalid("huge", "must be a whole number", () -> arguments.integer("huge"));
    assertInvalid("word", "must be a number", () -> arguments.integer("word"));
  }

  @Test
  void should_read_numbers_also_from_numeric_text() throws Exception {
    assertEquals(new BigDecimal("2.5"), arguments.number("fraction"));
    assertEquals(new BigDecimal("12.50"), arguments.number("amount"));
    assertNull(arguments.number("missing"));
    assertInvalid("word", "must be a number", () -> arguments.number("word"));
    assertInvalid("yes", "must be a number", () -> arguments.number("yes"));
    assertInvalid("object", "must be a number", () -> arguments.number("object"));
  }

  @Test
  void should_read_flags_only_from_json_booleans() throws Exception {
    assertEquals(Boolean.TRUE, arguments.flag("yes"));
    assertEquals(Boolean.FALSE, arguments.flag("no"));
    assertNull(arguments.flag("nothing"));
    assertFalse(arguments.flag("no", true));
    assertTrue(arguments.flag("missing", true));
    assertFalse(arguments.flag("nothing", false));
    assertInvalid("yesText", "must be true or false", () -> arguments.flag("yesText"));
    assertInvalid("count", "must be true or false", () -> arguments.flag("count", true));
  }

  @Test
  void should_read_the_version_a_change_is_based_on() throws Exception {
    assertEquals(4, arguments.version());
    ToolArguments none = new ToolArguments(WORKSPACE, Json.createObjectBuilder().build());
    assertNull(none.version());
  }

  @Test
  void should_read_choices_ignoring_case_and_surrounding_space() throws Exception {
    assertEquals(Stage.CLOSED_WON, arguments.choice("stage", Stage.class));
    assertEquals(Stage.CLOSED_WON, arguments.requiredChoice("stage", Stage.class));
    assertNull(arguments.choice("blank", Stage.class));
    assertInvalid(
        "badStage",
        "must be one of [lead, closed_won]",
        () -> arguments.choice("badStage", Stage.class));
    assertInvalid("nothing", "is required", () -> arguments.requiredChoice("nothing", Stage.class));
  }

  @Test
  void should_offer_choices_as_lower_case_constant_names() {
    assertEquals(List.of("lead", "closed_won"), ToolArguments.choices(Stage.class));
  }

  @Test
  void should_read_lists_of_text() throws Exception {
    assertEquals(List.of("a", "b"), arguments.textList("tags"));
    assertNull(arguments.textList("nothing"));
    assertNull(arguments.textList("missing"));
    assertInvalid("mixedTags", "must be a list of strings", () -> arguments.textList("mixedTags"));
    assertInvalid("title", "must be a list of strings", () -> arguments.textList("title"));
    assertInvalid("object", "must be a list of strings", () -> arguments.textList("object"));
  }

  private static void assertInvalid(String field, String rule, Executable read) {
    InvalidInputException invalid = assertThrows(InvalidInputException.class, read);
    assertEquals(field, invalid.field());
    assertEquals(field + ": " + rule, invalid.getMessage());
  }
}
