package io.steward.knowledge.interfaces.rest;

import io.steward.knowledge.application.KnowledgeBase;
import io.steward.knowledge.domain.KnowledgeDocument;
import io.steward.knowledge.interfaces.graphql.KnowledgeDocumentView;
import io.steward.shared.application.RequestMetadata;
import io.steward.shared.domain.StewardException;
import io.steward.shared.interfaces.graphql.Ids;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * {@code POST /api/workspaces/{id}/knowledge/documents} takes a file (multipart part {@code file},
 * optional part {@code title}) and answers 202 with the queued document — or 200 with the existing
 * one when the same content was uploaded before. {@code GET …/{documentId}/content} returns the
 * file as uploaded. An optional part {@code tags} holds the document's tags, separated by commas.
 */
@Path("/workspaces/{workspaceId}/knowledge/documents")
@RequestScoped
public class KnowledgeResource {

  @Inject KnowledgeBase knowledge;
  @Inject RequestMetadata requestMetadata;

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  public Response upload(
      @PathParam("workspaceId") String workspaceId, @Context HttpServletRequest request)
      throws StewardException, IOException {
    WorkspaceId workspace = WorkspaceId.parse("workspaceId", workspaceId);
    try (UploadForm form =
        UploadForm.read(request, requestMetadata.requestId(), knowledge.maxFileBytes())) {
      KnowledgeBase.Upload upload =
          knowledge.upload(
              workspace, form.fileName(), form.title(), tagList(form.tags()), form.file());
      KnowledgeDocument document = upload.document();
      KnowledgeDocumentView view = new KnowledgeDocumentView(document);
      return (upload.created() ? Response.accepted(view) : Response.ok(view))
          .location(
              URI.create("/api/workspaces/" + workspace + "/knowledge/documents/" + document.id()))
          .type(MediaType.APPLICATION_JSON_TYPE)
          .build();
    }
  }

  /** The {@code tags} part: tags separated by commas. */
  private static List<String> tagList(String tags) {
    return tags == null || tags.isBlank() ? null : List.of(tags.split(","));
  }

  @GET
  @Path("/{documentId}")
  @Produces(MediaType.APPLICATION_JSON)
  public KnowledgeDocumentView document(
      @PathParam("workspaceId") String workspaceId, @PathParam("documentId") String documentId)
      throws StewardException {
    return new KnowledgeDocumentView(
        knowledge.document(
            WorkspaceId.parse("workspaceId", workspaceId), Ids.require("documentId", documentId)));
  }

  @GET
  @Path("/{documentId}/content")
  public Response content(
      @PathParam("workspaceId") String workspaceId, @PathParam("documentId") String documentId)
      throws StewardException {
    KnowledgeBase.Download download =
        knowledge.content(
            WorkspaceId.parse("workspaceId", workspaceId), Ids.require("documentId", documentId));
    KnowledgeDocument document = download.document();
    return Response.ok(download.bytes(), document.mediaType())
        .header("Content-Disposition", ContentDisposition.attachment(document.fileName()))
        .build();
  }
}
