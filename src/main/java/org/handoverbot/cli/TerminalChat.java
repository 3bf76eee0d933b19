package org.handoverbot.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.handoverbot.answer.Dialogue;
import org.handoverbot.answer.PlainTextRenderer;
import org.handoverbot.answer.Reply;
import org.handoverbot.answer.ReplyCatalogue;

/**
 * The bot in a terminal: one conversation (so follow-ups work), replies as plain text, buttons as numbered
 * choices the user can type. Commands start with "/" as in Telegram. Ends at end of input or on "خروج".
 */
final class TerminalChat {

    /** The one conversation a terminal has. */
    static final long CHAT_ID = 0;

    private static final Set<String> QUIT = Set.of("خروج", "exit", "quit", "/exit", "/quit");

    private final Dialogue dialogue;
    private static final ReplyCatalogue SAY = ReplyCatalogue.arabic();

    private final BufferedReader in;
    private final PrintStream out;
    private final PlainTextRenderer renderer = new PlainTextRenderer();
    private List<Reply.Button> buttons = List.of();

    TerminalChat(Dialogue dialogue, BufferedReader in, PrintStream out) {
        this.dialogue = dialogue;
        this.in = in;
        this.out = out;
    }

    void run() throws IOException {
        out.println(SAY.text("terminal.telegram"));
        out.println(SAY.text("terminal.how"));
        out.println();
        show(dialogue.onCommand(CHAT_ID, "start", ""));
        String line;
        while (true) {
            out.print("> ");
            out.flush();
            line = in.readLine();
            if (line == null || QUIT.contains(line.strip().toLowerCase(java.util.Locale.ROOT))) {
                out.println();
                out.println(SAY.text("terminal.goodbye"));
                return;
            }
            show(replyTo(line.strip()));
        }
    }

    private Reply replyTo(String line) {
        if (line.matches("[0-9]{1,2}")) {
            int choice = Integer.parseInt(line);
            if (choice >= 1 && choice <= buttons.size()) {
                return dialogue.onButton(CHAT_ID, buttons.get(choice - 1).callbackData());
            }
        }
        if (line.startsWith("/") && line.length() > 1) {
            String[] parts = line.substring(1).split("\\s+", 2);
            return dialogue.onCommand(CHAT_ID, parts[0], parts.length > 1 ? parts[1] : "");
        }
        return dialogue.onText(CHAT_ID, line);
    }

    private void show(Reply reply) {
        out.println(renderer.render(reply));
        buttons = reply.buttons();
        for (int i = 0; i < buttons.size(); i++) {
            out.println("  [" + (i + 1) + "] " + buttons.get(i).label());
        }
        out.println();
    }
}
