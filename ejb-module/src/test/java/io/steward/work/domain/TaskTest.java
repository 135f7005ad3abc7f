package io.steward.work.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.Patch;
import io.steward.shared.domain.RuleViolationException;
import io.steward.tenancy.domain.WorkspaceId;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TaskTest {

  private static final WorkspaceId WORKSPACE = WorkspaceId.generate();

  @Test
  void should_start_to_do_with_medium_priority_and_a_trimmed_title() throws Exception {
    Task task = Task.plan(WORKSPACE, draft("  Call Nora  ", "   "), false);
    assertEquals("Call Nora", task.title());
    assertEquals(TaskStatus.TODO, task.status());
    assertEquals(TaskPriority.MEDIUM, task.priority());
    assertNull(task.description(), "a blank description is no description");
    assertTrue(task.approved());
  }

  @Test
  void should_wait_for_approval_when_an_agent_suggested_it() throws Exception {
    Task task = Task.plan(WORKSPACE, draft("Follow up", null), true);
    assertTrue(task.aiSuggested());
    assertFalse(task.approved());
    task.approve();
    assertTrue(task.approved());
    assertThrows(RuleViolationException.class, task::approve);
  }

  @Test
  void should_refuse_long_titles_and_oversized_descriptions() {
    assertEquals(
        "title",
        assertThrows(
                InvalidInputException.class,
                () -> Task.plan(WORKSPACE, draft("x".repeat(201), null), false))
            .field());
    // 50,001 two-byte characters are more than 100 kB of UTF-8.
    assertEquals(
        "description",
        assertThrows(
                InvalidInputException.class,
                () -> Task.plan(WORKSPACE, draft("Long", "é".repeat(50_001)), false))
            .field());
  }

  @Test
  void should_keep_markdown_line_breaks_but_refuse_other_control_characters() throws Exception {
    assertEquals("# A\n\n- b", Task.plan(WORKSPACE, draft("T", "# A\n\n- b"), false).description());
    assertThrows(
        InvalidInputException.class, () -> Task.plan(WORKSPACE, draft("T", "bell\u0007"), false));
  }

  @Test
  void should_not_complete_a_task_twice() throws Exception {
    Task task = Task.plan(WORKSPACE, draft("Ship", null), false);
    task.complete();
    assertEquals(TaskStatus.DONE, task.status());
    assertThrows(RuleViolationException.class, task::complete);
  }

  @Test
  void should_take_the_fields_an_update_gives_and_keep_the_others() throws Exception {
    LocalDate friday = LocalDate.of(2026, 11, 20);
    Task task =
        Task.plan(
            WORKSPACE, new TaskDraft("Ship", "Notes", TaskPriority.HIGH, friday, null), false);
    task.revise(
        new TaskUpdate(
            Patch.set("Ship it"), Patch.keep(), Patch.keep(), Patch.set(null), Patch.keep()));
    assertEquals("Ship it", task.title());
    assertEquals("Notes", task.description());
    assertEquals(TaskPriority.HIGH, task.priority());
    assertNull(task.dueDate(), "a due date given as null is cleared");
  }

  @Test
  void should_take_every_field_of_a_whole_update() throws Exception {
    Task task =
        Task.plan(WORKSPACE, new TaskDraft("Ship", "Notes", TaskPriority.HIGH, null, null), false);
    task.revise(TaskUpdate.whole(draft("Ship it", null)));
    assertNull(task.description());
    assertEquals(TaskPriority.MEDIUM, task.priority(), "no priority is medium, as when planned");
    assertFalse(TaskUpdate.whole(draft("Ship", null)).givesNothing());
    assertTrue(
        new TaskUpdate(Patch.keep(), Patch.keep(), Patch.keep(), Patch.keep(), Patch.keep())
            .givesNothing());
  }

  private static TaskDraft draft(String title, String description) {
    return new TaskDraft(title, description, null, LocalDate.of(2026, 12, 1), null);
  }
}
