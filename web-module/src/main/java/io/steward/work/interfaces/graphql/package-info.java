/** GraphQL access to work data: projects, tasks, comments, checkpoints and notes. */
package io.steward.work.interfaces.graphql;
