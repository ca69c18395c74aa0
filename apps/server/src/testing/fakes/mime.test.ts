import { describe, expect, it } from 'vitest';
import { decodeWords, parseMail } from './mime.js';

describe('the SMTP sink’s MIME reader', () => {
  it('decodes base64 and Q encoded words, joining adjacent ones', () => {
    const hindi = 'बाढ़ चेतावनी';
    const b = Buffer.from(hindi).toString('base64');
    expect(decodeWords(`=?UTF-8?B?${b.slice(0, 12)}?= =?UTF-8?B?${b.slice(12)}?=`)).toBe(hindi);
    expect(decodeWords('=?utf-8?Q?=E8=AD=A6=E5=A0=B1_test?= plain')).toBe('警報 test plain');
  });

  it('reads a quoted-printable UTF-8 body with soft line breaks, and folded headers', () => {
    const raw = [
      'Subject: =?UTF-8?Q?=E8=AD=A6=E5=A0=B1?=',
      'List-Unsubscribe:',
      ' <https://x.example/u/1>',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'caf=C3=A9 au l=',
      'ait',
    ].join('\r\n');
    const mail = parseMail(raw);
    expect(mail.headers.get('subject')).toBe('警報');
    expect(mail.headers.get('list-unsubscribe')).toBe('<https://x.example/u/1>');
    expect(mail.text).toBe('café au lait');
  });

  it('takes the text/plain part of a multipart message', () => {
    const raw = [
      'Content-Type: multipart/alternative; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('नमस्ते').toString('base64'),
      '--b1',
      'Content-Type: text/html',
      '',
      '<p>x</p>',
      '--b1--',
    ].join('\r\n');
    expect(parseMail(raw).text).toBe('नमस्ते');
  });
});
