/** Small data structures the analysis's hot path needs. */
package io.hbtrace.analyzer.util;
