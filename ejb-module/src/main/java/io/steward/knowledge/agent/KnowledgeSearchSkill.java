package io.steward.knowledge.agent;

import io.steward.agent.spi.AgentTool;
import io.steward.agent.spi.SharedSkill;
import io.steward.agent.spi.ToolArguments;
import io.steward.agent.spi.ToolOutcome;
import io.steward.knowledge.application.KnowledgeLinks;
import io.steward.knowledge.application.KnowledgeSearch;
import io.steward.knowledge.application.KnowledgeSearch.Citation;
import io.steward.knowledge.application.KnowledgeSearch.Result;
import io.steward.knowledge.application.KnowledgeSearch.Results;
import io.steward.knowledge.domain.KnowledgeIndex;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code knowledge_search}: every agent can look things up in the workspace's documents (hybrid
 * search). The model gets the passages with their sources; the stream gets a {@code citations}
 * block built from the same hits, so what is cited is what was found.
 */
@ApplicationScoped
public class KnowledgeSearchSkill implements SharedSkill {

  static final int DEFAULT_LIMIT = 5;
  static final int MAX_LIMIT = 10;

  @Inject KnowledgeSearch search;

  private AgentTool tool;

  @PostConstruct
  void describe() {
    tool =
        AgentTool.reading("knowledge_search")
            .description(
                "Searches the workspace's knowledge base (uploaded documents and web pages) by"
                    + " words and meaning. Use it for policies, prices, product facts and notes"
                    + " kept as documents, and cite the sources it returns.")
            .requiredText("query", "What to look for, in a few words or a question")
            .integer(
                "limit",
                "How many passages, 1 to " + MAX_LIMIT + "; " + DEFAULT_LIMIT + " by default")
            .textList("documentIds", "Only these documents (ids from earlier results)")
            .textList("tags", "Only documents with any of these tags")
            .handler(this::search);
  }

  @Override
  public AgentTool tool() {
    return tool;
  }

  private ToolOutcome search(ToolArguments arguments) throws StewardException {
    int limit = arguments.integer("limit", DEFAULT_LIMIT);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
    }
    Results results =
        search.search(
            arguments.workspace(),
            arguments.requiredText("query"),
            KnowledgeSearch.Mode.HYBRID,
            new KnowledgeIndex.Filter(
                arguments.idList("documentIds"), null, arguments.textList("tags"), null, null),
            limit,
            0);
    List<Map<String, Object>> passages = new ArrayList<>();
    for (Result result : results.results()) {
      Map<String, Object> passage = new LinkedHashMap<>();
      passage.put("text", result.text());
      passage.put("score", result.score());
      passage.put("source", source(arguments.workspace(), result.citation()));
      passages.add(passage);
    }
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("passages", passages);
    content.put("totalCount", results.total());
    List<Map<String, Object>> blocks = new ArrayList<>();
    if (!passages.isEmpty()) {
      blocks.add(citations(arguments.workspace(), results.results()));
    }
    return ToolOutcome.ofValue(content, List.of(), blocks);
  }

  /** The block listing each passage found with its document, section or page, and link. */
  private static Map<String, Object> citations(WorkspaceId workspace, List<Result> results) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (Result result : results) {
      Map<String, Object> item = source(workspace, result.citation());
      item.put("passage", result.text());
      items.add(item);
    }
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("type", "citations");
    block.put("items", items);
    return block;
  }

  /** Where a passage comes from; absent section and page are left out, not null. */
  private static Map<String, Object> source(WorkspaceId workspace, Citation citation) {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("documentId", citation.documentId().toString());
    source.put("title", citation.title());
    if (citation.section() != null) {
      source.put("section", citation.section());
    }
    if (citation.page() != null) {
      source.put("page", citation.page());
    }
    source.put("url", KnowledgeLinks.contentPath(workspace, citation.documentId()));
    return source;
  }
}
