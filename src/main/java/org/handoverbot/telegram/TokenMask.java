package org.handoverbot.telegram;

/**
 * Keeps the bot token out of anything printed: every occurrence of the token, or of its secret part after
 * the colon, becomes "***". Whoever holds the token controls the bot.
 */
final class TokenMask {

    private final String token;
    private final String secret;

    TokenMask(String token) {
        this.token = token;
        int colon = token.indexOf(':');
        this.secret = colon >= 0 && colon < token.length() - 1 ? token.substring(colon + 1) : token;
    }

    String mask(String text) {
        if (text == null) {
            return "";
        }
        return text.replace(token, "***").replace(secret, "***");
    }

    /** A throwable as one line: its type and masked message, and the same for its root cause. */
    String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String line = error.getClass().getSimpleName() + ": " + mask(error.getMessage());
        return root == error ? line : line + " (" + root.getClass().getSimpleName() + ": " + mask(root.getMessage()) + ")";
    }
}
