package io.canhgac.district;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A systemd unit file read as systemd reads the parts we use: keys per section (repeated keys kept in
 * order), Environment="NAME=value" assignments, and ExecStart expanded as systemd does: {@code $NAME}
 * split into words, {@code ${NAME}} as one word, {@code %i} the instance name.
 */
record SystemdUnit(Map<String, List<String>> keys) {

    static SystemdUnit read(Path file) throws IOException {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        String section = "";
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                section = line.substring(1, line.indexOf(']'));
                continue;
            }
            int eq = line.indexOf('=');
            keys.computeIfAbsent(section + "." + line.substring(0, eq), k -> new ArrayList<>()).add(line.substring(eq + 1));
        }
        return new SystemdUnit(keys);
    }

    String one(String sectionAndKey) {
        List<String> values = keys.getOrDefault(sectionAndKey, List.of());
        if (values.size() != 1) {
            throw new AssertionError(sectionAndKey + " should be set once, is " + values);
        }
        return values.get(0);
    }

    /** Environment= lines as NAME → value, with {@code extra} (what an EnvironmentFile would add) on top. */
    Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String assignment : keys.getOrDefault("Service.Environment", List.of())) {
            String unquoted = assignment.startsWith("\"") ? assignment.substring(1, assignment.length() - 1) : assignment;
            int eq = unquoted.indexOf('=');
            env.put(unquoted.substring(0, eq), unquoted.substring(eq + 1));
        }
        env.putAll(extra);
        return env;
    }

    /** ExecStart as the words of the command systemd would run for this instance. */
    List<String> command(String instance, Map<String, String> extraEnvironment) {
        Map<String, String> env = environment(extraEnvironment);
        List<String> words = new ArrayList<>();
        for (String word : one("Service.ExecStart").replace("%i", instance).split("\\s+")) {
            if (word.startsWith("${")) {
                words.add(required(env, word.substring(2, word.indexOf('}'))) + word.substring(word.indexOf('}') + 1));
            } else if (word.startsWith("$")) {
                String value = required(env, word.substring(1)).strip();
                if (!value.isEmpty()) {
                    words.addAll(List.of(value.split("\\s+")));
                }
            } else {
                words.add(word);
            }
        }
        return words;
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null) {
            throw new AssertionError("ExecStart uses $" + name + ", which no Environment= sets");
        }
        return value;
    }
}
