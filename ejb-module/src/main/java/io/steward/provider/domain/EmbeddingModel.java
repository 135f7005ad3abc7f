package io.steward.provider.domain;

import java.util.List;

/**
 * Turns text into vectors whose closeness follows meaning. The in-process model is the default; a
 * workspace's provider model can take its place later (the model name is stored with each vector,
 * so a change of model shows which passages need embedding again).
 */
public interface EmbeddingModel {

  String name();

  int dimension();

  /** One vector per text, in order. */
  List<float[]> embed(List<String> texts);
}
