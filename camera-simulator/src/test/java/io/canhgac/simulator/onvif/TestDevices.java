package io.canhgac.simulator.onvif;

import java.net.URI;
import java.time.Clock;

/** Simulated cameras for the tests. */
final class TestDevices {

    static final String USER = "admin";
    static final String PASSWORD = "Qu3-L0c!";

    private TestDevices() {
    }

    static DeviceIdentity identity(String serial, String name) {
        return new DeviceIdentity("Canh Gac", "CG-PTZ-720", "1.4.2 build 260101", serial, "CG-HW-3",
                name, "vn/quang-nam/nong-son/que-loc");
    }

    static OnvifDevice device() {
        return device(identity("CG20260001", "Cổng UBND xã Quế Lộc"), Clock.systemUTC());
    }

    static OnvifDevice device(DeviceIdentity identity, Clock clock) {
        byte[] jpeg = TestCardJpeg.render(640, 360, identity.name());
        return new OnvifDevice(identity, new DeviceCredentials(USER, PASSWORD),
                MediaCatalog.mainAndSub(() -> "rtsp://127.0.0.1:8554", () -> jpeg),
                PtzState.withDefaultPresets(), new DeviceEvents(clock), clock);
    }

    static URI rtsp(String token) {
        return URI.create("rtsp://127.0.0.1:8554/" + token);
    }
}
