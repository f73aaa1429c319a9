package io.canhgac.event.camera;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.contract.registry.MotionSettings;

/** Motion settings to and from the camera row's jsonb column. */
final class MotionJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MotionJson() {
    }

    static MotionSettings read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, MotionSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored motion settings do not parse: " + e.getOriginalMessage(), e);
        }
    }

    static String write(MotionSettings settings) {
        try {
            return JSON.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
