/** JPA storage of workspace records, and the demo workspace of the embedded default. */
package io.steward.workspace.infrastructure.persistence;
