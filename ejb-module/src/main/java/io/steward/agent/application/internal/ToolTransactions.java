package io.steward.agent.application.internal;

import io.steward.agent.spi.AgentTool;
import io.steward.agent.spi.ToolArguments;
import io.steward.agent.spi.ToolOutcome;
import io.steward.shared.domain.StewardException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Runs each tool call in one transaction: the services it calls join it, so a tool that makes two
 * service calls changes all or nothing, and the records it returns are still attached while their
 * result is written.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class ToolTransactions {

  public ToolOutcome execute(AgentTool tool, ToolArguments arguments) throws StewardException {
    return tool.execute(arguments);
  }
}
