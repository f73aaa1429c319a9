package io.canhgac.event.incident;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * Where snapshots and clips are kept: event_media paths are relative to {@code dir}. The evidence
 * export reads them from here and never from outside it.
 */
@Validated
@ConfigurationProperties("canhgac.media")
record MediaRootProperties(@DefaultValue("data/media") @NotNull Path dir) {
}
