package io.canhgac.gateway;

import org.junit.jupiter.api.Test;

import io.canhgac.gateway.recording.RecordedStream;
import io.canhgac.gateway.recording.RecordingSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The standalone gateway's command line: what it accepts and the mistakes it stops at. */
class GatewayArgumentsTest {

    static final String QUE_TRUNG = "../config/src/main/resources/district/que-trung.yaml";

    @Test
    void readsEveryOptionAndKeepsTheCamerasInOrder() {
        GatewayArguments a = GatewayArguments.parse(new String[]{"--service", "http://127.0.0.1:8080", "--token", "T",
                "--media-spool", "/tmp/spool", "--media-kbps", "256", "--camera", "b=rtsp://127.0.0.1/b", "--camera", "a=rtsp://127.0.0.1/a?x=1"}, "ENV");

        assertThat(a.service()).isEqualTo("http://127.0.0.1:8080");
        assertThat(a.token()).isEqualTo("T");
        assertThat(a.mediaSpool()).isEqualTo(Path.of("/tmp/spool"));
        // only the first '=' splits: stream URLs carry their own
        assertThat(List.copyOf(a.cameras().entrySet())).extracting(e -> e.getKey() + " " + e.getValue())
                .containsExactly("b rtsp://127.0.0.1/b", "a rtsp://127.0.0.1/a?x=1");
        GatewayNodeSettings s = a.settings();
        assertThat(s.media().spoolDir()).isEqualTo(Path.of("/tmp/spool"));
        assertThat(s.media().upload().budgetBitsPerSecond()).isEqualTo(256_000);
        assertThat(s.cameras().keySet()).containsExactly("b", "a");
        assertThat(s.live()).isNull();
        assertThat(s.link()).as("a commune's gateway dials its control link").isNotNull();
        assertThat(a.parentPid()).isNull();
        assertThat(GatewayArguments.parse(new String[]{"--service", "http://d", "--parent-pid", "4242"}, null).parentPid()).isEqualTo(4242L);
    }

    @Test
    void tokenFromTheEnvironmentUnlessGivenAndMediaCanBeOff() {
        GatewayArguments a = GatewayArguments.parse(new String[]{"--service", "http://d", "--media-spool", "none"}, "ENV");

        assertThat(a.token()).isEqualTo("ENV");
        assertThat(a.mediaSpool()).isNull();
        assertThat(a.settings().media()).isNull();
        assertThat(GatewayArguments.parse(new String[]{"--service", "http://d"}, null).mediaSpool())
                .isEqualTo(Path.of("media-spool"));
        assertThat(GatewayArguments.parse(new String[]{"--service", "http://d"}, null).settings().media().upload().budgetBitsPerSecond())
                .as("default budget").isEqualTo(512_000);
    }

    @Test
    void aSiteInventoryIsReadAtOnceAndItsHostsGetTheOnvifPort() {
        GatewayArguments a = GatewayArguments.parse(new String[]{"--service", "http://d", "--inventory", QUE_TRUNG,
                "--onvif-port", "8899"}, "T");
        assertThat(a.site().inventory().communes()).extracting(c -> c.id()).containsExactly("que-trung");
        assertThat(a.site().inventory().cameras()).extracting(c -> a.site().onvifAddress(c))
                .containsExactly("127.0.60.11:8899", "127.0.60.12:8899");
        assertThat(a.settings().site()).isEqualTo(a.site());
        assertThat(a.settings().link()).as("a site's gateway is a commune's: it dials its link").isNotNull();
        // without --onvif-port, ONVIF's own port 80
        GatewayArguments plain = GatewayArguments.parse(new String[]{"--service", "http://d", "--inventory", QUE_TRUNG}, "T");
        assertThat(plain.site().onvifAddress(plain.site().inventory().cameras().get(0))).isEqualTo("127.0.60.11");
        assertThat(GatewayArguments.parse(new String[]{"--service", "http://d"}, "T").settings().site()).isNull();
    }

    @Test
    void recordsByDefaultAndTakesItsBoundsOrNone() {
        RecordingSettings plain = GatewayArguments.parse(new String[]{"--service", "http://d"}, null).settings().recording();
        assertThat(plain.dir()).isEqualTo(Path.of("recordings"));
        assertThat(plain.stream()).isEqualTo(RecordedStream.MAIN);
        assertThat(plain.segment()).isEqualTo(Duration.ofSeconds(30));

        RecordingSettings small = GatewayArguments.parse(new String[]{"--service", "http://d", "--recording", "/srv/rec",
                "--recording-stream", "sub", "--recording-days", "3", "--recording-quota-mb", "512", "--recording-free-mb", "1024",
                "--segment-seconds", "20"}, null).settings().recording();
        assertThat(small).isEqualTo(new RecordingSettings(Path.of("/srv/rec"), true, RecordedStream.SUB, Map.of(), Duration.ofSeconds(20),
                3, Map.of(), 512L << 20, 1024L << 20));
        assertThat(GatewayArguments.parse(new String[]{"--service", "http://d", "--recording", "none"}, null).settings().recording()).isNull();
        assertThatThrownBy(() -> GatewayArguments.parse(new String[]{"--service", "http://d", "--segment-seconds", "5"}, null))
                .hasMessageContaining("10 to 60 seconds");
        assertThatThrownBy(() -> GatewayArguments.parse(new String[]{"--service", "http://d", "--recording-stream", "hd"}, null))
                .hasMessageContaining("main or sub");
    }

    @Test
    void stopsAtMistakes() {
        assertThatThrownBy(() -> GatewayArguments.parse(new String[]{"--service", "http://d", "--media-kbps", "-1"}, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--media-kbps");
        assertThatThrownBy(() -> GatewayArguments.parse(new String[]{"--service", "http://d", "--inventory", "nowhere.yaml"}, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--inventory").hasMessageContaining("nowhere.yaml");
        assertThatThrownBy(() -> GatewayArguments.parse(new String[]{"--service", "http://d", "--inventory", QUE_TRUNG,
                "--onvif-port", "0"}, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--onvif-port");
        assertThatThrownBy(() -> GatewayArguments.parse(new String[]{"--service", "http://d", "--onvif-port", "8899"}, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("goes with --inventory");
        assertThatThrownBy(() -> GatewayArguments.parse(new String[]{"--token", "T"}, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--service");
        assertThatThrownBy(() -> GatewayArguments.parse(new String[]{"--service", "http://d", "--verbose", "yes"}, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option --verbose");
        assertThatThrownBy(() -> GatewayArguments.parse(new String[]{"--service", "http://d", "--camera", "cam-1"}, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ID=URL");
        // a trailing option without its value used to be dropped silently
        assertThatThrownBy(() -> GatewayArguments.parse(new String[]{"--service", "http://d", "--token"}, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--token needs a value");
        assertThatThrownBy(() -> GatewayArguments.parse(new String[]{"--service", "http://d", "--parent-pid", "x"}, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("process id");
    }
}
