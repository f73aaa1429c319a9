package io.canhgac.simulator.control;

import io.canhgac.simulator.link.LinkConditions;
import io.canhgac.simulator.link.LinkRelay;
import io.canhgac.simulator.link.LinkRelays;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The fault control's {@code /links} routes: what each commune's WAN link does now, and changes to
 * it. Rates are in kbit/s (1000 bit/s) as operators speak of links; the link itself counts bits.
 * A bad number throws {@link IllegalArgumentException}, which the handler answers with a 400.
 */
final class LinkRoutes {

    /** What to answer: a status and a body for JSON. */
    record Reply(HttpResponseStatus status, Object body) {
        static Reply ok(Object body) {
            return new Reply(HttpResponseStatus.OK, body);
        }
    }

    private static final long MAX_KBITS = 1_000_000;
    private static final long MAX_DELAY_MILLIS = 60_000;
    private static final long MAX_STALL_MILLIS = 600_000;
    private static final String ACTIONS = "cut, restore, clear, reset-counters, rate, delay, stall, stalls";

    private final LinkRelays links;

    LinkRoutes(LinkRelays links) {
        this.links = links;
    }

    /** @param path the request's path segments, the first being {@code links} */
    Reply route(HttpMethod method, String[] path, Map<String, List<String>> params) {
        if (path.length == 1 && method.equals(HttpMethod.GET)) {
            return Reply.ok(links.all().stream().map(LinkRoutes::view).toList());
        }
        if (path.length == 1 || path.length > 3) {
            return error(HttpResponseStatus.NOT_FOUND, "no such route; try GET /links");
        }
        Optional<LinkRelay> found = links.find(path[1]);
        if (found.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "no link '" + path[1] + "'; known: "
                    + (links.names().isEmpty() ? "none" : String.join(", ", links.names())));
            body.put("known", links.names());
            return new Reply(HttpResponseStatus.NOT_FOUND, body);
        }
        LinkRelay link = found.get();
        if (path.length == 2 && method.equals(HttpMethod.GET)) {
            return Reply.ok(view(link));
        }
        if (path.length != 3 || !method.equals(HttpMethod.POST)) {
            return error(HttpResponseStatus.METHOD_NOT_ALLOWED, "link changes are POST /links/{name}/{change}");
        }
        switch (path[2]) {
            case "cut" -> link.cut();
            case "restore" -> link.restore();
            case "clear" -> link.clear();
            case "reset-counters" -> link.resetCounters();
            case "rate" -> rate(link, params);
            case "delay" -> link.delay(required(params, "ms", 0, MAX_DELAY_MILLIS),
                    number(params, "jitter", "ms", 0, MAX_DELAY_MILLIS).orElse(0L));
            case "stall" -> link.stall(required(params, "ms", 1, MAX_STALL_MILLIS));
            case "stalls" -> link.stalls(required(params, "every", 0, MAX_STALL_MILLIS), required(params, "for", 0, MAX_STALL_MILLIS));
            default -> throw new NoSuchElementException("unknown link change '" + path[2] + "'; known: " + ACTIONS);
        }
        return Reply.ok(view(link));
    }

    /** {@code kbits} sets both directions; {@code up} or {@code down} alone leaves the other as it is. */
    private static void rate(LinkRelay link, Map<String, List<String>> params) {
        Optional<Long> both = number(params, "kbits", "kbit/s", 0, MAX_KBITS);
        Optional<Long> up = number(params, "up", "kbit/s", 0, MAX_KBITS);
        Optional<Long> down = number(params, "down", "kbit/s", 0, MAX_KBITS);
        if (both.isPresent() == (up.isPresent() || down.isPresent())) {
            throw new IllegalArgumentException("give kbits=N for both directions, or up=N and/or down=N"
                    + " (kbit/s, 0 = unlimited), not both or neither");
        }
        LinkConditions now = link.conditions();
        long upBits = both.or(() -> up).map(k -> k * 1000).orElse(now.upBitsPerSecond());
        long downBits = both.or(() -> down).map(k -> k * 1000).orElse(now.downBitsPerSecond());
        link.rate(upBits, downBits);
    }

    private static Map<String, Object> view(LinkRelay link) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", link.name());
        v.put("address", link.address().getHostString() + ":" + link.address().getPort());
        v.put("target", link.target().getHostString() + ":" + link.target().getPort());
        v.put("stalled", link.stalled());
        v.put("conditions", link.conditions());
        v.put("figures", link.figures());
        return v;
    }

    private static long required(Map<String, List<String>> params, String name, long min, long max) {
        return number(params, name, "ms", min, max).orElseThrow(() -> new IllegalArgumentException(
                "give '" + name + "', " + min + ".." + max + " ms"));
    }

    /** Empty when absent; a whole number within min..max when given once. */
    private static Optional<Long> number(Map<String, List<String>> params, String name, String unit, long min, long max) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw new IllegalArgumentException("give '" + name + "' once, not " + values.size() + " times");
        }
        long value;
        try {
            value = Long.parseLong(values.get(0).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' must be a whole number of " + unit + ", was '" + values.get(0) + "'");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("'" + name + "' must be " + min + ".." + max + " " + unit + ", was " + value);
        }
        return Optional.of(value);
    }

    private static Reply error(HttpResponseStatus status, String message) {
        return new Reply(status, Map.of("error", message));
    }
}
