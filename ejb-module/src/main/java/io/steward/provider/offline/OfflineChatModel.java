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
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The built-in offline model, used when no hosted model is configured: it turns a few common
 * requests into calls of the offered tools and answers from their results, with no network and no
 * model weights. It understands only the phrasings the capabilities declare for their tools (see
 * the {@link OfflinePhrasebook}s) and says so when asked anything else.
 *
 * <p>Requests are matched case-insensitively against the whole message, ignoring a leading
 * "please", "kindly" or "can/could/would/will you" and a trailing "please", "thanks" and
 * punctuation. Only phrasings whose tool the agent offers are matched; the first that fits decides.
 * Dates in requests are relative to today: the {@code Today: YYYY-MM-DD} line of the run's first
 * system message, optionally followed by the time zone in parentheses (the workspace's local date),
 * else the clock's UTC date.
 *
 * <p>After a tool call, the answer is composed from the tool's JSON result: an error, a deleted
 * record, the tool's own answer from its phrasebook, or a created, updated or read record or a
 * list. Tool calls and answers are streamed in pieces, as hosted providers stream them.
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
  private final List<OfflinePhrasing> phrasings;
  private final OfflineAnswers answers;

  /** The model that understands what these phrasebooks say, dating by the system clock. */
  public OfflineChatModel(Collection<? extends OfflinePhrasebook> phrasebooks) {
    this(Clock.systemUTC(), phrasebooks);
  }

  public OfflineChatModel(Clock clock, Collection<? extends OfflinePhrasebook> phrasebooks) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.phrasings =
        phrasebooks.stream().flatMap(phrasebook -> phrasebook.phrasings().stream()).toList();
    Map<String, Function<OfflineResult, String>> worded = new HashMap<>();
    phrasebooks.forEach(phrasebook -> worded.putAll(phrasebook.answers()));
    this.answers = new OfflineAnswers(worded);
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
   * Whether a phrasing of one of the offered tools fits the request, that is, whether this model
   * would act on it rather than explain its limits. Routing uses it to hand a request to an agent
   * that can serve it.
   */
  public boolean understands(String request, Set<String> offered) {
    return OfflineGrammar.interpret(
            request, LocalDate.now(ZoneOffset.UTC), phrasings, offeredAmong(offered))
        .isPresent();
  }

  private static Predicate<OfflinePhrasing> offeredAmong(Set<String> offered) {
    return phrasing -> phrasing.toolAmong(offered).isPresent();
  }

  /** A tool call for a request understood with an offered tool, else the limits. */
  private AiMessage answerRequest(String text, LocalDate today, Set<String> offered) {
    Optional<Interpretation> understood =
        OfflineGrammar.interpret(text, today, phrasings, offeredAmong(offered));
    if (understood.isEmpty()) {
      Optional<OfflinePhrasing> refused =
          OfflineGrammar.interpret(text, today, phrasings, phrasing -> true)
              .map(Interpretation::phrasing);
      return AiMessage.from(limits(refused, offered));
    }
    Interpretation call = understood.get();
    return AiMessage.from(
        ToolExecutionRequest.builder()
            .id(CALL_ID_PREFIX + UUID.randomUUID())
            .name(call.phrasing().toolAmong(offered).orElseThrow())
            .arguments(call.arguments().toString())
            .build());
  }

  /** Says plainly what the offline model can't do and which requests it understands here. */
  private String limits(Optional<OfflinePhrasing> refused, Set<String> offered) {
    String opening =
        refused
            .map(phrasing -> INTRODUCTION + ", and this agent can't " + phrasing.purpose() + ".")
            .orElse(INTRODUCTION + ", so I only understand a few requests.");
    List<String> examples =
        phrasings.stream()
            .filter(offeredAmong(offered))
            .map(phrasing -> "\n- “" + phrasing.example() + "”")
            .toList();
    return examples.isEmpty()
        ? opening + " None of the requests I understand fits this agent's tools."
        : opening + " Try:" + String.join("", examples);
  }

  /** Answers from the results that end the conversation, using the tool calls they answer. */
  private String answerToolResults(List<ChatMessage> messages) {
    int firstResult = messages.size();
    while (firstResult > 0 && messages.get(firstResult - 1) instanceof ToolExecutionResultMessage) {
      firstResult--;
    }
    List<ToolExecutionRequest> calls =
        firstResult > 0 && messages.get(firstResult - 1) instanceof AiMessage call
            ? call.toolExecutionRequests()
            : List.of();
    List<String> texts = new ArrayList<>();
    for (ChatMessage message : messages.subList(firstResult, messages.size())) {
      ToolExecutionResultMessage result = (ToolExecutionResultMessage) message;
      Optional<ToolExecutionRequest> answered =
          calls.stream().filter(call -> Objects.equals(call.id(), result.id())).findFirst();
      String tool = answered.map(ToolExecutionRequest::name).orElse(result.toolName());
      JsonObject arguments =
          answered
              .flatMap(call -> OfflineAnswers.parseObject(call.arguments()))
              .orElse(JsonObject.EMPTY_JSON_OBJECT);
      texts.add(answers.answer(Objects.requireNonNullElse(tool, ""), arguments, result.text()));
    }
    return String.join("\n\n", texts);
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
