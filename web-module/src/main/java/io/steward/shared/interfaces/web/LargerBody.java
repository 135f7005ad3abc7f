package io.steward.shared.interfaces.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.OptionalLong;

/**
 * A capability whose requests may carry a body larger than the general API limit (an uploaded
 * file), so the body limit filter can allow it without knowing the capability.
 */
public interface LargerBody {

  /** The most bytes {@code request}'s body may have, or empty when it is not one of these. */
  OptionalLong limitFor(HttpServletRequest request);
}
