package io.canhgac.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of another process (all its threads, user + system), read from /proc. */
final class ProcessCpu {

    /** Linux's USER_HZ: /proc reports times in these ticks. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long pid;

    ProcessCpu(long pid) {
        this.pid = pid;
    }

    double seconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // the command name may contain spaces: fields are counted after its closing parenthesis
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(f[11]);
        long stime = Long.parseLong(f[12]);
        return (utime + stime) / TICKS_PER_SECOND;
    }

    long residentKilobytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /** Share of one core used while {@code work} runs for {@code seconds}. */
    double coreShare(double seconds) throws IOException, InterruptedException {
        double cpu0 = seconds();
        long t0 = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        double cpu1 = seconds();
        double wall = (System.nanoTime() - t0) / 1e9;
        return (cpu1 - cpu0) / wall;
    }
}
