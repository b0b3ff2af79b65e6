// The deployment's sealing key: a self-signed certificate for the PAdES seal of completed
// releases. node-forge, because @signpdf/signer-p12 reads the PKCS#12 with it.
import { randomBytes } from 'node:crypto';
import forge from 'node-forge';

const YEARS = 10;

/** A new self-signed X.509 certificate (RSA 2048, SHA-256, 10 years, CN `${commonName}`, O 'Portico', keyUsage digitalSignature+nonRepudiation) and its key as a PKCS#12 with a random passphrase. */
export function createSealKey(commonName: string): {
  p12Base64: string;
  passphrase: string;
  certificatePem: string;
  fingerprint256: string;
} {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  // A positive serial (leading bit clear), random so two keys never share one.
  cert.serialNumber = `0${randomBytes(15).toString('hex')}`;
  const now = new Date();
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now);
  cert.validity.notAfter.setUTCFullYear(now.getUTCFullYear() + YEARS);
  const subject = [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'Portico' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', critical: true, digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const passphrase = randomBytes(24).toString('base64url');
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], passphrase, { algorithm: '3des', friendlyName: commonName });
  const der = forge.asn1.toDer(p12).getBytes();
  const certDer = forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes();
  const fingerprint256 = forge.md.sha256
    .create()
    .update(certDer)
    .digest()
    .toHex()
    .toUpperCase()
    .replace(/(..)(?!$)/g, '$1:');
  return { p12Base64: forge.util.encode64(der), passphrase, certificatePem: forge.pki.certificateToPem(cert), fingerprint256 };
}
