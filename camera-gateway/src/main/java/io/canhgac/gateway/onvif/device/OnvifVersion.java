package io.canhgac.gateway.onvif.device;

/** An ONVIF version as devices write it: Major 2, Minor 40 for 2.40. */
public record OnvifVersion(int major, int minor) implements Comparable<OnvifVersion> {

    @Override
    public int compareTo(OnvifVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
