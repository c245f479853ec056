// A small PNG-looking file for the support tests.
export const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('IHDR fake image'),
]);
export const pngAttachment = (filename = 'screen.png') => ({
  filename,
  contentType: 'image/png',
  data: png.toString('base64'),
});
