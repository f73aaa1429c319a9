package io.canhgac.simulator.onvif;

import java.time.Clock;
import java.util.Objects;

/**
 * Everything the ONVIF side of one simulated camera answers from. The simulator keeps references
 * to the mutable parts to drive faults and scenes: {@link DeviceCredentials#changePassword},
 * {@link DeviceEvents#motion}, {@link PtzState#position}.
 *
 * @param clock  the device clock: GetSystemDateAndTime reports it and UsernameToken times are checked against it
 * @param hasPtz   whether the camera can pan, tilt and zoom; a fixed camera advertises no PTZ and refuses PTZ calls
 * @param firmware which SOAP version and media services it speaks
 * @param recordings what it recorded on its own card (Recording Search and Replay); null: it records nothing itself
 */
public record OnvifDevice(DeviceIdentity identity, DeviceCredentials credentials, MediaCatalog media,
                          PtzState ptz, DeviceEvents events, Clock clock, boolean hasPtz, Firmware firmware,
                          CardRecordings recordings) {

    public OnvifDevice {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(ptz, "ptz");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(firmware, "firmware");
    }

    public OnvifDevice(DeviceIdentity identity, DeviceCredentials credentials, MediaCatalog media,
                       PtzState ptz, DeviceEvents events, Clock clock, boolean hasPtz) {
        this(identity, credentials, media, ptz, events, clock, hasPtz, Firmware.STANDARD);
    }

    public OnvifDevice(DeviceIdentity identity, DeviceCredentials credentials, MediaCatalog media,
                       PtzState ptz, DeviceEvents events, Clock clock, boolean hasPtz, Firmware firmware) {
        this(identity, credentials, media, ptz, events, clock, hasPtz, firmware, null);
    }

    /** The same camera running another firmware. */
    public OnvifDevice withFirmware(Firmware other) {
        return new OnvifDevice(identity, credentials, media, ptz, events, clock, hasPtz, other, recordings);
    }

    /** The same camera recording onto its card. */
    public OnvifDevice withRecordings(CardRecordings card) {
        return new OnvifDevice(identity, credentials, media, ptz, events, clock, hasPtz, firmware, card);
    }

    public OnvifDevice(DeviceIdentity identity, DeviceCredentials credentials, MediaCatalog media,
                       PtzState ptz, DeviceEvents events, Clock clock) {
        this(identity, credentials, media, ptz, events, clock, true);
    }

    public OnvifDevice(DeviceIdentity identity, DeviceCredentials credentials, MediaCatalog media,
                       PtzState ptz, DeviceEvents events) {
        this(identity, credentials, media, ptz, events, Clock.systemUTC(), true);
    }

    public OnvifDevice(DeviceIdentity identity, DeviceCredentials credentials, MediaCatalog media,
                       PtzState ptz, DeviceEvents events, boolean hasPtz) {
        this(identity, credentials, media, ptz, events, Clock.systemUTC(), hasPtz);
    }
}
