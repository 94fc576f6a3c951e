package it.comune.immigrati.platform;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** The unguessable tokens in private links and their digests: one implementation for every module. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** 128 random bits, URL-safe: 22 characters of base64url. */
    public static String linkToken() {
        byte[] token = new byte[16];
        RANDOM.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    public static byte[] sha256(byte[] content) {
        return sha256Digest().digest(content);
    }

    /** A fresh SHA-256 digest, for content read as a stream. */
    public static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
