package io.steward.agent.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steward.shared.domain.InvalidInputException;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.work.domain.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordReferenceTest {

  private static final WorkspaceId WORKSPACE = WorkspaceId.generate();

  /** Answers every name search with the same projects, as a search over more fields might. */
  private static final class FixedProjects extends RecordReference<Project> {
    private final List<Project> projects = new ArrayList<>();
    private final List<String> searches = new ArrayList<>();

    FixedProjects(String... names) throws InvalidInputException {
      super(Project.class);
      for (String name : names) {
        projects.add(Project.start(WORKSPACE, name, null));
      }
    }

    @Override
    protected List<Project> candidates(WorkspaceId workspace, String text) {
      searches.add(text);
      return projects;
    }

    UUID idOf(String name) {
      return projects.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().id();
    }
  }

  @Test
  void should_take_an_id_as_it_is_without_searching() throws Exception {
    FixedProjects projects = new FixedProjects("Web shop");
    UUID id = UUID.randomUUID();
    assertEquals(id, projects.id(WORKSPACE, "project", " " + id.toString().toUpperCase() + " "));
    assertNull(projects.id(WORKSPACE, "project", null));
    assertNull(projects.id(WORKSPACE, "project", "  "));
    assertTrue(projects.searches.isEmpty());
  }

  @Test
  void should_prefer_the_exact_name_ignoring_case_over_names_containing_it() throws Exception {
    FixedProjects projects = new FixedProjects("Our own website", "Website", "Website audit");
    assertEquals(projects.idOf("Website"), projects.id(WORKSPACE, "project", "WEBSITE"));
    assertEquals(List.of("WEBSITE"), projects.searches);
  }

  @Test
  void should_pick_the_only_name_containing_the_text() throws Exception {
    FixedProjects projects = new FixedProjects("Northwind web shop", "Globex brand refresh");
    assertEquals(projects.idOf("Northwind web shop"), projects.id(WORKSPACE, "project", "web"));
  }

  @Test
  void should_name_the_argument_when_nothing_is_named_so() throws Exception {
    FixedProjects projects = new FixedProjects("Northwind web shop");
    InvalidInputException unknown =
        assertThrows(
            InvalidInputException.class, () -> projects.id(WORKSPACE, "project", "Intranet"));
    assertEquals("project", unknown.field());
    assertEquals("project: no project is named \"Intranet\"", unknown.getMessage());
  }

  @Test
  void should_list_a_few_candidates_when_several_match() throws Exception {
    FixedProjects projects =
        new FixedProjects("Shop 1", "Shop 2", "Shop 3", "Shop 4", "Shop 5", "Shop 6", "Shop 7");
    InvalidInputException ambiguous =
        assertThrows(InvalidInputException.class, () -> projects.id(WORKSPACE, "project", "shop"));
    assertEquals("project", ambiguous.field());
    assertTrue(
        ambiguous.getMessage().contains("Shop 5 (" + projects.idOf("Shop 5") + ")"),
        ambiguous.getMessage());
    assertTrue(ambiguous.getMessage().endsWith(") and 2 more"), ambiguous.getMessage());
    assertTrue(!ambiguous.getMessage().contains("Shop 6"), ambiguous.getMessage());
  }

  @Test
  void should_not_guess_between_records_of_the_same_name() throws Exception {
    FixedProjects projects = new FixedProjects("Website", "website");
    assertThrows(InvalidInputException.class, () -> projects.id(WORKSPACE, "project", "Website"));
  }
}
