package org.handoverbot.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;

import org.handoverbot.answer.PlainTextRenderer;
import org.handoverbot.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `ask "سؤال"` prints one plain-text reply; `ask --json` answers one question a line from stdin as JSON lines. */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Answer one question (plain text), or with --json one question a line from stdin (JSON lines).")
public final class AskCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "QUESTION", description = "the question, in Arabic")
    String question;

    @Option(names = "--json", description = "read questions from stdin, one a line; write one JSON object a line")
    boolean json;

    @Option(names = "--stats", description = "print figures to stderr: with --json start-up time, questions per second and peak heap; "
            + "with one question the time from the process's start to the answer and the peak RSS")
    boolean stats;

    @Override
    public Integer call() throws IOException {
        if (json == (question != null)) {
            System.err.println("ask: give either one question or --json (questions on stdin), e.g. ask \"متى سلمت قاعدة القائم؟\"");
            return 2;
        }
        PrintStream out = Terminal.out();
        long started = System.nanoTime();
        try (Application app = new Application(Settings.fromEnvironment())) {
            if (json) {
                long ready = System.nanoTime();
                long answered = new JsonAnswers(app.understander(), app.dialogue()).run(Terminal.in(), out);
                if (stats) {
                    System.err.println(RunStats.line(answered, ready - started, System.nanoTime() - ready));
                }
            } else {
                out.println(new PlainTextRenderer().render(app.dialogue().answerAlone(app.understander().understand(question))));
                if (stats) {
                    out.flush();
                    System.err.println(RunStats.oneQuestion());
                }
            }
        }
        return 0;
    }
}
