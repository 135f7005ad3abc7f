package io.steward.workspace.interfaces.rest;

import io.steward.tenancy.application.CurrentCaller;
import io.steward.workspace.interfaces.graphql.MeView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The signed-in person, the same view GraphQL's {@code me} gives. */
@Path("/me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  @Inject CurrentCaller currentCaller;

  @GET
  public MeView me() {
    return MeView.of(currentCaller.get());
  }
}
