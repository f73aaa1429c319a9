// Discovers cameras with the npm `onvif` package's WS-Discovery probe; see onvif-npm-discover-district.sh.
'use strict';
const { Discovery } = require('onvif');

const expected = Number(process.argv[2]);
Discovery.on('error', (err) => console.error('WARNING ' + (err && err.message ? err.message : err)));
// bound to lo's address: the cameras answer loopback senders only
Discovery.probe({ timeout: 8000, resolve: false, device: 'lo' }, (err, matches) => {
  if (err) {
    console.error('FAILED ' + err.message);
    process.exit(1);
  }
  const found = new Map();
  for (const m of matches) {
    const match = m.probeMatches.probeMatch;
    const epr = match.endpointReference.address;
    const scopes = String(match.scopes).split(/\s+/);
    found.set(epr, {
      xaddrs: String(match.XAddrs),
      name: scopes.find((s) => s.includes('/name/')),
      hardware: scopes.find((s) => s.includes('/hardware/')),
      location: scopes.find((s) => s.includes('/location/')),
    });
  }
  const sample = [...found.values()].slice(0, 2);
  console.log('RESULT ' + JSON.stringify({ found: found.size, expected, sample }));
  process.exit(found.size === expected ? 0 : 1);
});
