package org.renkou.exchange;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** This node's Ed25519 key pair (made on first use, kept in the database) and signature checks. */
@Component
class NodeKeys {
    private final JdbcClient jdbc;
    private volatile KeyPair keys;

    NodeKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String publicKey() {
        return Base64.getEncoder().encodeToString(keys().getPublic().getEncoded());
    }

    String sign(byte[] data) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(keys().getPrivate());
            s.update(data);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean verify(String publicKeyBase64, byte[] data, String signatureBase64) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(data);
            return s.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    static boolean isPublicKey(String base64) {
        try {
            KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return true;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private KeyPair keys() {
        if (keys == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = load();
                }
            }
        }
        return keys;
    }

    private KeyPair load() {
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            var stored = jdbc.sql("select public_key, private_key from exchange_node_key where id = 1")
                    .query((rs, i) -> new String[]{rs.getString(1), rs.getString(2)}).optional();
            if (stored.isPresent()) {
                Base64.Decoder b64 = Base64.getDecoder();
                PublicKey pub = factory.generatePublic(new X509EncodedKeySpec(b64.decode(stored.get()[0])));
                PrivateKey priv = factory.generatePrivate(new PKCS8EncodedKeySpec(b64.decode(stored.get()[1])));
                return new KeyPair(pub, priv);
            }
            KeyPair fresh = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Base64.Encoder b64 = Base64.getEncoder();
            jdbc.sql("insert into exchange_node_key (id, public_key, private_key) values (1, ?, ?) on conflict (id) do nothing")
                    .params(b64.encodeToString(fresh.getPublic().getEncoded()),
                            b64.encodeToString(fresh.getPrivate().getEncoded())).update();
            return load();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
