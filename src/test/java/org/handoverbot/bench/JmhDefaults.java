package org.handoverbot.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * What the project's JMH benchmarks share (JMH applies a superclass's annotations to its subclasses): one
 * thread's state, sampled times in microseconds (median and percentiles, what BENCHMARKS.md reports), one fork,
 * one thread. A subclass sets its own warm-up and measurement, and may override any of these.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Threads(1)
public abstract class JmhDefaults {
}
