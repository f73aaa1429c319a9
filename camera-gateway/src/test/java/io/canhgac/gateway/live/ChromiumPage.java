package io.canhgac.gateway.live;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a test page in Debian's headless Chromium (the browser DESIGN.md pins for browser tests)
 * and returns the text the page wrote after {@code RESULT }. The page is served from loopback
 * with one image held back for {@code holdMillis}, so the page keeps running that long before
 * Chromium dumps its DOM.
 */
final class ChromiumPage {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private ChromiumPage() {
    }

    static String run(String resource, String hash, long holdMillis) throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("this test needs Debian's chromium (apt-get install chromium), see DESIGN.md");
        }
        byte[] page;
        try (InputStream in = ChromiumPage.class.getResourceAsStream(resource)) {
            page = in.readAllBytes();
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.setExecutor(threads);
        http.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/hold")) {
                sleep(holdMillis);
                exchange.sendResponseHeaders(204, -1);
            } else {
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
            }
            exchange.close();
        });
        http.start();
        Path profile = Files.createTempDirectory("chromium-live-test");
        try {
            Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--autoplay-policy=no-user-gesture-required",
                    "--user-data-dir=" + profile, "--dump-dom",
                    "http://127.0.0.1:" + http.getAddress().getPort() + "/#" + hash)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("chromium did not finish");
            }
            Matcher m = Pattern.compile("RESULT (\\{.*?})</pre>", Pattern.DOTALL).matcher(dom);
            if (!m.find()) {
                throw new AssertionError("no result in the page: " + dom);
            }
            return m.group(1).replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
        } finally {
            http.stop(0);
            threads.shutdownNow();
            deleteQuietly(profile);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temp profile left behind is harmless
        }
    }
}
