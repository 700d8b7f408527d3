#!/usr/bin/env bash
# Checks the demo's result, signed at PAdES B-LT, with other tools: pdfsig trusts it once the test root CA is
# in an NSS database, openssl reads the CRLs and checks the signer's chain against them. Run by .ci/run after
# the demo; usage: bash .ci/check-demo-result.sh OUT_DIR (default: out).
set -euo pipefail
out=${1:-out}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir "$work/nssdb"
certutil -N -d "sql:$work/nssdb" --empty-password
certutil -A -d "sql:$work/nssdb" -n "OnceForm test CA" -t "CT,C,C" -i "$out/test-ca.pem"
signature=$(pdfsig -nssdir "sql:$work/nssdb" "$out/birth-certificate.pdf")
echo "$signature"
grep -q "Signature is Valid." <<<"$signature"
grep -q "Certificate is Trusted." <<<"$signature"
pdftotext -enc UTF-8 "$out/birth-certificate.pdf" - | grep -q "TRÍCH LỤC KHAI SINH"

openssl crl -in "$out/test-ca.crl.pem" -noout -text
openssl crl -in "$out/test-ca.crl.pem" -CAfile "$out/test-ca.pem" -noout
openssl crl -in "$out/test-issuing-ca.crl.pem" -CAfile "$out/test-issuing-ca.pem" -noout
# The signer's certificate from the demo's PKCS#12 file (its test password is in BirthRegistrationDemo).
openssl pkcs12 -in "$out/test-signer.p12" -passin pass:onceform-demo -nokeys -clcerts -out "$work/signer.pem"
openssl verify -crl_check_all -CAfile "$out/test-ca.pem" -untrusted "$out/test-issuing-ca.pem" \
  -CRLfile "$out/test-ca.crl.pem" -CRLfile "$out/test-issuing-ca.crl.pem" "$work/signer.pem"
echo "CI: the demo's B-LT result is valid and trusted (pdfsig), its CRLs and chain check out (openssl)"
