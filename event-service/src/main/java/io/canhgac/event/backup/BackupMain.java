package io.canhgac.event.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The backup and restore commands of the server's jar:
 * {@code java -jar district-server.jar backup --to DIR [--data DATA]} and
 * {@code java -jar district-server.jar restore --from DIR --into EMPTY_DATA}. They run without
 * Spring: the backup beside a running server (or on a stopped one), the restore before one starts.
 */
public final class BackupMain {

    public static final List<String> COMMANDS = List.of("backup", "restore");

    private static final String USAGE = """
            usage: backup --to DIR [--data DATA]     a consistent backup of DATA (default: data): its database
                                                     (data/postgres), media store (data/media) and camera key
                   restore --from DIR --into DATA    restores a backup into DATA, which must be new or empty""";

    private BackupMain() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command; 0 when done, 1 when it failed or refused, 2 for a wrong command line. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                err.println("unexpected argument " + args[i] + "\n" + USAGE);
                return 2;
            }
            options.put(args[i].substring(2), args[++i]);
        }
        Progress progress = new Progress(out);
        try {
            if (args[0].equals("backup") && options.containsKey("to") && options.keySet().stream().allMatch(List.of("to", "data")::contains)) {
                new Backup(progress).run(DataFolders.under(Path.of(options.getOrDefault("data", "data"))), Path.of(options.get("to")));
                return 0;
            }
            if (args[0].equals("restore") && options.keySet().equals(java.util.Set.of("from", "into"))) {
                new Restore(progress).run(Path.of(options.get("from")), Path.of(options.get("into")));
                return 0;
            }
            err.println(USAGE);
            return 2;
        } catch (BackupException e) {
            err.println(e.getMessage()); // says itself whether it refused or failed
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println(args[0] + " failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }

    public static void main(String[] args) {
        System.exit(isCommand(args) ? run(args, System.out, System.err) : 2);
    }
}
