// One camera's recording played into a <video>: a playback ticket, then fragmented MP4 over the centre's
// live server (from the commune's gateway, no transcoding) into Media Source Extensions. The server says
// the instant of the first picture, so the page maps the video's time to the wall clock and several
// cameras keep to one clock. A seek or a speed change is a new session: close this one, open another.
(function () {
  'use strict';
  const END_OF_RECORDING = 4100;
  const KEEP_BEHIND_SECONDS = 20; // media kept behind the playing point: memory stays flat through a long watch

  /**
   * @param status called with a message key: pbConnecting, pbPlaying, pbEnd or pbClosed
   * @returns {close, freeze, startAt (ms since the epoch of the video's time 0, null before it is known),
   *           bufferedUntil() (ms since the epoch), sync(clockMs, playing)}
   */
  function open(cameraId, fromMs, speed, video, status) {
    const p = { closed: false, ws: null, startAt: null, ended: false };
    const queue = [];
    let buffer = null;
    const pump = () => {
      if (buffer && !buffer.updating && queue.length && !p.closed) buffer.appendBuffer(queue.shift());
    };
    const trim = () => {
      const b = video.buffered;
      if (b.length && video.currentTime - b.start(0) > 2 * KEEP_BEHIND_SECONDS && !buffer.updating) {
        buffer.remove(b.start(0), video.currentTime - KEEP_BEHIND_SECONDS);
        return true;
      }
      return false;
    };
    status('pbConnecting');
    App.post('/api/playback/tickets', { cameraId, stream: 'main', from: new Date(fromMs).toISOString(), speed: String(speed) })
      .then(tk => {
        if (p.closed) return;
        const media = new MediaSource();
        video.src = URL.createObjectURL(media);
        media.addEventListener('sourceopen', () => {
          if (p.closed) return;
          const ws = new WebSocket(tk.url);
          p.ws = ws;
          ws.binaryType = 'arraybuffer';
          ws.onmessage = m => {
            if (typeof m.data !== 'string') {
              queue.push(m.data);
              pump();
              return;
            }
            const msg = JSON.parse(m.data);
            if (msg.type === 'init' && !buffer) {
              buffer = media.addSourceBuffer(msg.mime);
              buffer.mode = 'segments';
              buffer.addEventListener('updateend', () => { if (!trim()) pump(); });
            } else if (msg.type === 'start') {
              p.startAt = Date.parse(msg.at);
              video.dataset.startAt = msg.at; // for tests and for whoever reads the page: where time 0 is
              status('pbPlaying');
            }
          };
          ws.onclose = e => {
            if (p.closed) return;
            p.ended = true;
            status(e.code === END_OF_RECORDING ? 'pbEnd' : 'pbClosed');
          };
        }, { once: true });
      })
      .catch(() => status('pbClosed'));

    /** Stops the session at the gateway; the picture shown stays. */
    p.freeze = () => {
      p.closed = true;
      if (p.ws) p.ws.close();
    };
    p.close = () => {
      p.freeze();
      video.pause();
    };
    p.bufferedUntil = () => {
      const b = video.buffered;
      return p.startAt == null || !b.length ? null : p.startAt + b.end(b.length - 1) * 1000;
    };
    /** Keeps the video at the clock's instant: jumps when it drifts (a gap, a late start), waits at the buffer's end. */
    p.sync = (clockMs, playing) => {
      if (p.startAt == null || !video.buffered.length) return;
      const want = (clockMs - p.startAt) / 1000;
      const b = video.buffered;
      let inside = false;
      for (let i = 0; i < b.length; i++) inside = inside || (want >= b.start(i) && want <= b.end(i));
      if (inside && Math.abs(video.currentTime - want) > 0.3 * speed) video.currentTime = want;
      if (video.playbackRate !== speed) video.playbackRate = speed;
      if (playing && inside && video.paused) video.play().catch(() => {});
      if (!playing && !video.paused) video.pause();
    };
    return p;
  }

  App.hooks.playbackPlayer = { open };

  /** Minutes the district's zone is ahead of UTC on a day ("GMT+07:00" → 420). */
  function zoneOffsetMinutes(day) {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' })
      .formatToParts(new Date(day + 'T12:00:00Z')).find(p => p.type === 'timeZoneName').value;
    const m = name.match(/GMT([+-])(\d\d):(\d\d)/);
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  }

  const dayOf = ms => new Date(ms + zoneOffsetMinutes(new Date(ms).toISOString().slice(0, 10)) * 60000).toISOString().slice(0, 10);
  const startOfDay = day => Date.parse(day + 'T00:00:00Z') - zoneOffsetMinutes(day) * 60000;

  /** Days and clock times on the district's calendar (the pages' date and time inputs), to and from instants. */
  App.hooks.districtTime = {
    dayOf,
    startOfDay,
    localTime: ms => new Date(ms + zoneOffsetMinutes(dayOf(ms)) * 60000).toISOString().slice(11, 19),
    /** The instant of a day's "HH:MM[:SS]" in the district. */
    at: (day, time) => startOfDay(day) + (time ? Date.parse('1970-01-01T' + (time.length === 5 ? time + ':00' : time) + 'Z') : 0)
  };
})();
