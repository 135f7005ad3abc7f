package io.steward.approval.domain;

/**
 * Who an action is for: the kind of requester, the member on whose behalf (and with whose rights)
 * it runs, and for unattended kinds what asked (a schedule's or trigger's id, an outside agent's
 * name), otherwise null.
 */
public record Requester(RequesterKind kind, String onBehalfOf, String ref) {

  public static Requester chatting(String userId) {
    return new Requester(RequesterKind.CHAT, userId, null);
  }
}
