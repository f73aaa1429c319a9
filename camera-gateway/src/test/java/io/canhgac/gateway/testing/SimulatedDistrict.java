package io.canhgac.gateway.testing;

import io.canhgac.config.CameraSpec;
import io.canhgac.config.Commune;
import io.canhgac.config.DistrictInventory;
import io.canhgac.simulator.SimulatorOptions;
import io.canhgac.simulator.scene.MovingObject;
import io.canhgac.simulator.scene.SceneScript;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small simulated districts for the ONVIF tests: every camera with an account, on loopback only. */
public final class SimulatedDistrict {

    /** A 12 s loop: a car crosses from 5 s to 8 s. */
    public static final SceneScript SCENE = new SceneScript("gateway-onvif-test", 640, 360, 10, 12, 2.0, 11,
            List.of(MovingObject.car(5, 8, 230)));
    public static final String USER = "admin";
    public static final String PASSWORD = "Canh-Gac-7";

    private SimulatedDistrict() {
    }

    /**
     * {@code count} cameras on 127.0.{@code subnet}.11, .12, …, in two communes, named "Camera 1"… with
     * model "CG-SIM-1"… so each is recognisable in discovery results.
     */
    public static DistrictInventory cameras(int subnet, int count) {
        List<CameraSpec> specs = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String commune = i % 2 == 0 ? "son-vien" : "que-loc";
            specs.add(new CameraSpec(id(subnet, i), "Camera " + i, commune, null, null, "127.0." + subnet + "." + (10 + i),
                    "Canh Gac", "CG-SIM-" + i, i == 1, USER, PASSWORD, SCENE.name(), i, null)); // camera 1: a PTZ dome
        }
        return new DistrictInventory("Nông Sơn", "Asia/Ho_Chi_Minh",
                List.of(new Commune("que-loc", "Quế Lộc"), new Commune("son-vien", "Sơn Viên")), specs);
    }

    /** Fixed cameras of the given models (the simulator gives each model its firmware), in Quế Lộc. */
    public static DistrictInventory models(int subnet, List<String> models) {
        List<CameraSpec> specs = new ArrayList<>();
        for (int i = 1; i <= models.size(); i++) {
            specs.add(new CameraSpec(id(subnet, i), "Camera " + i, "que-loc", null, null, "127.0." + subnet + "." + (10 + i),
                    "OEM", models.get(i - 1), false, USER, PASSWORD, SCENE.name(), i, null));
        }
        return new DistrictInventory("Nông Sơn", "Asia/Ho_Chi_Minh", List.of(new Commune("que-loc", "Quế Lộc")), specs);
    }

    public static String id(int subnet, int i) {
        return "T" + subnet + "-" + i;
    }

    /** Each camera on its own address, free RTSP and ONVIF ports, answering WS-Discovery. */
    public static SimulatorOptions perCameraAddresses() {
        return new SimulatorOptions(true, "127.0.0.1", 0, false, true, Path.of("target/scene-cache"), name -> SCENE, 0, true);
    }

    /** All cameras on 127.0.0.1 with free ports and ONVIF; no discovery. */
    public static SimulatorOptions sharedAddress() {
        return SimulatorOptions.forTests(Path.of("target/scene-cache"), name -> SCENE).withOnvif();
    }
}
