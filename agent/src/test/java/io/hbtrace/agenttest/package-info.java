/**
 * Small programs the agent's tests instrument (outside {@code io.hbtrace.agent.}, which the agent
 * never transforms).
 */
package io.hbtrace.agenttest;
