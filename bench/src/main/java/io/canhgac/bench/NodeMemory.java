package io.canhgac.bench;

import io.canhgac.event.nodes.EventServiceNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A node's live heap after a full GC (jcmd, the node's own pid) and its resident set, in KiB. */
record NodeMemory(long heapKib, long rssKib) {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    static NodeMemory of(EventServiceNode node) throws IOException, InterruptedException {
        jcmd(node.pid(), "GC.run");
        long heap = 0;
        for (String line : jcmd(node.pid(), "GC.heap_info").split("\n")) {
            // the serial collector's generations; not Metaspace's lines
            if (line.contains("generation")) {
                Matcher m = USED.matcher(line);
                if (m.find()) {
                    heap += Long.parseLong(m.group(1));
                }
            }
        }
        long rss = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(node.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return new NodeMemory(heap, rss);
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
