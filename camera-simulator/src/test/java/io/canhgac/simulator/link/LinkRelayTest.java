package io.canhgac.simulator.link;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A link between an echo server and blocking clients, all on loopback. Timings are asserted with room for a busy machine. */
@Timeout(30)
class LinkRelayTest {

    private static final int KIB = 1024;

    private EchoServer centre;
    private LinkRelay link;
    private final List<LinkClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        centre = new EchoServer();
        link = LinkRelay.start("que-loc", centre.address());
    }

    @AfterEach
    void stop() throws IOException {
        for (LinkClient client : clients) {
            client.close();
        }
        link.close();
        centre.close();
    }

    private LinkClient connect() throws IOException {
        LinkClient client = new LinkClient(link.address());
        clients.add(client);
        return client;
    }

    private static byte[] random(int length) {
        byte[] data = new byte[length];
        new Random(length).nextBytes(data);
        return data;
    }

    /** Sends and reads the echo back; returns the milliseconds it took. */
    private static long roundTrip(LinkClient client, byte[] data) throws Exception {
        long started = System.nanoTime();
        CompletableFuture<Void> sent = client.send(data);
        byte[] back = client.readExactly(data.length);
        sent.get(10, TimeUnit.SECONDS);
        assertThat(back).as("the echo, byte for byte").isEqualTo(data);
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    @Test
    void passesBytesExactlyAndCountsThemExactly() throws Exception {
        byte[] data = random(1024 * KIB);
        LinkClient client = connect();
        CompletableFuture<Void> sent = client.send(data);
        byte[] back = client.readExactly(data.length);
        sent.get(10, TimeUnit.SECONDS);

        assertThat(MessageDigest.getInstance("SHA-256").digest(back))
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(link.figures())
                .isEqualTo(new LinkFigures(data.length, data.length, 0, 1, 1, 0)));
        client.close();
        await().atMost(Duration.ofSeconds(2)).until(() -> link.figures().connectionsOpen() == 0);
        link.resetCounters();
        assertThat(link.figures()).isEqualTo(new LinkFigures(0, 0, 0, 0, 0, 0));
    }

    @Test
    void upCapIsSharedByEveryConnectionOfTheLink() throws Exception {
        link.rate(512_000, 0);
        LinkClient first = connect();
        LinkClient second = connect();
        long started = System.nanoTime();
        // 2 x 64 KiB up at 512 kbit/s: 131072 * 8 / 512000 = 2.05 s
        CompletableFuture<Long> a = CompletableFuture.supplyAsync(() -> quietly(() -> roundTrip(first, random(64 * KIB))));
        CompletableFuture<Long> b = CompletableFuture.supplyAsync(() -> quietly(() -> roundTrip(second, random(64 * KIB + 1))));
        CompletableFuture.allOf(a, b).get(10, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(millis).isBetween(1600L, 3000L);
        await().atMost(Duration.ofSeconds(2)).until(() -> link.figures().bytesUp() == 128 * KIB + 1);
    }

    @Test
    void downCapHoldsTheRate() throws Exception {
        link.rate(0, 512_000);
        long millis = roundTrip(connect(), random(128 * KIB));
        assertThat(millis).isBetween(1600L, 3000L);
    }

    @Test
    void delayHoldsEachDirection() throws Exception {
        LinkClient client = connect();
        roundTrip(client, random(16)); // connected before the delay counts
        link.delay(150, 0);
        long millis = roundTrip(client, random(16));
        assertThat(millis).isBetween(300L, 1500L);
    }

    @Test
    void jitterNeverReordersTheStream() throws Exception {
        link.delay(2, 30);
        LinkClient client = connect();
        byte[] all = random(200 * 64);
        CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> quietly(() -> {
            for (int i = 0; i < 200; i++) {
                client.write(Arrays.copyOfRange(all, i * 64, (i + 1) * 64));
                Thread.sleep(1); // separate chunks, each with its own random hold
            }
            return null;
        }));
        byte[] back = client.readExactly(all.length);
        sent.get(10, TimeUnit.SECONDS);
        assertThat(back).isEqualTo(all);
    }

    @Test
    void cutBlackHolesBothOldAndNewConnectionsAndRestoreResetsTheOnesThatLostBytes() throws Exception {
        LinkClient talking = connect();
        LinkClient quiet = connect();
        roundTrip(talking, random(100));
        roundTrip(quiet, random(100));
        await().atMost(Duration.ofSeconds(2)).until(() -> centre.open() == 2);
        link.resetCounters();

        link.cut();
        talking.write(random(10 * KIB));
        LinkClient during = connect();
        during.write(random(KIB));
        assertThat(talking.silentFor(300)).as("nothing comes back through a cut link").isTrue();
        assertThat(during.silentFor(100)).isTrue();
        await().atMost(Duration.ofSeconds(2)).until(() -> link.figures().droppedBytes() == 11 * KIB);
        assertThat(centre.received()).as("the centre got nothing").isEqualTo(200);
        assertThat(centre.accepted()).as("a connection made while cut is never forwarded").isEqualTo(2);
        assertThat(link.figures().bytesUp()).isZero();
        assertThat(link.figures().connectionsAccepted()).isEqualTo(1);

        link.restore();
        assertThat(talking.awaitEnd(3000)).isEqualTo("reset");
        assertThat(during.awaitEnd(3000)).isEqualTo("reset");
        await().atMost(Duration.ofSeconds(3)).until(() -> centre.open() == 1);
        assertThat(roundTrip(quiet, random(100))).as("a connection that lost nothing flows on").isLessThan(2000);
        assertThat(roundTrip(connect(), random(64 * KIB))).isLessThan(2000);
        assertThat(link.figures().droppedBytes()).isEqualTo(11 * KIB);
    }

    @Test
    void stallHoldsEverythingWithoutLossThenItFlows() throws Exception {
        LinkClient client = connect();
        roundTrip(client, random(100));
        long started = System.nanoTime();
        link.stall(800);
        assertThat(link.stalled()).isTrue();
        roundTrip(client, random(64 * KIB));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(795L, 3000L);
        assertThat(link.figures().droppedBytes()).isZero();
        assertThat(link.stalled()).isFalse();
    }

    @Test
    void recurringStallsHoldSomeRoundTripsUntilSwitchedOff() throws Exception {
        LinkClient client = connect();
        roundTrip(client, random(10));
        link.stalls(600, 300);
        long slowest = 0;
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1400);
        while (System.nanoTime() - until < 0) {
            slowest = Math.max(slowest, roundTrip(client, random(10)));
            Thread.sleep(20);
        }
        assertThat(slowest).as("some ping waited out a stall").isGreaterThanOrEqualTo(150);

        link.stalls(0, 0);
        assertThat(link.conditions()).isEqualTo(LinkConditions.PERFECT);
        await().atMost(Duration.ofSeconds(1)).until(() -> !link.stalled());
        assertThat(roundTrip(client, random(10))).isLessThan(250);
    }

    @Test
    void aCappedLinkHoldsABoundedAmountInTheRelay() throws Exception {
        try (EchoServer sink = EchoServer.discarding();
             LinkRelay slow = LinkRelay.start("slow", sink.address());
             LinkClient client = new LinkClient(slow.address())) {
            slow.rate(64_000, 0);
            client.send(random(4096 * KIB)); // far more than the relay may hold: the rest waits in the sender
            await().atMost(Duration.ofSeconds(3)).until(() -> slow.figures().bytesHeld() > 128 * KIB);
            long most = 0;
            for (int i = 0; i < 20; i++) {
                most = Math.max(most, slow.figures().bytesHeld());
                Thread.sleep(50);
            }
            assertThat(most).isLessThanOrEqualTo(Forwarder.MAX_HELD_BYTES);

            slow.clear(); // what it holds drains at once, and the sender's backlog follows
            await().atMost(Duration.ofSeconds(5)).until(() -> sink.received() == 4096 * KIB);
            assertThat(slow.figures().bytesUp()).isEqualTo(4096 * KIB);
            assertThat(slow.figures().bytesHeld()).isZero();
        }
    }

    @Test
    void clearGivesAPerfectLinkBack() throws Exception {
        link.cut();
        link.rate(8_000, 8_000);
        link.delay(1000, 500);
        link.stalls(5000, 800);
        link.clear();
        assertThat(link.conditions()).isEqualTo(LinkConditions.PERFECT);
        assertThat(link.stalled()).isFalse();
        assertThat(roundTrip(connect(), random(256 * KIB))).isLessThan(2000);
    }

    @Test
    void aTargetThatRefusesResetsTheClient() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (LinkRelay nowhere = LinkRelay.start("nowhere", new InetSocketAddress("127.0.0.1", closedPort));
             LinkClient client = new LinkClient(nowhere.address())) {
            assertThat(client.awaitEnd(3000)).isIn("reset", "eof");
            await().atMost(Duration.ofSeconds(2)).until(() -> nowhere.figures().connectionsOpen() == 0);
        }
    }

    @Test
    void refusesWhatIsNotLoopbackOrNotAName() {
        InetSocketAddress loopback = centre.address();
        assertThatThrownBy(() -> LinkRelay.start("x", new InetSocketAddress("10.1.2.3", 80)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> LinkRelay.start("x", new InetSocketAddress("0.0.0.0", 0), loopback))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> LinkRelay.start("x", InetSocketAddress.createUnresolved("centre", 80)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinkRelay.start("Quế Lộc", loopback)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> link.stalls(100, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> link.rate(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(link.conditions()).isEqualTo(LinkConditions.PERFECT);
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private static <T> T quietly(Step<T> step) {
        try {
            return step.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
