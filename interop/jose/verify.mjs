// Verifies a OnceForm JSON signature with the independent `jose` library (panva/jose):
// a detached JWS in compact form whose payload is unencoded (RFC 7797, "b64": false) and is the
// JCS canonical form (RFC 8785) of the JSON file. The canonical form is computed here in
// JavaScript, not taken from OnceForm, so this also checks OnceForm's JCS.
//
//   node verify.mjs RESULT.json RESULT.json.jws   -> prints "verified ALG sigT=..." and exits 0
//   node verify.mjs --canonical RESULT.json       -> prints the JCS form of the file
//
// Exit codes: 0 verified, 1 signature rejected, 2 usage or input error.
// The leaf certificate of x5c gives the key; the chain and trust are OnceForm's own tests' concern.
import { readFileSync } from 'node:fs';
import { flattenedVerify, importX509, decodeProtectedHeader } from 'jose';

// RFC 8785 in JavaScript: member names sorted by UTF-16 code units (the default sort of strings),
// numbers and strings as JSON.stringify writes them (ECMAScript Number::toString).
function canonicalize(value) {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return '[' + value.map(canonicalize).join(',') + ']';
  }
  return '{' + Object.keys(value).sort()
    .map((name) => JSON.stringify(name) + ':' + canonicalize(value[name]))
    .join(',') + '}';
}

function canonicalBytes(path) {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  return new TextEncoder().encode(canonicalize(JSON.parse(text)));
}

function pem(base64Der) {
  return `-----BEGIN CERTIFICATE-----\n${base64Der.match(/.{1,64}/g).join('\n')}\n-----END CERTIFICATE-----\n`;
}

async function main(args) {
  if (args[0] === '--canonical' && args.length === 2) {
    process.stdout.write(canonicalBytes(args[1]));
    return 0;
  }
  if (args.length !== 2) {
    console.error('usage: node verify.mjs RESULT.json RESULT.json.jws | --canonical RESULT.json');
    return 2;
  }
  const [protectedHeader, payloadPart, signature] = readFileSync(args[1], 'ascii').trim().split('.');
  if (payloadPart !== '') {
    console.error('not a detached JWS: the payload part is not empty');
    return 2;
  }
  const header = decodeProtectedHeader(`${protectedHeader}..${signature}`);
  if (!Array.isArray(header.x5c) || header.x5c.length === 0) {
    console.error('no x5c in the protected header');
    return 2;
  }
  const key = await importX509(pem(header.x5c[0]), header.alg);
  try {
    const result = await flattenedVerify(
      { protected: protectedHeader, payload: canonicalBytes(args[0]), signature },
      key,
      { algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'],
        crit: { sigT: true } },
    );
    console.log(`verified ${result.protectedHeader.alg} sigT=${result.protectedHeader.sigT}`);
    return 0;
  } catch (e) {
    console.log(`rejected: ${e.code ?? e.name}: ${e.message}`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => { console.error(`error: ${e.message}`); process.exitCode = 2; },
);
