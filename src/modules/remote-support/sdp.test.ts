import { expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { sendsVideo } from './sdp.ts';

const head = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n';
const data = 'm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=sctp-port:5000\r\n';
const video = (direction: string | null, port = 9) =>
  `m=video ${port} UDP/TLS/RTP/SAVPF 96\r\na=mid:1\r\n${direction ? `a=${direction}\r\n` : ''}a=rtpmap:96 VP8/90000\r\n`;

it('tells a description that sends a picture from one that only receives or carries data', () => {
  expect(sendsVideo(head + data)).toBe(false);
  expect(sendsVideo(head + data + video('sendonly'))).toBe(true);
  expect(sendsVideo(head + data + video('sendrecv'))).toBe(true);
  expect(sendsVideo(head + video(null))).toBe(true); // sendrecv is the default
  expect(sendsVideo(head + video('recvonly'))).toBe(false);
  expect(sendsVideo(head + video('inactive'))).toBe(false);
  expect(sendsVideo(head + video('sendonly', 0))).toBe(false); // rejected m-section
  // The direction of an audio section does not count for the video one.
  expect(sendsVideo(`${head}m=audio 9 RTP/SAVPF 111\r\na=sendrecv\r\n${video('recvonly')}`)).toBe(false);
});

it('refuses TURN servers without the shared secret and URLs of the wrong scheme', () => {
  expect(() => loadConfig({ REMOTE_SUPPORT_TURN_URLS: 'turn:turn.example.com:3478' })).toThrow(
    /REMOTE_SUPPORT_TURN_SECRET/,
  );
  expect(() => loadConfig({ REMOTE_SUPPORT_STUN_URLS: 'http://stun.example.com' })).toThrow(
    /REMOTE_SUPPORT_STUN_URLS/,
  );
  expect(loadConfig({ REMOTE_SUPPORT_STUN_URLS: 'stun:a:3478, stun:b:3478' }).remoteSupport.stunUrls).toEqual(
    ['stun:a:3478', 'stun:b:3478'],
  );
});
