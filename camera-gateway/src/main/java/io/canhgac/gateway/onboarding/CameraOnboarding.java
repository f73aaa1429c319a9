package io.canhgac.gateway.onboarding;

import io.canhgac.gateway.onvif.OnvifClientSettings;
import io.canhgac.gateway.onvif.OnvifCredentials;
import io.canhgac.gateway.onvif.OnvifException;
import io.canhgac.gateway.onvif.OnvifFailure;
import io.canhgac.gateway.onvif.OnvifService;
import io.canhgac.gateway.onvif.SoapClient;
import io.canhgac.gateway.onvif.device.DeviceInformation;
import io.canhgac.gateway.onvif.device.OnvifDeviceClient;
import io.canhgac.gateway.onvif.device.ServiceAddresses;
import io.canhgac.gateway.onvif.media.MediaProfile;
import io.canhgac.gateway.onvif.media.CameraMedia;
import io.canhgac.gateway.video.StreamException;
import io.canhgac.gateway.video.StreamFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * Turns an address and an account into a camera record: who the camera is, its main and sub
 * streams, its snapshot URI and whether it has PTZ, after checking that the substream really
 * opens and decodes. Every way this fails is a {@link OnboardingResult.Refused} that tells the
 * technician what to check. Blocking: run it off any event loop.
 */
public final class CameraOnboarding {

    private static final Logger log = LoggerFactory.getLogger(CameraOnboarding.class);

    private final HttpClient http;
    private final OnvifClientSettings settings;
    private final StreamCheck streamCheck;

    /** @param streamTimeout how long opening the substream and decoding its first picture may wait for data */
    public CameraOnboarding(HttpClient http, OnvifClientSettings settings, Duration streamTimeout) {
        this.http = http;
        this.settings = settings;
        this.streamCheck = new StreamCheck(streamTimeout);
    }

    /**
     * @param address "10.1.2.11", "10.1.2.11:8899" or the device service URL from discovery
     */
    public OnboardingResult onboard(String address, OnvifCredentials credentials) {
        URI deviceService;
        try {
            deviceService = deviceServiceUrl(address);
        } catch (IllegalArgumentException e) {
            return OnboardingResult.Refused.of(OnboardingProblem.UNREACHABLE, address, "not an address: " + e.getMessage());
        }
        SoapClient soap = new SoapClient(http, settings, credentials, Clock.systemUTC());
        OnvifDeviceClient device = new OnvifDeviceClient(soap, deviceService);
        CameraRecord camera;
        try {
            // unauthenticated first: tells "not a camera" apart from "wrong password", and fixes the token clock
            device.synchronizeClock();
            DeviceInformation info = device.getDeviceInformation();
            camera = describe(deviceService, info, device.serviceAddresses(), soap);
        } catch (OnvifException e) {
            log.info("Onboarding {} refused: {}", address, e.getMessage());
            return OnboardingResult.Refused.of(problem(e.failure()), address, e.getMessage());
        } catch (NoVideoException e) {
            return OnboardingResult.Refused.of(OnboardingProblem.NO_VIDEO, address, e.getMessage());
        }
        try {
            String size = streamCheck.check(camera.subStream(), credentials);
            log.info("Onboarded {} ({} {}, serial {}): substream {} decodes at {}", address, camera.device().manufacturer(),
                    camera.device().model(), camera.device().serialNumber(), camera.subStream(), size);
        } catch (StreamException e) {
            OnboardingProblem problem = e.failure() == StreamFailure.UNAUTHORIZED
                    ? OnboardingProblem.BAD_CREDENTIALS : OnboardingProblem.STREAM_UNUSABLE;
            return OnboardingResult.Refused.of(problem, address, e.getMessage());
        }
        return new OnboardingResult.Onboarded(camera);
    }

    private static CameraRecord describe(URI deviceService, DeviceInformation info, ServiceAddresses services,
                                         SoapClient soap) throws OnvifException, NoVideoException {
        CameraMedia media = CameraMedia.of(soap, services, deviceService);
        ProfileChoice choice = ProfileChoice.of(media.getProfiles());
        if (choice.refusal() != null) {
            throw new NoVideoException(choice.refusal());
        }
        MediaProfile main = choice.main();
        MediaProfile sub = choice.sub();
        URI snapshot = null;
        try {
            snapshot = media.getSnapshotUri(main.token()).uri();
        } catch (OnvifException e) {
            // the snapshot URI is optional (pictures can be cut from the stream): only a refused
            // account or a lost camera stops onboarding here, not a firmware that breaks this answer
            if (e.failure() == OnvifFailure.NOT_AUTHORIZED || e.failure() == OnvifFailure.UNREACHABLE
                    || e.failure() == OnvifFailure.TIMEOUT) {
                throw e;
            }
            log.warn("Camera at {}: no snapshot URI ({})", deviceService, e.getMessage());
        }
        boolean ptz = services.of(OnvifService.PTZ).isPresent() && main.ptzConfigured();
        log.info("Camera at {}: {} main profile {} ({}), substream {} ({})", deviceService, media.service(), main.token(),
                main.video().encoding(), sub.token(), sub.video().encoding());
        return new CameraRecord(deviceService, info, main.token(), media.getStreamUri(main.token()).uri(),
                sub.token(), media.getStreamUri(sub.token()).uri(), snapshot, ptz);
    }

    static URI deviceServiceUrl(String address) {
        String a = address.trim();
        if (a.isEmpty()) {
            throw new IllegalArgumentException("empty");
        }
        URI uri = URI.create(a.contains("://") ? a : "http://" + a);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(a);
        }
        String path = uri.getRawPath();
        return path == null || path.isEmpty() || path.equals("/") ? uri.resolve("/onvif/device_service") : uri;
    }

    private static OnboardingProblem problem(OnvifFailure failure) {
        return switch (failure) {
            case NOT_AUTHORIZED -> OnboardingProblem.BAD_CREDENTIALS;
            case UNREACHABLE -> OnboardingProblem.UNREACHABLE;
            case TIMEOUT -> OnboardingProblem.TIMEOUT;
            case NOT_ONVIF -> OnboardingProblem.NOT_ONVIF;
            case ACTION_NOT_SUPPORTED, INVALID_ARGUMENT, DEVICE_FAULT, BAD_RESPONSE -> OnboardingProblem.CAMERA_ERROR;
        };
    }

    /** The camera answered but offers nothing to stream. */
    private static final class NoVideoException extends Exception {
        NoVideoException(String message) {
            super(message);
        }
    }
}
