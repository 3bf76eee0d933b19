package org.handoverbot.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.handoverbot.text.DataLine;

/**
 * One held-out line of models/frames-test.txt: {@code act<TAB>question<TAB>role=value …}, and whether a frame
 * meets it: the act, every listed slot, and no anchor, relation or speaker that the line does not list.
 */
public record FrameExpectation(Act act, String question, Map<String, String> slots) {

    /** Roles that must be absent when a line does not list them: a wrong anchor or speaker changes the answer. */
    private static final Set<String> STRICT = Set.of("anchor", "relation", "speaker");

    public static List<FrameExpectation> read(InputStream in, String name) throws IOException {
        List<FrameExpectation> out = new ArrayList<>();
        for (DataLine line : DataLine.read(in, name)) {
            String[] parts = line.text().split("\t", -1);
            if (parts.length < 2) {
                throw line.wrong("expected act<TAB>question<TAB>slots");
            }
            Act act = Act.fromLabel(parts[0].strip()).orElseThrow(() -> line.wrong("unknown act " + parts[0]));
            Map<String, String> slots = new LinkedHashMap<>();
            if (parts.length > 2) {
                for (String pair : parts[2].strip().split("\\s+")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    if (eq < 1) {
                        throw line.wrong("expected role=value: " + pair);
                    }
                    String role = pair.substring(0, eq);
                    String value = pair.substring(eq + 1);
                    slots.put(role, role.startsWith("unknown_") ? value.replace('_', ' ') : value);
                }
            }
            out.add(new FrameExpectation(act, parts[1].strip(), slots));
        }
        return out;
    }

    public boolean actMatches(Frame frame) {
        return frame.act() == act;
    }

    /** The slot differences, empty when the frame's slots are as expected. */
    public List<String> slotMisses(Frame frame) {
        Map<String, String> got = new LinkedHashMap<>();
        for (Frame.Slot slot : frame.slots()) {
            got.merge(slot.role(), slot.value(), (a, b) -> a + "," + b);
        }
        List<String> misses = new ArrayList<>();
        slots.forEach((role, value) -> {
            if (!value.equals(got.get(role))) {
                misses.add(role + "=" + value + " got " + got.get(role));
            }
        });
        for (String role : STRICT) {
            if (!slots.containsKey(role) && got.containsKey(role)) {
                misses.add(role + " should be absent, got " + got.get(role));
            }
        }
        return misses;
    }
}
