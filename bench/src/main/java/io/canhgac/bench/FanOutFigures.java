package io.canhgac.bench;

import io.canhgac.event.SseTestClient;
import io.canhgac.event.nodes.FollowedStream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the streams of {@link NodesBench} got: latency gateway → browser before and after the kill, losses. */
record FanOutFigures(List<Long> steadyMillis, List<Long> afterKillMillis, int missed, int duplicated) {

    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\":\"([0-9a-f-]{36})\"");

    static FanOutFigures of(List<FollowedStream> streams, Collection<String> raised, Map<String, Instant> sentAt, Instant killedAt) {
        List<Long> steady = new ArrayList<>();
        List<Long> afterKill = new ArrayList<>();
        int missed = 0;
        int duplicated = 0;
        for (FollowedStream stream : streams) {
            Set<String> got = new HashSet<>();
            for (SseTestClient.Received alert : stream.received("alert")) {
                String id = eventId(alert);
                if (!got.add(id)) {
                    duplicated++;
                    continue;
                }
                Instant sent = sentAt.get(id);
                if (sent != null) {
                    long millis = Duration.between(sent, alert.at()).toMillis();
                    (sent.isBefore(killedAt) && alert.at().isBefore(killedAt) ? steady : afterKill).add(millis);
                }
            }
            missed += (int) raised.stream().filter(id -> !got.contains(id)).count();
        }
        Collections.sort(steady);
        Collections.sort(afterKill);
        return new FanOutFigures(steady, afterKill, missed, duplicated);
    }

    static boolean allGot(List<FollowedStream> streams, Collection<String> raised) {
        return streams.stream().allMatch(s -> s.received("alert").stream().map(FanOutFigures::eventId)
                .collect(java.util.stream.Collectors.toSet()).containsAll(raised));
    }

    private static String eventId(SseTestClient.Received alert) {
        Matcher m = EVENT_ID.matcher(alert.data());
        return m.find() ? m.group(1) : "";
    }

    @Override
    public String toString() {
        return "alert latency gateway -> browser, before the kill: p50 %d ms, p99 %d ms, max %d ms (%,d deliveries);"
                .formatted(at(steadyMillis, 0.5), at(steadyMillis, 0.99), at(steadyMillis, 1.0), steadyMillis.size())
                + " after it (reconnects included): p50 %d ms, p99 %d ms, max %d ms (%,d deliveries); missed %d, duplicated %d"
                .formatted(at(afterKillMillis, 0.5), at(afterKillMillis, 0.99), at(afterKillMillis, 1.0), afterKillMillis.size(),
                        missed, duplicated);
    }

    private static long at(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1 < 0 ? 0
                : (int) Math.ceil(quantile * sorted.size()) - 1));
    }
}
