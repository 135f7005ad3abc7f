package io.steward.agent.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steward.agent.spi.EntityRef;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Tests how {@link Blocks} checks the rich blocks a model asks to show: tables and charts by their
 * shape, entity links and timelines only for records the run's tools returned.
 */
class BlocksTest {

  private static final EntityRef DEAL =
      new EntityRef("deal", UUID.randomUUID(), "Northwind renewal", Map.of("stage", "won"));
  private static final EntityRef KICKOFF =
      new EntityRef("checkpoint", UUID.randomUUID(), "Kick-off", Map.of("date", "2026-04-01"));
  private static final EntityRef LAUNCH =
      new EntityRef("checkpoint", UUID.randomUUID(), "Launch", Map.of());

  private final Blocks blocks = new Blocks();

  @Test
  void should_offer_the_show_block_tool_with_a_required_block_object() {
    assertEquals("show_block", Blocks.TOOL.name());
    assertEquals(List.of("block"), Blocks.TOOL.parameters().required());
  }

  @Test
  void should_link_a_record_a_tool_returned_with_its_label() {
    blocks.remember(List.of(DEAL));

    JsonObject block = shown("{'type':'entity_ref','entityType':'deal','id':'" + DEAL.id() + "'}");

    assertEquals(
        json(
            "{'type':'entity_ref','entityType':'deal','id':'"
                + DEAL.id()
                + "','label':'Northwind renewal'}"),
        block);
  }

  @Test
  void should_link_a_record_without_a_label_with_an_empty_one() {
    EntityRef unnamed = new EntityRef("contact", UUID.randomUUID(), null, Map.of());

    assertEquals("", blocks.entityRef(unnamed).getString("label"));
  }

  @Test
  void should_drop_links_to_records_no_tool_returned_or_of_another_type() {
    blocks.remember(List.of(DEAL));

    assertDropped(
        "{'type':'entity_ref','entityType':'deal','id':'" + UUID.randomUUID() + "'}",
        "entity_ref must name a record");
    assertDropped(
        "{'type':'entity_ref','entityType':'contact','id':'" + DEAL.id() + "'}",
        "entity_ref must name a record");
    assertDropped("{'type':'entity_ref','entityType':'deal','id':'deal-1'}", "entity_ref");
    assertDropped("{'type':'entity_ref','entityType':'deal'}", "entity_ref");
  }

  @Test
  void should_show_a_table_with_its_title_headers_and_rows() {
    String table =
        "{'type':'table','title':'Deals','headers':['Name','Amount','Won'],"
            + "'rows':[['Northwind',1200.5,true],['Globex',300,false]]}";

    assertEquals(json(table), shown(table));
  }

  @Test
  void should_show_a_table_without_a_title_and_drop_fields_it_does_not_know() {
    JsonObject block =
        shown("{'type':'table','headers':['Name'],'rows':[],'title':7,'caption':'x'}");

    assertEquals(json("{'type':'table','headers':['Name'],'rows':[]}"), block);
  }

  @Test
  void should_drop_tables_without_string_headers() {
    assertDropped("{'type':'table','rows':[]}", "string headers");
    assertDropped("{'type':'table','headers':[],'rows':[]}", "string headers");
    assertDropped("{'type':'table','headers':['Name',2],'rows':[]}", "string headers");
    assertDropped(
        "{'type':'table','headers':" + stringArray(21) + ",'rows':[]}", "1 to 20 string headers");
  }

  @Test
  void should_drop_tables_with_malformed_rows() {
    assertDropped("{'type':'table','headers':['A','B']}", "at most 200 rows");
    assertDropped("{'type':'table','headers':['A','B'],'rows':[['x']]}", "one plain value");
    assertDropped("{'type':'table','headers':['A','B'],'rows':[['x','y','z']]}", "one plain");
    assertDropped("{'type':'table','headers':['A','B'],'rows':['x']}", "one plain value");
    assertDropped("{'type':'table','headers':['A','B'],'rows':[['x',{'y':1}]]}", "one plain");
    assertDropped("{'type':'table','headers':['A','B'],'rows':[['x',['y']]]}", "one plain");
    assertDropped("{'type':'table','headers':['A','B'],'rows':[['x',null]]}", "one plain");
  }

  @Test
  void should_allow_200_table_rows_but_not_201() {
    assertNotNull(blocks.resolve(arguments(tableWithRows(200))).block());
    assertDropped(tableWithRows(201), "at most 200 rows");
  }

  @Test
  void should_drop_blocks_too_large_to_store_as_one_run_event() {
    String cell = "x".repeat(1_000);
    String row = "['" + cell + "']";
    String rows = IntStream.range(0, 150).mapToObj(i -> row).collect(Collectors.joining(","));
    assertNotNull(
        blocks
            .resolve(arguments("{'type':'table','headers':['A'],'rows':[" + rows + "]}"))
            .block());
    String large = "['" + "x".repeat(1_100) + "']";
    String largeRows =
        IntStream.range(0, 199).mapToObj(i -> large).collect(Collectors.joining(","));
    assertDropped(
        "{'type':'table','headers':['A'],'rows':[" + largeRows + "]}", "larger than 200000");
  }

