/**
 * Scheduled runs: instead of letting threads race, the agent decides the order in which they reach
 * their events. {@link io.hbtrace.agent.schedule.ScheduledOutput} sits between the recorder and the
 * trace output and holds each thread at each event until its {@link
 * io.hbtrace.agent.schedule.Scheduler} lets it go: {@link
 * io.hbtrace.agent.schedule.ReplayScheduler} follows the order of a recorded trace (replay), {@link
 * io.hbtrace.agent.schedule.ExploreScheduler} walks through the interleavings of a small program
 * (explore).
 */
package io.hbtrace.agent.schedule;
