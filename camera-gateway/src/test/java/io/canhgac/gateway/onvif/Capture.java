package io.canhgac.gateway.onvif;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the capture file a test reads, relative to data/onvif, e.g.
 * {@code @Capture("axis/media/GetProfiles.Response.xml")}. {@link OnvifCaptureTest} refuses to
 * load a capture the test does not name, and {@link OnvifCaptureCoverageTest} fails when a capture
 * of a supported operation is named by no test: so nothing is skipped silently.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Captures.class)
public @interface Capture {

    String value();
}
