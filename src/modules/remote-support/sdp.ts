// R3 on the server: "no yes, no picture". A session description sends video when one of its video
// m-sections is not rejected (port 0) and its direction is sendrecv (the default) or sendonly.
export function sendsVideo(sdp: string): boolean {
  const sections = sdp.split(/\r?\n(?=m=)/).filter((section) => section.startsWith('m=video'));
  return sections.some((section) => {
    const port = section.slice('m=video '.length).split(' ')[0];
    const direction = /^a=(sendrecv|sendonly|recvonly|inactive)\s*$/m.exec(section)?.[1] ?? 'sendrecv';
    return port !== '0' && (direction === 'sendrecv' || direction === 'sendonly');
  });
}
