package io.steward.provider.offline;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.steward.provider.offline.OfflineGrammar.Interpretation;
import io.steward.provider.offline.OfflineGrammar.Rule;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The built-in offline model, used when no hosted model is configured: it turns a few common
 * requests into calls of the offered tools and answers from their results, with no network and no
 * model weights. It understands only the small grammar below and says so when asked anything else.
 *
 * <p>Requests are matched case-insensitively against the whole message, ignoring a leading
 * "please", "kindly" or "can/could/would/will you" and a trailing "please", "thanks" and
 * punctuation. Only rules whose tool the agent offers are matched; the first that fits decides.
 * {@code <create>} is {@code create|add|make|start|write a|an [new]} or {@code new}; {@code [x]} is
 * optional, {@code a|b} a choice.
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
 *   <li>{@code log a|an call|email|meeting|note with <contact> [about|regarding <summary>]} →
 *       {@code log_interaction {contact, kind, summary}}; the summary defaults to {@code Call with
 *       <contact>}.
 *   <li>{@code find|search for|show|list contacts|people at|from <company>}, {@code who do we know
 *       at <company>} → {@code crm_search {query, kinds: ["contact"]}}
 *   <li>{@code find|search [for]|look up <query>} → {@code crm_search {query}}
 *   <li>{@code [<create>] note [to|for|on [project] <project>]: <text>} (or {@code saying} for the
 *       colon) → {@code create_note {project?, title, content}}; the title is the first eight words
 *       of the text.
 *   <li>{@code <create> project [called|named|:] <name> [for <company>]} → {@code create_project
 *       {name, company?}}; the name ends at the first "for".
 *   <li>{@code <create> checkpoint [called|named|:] <title> <date> to|for|in [project] <project>} →
 *       {@code create_checkpoint {project, title, date}}
 * </ul>
 *
 * <p>A {@code <date>} is {@code today}, {@code tomorrow}, {@code in N days}, {@code YYYY-MM-DD} or
 * a weekday ({@code friday}, {@code next friday}: the next such day after today), optionally after
 * {@code on}, {@code by}, {@code due} or {@code due on}. Today is the {@code Today: YYYY-MM-DD}
 * line of the run's first system message, optionally followed by the time zone in parentheses (the
 * workspace's local date), else the clock's UTC date.
 *
 * <p>After a tool call, the answer is composed from the tool's JSON result: an error, a created,
 * updated or moved record, a logged interaction, a deleted record, a list or CRM search hits. Tool
 * calls and answers are streamed in pieces, as hosted providers stream them.
 */
public class OfflineChatModel implements StreamingChatModel {

  private static final String MODEL_NAME = "steward-offline";
  private static final String CALL_ID_PREFIX = "offline-call-";

  private static final String INTRODUCTION = "I'm the built-in offline model";
  private static final Pattern TODAY_LINE =
      Pattern.compile(
          "^\\s*Today:\\s*(\\d{4}-\\d{2}-\\d{2})(?:\\s+\\([^)\\n]*\\))?\\s*$", Pattern.MULTILINE);
  private static final int WORDS_PER_CHUNK = 3;
  private static final int ARGUMENT_FRAGMENTS = 3;
  private static final Pattern WORD = Pattern.compile("\\S+\\s*");

  private final Clock clock;

  public OfflineChatModel() {
    this(Clock.systemUTC());
  }

  public OfflineChatModel(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
    ChatResponse response;
    try {
      response = respond(request);
    } catch (RuntimeException e) {
      handler.onError(e);
      return;
    }
    AiMessage reply = response.aiMessage();
    if (reply.hasToolExecutionRequests()) {
      List<ToolExecutionRequest> calls = reply.toolExecutionRequests();
      for (int index = 0; index < calls.size(); index++) {
        streamToolCall(index, calls.get(index), handler);
      }
    } else {
      chunks(reply.text()).forEach(handler::onPartialResponse);
    }
    handler.onCompleteResponse(response);
  }

  private ChatResponse respond(ChatRequest request) {
    List<ChatMessage> messages = request.messages();
    Set<String> offered = offeredTools(request);
    ChatMessage last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
    AiMessage reply;
    if (last instanceof UserMessage userMessage) {
      reply = answerRequest(textOf(userMessage), today(messages), offered);
    } else if (last instanceof ToolExecutionResultMessage) {
      reply = AiMessage.from(answerToolResults(messages));
    } else {
      reply = AiMessage.from(limits(Optional.empty(), offered));
    }
    // Token counts are rough: whitespace-separated words, as no tokenizer runs offline.
    TokenUsage usage =
        new TokenUsage(
            messages.stream().mapToInt(message -> wordCount(textOf(message))).sum(),
            wordCount(textOf(reply)));
    return ChatResponse.builder()
        .aiMessage(reply)
        .modelName(MODEL_NAME)
        .tokenUsage(usage)
        .finishReason(
            reply.hasToolExecutionRequests() ? FinishReason.TOOL_EXECUTION : FinishReason.STOP)
        .build();
  }

  private static Set<String> offeredTools(ChatRequest request) {
    List<ToolSpecification> tools = request.toolSpecifications();
    return tools == null
        ? Set.of()
        : tools.stream().map(ToolSpecification::name).collect(Collectors.toSet());
  }

  /**
   * Whether the grammar understands the request with one of the offered tools, that is, whether
   * this model would act on it rather than explain its limits. Routing uses it to hand a request to
   * an agent that can serve it.
   */
  public static boolean understands(String request, Set<String> offered) {
    return OfflineGrammar.interpret(
            request, LocalDate.now(ZoneOffset.UTC), rule -> rule.toolAmong(offered).isPresent())
        .isPresent();
  }

