package io.steward.shared.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GraphQLErrorCodeFilterTest {

  @Test
  void should_give_validation_errors_the_VALIDATION_code() {
    String coded =
        GraphQLErrorCodeFilter.withCodes(
            "{\"errors\":[{\"message\":\"bad\",\"extensions\":{\"classification\":\"ValidationError\"}}],\"data\":null}");
    assertEquals(
        "{\"errors\":[{\"message\":\"bad\",\"extensions\":{\"classification\":\"ValidationError\",\"code\":\"VALIDATION\"}}],\"data\":null}",
        coded);
  }

  @Test
  void should_keep_codes_set_by_resolvers_and_replace_framework_codes() {
    assertEquals(
        "{\"errors\":[{\"message\":\"x\",\"extensions\":{\"code\":\"NOT_FOUND\"}}]}",
        GraphQLErrorCodeFilter.withCodes(
            "{\"errors\":[{\"message\":\"x\",\"extensions\":{\"code\":\"NOT_FOUND\"}}]}"));
    assertEquals(
        "{\"errors\":[{\"message\":\"x\",\"path\":[\"me\"],\"extensions\":{\"code\":\"INTERNAL\"}}]}",
        GraphQLErrorCodeFilter.withCodes(
            "{\"errors\":[{\"message\":\"x\",\"path\":[\"me\"],\"extensions\":{\"code\":\"some-thing\"}}]}"));
  }

  @Test
  void should_treat_errors_without_a_path_as_problems_of_the_request() {
    assertEquals(
        "{\"errors\":[{\"message\":\"Unparseable input document\",\"extensions\":{\"classification\":\"DataFetchingException\",\"code\":\"VALIDATION\"}}]}",
        GraphQLErrorCodeFilter.withCodes(
            "{\"errors\":[{\"message\":\"Unparseable input document\",\"extensions\":{\"classification\":\"DataFetchingException\"}}]}"));
  }

  @Test
  void should_leave_successful_and_non_json_bodies_alone() {
    assertEquals(
        "{\"data\":{\"me\":null}}", GraphQLErrorCodeFilter.withCodes("{\"data\":{\"me\":null}}"));
    assertEquals("errors but not json", GraphQLErrorCodeFilter.withCodes("errors but not json"));
  }

  @Test
  void should_replace_messages_that_name_java_classes() {
    String leaking =
        "{\"errors\":[{\"message\":\"argument 'input' with value 'x' is not a valid 'Unknown"
            + " Scalar Type [io.steward.work.interfaces.graphql.WorkInputs$TaskInput]'\","
            + "\"extensions\":{\"description\":\"the same io.steward.work.X\","
            + "\"classification\":\"ValidationError\"}}]}";
    assertEquals(
        "{\"errors\":[{\"message\":\"A value in the request is not of the type its argument"
            + " takes\",\"extensions\":{\"classification\":\"ValidationError\","
            + "\"code\":\"VALIDATION\"}}]}",
        GraphQLErrorCodeFilter.withCodes(leaking));
  }
}
