package io.canhgac.gateway.onvif.media;

/**
 * The video encoder of a media profile.
 *
 * @param token          the encoder configuration's token
 * @param encoding       the codec
 * @param width          pixels
 * @param height         pixels
 * @param frameRateLimit frames per second; 0 when the camera states no rate control
 * @param bitrateLimit   kbit/s; 0 when unstated or unlimited
 * @param h264Profile    for H.264 only, else null
 * @param govLength      frames between key frames for H.264, else 0
 */
public record VideoEncoderSettings(String token, VideoEncoding encoding, int width, int height, int frameRateLimit,
                                   int bitrateLimit, H264Profile h264Profile, int govLength) {
}
