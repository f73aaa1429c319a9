package io.canhgac.gateway.onvif.ptz;

import io.canhgac.gateway.onvif.Capture;
import io.canhgac.gateway.onvif.OnvifCaptureTest;
import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.onvif.OnvifOperation;
import io.canhgac.gateway.onvif.SoapClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PTZ answers of the Axis, Hikvision and Pelco cameras. The move, stop and go-to answers are
 * empty: for them the proof is that our request equals the one the camera accepted, and that
 * the camera's answer is accepted in return.
 */
class PtzCaptureTest extends OnvifCaptureTest {

    private OnvifPtzClient ptz(OnvifOperation operation, String path) {
        SoapClient soap = replay(operation, path, 200);
        return new OnvifPtzClient(soap, camera().uri("/onvif/ptz"));
    }

    private static PtzPosition position(double pan, double tilt, double zoom) {
        return new PtzPosition(OptionalDouble.of(pan), OptionalDouble.of(tilt), OptionalDouble.of(zoom));
    }

    // ---- GetPresets -------------------------------------------------------------------------

    private List<PtzPreset> presets(String path, String profile) throws OnvifException {
        List<PtzPreset> presets = ptz(OnvifOperation.GET_PRESETS, path).getPresets(profile);
        assertRequestLikeCaptured(path);
        return verifyPresets(presets);
    }

    @Test
    @Capture("axis/ptz/GetPresets.Response.xml")
    void axisPresets() throws Exception {
        List<PtzPreset> presets = presets("axis/ptz/GetPresets.Response.xml", "profile_1_h264");
        assertThat(presets).hasSize(21);
        assertThat(presets).extracting(PtzPreset::token).startsWith("22", "21", "20").endsWith("3", "2");
        assertThat(presets.get(0)).isEqualTo(new PtzPreset("22", "Living Room",
                position(-4.66240772E-06, 5.93397374E-07, 1.52603152E-09)));
        assertThat(presets.get(11)).isEqualTo(new PtzPreset("11", "H2", position(1.0342068E-05, 3.3908421E-07, 6.64434128E-06)));
        assertThat(presets.get(14)).isEqualTo(new PtzPreset("8", "Preset 6", position(-8.22279162E-06, 0, 1.25439794E-06)));
        assertThat(presets.get(20)).isEqualTo(new PtzPreset("2", "Preset 1",
                position(1.35633684E-06, -5.42534735E-06, 1.52603152E-09)));
    }

    @Test
    @Capture("hikvision/ptz/GetPresets.Response.xml")
    void hikvisionPresets() throws Exception {
        List<PtzPreset> presets = presets("hikvision/ptz/GetPresets.Response.xml", "Profile_1");
        // 256 slots without number 6; Hikvision reports no positions
        assertThat(presets).hasSize(255);
        assertThat(presets).extracting(PtzPreset::token).startsWith("1", "2", "3", "4", "5", "7").endsWith("255", "256");
        assertThat(presets).allSatisfy(p -> assertThat(p.position()).isEqualTo(PtzPosition.UNKNOWN));
        assertThat(presets.subList(0, 5)).extracting(PtzPreset::name)
                .containsExactly("preset 1", "preset 1", "preset 2", "Parking", "West");
        assertThat(presets).filteredOn(p -> !p.name().isEmpty()).hasSize(31);
        assertThat(presets.get(5)).isEqualTo(new PtzPreset("7", "", PtzPosition.UNKNOWN));
        // the numbers Hikvision reserves for functions keep their function names
        assertThat(presets).filteredOn(p -> p.token().equals("33")).extracting(PtzPreset::name).containsExactly("Auto-flip");
        assertThat(presets).filteredOn(p -> p.token().equals("94")).extracting(PtzPreset::name).containsExactly("Remote reboot");
        assertThat(presets).filteredOn(p -> p.token().equals("105")).extracting(PtzPreset::name).containsExactly("Call patrol 8");
    }

