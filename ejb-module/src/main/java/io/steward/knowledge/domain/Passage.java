package io.steward.knowledge.domain;

/**
 * A piece of a document's text with where it stands: the heading it is under (or the CSV row it is)
 * and its page, when the format has pages.
 */
public record Passage(String text, String section, Integer page) {}
