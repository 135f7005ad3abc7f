/** The agents that work with projects, tasks, notes and checkpoints through the work services. */
package io.steward.work.agent;
