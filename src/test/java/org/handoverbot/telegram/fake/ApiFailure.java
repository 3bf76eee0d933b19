package org.handoverbot.telegram.fake;

/**
 * An error answer the fake server gives instead of doing a method, shaped like Telegram's:
 * {@code {"ok":false,"error_code":..,"description":..,"parameters":{"retry_after":..}}}.
 * retryAfterSeconds is 0 when the answer carries no retry_after.
 */
public record ApiFailure(int errorCode, String description, int retryAfterSeconds) {

    public static ApiFailure tooManyRequests(int retryAfterSeconds) {
        return new ApiFailure(429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds);
    }

    public static ApiFailure blockedByUser() {
        return new ApiFailure(403, "Forbidden: bot was blocked by the user", 0);
    }

    public static ApiFailure badRequest(String what) {
        return new ApiFailure(400, "Bad Request: " + what, 0);
    }

    public static ApiFailure unauthorized() {
        return new ApiFailure(401, "Unauthorized", 0);
    }

    public static ApiFailure conflict(String what) {
        return new ApiFailure(409, "Conflict: " + what, 0);
    }
}
