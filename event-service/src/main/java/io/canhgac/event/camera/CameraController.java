package io.canhgac.event.camera;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class CameraController {

    private final CameraRepository cameras;

    CameraController(CameraRepository cameras) {
        this.cameras = cameras;
    }

    @GetMapping("/api/cameras")
    List<CameraView> list() {
        return cameras.findAll();
    }
}
