package org.handoverbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Every JMH benchmark of the project (classes named *Benchmark with @Benchmark methods), run by the `bench`
 * profile (`mvn -B -Pbench verify`) with JSON results in target/benchmarks/jmh.json. Each benchmark class
 * keeps its own forks, warm-up and measurement settings. -Djmh.include=REGEX runs some only.
 * Not a test: the default build never runs it (its name matches no surefire pattern).
 */
class JmhBenchmarks {

    @Test
    void runEveryJmhBenchmark() throws Exception {
        Path results = Path.of(System.getProperty("benchmarks.dir", "target/benchmarks"), "jmh.json");
        Files.createDirectories(results.getParent());
        Options options = new OptionsBuilder()
                .include(System.getProperty("jmh.include", "\\.[A-Za-z]+Benchmark\\."))
                .resultFormat(ResultFormatType.JSON)
                .result(results.toString())
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> run = new Runner(options).run();
        assertThat(run).as("benchmarks run").isNotEmpty();
        assertThat(results).isNotEmptyFile();
    }
}