  /** A tool call for a request the grammar understands with an offered tool, else the limits. */
  private static AiMessage answerRequest(String text, LocalDate today, Set<String> offered) {
    Optional<Interpretation> understood =
        OfflineGrammar.interpret(text, today, rule -> rule.toolAmong(offered).isPresent());
    if (understood.isEmpty()) {
      Optional<Rule> refused =
          OfflineGrammar.interpret(text, today, rule -> true).map(Interpretation::rule);
      return AiMessage.from(limits(refused, offered));
    }
    Interpretation call = understood.get();
    return AiMessage.from(
        ToolExecutionRequest.builder()
            .id(CALL_ID_PREFIX + UUID.randomUUID())
            .name(call.rule().toolAmong(offered).orElseThrow())
            .arguments(call.arguments().toString())
            .build());
  }

  /** Says plainly what the offline model can't do and which requests it understands here. */
  private static String limits(Optional<Rule> refused, Set<String> offered) {
    String opening =
        refused
            .map(rule -> INTRODUCTION + ", and this agent can't " + rule.purpose() + ".")
            .orElse(INTRODUCTION + ", so I only understand a few requests.");
    List<String> examples =
        OfflineGrammar.RULES.stream()
            .filter(rule -> rule.toolAmong(offered).isPresent())
            .map(rule -> "\n- “" + rule.example() + "”")
            .toList();
    return examples.isEmpty()
        ? opening + " None of the requests I understand fits this agent's tools."
        : opening + " Try:" + String.join("", examples);
  }

  /** Answers from the results that end the conversation, using the tool calls they answer. */
  private static String answerToolResults(List<ChatMessage> messages) {
    int firstResult = messages.size();
    while (firstResult > 0 && messages.get(firstResult - 1) instanceof ToolExecutionResultMessage) {
      firstResult--;
    }
    List<ToolExecutionRequest> calls =
        firstResult > 0 && messages.get(firstResult - 1) instanceof AiMessage call
            ? call.toolExecutionRequests()
            : List.of();
    List<String> answers = new ArrayList<>();
    for (ChatMessage message : messages.subList(firstResult, messages.size())) {
      ToolExecutionResultMessage result = (ToolExecutionResultMessage) message;
      Optional<ToolExecutionRequest> answered =
          calls.stream().filter(call -> Objects.equals(call.id(), result.id())).findFirst();
      String tool = answered.map(ToolExecutionRequest::name).orElse(result.toolName());
      JsonObject arguments =
          answered
              .flatMap(call -> OfflineAnswers.parseObject(call.arguments()))
              .orElse(JsonObject.EMPTY_JSON_OBJECT);
      answers.add(
          OfflineAnswers.answer(Objects.requireNonNullElse(tool, ""), arguments, result.text()));
    }
    return String.join("\n\n", answers);
  }

  /** The {@code Today:} date of the first system message, else today in UTC. */
  private LocalDate today(List<ChatMessage> messages) {
    Optional<Matcher> todayLine =
        SystemMessage.findFirst(messages)
            .map(system -> TODAY_LINE.matcher(system.text()))
            .filter(Matcher::find);
    if (todayLine.isPresent()) {
      try {
        return LocalDate.parse(todayLine.get().group(1));
      } catch (DateTimeParseException e) {
        // an impossible date, such as 2026-02-30: fall back to the clock
      }
    }
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static void streamToolCall(
      int index, ToolExecutionRequest call, StreamingChatResponseHandler handler) {
    String arguments = call.arguments();
    int fragmentLength =
        Math.max(1, (arguments.length() + ARGUMENT_FRAGMENTS - 1) / ARGUMENT_FRAGMENTS);
    for (int start = 0; start < arguments.length(); start += fragmentLength) {
      handler.onPartialToolCall(
          PartialToolCall.builder()
              .index(index)
              .id(call.id())
              .name(call.name())
              .partialArguments(
                  arguments.substring(start, Math.min(arguments.length(), start + fragmentLength)))
              .build());
    }
    handler.onCompleteToolCall(new CompleteToolCall(index, call));
  }

  /** Text in pieces of a few words each (with the spaces after them), as providers stream it. */
  private static List<String> chunks(String text) {
    List<String> chunks = new ArrayList<>();
    Matcher word = WORD.matcher(text);
    int chunkStart = 0;
    int words = 0;
    while (word.find()) {
      if (++words % WORDS_PER_CHUNK == 0) {
        chunks.add(text.substring(chunkStart, word.end()));
        chunkStart = word.end();
      }
    }
    if (chunkStart < text.length()) {
      chunks.add(text.substring(chunkStart));
    }
    return chunks;
  }

  private static String textOf(ChatMessage message) {
    if (message instanceof SystemMessage system) {
      return system.text();
    }
    if (message instanceof UserMessage user) {
      return user.contents().stream()
          .filter(TextContent.class::isInstance)
          .map(content -> ((TextContent) content).text())
          .collect(Collectors.joining("\n"));
    }
    if (message instanceof AiMessage ai) {
      return Objects.requireNonNullElse(ai.text(), "")
          + ai.toolExecutionRequests().stream()
              .map(call -> " " + call.name() + " " + call.arguments())
              .collect(Collectors.joining());
    }
    if (message instanceof ToolExecutionResultMessage result) {
      return result.text();
    }
    return "";
  }

  private static int wordCount(String text) {
    return text == null || text.isBlank() ? 0 : text.strip().split("\\s+").length;
  }
}
