package io.canhgac.gateway.camera;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    @Test
    void doublesUpToTheCapAndResets() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThat(b.next()).hasSeconds(1);
        assertThat(b.next()).hasSeconds(2);
        assertThat(b.next()).hasSeconds(4);
        assertThat(b.next()).hasSeconds(5);
        assertThat(b.next()).hasSeconds(5);
        b.reset();
        assertThat(b.next()).hasSeconds(1);
    }

    @Test
    void refusesACapBelowTheStart() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
