/**
 * The agents that work with projects, tasks, notes and checkpoints through the work services, and
 * the phrasebook of their tools for the offline model.
 */
package io.steward.work.agent;
