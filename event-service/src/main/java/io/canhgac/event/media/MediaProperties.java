package io.canhgac.event.media;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where snapshots and clips live.
 *
 * @param dir            the media root; files go to {@code <camera>/<yyyy-MM-dd>/<id>.<ext>} under it
 * @param maxUploadSize  a larger upload is refused (413): a clip is capped by the gateway at about a minute
 * @param partialMaxAge  a chunked upload untouched this long is given up (its partial file deleted): its
 *                       gateway has either finished it under another id or lost it
 * @param minFree        the health's media store component is DOWN below this much free space on the
 *                       media root's disk (the gateways' spools keep 1 GiB free likewise)
 */
@Validated
@ConfigurationProperties("canhgac.media")
record MediaProperties(@DefaultValue("data/media") @NotNull Path dir,
                       @DefaultValue("64MB") @NotNull DataSize maxUploadSize,
                       @DefaultValue("7d") @NotNull Duration partialMaxAge,
                       @DefaultValue("1GB") @NotNull DataSize minFree) {
}
