// Reads a camera through the npm `onvif` client; see onvif-npm-check.sh.
'use strict';
const { Cam } = require('onvif');

const [hostname, port, username, password] = process.argv.slice(2);
const deadline = setTimeout(() => fail(new Error('no answer within 60 s')), 60000);

function fail(err) {
  console.error('FAILED ' + (err && err.message ? err.message : String(err)));
  process.exit(1);
}

function call(cam, method, ...args) {
  return new Promise((resolve, reject) => {
    cam[method](...args, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

const cam = new Cam({ hostname, port: Number(port), username, password, timeout: 10000 }, async function (err) {
  if (err) {
    return fail(err);
  }
  try {
    const info = await call(cam, 'getDeviceInformation');
    const profiles = [];
    for (const p of cam.profiles) {
      const token = p.$.token;
      const encoder = p.videoEncoderConfiguration;
      const stream = await call(cam, 'getStreamUri', { protocol: 'RTSP', profileToken: token });
      profiles.push({
        token,
        name: p.name,
        encoding: encoder.encoding,
        width: Number(encoder.resolution.width),
        height: Number(encoder.resolution.height),
        frameRate: Number(encoder.rateControl.frameRateLimit),
        streamUri: stream.uri,
      });
    }
    const result = {
      manufacturer: info.manufacturer,
      model: info.model,
      firmwareVersion: info.firmwareVersion,
      serialNumber: String(info.serialNumber),
      hardwareId: String(info.hardwareId),
      videoSources: Array.isArray(cam.videoSources) ? cam.videoSources.length : (cam.videoSources ? 1 : 0),
      profiles,
    };
    console.log('RESULT ' + JSON.stringify(result));
    clearTimeout(deadline);
    process.exit(0);
  } catch (e) {
    fail(e);
  }
});
cam.on('warning', (w) => console.error('WARNING ' + w));