  @Test
  void should_show_a_chart_with_its_data_and_config() {
    String chart =
        "{'type':'chart','chartType':'bar','title':'Pipeline',"
            + "'data':[{'month':'Jan','won':3},{'month':'Feb','won':5}],"
            + "'config':{'won':{'label':'Won deals','color':'#2563eb'}}}";

    assertEquals(json(chart), shown(chart));
  }

  @Test
  void should_show_a_chart_without_config_when_none_or_null_is_given() {
    JsonObject block =
        shown("{'type':'chart','chartType':'pie','data':[{'stage':'won','n':2}],'config':null}");

    assertEquals(json("{'type':'chart','chartType':'pie','data':[{'stage':'won','n':2}]}"), block);
  }

  @Test
  void should_drop_charts_of_unknown_type_or_with_malformed_data() {
    assertDropped("{'type':'chart','chartType':'scatter','data':[{'x':1}]}", "chartType must be");
    assertDropped("{'type':'chart','data':[{'x':1}]}", "chartType must be one of");
    assertDropped("{'type':'chart','chartType':'line'}", "chart data must be");
    assertDropped("{'type':'chart','chartType':'line','data':[]}", "chart data must be");
    assertDropped("{'type':'chart','chartType':'line','data':[1,2]}", "chart data must be");
    assertDropped("{'type':'chart','chartType':'line','data':[{'x':[1]}]}", "chart data must");
  }

  @Test
  void should_drop_charts_whose_config_lacks_labels() {
    String data = "'data':[{'month':'Jan','won':3}]";
    assertDropped(
        "{'type':'chart','chartType':'area'," + data + ",'config':{'won':{'color':'red'}}}",
        "chart config maps each data key to {label, color?}");
    assertDropped(
        "{'type':'chart','chartType':'area'," + data + ",'config':{'won':'Won'}}", "chart config");
    assertDropped("{'type':'chart','chartType':'area'," + data + ",'config':[]}", "chart config");
  }

  @Test
  void should_show_a_timeline_of_checkpoints_a_tool_returned() {
    blocks.remember(List.of(KICKOFF));
    blocks.remember(List.of(LAUNCH, DEAL));

    JsonObject block =
        shown(
            "{'type':'timeline','title':'Plan','checkpointIds':['"
                + KICKOFF.id()
                + "','"
                + LAUNCH.id()
                + "']}");

    assertEquals(
        json(
            "{'type':'timeline','title':'Plan','items':["
                + "{'id':'"
                + KICKOFF.id()
                + "','title':'Kick-off','date':'2026-04-01'},"
                + "{'id':'"
                + LAUNCH.id()
                + "','title':'Launch','date':''}]}"),
        block);
  }

  @Test
  void should_drop_timelines_with_unknown_ids_or_records_that_are_not_checkpoints() {
    blocks.remember(List.of(KICKOFF, DEAL));

    String problem = "timeline must list checkpoints a tool returned in this run";
    assertDropped(timeline("'" + KICKOFF.id() + "','" + UUID.randomUUID() + "'"), problem);
    assertDropped(timeline("'" + DEAL.id() + "'"), problem);
    assertDropped(timeline("'kick-off'"), problem);
    assertDropped(timeline("1"), problem);
    assertDropped(timeline(""), "timeline needs checkpointIds");
    assertDropped("{'type':'timeline'}", "timeline needs checkpointIds");
  }

  @Test
  void should_drop_blocks_of_unknown_type_or_that_are_not_objects() {
    assertDropped("{'type':'map','lat':1}", "unknown block type 'map'");
    assertDropped("{'headers':['A'],'rows':[]}", "unknown block type ''");
    assertDroppedArguments("{'block':'a table'}", "block must be an object");
    assertDroppedArguments("{'block':[]}", "block must be an object");
    assertDroppedArguments("{}", "block must be an object");
  }

  private JsonObject shown(String block) {
    Blocks.Outcome outcome = blocks.resolve(arguments(block));
    assertNull(outcome.problem(), () -> "dropped: " + outcome.problem());
    return outcome.block();
  }

  private void assertDropped(String block, String problem) {
    assertDroppedArguments("{'block':" + block + "}", problem);
  }

  private void assertDroppedArguments(String arguments, String problem) {
    Blocks.Outcome outcome = blocks.resolve(json(arguments));
    assertNull(outcome.block(), arguments);
    assertNotNull(outcome.problem(), arguments);
    assertTrue(outcome.problem().contains(problem), outcome.problem());
  }

  private static JsonObject arguments(String block) {
    return json("{'block':" + block + "}");
  }

  private static String timeline(String ids) {
    return "{'type':'timeline','checkpointIds':[" + ids + "]}";
  }

  private static String tableWithRows(int count) {
    String rows =
        IntStream.range(0, count)
            .mapToObj(i -> "['r" + i + "'," + i + "]")
            .collect(Collectors.joining(","));
    return "{'type':'table','headers':['Name','Rank'],'rows':[" + rows + "]}";
  }

  private static String stringArray(int count) {
    return "["
        + IntStream.range(0, count).mapToObj(i -> "'h" + i + "'").collect(Collectors.joining(","))
        + "]";
  }

  /** Reads JSON written with single quotes, to keep the blocks above readable. */
  private static JsonObject json(String singleQuoted) {
    try (var reader = Json.createReader(new StringReader(singleQuoted.replace('\'', '"')))) {
      return reader.readObject();
    }
  }
}
