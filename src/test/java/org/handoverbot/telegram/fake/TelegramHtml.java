package org.handoverbot.telegram.fake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telegram's HTML parse mode as strictly as the real server applies it: only its tags, balanced, no nested
 * blockquotes, every other {@code < > &} escaped. The fake server refuses a message that breaks these rules
 * with "can't parse entities", so tests catch what would fail on Telegram.
 */
final class TelegramHtml {

    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
            "span", "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-z-]+)((?:\\s+[a-z-]+(?:=\"[^\"<>]*\")?)*)\\s*>");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|#\\d{1,7}|#x[0-9a-fA-F]{1,6});");

    private TelegramHtml() {
    }

    /** The text a user sees; throws IllegalArgumentException with Telegram's kind of message when it is not valid. */
    static String visibleText(String html) {
        StringBuilder visible = new StringBuilder();
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                Matcher tag = TAG.matcher(html).region(i, html.length());
                if (!tag.lookingAt() || !TAGS.contains(tag.group(2))) {
                    throw new IllegalArgumentException("can't parse entities: Unsupported start tag at byte offset " + i);
                }
                String name = tag.group(2);
                if (tag.group(1).isEmpty()) {
                    if (name.equals("span") && !tag.group(3).contains("class=\"tg-spoiler\"")) {
                        throw new IllegalArgumentException("can't parse entities: Tag \"span\" must have class \"tg-spoiler\" at byte offset " + i);
                    }
                    if (name.equals("blockquote") && open.contains("blockquote")) {
                        throw new IllegalArgumentException("can't parse entities: Blockquote entities can't be nested");
                    }
                    open.push(name);
                } else {
                    if (open.isEmpty() || !open.peek().equals(name)) {
                        throw new IllegalArgumentException("can't parse entities: Unmatched end tag at byte offset " + i
                                + ", expected \"</" + open.peek() + ">\", found \"</" + name + ">\"");
                    }
                    open.pop();
                }
                i = tag.end();
            } else if (c == '&') {
                Matcher entity = ENTITY.matcher(html).region(i, html.length());
                if (!entity.lookingAt()) {
                    throw new IllegalArgumentException("can't parse entities: Character entity expected at byte offset " + i);
                }
                visible.append(decode(entity.group(1)));
                i = entity.end();
            } else if (c == '>') {
                throw new IllegalArgumentException("can't parse entities: Unexpected end tag at byte offset " + i);
            } else {
                visible.append(c);
                i++;
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalArgumentException("can't parse entities: Can't find end tag corresponding to start tag \"" + open.peek() + "\"");
        }
        return visible.toString();
    }

    private static String decode(String entity) {
        return switch (entity) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "amp" -> "&";
            case "quot" -> "\"";
            default -> entity.startsWith("#x")
                    ? Character.toString(Integer.parseInt(entity.substring(2), 16))
                    : Character.toString(Integer.parseInt(entity.substring(1)));
        };
    }
}
