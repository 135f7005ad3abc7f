/** Work: projects, tasks with comments, checkpoints (milestones) and notes. */
package io.steward.work.domain;
