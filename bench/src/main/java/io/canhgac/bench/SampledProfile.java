package io.canhgac.bench;

import one.profiler.AsyncProfiler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * async-profiler (its agent library from the Maven package) in a gateway child, over the measured
 * window only: CPU-time samples (itimer, so no perf events are needed) with Java and native frames,
 * written as collapsed stacks.
 */
final class SampledProfile {

    static final String OUT = "bench.profile.out";
    static final String LIB = "bench.profile.lib";

    private final AsyncProfiler profiler;
    private final Path out;

    private SampledProfile(AsyncProfiler profiler, Path out) {
        this.profiler = profiler;
        this.out = out;
    }

    /** The profiler when the parent asked for one ({@code -Dbench.profile.out} and {@code -Dbench.profile.lib}). */
    static Optional<SampledProfile> requested() {
        String out = System.getProperty(OUT);
        String lib = System.getProperty(LIB);
        return out == null || lib == null ? Optional.empty()
                : Optional.of(new SampledProfile(AsyncProfiler.getInstance(lib), Path.of(out)));
    }

    /** The agent library copied out of the async-profiler jar on the class path, for a child to load. */
    static Path extractLibrary() throws IOException {
        try (InputStream in = AsyncProfiler.class.getResourceAsStream("/linux-x64/libasyncProfiler.so")) {
            if (in == null) {
                throw new IOException("no linux-x64/libasyncProfiler.so in the async-profiler jar on the class path");
            }
            Path lib = Files.createTempFile("libasyncProfiler", ".so");
            Files.copy(in, lib, StandardCopyOption.REPLACE_EXISTING);
            lib.toFile().deleteOnExit();
            return lib;
        }
    }

    void start() throws IOException {
        profiler.execute("start,event=itimer,interval=5ms,cstack=vm");
    }

    void stop() throws IOException {
        profiler.execute("stop,collapsed,file=" + out);
    }
}
