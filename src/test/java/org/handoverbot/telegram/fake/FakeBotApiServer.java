package org.handoverbot.telegram.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * A Bot API server for tests, on 127.0.0.1 and a free port, speaking the real protocol over HTTP so the real
 * TelegramBots client can be pointed at it ({@link #telegramUrl()}). It serves {@code /bot<token>/<method>}:
 * getUpdates (offset confirms, long-poll timeout honoured), sendMessage, editMessageText, answerCallbackQuery,
 * sendChatAction, setMyCommands, getMe, setWebhook, deleteWebhook, getWebhookInfo, answerInlineQuery and
 * sendPhoto (multipart upload, or a file id it issued); a wrong token gets 401.
 * Messages are checked as Telegram checks them (HTML entities, 4096 characters, 64-byte callback data).
 *
 * <p>Tests enqueue updates ({@link FakeUpdates}), read what the bot sent per chat ({@link #awaitSent}), and
 * script faults: {@link #failNextSends} (429 with retry_after, 403...), {@link #blockChat}. Extension points:
 * {@link #addSendGate} (e.g. rate limits), {@link #on} (add or replace a method), and the protected methods.
 * Thread-safe: one monitor guards the update queue and the records, so waiting is simple and exact.
 */
public class FakeBotApiServer implements AutoCloseable {

    public static final String DEFAULT_TOKEN = "123456789:TEST-token_abcdefghijklmnopqrstuvwxyz";
    public static final String BOT_USERNAME = "handover_test_bot";
    public static final long BOT_ID = 123456789L;

    /** Methods that put something in a chat: sending gates are asked before these. */
    protected static final Set<String> SENDING_METHODS = Set.of("sendmessage", "editmessagetext", "sendchataction",
            "sendphoto", "senddocument", "copymessage", "forwardmessage");

    static {
        // The JDK server writes headers and body apart; with Nagle's algorithm each answer would wait ~40 ms for
        // the client's delayed ACK. Read once, when the JDK's HTTP server classes load.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    protected final ObjectMapper json = new ObjectMapper();
    protected final Object lock = new Object();

    private final String token;
    private final HttpServer http;
    private final ExecutorService executor;
    private final Map<String, MethodHandler> handlers = new ConcurrentHashMap<>();
    private final List<SendGate> gates = new CopyOnWriteArrayList<>();

    // guarded by lock
    private final Deque<ObjectNode> pending = new ArrayDeque<>();
    private final Map<Long, Long> enqueuedAtNanos = new HashMap<>();
    private final List<ApiCall> calls = new ArrayList<>();
    private final List<SentMessage> sent = new ArrayList<>();
    private final Map<String, String> lastTextOfMessage = new HashMap<>();
    private final Map<Integer, byte[]> photos = new HashMap<>();
    private final Map<String, byte[]> photoFiles = new HashMap<>();
    private final Map<Long, Deque<ApiFailure>> scriptedFailures = new HashMap<>();
    private final Set<Long> blockedChats = new java.util.HashSet<>();
    private long nextUpdateId = 700_000_001L;
    private long confirmedUpTo;
    private JsonNode commands = JsonNodeFactory.instance.arrayNode();
    private String webhookUrl = "";
    private String webhookSecret = "";
    private boolean closed;
    private boolean losingConfirmations;
    private int conflictsLeft;

    private final AtomicInteger nextMessageId = new AtomicInteger(5_000);
    private final AtomicInteger refusedRequests = new AtomicInteger();
    private volatile boolean tokenRevoked;
    private volatile long longPollCapMillis = 50_000;

    public static FakeBotApiServer start() {
        return start(DEFAULT_TOKEN);
    }

    public static FakeBotApiServer start(String token) {
        return new FakeBotApiServer(token);
    }

    protected FakeBotApiServer(String token) {
        this.token = token;
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the fake Bot API server", e);
        }
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-bot-api");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        http.createContext("/", this::serve);
        registerDefaultMethods();
        gates.add(this::scriptedFailure);
        http.start();
    }

    // ---- where the bot connects

    public String token() {
        return token;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** What TelegramBots needs to talk to this server instead of api.telegram.org. */
    public TelegramUrl telegramUrl() {
        return new TelegramUrl("http", "127.0.0.1", port(), false);
    }

    /** The same as a URI, for TELEGRAM_API_URL. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Caps how long a getUpdates waits, whatever timeout the client asks for (default 50 s, Telegram's maximum). */
    public void capLongPoll(Duration cap) {
        longPollCapMillis = Math.max(0, cap.toMillis());
    }

    // ---- updates in

    /** Puts an update in the queue with the next update_id and returns that id. */
    public long enqueue(ObjectNode update) {
        synchronized (lock) {
            long id = nextUpdateId++;
            ObjectNode numbered = JsonNodeFactory.instance.objectNode().put("update_id", id);
            numbered.setAll(update);
            pending.addLast(numbered);
            enqueuedAtNanos.put(id, System.nanoTime());
            lock.notifyAll();
            return id;
        }
    }

    /** Shorthand: a private text message from chatId. */
    public long sendText(long chatId, String text) {
        return enqueue(FakeUpdates.text(chatId, text));
    }

    /** When the update was enqueued (System.nanoTime), for latency figures. */
    public long enqueuedAtNanos(long updateId) {
        synchronized (lock) {
            Long at = enqueuedAtNanos.get(updateId);
            if (at == null) {
                throw new IllegalArgumentException("no update " + updateId);
            }
            return at;
        }
    }

    /** Updates the bot has not confirmed yet (Telegram would re-deliver them). */
    public int unconfirmedCount() {
        synchronized (lock) {
            return pending.size();
        }
    }

    /** Waits until the bot confirmed (by a later getUpdates offset) every update up to updateId. */
    public void awaitConfirmed(long updateId, Duration timeout) throws InterruptedException {
        awaitCondition(() -> confirmedUpTo >= updateId, timeout, () -> "update " + updateId + " confirmed (confirmed up to " + confirmedUpTo + ")");
    }

    /**
     * While on, getUpdates offsets confirm nothing: every update stays queued and is delivered again, as Telegram
     * does after a bot crashed before its next getUpdates could confirm what it had received.
     */
    public void loseConfirmations(boolean losing) {
        synchronized (lock) {
            losingConfirmations = losing;
        }
    }

    // ---- webhook delivery: Telegram pushing updates to several instances behind one address

    /**
     * Pushes every queued update (and every update queued later) to webhook endpoints, as Telegram and a proxy
     * in front of several instances do: round-robin, with the secret the bot gave setWebhook; an update that
     * gets no 200 goes again to the next endpoint a little later (Telegram's retry); every repeatEvery-th update
     * (0: none) is delivered a second time to the next endpoint, as Telegram does when a 200 was lost.
     * Close the returned deliveries (or this server) to stop.
     */
    public WebhookDeliveries deliverToWebhooks(List<URI> endpoints, int repeatEvery) {
        WebhookDeliveries deliveries = new WebhookDeliveries(this, endpoints, repeatEvery);
        deliveries.start();
        return deliveries;
    }

    /** The next queued update, taken off the queue (webhook delivery), or null when none came within wait. */
    ObjectNode takeForWebhook(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (lock) {
            while (pending.isEmpty() && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return pending.pollFirst();
        }
    }

    // ---- what the bot did

    public List<ApiCall> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    public List<ApiCall> calls(String method) {
        String m = method.toLowerCase(java.util.Locale.ROOT);
        synchronized (lock) {
            return calls.stream().filter(c -> c.method().equals(m)).toList();
        }
    }

    /** Every message that went into any chat, in arrival order. */
    public List<SentMessage> sent() {
        synchronized (lock) {
            return List.copyOf(sent);
        }
    }

    public List<SentMessage> sentTo(long chatId) {
        return sentTo(Long.toString(chatId));
    }

    /** Messages to a chat named by its id or @name. */
    public List<SentMessage> sentTo(String chat) {
        synchronized (lock) {
            return sent.stream().filter(s -> s.chat().equals(chat)).toList();
        }
    }

    /** Waits until at least count messages went to chatId and returns them all; fails after timeout. */
    public List<SentMessage> awaitSent(long chatId, int count, Duration timeout) throws InterruptedException {
        return awaitSent(Long.toString(chatId), count, timeout);
    }

    public List<SentMessage> awaitSent(String chat, int count, Duration timeout) throws InterruptedException {
        awaitCondition(() -> sent.stream().filter(s -> s.chat().equals(chat)).count() >= count, timeout,
                () -> count + " messages to chat " + chat + ", got " + sent.stream().filter(s -> s.chat().equals(chat)).map(SentMessage::text).toList());
        return sentTo(chat);
    }

    /** Waits until at least count calls of method arrived (any outcome) and returns them. */
    public List<ApiCall> awaitCalls(String method, int count, Duration timeout) throws InterruptedException {
        String m = method.toLowerCase(java.util.Locale.ROOT);
        awaitCondition(() -> calls.stream().filter(c -> c.method().equals(m)).count() >= count, timeout,
                () -> count + " calls of " + method);
        return calls(m);
    }

    /** Waits until the bot sent nothing for `quiet`, to check afterwards that nothing more came (bounded by max). */
    public void awaitQuiet(Duration quiet, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            long lastCall;
            synchronized (lock) {
                lastCall = calls.isEmpty() ? 0 : calls.get(calls.size() - 1).atNanos();
            }
            long sinceLast = System.nanoTime() - lastCall;
            if (sinceLast >= quiet.toNanos()) {
                return;
            }
            Thread.sleep(Math.max(1, (quiet.toNanos() - sinceLast) / 1_000_000));
        }
    }

    /** Requests refused for a wrong token (401). */
    public int refusedRequests() {
        return refusedRequests.get();
    }

    /** The commands the bot registered with setMyCommands (the JSON array). */
    public JsonNode commands() {
        synchronized (lock) {
            return commands;
        }
    }

    public String webhookUrl() {
        synchronized (lock) {
            return webhookUrl;
        }
    }

    public String webhookSecret() {
        synchronized (lock) {
            return webhookSecret;
        }
    }

    /** The PNG (or other image) bytes of a photo the bot sent, by the message id the server gave it. */
    public byte[] photo(int messageId) {
        synchronized (lock) {
            byte[] bytes = photos.get(messageId);
            if (bytes == null) {
                throw new IllegalArgumentException("no photo with message id " + messageId);
            }
            return bytes.clone();
        }
    }

    /** Photos sent by uploading a file (not by naming a file id the server had issued). */
    public int photoUploads() {
        synchronized (lock) {
            return photoFiles.size();
        }
    }

    // ---- faults

    /** The next sends to chatId fail with these answers, one per send, in order. */
    public void failNextSends(long chatId, ApiFailure... failures) {
        synchronized (lock) {
            scriptedFailures.computeIfAbsent(chatId, k -> new ArrayDeque<>()).addAll(List.of(failures));
        }
    }

    /** From now on every send to chatId gets 403 "bot was blocked by the user". */
    public void blockChat(long chatId) {
        synchronized (lock) {
            blockedChats.add(chatId);
        }
    }

    /**
     * The next getUpdates calls get 409 Conflict, as when a second process polls with the same token (Telegram
     * ends the other's long poll with "terminated by other getUpdates request").
     */
    public void conflictOnNextPolls(int polls) {
        synchronized (lock) {
            conflictsLeft += polls;
        }
    }

    /** From now on the token is refused (401) on every method, as after @BotFather revoked it. */
    public void revokeToken() {
        tokenRevoked = true;
    }

    /** Adds a gate asked before each sending method (after the scripted faults). */
    public void addSendGate(SendGate gate) {
        gates.add(gate);
    }

    /** Adds or replaces the handling of a method (lower-case name). */
    public void on(String method, MethodHandler handler) {
        handlers.put(method.toLowerCase(java.util.Locale.ROOT), handler);
    }

    /** Handles one Bot API method: returns the "result" JSON or throws {@link ApiFailureException}. */
    @FunctionalInterface
    public interface MethodHandler {
        JsonNode handle(ApiCall call) throws ApiFailureException;
    }

    /** Thrown by a handler to answer with a Bot API error. */
    public static final class ApiFailureException extends Exception {
        private final transient ApiFailure failure;

        public ApiFailureException(ApiFailure failure) {
            super(failure.description(), null, false, false);
            this.failure = failure;
        }

        public ApiFailure failure() {
            return failure;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        http.stop(0);
        executor.shutdownNow();
    }

    // ---- the protocol

    protected void registerDefaultMethods() {
        on("getupdates", this::getUpdates);
        on("sendmessage", this::sendMessage);
        on("editmessagetext", this::editMessageText);
        on("answercallbackquery", call -> BooleanNode.TRUE);
        on("sendchataction", this::sendChatAction);
        on("answerinlinequery", this::answerInlineQuery);
        on("sendphoto", this::sendPhoto);
        on("setmycommands", call -> {
            synchronized (lock) {
                commands = call.params().path("commands");
            }
            return BooleanNode.TRUE;
        });
        on("getmycommands", call -> commands());
        on("getme", call -> botUser());
        on("setwebhook", call -> {
            synchronized (lock) {
                webhookUrl = call.params().path("url").asText("");
                webhookSecret = call.params().path("secret_token").asText("");
            }
            return BooleanNode.TRUE;
        });
        on("deletewebhook", call -> {
            synchronized (lock) {
                webhookUrl = "";
                webhookSecret = "";
                if (call.params().path("drop_pending_updates").asBoolean(false)) {
                    pending.clear();
                }
            }
            return BooleanNode.TRUE;
        });
        on("getwebhookinfo", call -> {
            synchronized (lock) {
                return JsonNodeFactory.instance.objectNode().put("url", webhookUrl)
                        .put("has_custom_certificate", false).put("pending_update_count", pending.size());
            }
        });
        on("close", call -> BooleanNode.TRUE);
        on("logout", call -> BooleanNode.TRUE);
    }

    protected JsonNode getUpdates(ApiCall call) throws ApiFailureException {
        long offset = call.params().path("offset").asLong(0);
        int limit = Math.max(1, Math.min(100, call.params().path("limit").asInt(100)));
        long timeoutMillis = Math.max(0, Math.min(longPollCapMillis, call.params().path("timeout").asLong(0) * 1000));
        long deadline = System.nanoTime() + Duration.ofMillis(timeoutMillis).toNanos();
        synchronized (lock) {
            if (conflictsLeft > 0) {
                conflictsLeft--;
                throw new ApiFailureException(ApiFailure.conflict("terminated by other getUpdates request; make sure that only one bot instance is running"));
            }
            if (!webhookUrl.isEmpty()) {
                throw new ApiFailureException(ApiFailure.conflict("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"));
            }
            if (offset > 0 && !losingConfirmations) {
                while (!pending.isEmpty() && pending.peekFirst().path("update_id").asLong() < offset) {
                    pending.removeFirst();
                }
                confirmedUpTo = Math.max(confirmedUpTo, offset - 1);
                lock.notifyAll();
            }
            while (pending.stream().noneMatch(u -> u.path("update_id").asLong() >= offset) && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            var result = JsonNodeFactory.instance.arrayNode();
            pending.stream().filter(u -> u.path("update_id").asLong() >= offset).limit(limit).forEach(result::add);
            return result;
        }
    }

    protected JsonNode sendMessage(ApiCall call) throws ApiFailureException {
        JsonNode p = call.params();
        String chat = requireChat(p);
        String text = p.path("text").asText("");
        String parseMode = p.path("parse_mode").asText("");
        checkText(text, parseMode);
        JsonNode markup = markup(p);
        int messageId = nextMessageId.incrementAndGet();
        record(new SentMessage(chat, messageId, call.method(), text, parseMode, markup, call.atNanos()));
        return messageJson(chat, messageId, text, parseMode);
    }

    protected JsonNode editMessageText(ApiCall call) throws ApiFailureException {
        JsonNode p = call.params();
        String chat = requireChat(p);
        int messageId = p.path("message_id").asInt(0);
        if (messageId == 0) {
            throw new ApiFailureException(ApiFailure.badRequest("message identifier is not specified"));
        }
        String text = p.path("text").asText("");
        String parseMode = p.path("parse_mode").asText("");
        checkText(text, parseMode);
        synchronized (lock) {
            if (text.equals(lastTextOfMessage.get(chat + "/" + messageId))) {
                throw new ApiFailureException(ApiFailure.badRequest("message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"));
            }
        }
        record(new SentMessage(chat, messageId, call.method(), text, parseMode, markup(p), call.atNanos()));
        return messageJson(chat, messageId, text, parseMode);
    }

    protected JsonNode sendChatAction(ApiCall call) throws ApiFailureException {
        requireChat(call.params());
        String action = call.params().path("action").asText("");
        if (!Set.of("typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
                "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note").contains(action)) {
            throw new ApiFailureException(ApiFailure.badRequest("wrong parameter action in request"));
        }
        return BooleanNode.TRUE;
    }

    /** Checks results as Telegram does: at most 50, ids of 1-64 bytes and unique, titles, valid message HTML. */
    protected JsonNode answerInlineQuery(ApiCall call) throws ApiFailureException {
        JsonNode p = call.params();
        if (p.path("inline_query_id").asText("").isEmpty()) {
            throw new ApiFailureException(ApiFailure.badRequest("query is too old and response timeout expired or query ID is invalid"));
        }
        JsonNode results = p.path("results");
        if (results.isTextual()) {
            try {
                results = json.readTree(results.asText());
            } catch (IOException e) {
                throw new ApiFailureException(ApiFailure.badRequest("can't parse inline query results JSON object"));
            }
        }
        if (!results.isArray() || results.size() > 50) {
            throw new ApiFailureException(ApiFailure.badRequest("RESULTS_TOO_MUCH"));
        }
        Set<String> ids = new java.util.HashSet<>();
        for (JsonNode result : results) {
            String id = result.path("id").asText("");
            int bytes = id.getBytes(StandardCharsets.UTF_8).length;
            if (bytes == 0 || bytes > 64 || !ids.add(id)) {
                throw new ApiFailureException(ApiFailure.badRequest("RESULT_ID_INVALID"));
            }
            if ("article".equals(result.path("type").asText())) {
                if (result.path("title").asText("").isEmpty()) {
                    throw new ApiFailureException(ApiFailure.badRequest("RESULT_TITLE_EMPTY"));
                }
                JsonNode content = result.path("input_message_content");
                checkText(content.path("message_text").asText(""), content.path("parse_mode").asText(""));
            }
            markup(result);
        }
        return BooleanNode.TRUE;
    }

    /** A photo: an uploaded file (multipart) that must be an image, or a file id this server issued; caption up to 1024. */
    protected JsonNode sendPhoto(ApiCall call) throws ApiFailureException {
        JsonNode p = call.params();
        String chat = requireChat(p);
        byte[] image;
        // An upload is a file part named "photo", or named in the field as attach://<part> (as TelegramBots sends it).
        String field = p.path("photo").asText("");
        JsonNode upload = field.startsWith("attach://") ? p.path("_files").path(field.substring("attach://".length()))
                : p.path("_files").path("photo");
        if (!upload.isMissingNode()) {
            image = java.util.Base64.getDecoder().decode(upload.path("base64").asText(""));
            boolean png = image.length > 8 && (image[0] & 0xff) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G';
            boolean jpeg = image.length > 3 && (image[0] & 0xff) == 0xff && (image[1] & 0xff) == 0xd8;
            if (!png && !jpeg) {
                throw new ApiFailureException(ApiFailure.badRequest("IMAGE_PROCESS_FAILED"));
            }
        } else {
            synchronized (lock) {
                image = photoFiles.get(field);
            }
            if (image == null) {
                throw new ApiFailureException(ApiFailure.badRequest("wrong remote file identifier specified: can't unserialize it"));
            }
        }
        String caption = p.path("caption").asText("");
        String parseMode = p.path("parse_mode").asText("");
        String visible = caption;
        if ("HTML".equalsIgnoreCase(parseMode)) {
            try {
                visible = TelegramHtml.visibleText(caption);
            } catch (IllegalArgumentException e) {
                throw new ApiFailureException(ApiFailure.badRequest(e.getMessage()));
            }
        }
        if (visible.length() > 1024) {
            throw new ApiFailureException(ApiFailure.badRequest("message caption is too long"));
        }
        JsonNode markup = markup(p);
        int messageId = nextMessageId.incrementAndGet();
        String fileId = "AgACfake" + messageId;
        synchronized (lock) {
            photos.put(messageId, image);
            if (!upload.isMissingNode()) {
                photoFiles.put(fileId, image);
            }
        }
        record(new SentMessage(chat, messageId, call.method(), caption, parseMode, markup, call.atNanos()));
        ObjectNode message = messageJson(chat, messageId, caption.isEmpty() ? "…" : caption, parseMode);
        message.remove("text");
        message.put("caption", visible);
        message.putArray("photo").addObject().put("file_id", fileId).put("file_unique_id", "u" + fileId)
                .put("width", 1280).put("height", 720).put("file_size", image.length);
        return message;
    }

    private void record(SentMessage message) {
        synchronized (lock) {
            sent.add(message);
            lastTextOfMessage.put(message.chat() + "/" + message.messageId(), message.text());
            lock.notifyAll();
        }
    }

    private String requireChat(JsonNode p) throws ApiFailureException {
        String chat = p.path("chat_id").asText("");
        if (chat.isEmpty()) {
            throw new ApiFailureException(ApiFailure.badRequest("chat_id is empty"));
        }
        return chat;
    }

    private void checkText(String text, String parseMode) throws ApiFailureException {
        String visible = text;
        if ("HTML".equalsIgnoreCase(parseMode)) {
            try {
                visible = TelegramHtml.visibleText(text);
            } catch (IllegalArgumentException e) {
                throw new ApiFailureException(ApiFailure.badRequest(e.getMessage()));
            }
        } else if (!parseMode.isEmpty()) {
            throw new ApiFailureException(ApiFailure.badRequest("unsupported parse_mode in this fake: " + parseMode));
        }
        if (visible.isBlank()) {
            throw new ApiFailureException(ApiFailure.badRequest("message text is empty"));
        }
        if (visible.length() > 4096) {
            throw new ApiFailureException(ApiFailure.badRequest("message is too long"));
        }
    }

    private JsonNode markup(JsonNode p) throws ApiFailureException {
        JsonNode markup = p.path("reply_markup");
        if (markup.isTextual()) {
            try {
                markup = json.readTree(markup.asText());
            } catch (IOException e) {
                throw new ApiFailureException(ApiFailure.badRequest("can't parse reply keyboard markup JSON object"));
            }
        }
        for (JsonNode row : markup.path("inline_keyboard")) {
            for (JsonNode button : row) {
                String data = button.path("callback_data").asText(null);
                if (data != null && (data.isEmpty() || data.getBytes(StandardCharsets.UTF_8).length > 64)) {
                    throw new ApiFailureException(ApiFailure.badRequest("BUTTON_DATA_INVALID"));
                }
                if (button.path("text").asText("").isEmpty()) {
                    throw new ApiFailureException(ApiFailure.badRequest("text buttons are unallowed in the inline keyboard"));
                }
            }
        }
        return markup;
    }

    private ObjectNode messageJson(String chat, int messageId, String text, String parseMode) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("message_id", messageId);
        message.set("from", botUser());
        ObjectNode chatJson = message.putObject("chat");
        if (chat.startsWith("@")) {
            chatJson.put("id", -1001000000001L).put("type", "channel").put("username", chat.substring(1)).put("title", chat);
        } else {
            long id = Long.parseLong(chat);
            chatJson.put("id", id).put("type", id > 0 ? "private" : "supergroup");
        }
        message.put("date", Instant.now().getEpochSecond());
        message.put("text", "HTML".equalsIgnoreCase(parseMode) ? TelegramHtml.visibleText(text) : text);
        return message;
    }

    static ObjectNode botUser() {
        return JsonNodeFactory.instance.objectNode().put("id", BOT_ID).put("is_bot", true)
                .put("first_name", "Handover Test Bot").put("username", BOT_USERNAME)
                .put("can_join_groups", true).put("can_read_all_group_messages", false).put("supports_inline_queries", false);
    }

    private Optional<ApiFailure> scriptedFailure(ApiCall call) {
        long chatId = call.chatId();
        synchronized (lock) {
            if (blockedChats.contains(chatId)) {
                return Optional.of(ApiFailure.blockedByUser());
            }
            Deque<ApiFailure> script = scriptedFailures.get(chatId);
            return script == null || script.isEmpty() ? Optional.empty() : Optional.of(script.removeFirst());
        }
    }

    // ---- HTTP

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            // "", "bot<token>", "<method>"
            if (parts.length != 3 || !parts[1].startsWith("bot")) {
                answer(exchange, 404, failureBody(new ApiFailure(404, "Not Found", 0)));
                return;
            }
            if (tokenRevoked || !java.security.MessageDigest.isEqual(parts[1].substring(3).getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8))) {
                refusedRequests.incrementAndGet();
                answer(exchange, 401, failureBody(ApiFailure.unauthorized()));
                return;
            }
            String method = parts[2].toLowerCase(java.util.Locale.ROOT);
            JsonNode params;
            try {
                params = params(exchange);
            } catch (IOException | RuntimeException e) {
                answer(exchange, 400, failureBody(ApiFailure.badRequest("can't parse request: " + e.getMessage())));
                return;
            }
            ApiCall call = new ApiCall(method, params, System.nanoTime());
            synchronized (lock) {
                calls.add(call);
                lock.notifyAll();
            }
            MethodHandler handler = handlers.get(method);
            if (handler == null) {
                answer(exchange, 404, failureBody(new ApiFailure(404, "Not Found: method not found", 0)));
                return;
            }
            try {
                if (SENDING_METHODS.contains(method)) {
                    for (SendGate gate : gates) {
                        Optional<ApiFailure> refused = gate.check(call);
                        if (refused.isPresent()) {
                            throw new ApiFailureException(refused.get());
                        }
                    }
                }
                JsonNode result = handler.handle(call);
                ObjectNode body = JsonNodeFactory.instance.objectNode().put("ok", true);
                body.set("result", result);
                answer(exchange, 200, body);
            } catch (ApiFailureException e) {
                answer(exchange, e.failure().errorCode(), failureBody(e.failure()));
            }
        } catch (RuntimeException e) {
            // A bug in the fake must show in the test output, not as a hung client.
            e.printStackTrace();
            throw e;
        }
    }

    protected ObjectNode failureBody(ApiFailure failure) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("ok", false)
                .put("error_code", failure.errorCode()).put("description", failure.description());
        if (failure.retryAfterSeconds() > 0) {
            body.putObject("parameters").put("retry_after", failure.retryAfterSeconds());
        }
        return body;
    }

    private void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Query string, JSON, urlencoded and multipart (text parts) parameters merged into one object. */
    private JsonNode params(HttpExchange exchange) throws IOException {
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            formFields(query).forEach(params::put);
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("").toLowerCase(java.util.Locale.ROOT);
        if (body.length == 0) {
            return params;
        }
        if (type.startsWith("application/json")) {
            JsonNode tree = json.readTree(body);
            if (tree instanceof ObjectNode object) {
                params.setAll(object);
            }
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            formFields(new String(body, StandardCharsets.UTF_8)).forEach(params::put);
        } else if (type.startsWith("multipart/form-data")) {
            String boundary = exchange.getRequestHeaders().getFirst("Content-Type").replaceAll("(?i).*boundary=\"?([^\";]+)\"?.*", "$1");
            multipartFields(body, boundary).forEach(params::put);
            ObjectNode files = JsonNodeFactory.instance.objectNode();
            multipartFiles(body, boundary).forEach((name, bytes) -> files.putObject(name).put("size", bytes.length)
                    .put("base64", java.util.Base64.getEncoder().encodeToString(bytes)));
            if (!files.isEmpty()) {
                params.set("_files", files);
            }
        }
        return params;
    }

    private static Map<String, String> formFields(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.put(name, value);
            }
        }
        return fields;
    }

    private static Map<String, String> multipartFields(byte[] body, String boundary) {
        Map<String, String> fields = new LinkedHashMap<>();
        multipartParts(body, boundary, false).forEach((name, bytes) -> fields.put(name, new String(bytes, StandardCharsets.UTF_8)));
        return fields;
    }

    /** The file parts of a multipart body (uploads), by field name, as bytes. */
    private static Map<String, byte[]> multipartFiles(byte[] body, String boundary) {
        return multipartParts(body, boundary, true);
    }

    /** The parts of a multipart body that are uploads (files = true) or text fields (false), by name, as bytes. */
    private static Map<String, byte[]> multipartParts(byte[] body, String boundary, boolean files) {
        // ISO-8859-1 keeps one char per byte, so part boundaries can be found as text and values decoded as UTF-8.
        String raw = new String(body, StandardCharsets.ISO_8859_1);
        Map<String, byte[]> parts = new LinkedHashMap<>();
        for (String part : raw.split("--" + java.util.regex.Pattern.quote(boundary))) {
            int headerEnd = part.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headerEnd);
            var name = java.util.regex.Pattern.compile("name=\"([^\"]*)\"").matcher(headers);
            if (!name.find() || headers.contains("filename=") != files) {
                continue;
            }
            String value = part.substring(headerEnd + 4);
            if (value.endsWith("\r\n")) {
                value = value.substring(0, value.length() - 2);
            }
            parts.put(name.group(1), value.getBytes(StandardCharsets.ISO_8859_1));
        }
        return parts;
    }

    private void awaitCondition(java.util.function.BooleanSupplier condition, Duration timeout,
                                java.util.function.Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what.get());
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Messages matching a test, for assertions that don't care about order across chats. */
    public List<SentMessage> sentWhere(Predicate<SentMessage> test) {
        synchronized (lock) {
            return sent.stream().filter(test).toList();
        }
    }
}