    @Test
    @Capture("pelco/ptz/GetPresets.Response.xml")
    void pelcoPresets() throws Exception {
        assertThat(presets("pelco/ptz/GetPresets.Response.xml", "0")).containsExactly(
                new PtzPreset("b8eb9b60-96b2-415e-aaa5-82a40217b93d", "Shane's Room", position(-0.26, 0.8, 0)),
                new PtzPreset("e1bda071-cfbf-4199-94bd-b4b9ed01ec61", "Ashiq's Room", position(0.21, 0.8, 0)),
                new PtzPreset("c9cf034b-3f77-4481-b61f-c93cb715a80a", "The Real Lab", position(0.56, 0.8, 0)),
                new PtzPreset("9e943b75-2880-4b38-b8f0-1728c0382490", "Door Sign", position(0.56, 1, 0.016)),
                new PtzPreset("96fdea4f-3b13-4b02-b5bd-1c449e2b8a8b", "Bottom of Door", position(0.56, 0.93, 0.045)),
                new PtzPreset("293ab6a2-235d-4b1d-906e-68bc7f8af514", "Dev Room", position(-0.46, 0.88, 0)));
    }

    // ---- ContinuousMove, Stop, GotoPreset ---------------------------------------------------

    private void continuousMove(String path, String profile) throws OnvifException {
        ptz(OnvifOperation.CONTINUOUS_MOVE, path).continuousMove(profile, new PtzVelocity(1, 0, 0), null);
        assertRequestLikeCaptured(path);
    }

    @Test
    @Capture("axis/ptz/ContinuousMove.Response.xml")
    void axisContinuousMove() throws Exception {
        continuousMove("axis/ptz/ContinuousMove.Response.xml", "profile_1_h264");
    }

    @Test
    @Capture("hikvision/ptz/ContinuousMove.Response.xml")
    void hikvisionContinuousMove() throws Exception {
        continuousMove("hikvision/ptz/ContinuousMove.Response.xml", "Profile_1");
    }

    @Test
    @Capture("pelco/ptz/ContinuousMove.Response.xml")
    void pelcoContinuousMove() throws Exception {
        continuousMove("pelco/ptz/ContinuousMove.Response.xml", "0");
    }

    private void stop(String path, String profile) throws OnvifException {
        ptz(OnvifOperation.STOP, path).stop(profile);
        assertRequestLikeCaptured(path);
    }

    @Test
    @Capture("axis/ptz/Stop.Response.xml")
    void axisStop() throws Exception {
        stop("axis/ptz/Stop.Response.xml", "profile_1_h264");
    }

    @Test
    @Capture("hikvision/ptz/Stop.Response.xml")
    void hikvisionStop() throws Exception {
        stop("hikvision/ptz/Stop.Response.xml", "Profile_1");
    }

    @Test
    @Capture("pelco/ptz/Stop.Response.xml")
    void pelcoStop() throws Exception {
        stop("pelco/ptz/Stop.Response.xml", "0");
    }

    private void gotoPreset(String path, String profile, String preset) throws OnvifException {
        ptz(OnvifOperation.GOTO_PRESET, path).gotoPreset(profile, preset);
        assertRequestLikeCaptured(path);
    }

    @Test
    @Capture("axis/ptz/GotoPreset.Response.xml")
    void axisGotoPreset() throws Exception {
        gotoPreset("axis/ptz/GotoPreset.Response.xml", "profile_1_h264", "22");
    }

    @Test
    @Capture("hikvision/ptz/GotoPreset.Response.xml")
    void hikvisionGotoPreset() throws Exception {
        gotoPreset("hikvision/ptz/GotoPreset.Response.xml", "Profile_1", "1");
    }

    @Test
    @Capture("pelco/ptz/GotoPreset.Response.xml")
    void pelcoGotoPreset() throws Exception {
        gotoPreset("pelco/ptz/GotoPreset.Response.xml", "0", "b8eb9b60-96b2-415e-aaa5-82a40217b93d");
    }
}
