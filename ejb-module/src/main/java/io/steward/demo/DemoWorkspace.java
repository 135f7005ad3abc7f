package io.steward.demo;

import io.steward.shared.domain.InvalidInputException;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.workspace.domain.Workspace;
import io.steward.workspace.domain.WorkspaceRepository;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The embedded default's demo workspace "Acme", whose members (alice, bob, carol) come with the
 * demo realm in keycloak/. Created once, together with its {@link DemoContent}, so a newcomer sees
 * a living system; turned off with steward.demo.enabled=false.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class DemoWorkspace {

  /** Fixed so that the realm export, docs and scripts can name it. */
  public static final WorkspaceId ID =
      new WorkspaceId(UUID.fromString("a0000000-0000-4000-8000-000000000001"));

  private static final Logger LOG = Logger.getLogger(DemoWorkspace.class.getName());

  @Inject WorkspaceRepository workspaces;
  @Inject DemoContent content;

  @Inject
  @ConfigProperty(name = "steward.demo.enabled", defaultValue = "true")
  boolean enabled;

  @PostConstruct
  void ensureExists() {
    if (!enabled || workspaces.find(ID).isPresent()) {
      return;
    }
    try {
      workspaces.add(Workspace.found(ID, "Acme", DemoContent.AUTHOR, Instant.now()));
      content.fill(ID);
      LOG.info("Created the demo workspace Acme " + ID + " with its projects, tasks and CRM");
    } catch (InvalidInputException e) {
      throw new IllegalStateException(e);
    }
  }
}
