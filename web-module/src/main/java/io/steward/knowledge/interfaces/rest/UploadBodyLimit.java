package io.steward.knowledge.interfaces.rest;

import io.steward.knowledge.application.KnowledgeBase;
import io.steward.shared.interfaces.web.ApiRequests;
import io.steward.shared.interfaces.web.LargerBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** A knowledge upload may carry a whole file, plus the form around it. */
@ApplicationScoped
public class UploadBodyLimit implements LargerBody {

  /** The multipart framing and the small parts beside an uploaded file (title, tags). */
  static final long UPLOAD_FORM_BYTES = 64 * 1024;

  private static final Pattern KNOWLEDGE_UPLOAD =
      Pattern.compile("/api/workspaces/[^/]+/knowledge/documents/?");

  @Inject KnowledgeBase knowledge;

  @Override
  public OptionalLong limitFor(HttpServletRequest request) {
    return ApiRequests.isPost(request)
            && KNOWLEDGE_UPLOAD.matcher(ApiRequests.path(request)).matches()
        ? OptionalLong.of(knowledge.maxFileBytes() + UPLOAD_FORM_BYTES)
        : OptionalLong.empty();
  }
}
