package io.steward.provider.application;

import java.util.List;

/**
 * How a workspace's admins set an agent up: tools switched off and instructions added to its prompt
 * (never shown to members).
 */
public record AgentSetup(List<String> disabledTools, String instructions) {

  public static final AgentSetup DEFAULT = new AgentSetup(List.of(), null);

  public AgentSetup {
    disabledTools = List.copyOf(disabledTools);
  }
}
