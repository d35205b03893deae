package no.meldingsvakt.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RS256-signed JSON Web Tokens, the client assertions Microsoft and Google accept instead of a secret. */
final class Jwt {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Pattern KEY = Pattern.compile("-----BEGIN PRIVATE KEY-----(.*?)-----END PRIVATE KEY-----", Pattern.DOTALL);
    private static final Pattern CERT = Pattern.compile("-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", Pattern.DOTALL);

    private Jwt() {}

    static String sign(Map<String, Object> header, Map<String, Object> claims, PrivateKey key) throws GeneralSecurityException {
        try {
            Map<String, Object> h = new LinkedHashMap<>(header);
            h.put("alg", "RS256");
            h.put("typ", "JWT");
            String signingInput = B64.encodeToString(JSON.writeValueAsBytes(h)) + "." + B64.encodeToString(JSON.writeValueAsBytes(claims));
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(s.sign());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** A PKCS#8 RSA key from PEM ("BEGIN PRIVATE KEY"); convert PKCS#1 keys with {@code openssl pkcs8 -topk8 -nocrypt}. */
    static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        Matcher m = KEY.matcher(pem);
        if (!m.find()) {
            throw new GeneralSecurityException("no '-----BEGIN PRIVATE KEY-----' block (PKCS#8) found");
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(1));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    static X509Certificate certificate(String pem) throws GeneralSecurityException {
        Matcher m = CERT.matcher(pem);
        if (!m.find()) {
            throw new GeneralSecurityException("no '-----BEGIN CERTIFICATE-----' block found");
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(1));
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(der));
    }

    /** The certificate's SHA-1 thumbprint, base64url: Entra ID's {@code x5t} header. */
    static String thumbprint(X509Certificate cert) throws GeneralSecurityException {
        return B64.encodeToString(MessageDigest.getInstance("SHA-1").digest(cert.getEncoded()));
    }
}
