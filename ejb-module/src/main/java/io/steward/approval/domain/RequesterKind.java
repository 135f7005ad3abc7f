package io.steward.approval.domain;

/**
 * Who asked for the run an action comes from: a person chatting (who watches it happen), or nobody
 * watching — a schedule, an event trigger or an outside agent.
 */
public enum RequesterKind {
  CHAT,
  SCHEDULE,
  EVENT_TRIGGER,
  OUTSIDE_AGENT
}
