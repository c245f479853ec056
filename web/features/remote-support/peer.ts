// One RTCPeerConnection per side after admission, negotiated with MDN's "perfect negotiation" over the
// session's `signal` frames: the host is impolite (its offer wins a collision), the client polite.
import type {
  ClientMessage,
  IceServer,
} from '../../../src/modules/remote-support/remote-support.protocol.ts';

type SignalFrame = Extract<ClientMessage, { type: 'signal' }>;
export type IceProblem = 'failed' | 'timeout';

/** How long ICE may take before the session says it could not connect instead of waiting on. */
const iceTimeoutMs = 10_000;

export interface PeerEvents {
  signal: (frame: SignalFrame) => void;
  /** The other side's picture arrived (a stream) or went (null). */
  remoteStream: (stream: MediaStream | null) => void;
  dataChannel: (channel: RTCDataChannel) => void;
  connected: () => void;
  problem: (problem: IceProblem) => void;
}

export class PeerLink {
  readonly connection: RTCPeerConnection;
  private readonly polite: boolean;
  private makingOffer = false;
  private ignoreOffer = false;
  private settingRemoteAnswer = false;
  private readonly timer: ReturnType<typeof setTimeout>;

  constructor(
    options: { iceServers: IceServer[]; relayOnly: boolean; polite: boolean },
    private readonly events: PeerEvents,
  ) {
    this.polite = options.polite;
    this.connection = new RTCPeerConnection({
      iceServers: options.iceServers,
      iceTransportPolicy: options.relayOnly ? 'relay' : 'all',
    });
    const pc = this.connection;
    this.timer = setTimeout(() => {
      if (!this.isConnected()) events.problem('timeout');
    }, iceTimeoutMs);
    pc.addEventListener('iceconnectionstatechange', () => {
      if (this.isConnected()) {
        clearTimeout(this.timer);
        events.connected();
      } else if (pc.iceConnectionState === 'failed') events.problem('failed');
    });
    pc.addEventListener('negotiationneeded', async () => {
      try {
        this.makingOffer = true;
        await pc.setLocalDescription();
        this.sendDescription();
      } catch {
        // A newer negotiation replaced this one; it sends its own offer.
      } finally {
        this.makingOffer = false;
      }
    });
    pc.addEventListener('icecandidate', ({ candidate }) => {
      const { sdpMid, sdpMLineIndex, usernameFragment } = candidate?.toJSON() ?? {};
      events.signal({
        type: 'signal',
        candidate: candidate
          ? { candidate: candidate.candidate, sdpMid, sdpMLineIndex, usernameFragment }
          : null,
      });
    });
    pc.addEventListener('track', ({ track, streams }) => {
      const stream = streams[0] ?? new MediaStream([track]);
      stream.addEventListener('removetrack', () => {
        if (stream.getVideoTracks().length === 0) events.remoteStream(null);
      });
      track.addEventListener('ended', () => events.remoteStream(null));
      events.remoteStream(stream);
    });
    pc.addEventListener('datachannel', ({ channel }) => events.dataChannel(channel));
  }

  private isConnected(): boolean {
    const state = this.connection.iceConnectionState;
    return state === 'connected' || state === 'completed';
  }

  private sendDescription(): void {
    const description = this.connection.localDescription;
    if (!description) return;
    const { type, sdp } = description;
    if (type === 'offer' || type === 'answer' || type === 'rollback')
      this.events.signal({ type: 'signal', description: { type, sdp } });
  }

  /** A `signal` frame from the other side. */
  async receive(frame: Omit<SignalFrame, 'type'>): Promise<void> {
    const pc = this.connection;
    try {
      if (frame.description) {
        const { description } = frame;
        const readyForOffer =
          !this.makingOffer && (pc.signalingState === 'stable' || this.settingRemoteAnswer);
        const collision = description.type === 'offer' && !readyForOffer;
        this.ignoreOffer = !this.polite && collision;
        if (this.ignoreOffer) return;
        this.settingRemoteAnswer = description.type === 'answer';
        await pc.setRemoteDescription(description);
        this.settingRemoteAnswer = false;
        if (description.type === 'offer') {
          await pc.setLocalDescription();
          this.sendDescription();
        }
      } else if (frame.candidate) {
        try {
          await pc.addIceCandidate(frame.candidate);
        } catch (error) {
          if (!this.ignoreOffer) throw error;
        }
      }
    } catch {
      // A description of a negotiation already replaced, or a closed connection: the next one carries on.
      this.settingRemoteAnswer = false;
    }
  }

  /** Sends the picture; the connection negotiates it by itself (negotiationneeded). */
  addShare(track: MediaStreamTrack, stream: MediaStream): RTCRtpSender {
    return this.connection.addTrack(track, stream);
  }

  removeShare(sender: RTCRtpSender): void {
    if (this.connection.signalingState !== 'closed') this.connection.removeTrack(sender);
  }

  close(): void {
    clearTimeout(this.timer);
    this.connection.close();
  }
}
